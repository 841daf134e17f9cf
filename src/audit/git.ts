/**
 * Git history of the content root, read in one pass: one `git log --raw` for every change to
 * every file, one `git status` for uncommitted edits, and one `git cat-file --batch` per round
 * for the file versions needed to tell a body change from a frontmatter-only change. Never one
 * git call per file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { normalizeText } from '../content/text.ts';

interface Change {
  /** Commit time, seconds since the epoch. */
  time: number;
  oldBlob: string;
  newBlob: string;
}

export interface History {
  /** Whether the content root is inside a git work tree. */
  available: boolean;
  /** Last time the file changed at all (commit or uncommitted edit), seconds; undefined if untracked. */
  lastChange(file: string): number | undefined;
  /** Last time the body changed, ignoring frontmatter-only changes; undefined if unknown. */
  lastBodyChange(file: string): number | undefined;
}

const git = (cwd: string, args: string[], input?: string) =>
  spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    input: input === undefined ? undefined : Buffer.from(input),
    encoding: input === undefined ? 'utf8' : 'buffer',
    maxBuffer: 1 << 30,
  });

/** A file's body as the loader sees it, so a frontmatter-only edit never counts as a body change. */
const body = (text: string) => {
  const normal = normalizeText(text);
  return normal.slice(splitFrontmatter(normal)?.bodyStart ?? 0);
};
const ZERO = /^0+$/;

/** Reads the history of every file under `root` whose body changes are asked for in `bodyFiles`. */
export function readHistory(root: string, bodyFiles: Iterable<string>): History {
  const none: History = { available: false, lastChange: () => undefined, lastBodyChange: () => undefined };
  const top = git(root, ['rev-parse', '--show-toplevel']);
  if (top.status !== 0) return none;
  const repo = String(top.stdout).trim();
  const prefix = path.relative(repo, fs.realpathSync(root)).split(path.sep).join('/');
  const rel = (p: string) => (prefix ? p.slice(prefix.length + 1) : p);

  const changes = new Map<string, Change[]>();
  const log = git(repo, ['log', '--format=%x01%ct', '--raw', '--no-renames', '--no-abbrev', '--', prefix || '.']);
  if (log.status === 0) {
    let time = 0;
    for (const line of String(log.stdout).split('\n')) {
      if (line.startsWith('\x01')) time = Number(line.slice(1));
      else if (line.startsWith(':')) {
        const tab = line.indexOf('\t');
        const [, , oldBlob, newBlob] = line.slice(1, tab).split(' ');
        const file = rel(line.slice(tab + 1));
        (changes.get(file) ?? changes.set(file, []).get(file)!).push({ time, oldBlob: oldBlob!, newBlob: newBlob! });
      }
    }
  }

  // Uncommitted edits count from the file's modification time.
  const edited = new Map<string, number>();
  const status = git(repo, ['status', '--porcelain', '--untracked-files=all', '--', prefix || '.']);
  for (const line of String(status.stdout).split('\n')) {
    if (line.length < 4) continue;
    const file = rel(line.slice(3).replace(/^.* -> /, ''));
    try {
      edited.set(file, Math.floor(fs.statSync(path.join(root, file)).mtimeMs / 1000));
    } catch {
      /* deleted */
    }
  }

  // Body changes: walk each file's changes newest first, comparing bodies, in batched rounds.
  const bodyChange = new Map<string, number | undefined>();
  const pending = new Map<string, number>(); // file → index of the change being examined
  for (const file of bodyFiles) {
    if (edited.has(file)) {
      const headBlob = changes.get(file)?.[0]?.newBlob;
      if (!headBlob) {
        bodyChange.set(file, edited.get(file));
        continue;
      }
      // Compare the working copy with HEAD below, as change "-1".
      pending.set(file, -1);
    } else if (changes.has(file)) pending.set(file, 0);
  }
  const blobs = new Map<string, string>();
  while (pending.size) {
    const wanted = new Set<string>();
    for (const [file, i] of pending) {
      const c = changes.get(file)!;
      if (i === -1) wanted.add(c[0]!.newBlob);
      else if (c[i] && !ZERO.test(c[i]!.oldBlob)) {
        wanted.add(c[i]!.oldBlob);
        wanted.add(c[i]!.newBlob);
      }
    }
    readBlobs(
      repo,
      [...wanted].filter((b) => !blobs.has(b) && !ZERO.test(b)),
      blobs,
    );
    for (const [file, i] of [...pending]) {
      const c = changes.get(file)!;
      if (i === -1) {
        const working = body(fs.readFileSync(path.join(root, file), 'utf8'));
        if (working !== body(blobs.get(c[0]!.newBlob) ?? '')) {
          bodyChange.set(file, edited.get(file));
          pending.delete(file);
        } else pending.set(file, 0);
        continue;
      }
      const change = c[i];
      if (!change) {
        bodyChange.set(file, undefined);
        pending.delete(file);
      } else if (ZERO.test(change.oldBlob) || ZERO.test(change.newBlob) || body(blobs.get(change.oldBlob) ?? '') !== body(blobs.get(change.newBlob) ?? '')) {
        bodyChange.set(file, change.time);
        pending.delete(file);
      } else pending.set(file, i + 1);
    }
  }

  return {
    available: true,
    lastChange: (file) => edited.get(file) ?? changes.get(file)?.[0]?.time,
    lastBodyChange: (file) => bodyChange.get(file),
  };
}

/** Reads many blobs with one `git cat-file --batch`. */
function readBlobs(repo: string, shas: string[], into: Map<string, string>): void {
  if (!shas.length) return;
  const out = git(repo, ['cat-file', '--batch'], `${shas.join('\n')}\n`).stdout as Buffer;
  let pos = 0;
  while (pos < out.length) {
    const nl = out.indexOf(10, pos);
    const [sha, , size] = out.subarray(pos, nl).toString('utf8').split(' ');
    const n = Number(size);
    if (Number.isNaN(n)) {
      pos = nl + 1;
      continue;
    }
    into.set(sha!, out.subarray(nl + 1, nl + 1 + n).toString('utf8'));
    pos = nl + 1 + n + 1;
  }
}
