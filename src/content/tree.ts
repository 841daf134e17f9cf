/**
 * Lists what is under the content root without ever following a symbolic link. Content is read,
 * not followed: `help/en/x -> ../../culture/en` would otherwise publish agent-only guides as
 * public pages, and `site.yaml -> ~/.ssh/id_rsa` would copy a key into error messages. Every link
 * among the files and folders Signpost reads is reported (`SymbolicLink`) and nothing is read
 * through it. The content root itself may be a link: `contentRoot()` resolves it once.
 *
 * Files and links whose names start with a dot are skipped as before (editors' lock files such as
 * `.#page.md` are dangling links); such folders are listed, and their files reported as misplaced. Names holding bidi controls are refused too: they make a path display
 * differently from what it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { excerpt, problem, type Problem } from './errors.ts';
import { bidiControl } from './text.ts';

/** Relative path with forward slashes. */
const join = (...parts: string[]) => parts.filter(Boolean).join('/');

function linkProblem(rel: string): Problem {
  return problem('SymbolicLink', rel, 'This is a symbolic link; Signpost does not read files or folders through links.');
}

/**
 * Whether `rel` (a file or folder under `root`) can be read: it exists and is not a link. A link
 * is reported in `problems`.
 */
export function readable(root: string, rel: string, problems: Problem[]): boolean {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(path.join(root, rel));
  } catch {
    return false;
  }
  if (st.isSymbolicLink()) {
    problems.push(linkProblem(rel));
    return false;
  }
  return true;
}

/**
 * The entries of the folder `rel` that are real files or folders, sorted by name. Links and names
 * with bidi controls are reported in `problems` and left out; a missing folder has no entries.
 */
export function listDir(root: string, rel: string, problems: Problem[]): fs.Dirent[] {
  if (!readable(root, rel, problems)) return [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: fs.Dirent[] = [];
  for (const d of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (d.name.startsWith('.') && !d.isDirectory()) continue;
    const file = join(rel, d.name);
    if (bidiControl(d.name) !== undefined) {
      problems.push(problem('BidiControl', file, `The name ${excerpt(d.name)} contains an invisible bidi control character.`));
      continue;
    }
    // readdir's file type comes from the folder itself: a link is reported as a link, not as
    // what it points to.
    if (d.isSymbolicLink()) {
      problems.push(linkProblem(file));
      continue;
    }
    out.push(d);
  }
  return out;
}

/** Every file under the folder `rel`, recursively, as paths relative to `root`, sorted. */
export function walkFiles(root: string, rel: string, problems: Problem[]): string[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const d of listDir(root, dir, problems)) {
      const file = join(dir, d.name);
      if (d.isDirectory()) visit(file);
      else if (d.isFile()) files.push(file);
    }
  };
  visit(rel);
  return files.sort();
}
