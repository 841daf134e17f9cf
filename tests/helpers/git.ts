/** Temporary git repositories with commits at set dates. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp.ts';

export interface Commit {
  date: string;
  files: Record<string, string | null>;
}

export function write(root: string, files: Record<string, string | null>): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    if (text === null) fs.rmSync(file, { force: true });
    else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
}

/** A repository whose history is `commits`, each committed at its date (UTC noon). */
export function gitRepo(commits: Commit[]): string {
  const root = tempDir('git');
  const git = (args: string[], date?: string) =>
    execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: root,
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}) },
      stdio: 'pipe',
    });
  git(['init', '-q', '-b', 'main']);
  for (const c of commits) {
    write(root, c.files);
    git(['add', '-A']);
    git(['commit', '-q', '-m', `content ${c.date}`], c.date);
  }
  return root;
}

/** A plain folder (no git) with the files. */
export function folder(files: Record<string, string | null>): string {
  const root = tempDir('nogit');
  write(root, files);
  return root;
}
