/**
 * `npm run changes`: what a change does to both sites, before it merges.
 *
 *   npm run changes -- --since <git ref> [--format text|json|markdown] [--root <folder in the repository>]
 *
 * The new side is CONTENT_DIR (or content/) as it is in the working tree; the old side is the same
 * folder at `<ref>`. Both are loaded with the site's own loader for both targets, routed, and
 * audited; src/changes compares them. `--root` defaults to where the content root sits in its
 * repository (`content` here, the repository itself for a content repository).
 *
 * History: the translation check dates pages from git. The old side is read from a temporary
 * `git clone --shared` (objects borrowed from the real repository, nothing written to it) reset to
 * `<ref>`, so its history ends at `<ref>` and a translation made stale by the change is reported as
 * new. Exit code 0, also when a side has content problems (they are reported); 2 on bad arguments
 * or a ref git does not know.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCommandLine, usageError } from './args.ts';
import { collectContent } from '../src/content/load.ts';
import { buildRoutes } from '../src/content/routes.ts';
import { contentRoot } from '../src/content/root.ts';
import { runChecks, translationSources } from '../src/audit/index.ts';
import { readHistory } from '../src/audit/git.ts';
import { todayUtc } from '../src/audit/dates.ts';
import { compareSides, sites, type ChangeReport, type FindingRef, type PageChange, type Side } from '../src/changes/index.ts';

const usage = 'Usage: npm run changes -- --since <git ref> [--format text|json|markdown] [--root <content root in the repository>]';
const formats = ['text', 'json', 'markdown'] as const;
type Format = (typeof formats)[number];

/** Loads one side of the comparison: both targets with HTML, their routes, and the audit of the internal one. */
export function loadSide(root: string, today: string): Side {
  const pub = collectContent(root, 'public', { html: true });
  const int = collectContent(root, 'internal', { html: true });
  const history = readHistory(root, translationSources(int.content));
  return {
    routes: { public: buildRoutes(pub.content), internal: buildRoutes(int.content) },
    findings: runChecks({ today, content: int.content, problems: [], history }),
    problems: { public: pub.problems, internal: int.problems },
  };
}

const git = (cwd: string, args: string[]) => spawnSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });

/** Thrown for a ref or a folder git cannot give: printed with the usage, exit code 2. */
class ChangesError extends Error {}

/**
 * Compares `root` (the working tree) with the same folder at `since`. `folder` is the content
 * root's path in its repository (default: where `root` is).
 */
export function changes(root: string, since: string, opts: { today?: string; folder?: string } = {}): ChangeReport {
  const today = opts.today ?? todayUtc();
  const top = git(root, ['rev-parse', '--show-toplevel']);
  if (top.status !== 0) throw new ChangesError(`The content root ${root} is not in a git repository, so there is no ${since} to compare with.`);
  const repo = top.stdout.trim();
  const folder = (opts.folder ?? path.relative(repo, root))
    .split(path.sep)
    .join('/')
    .replace(/^\.?\/?|\/$/g, '');
  const sha = git(repo, ['rev-parse', '--verify', '--quiet', `${since}^{commit}`]);
  if (sha.status !== 0) throw new ChangesError(`git does not know the ref ${since} in ${repo} (fetch it, e.g. with fetch-depth: 0).`);
  const commit = sha.stdout.trim();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'signpost-changes-'));
  try {
    // A clone sharing the repository's objects, its branch reset to the ref: history up to the ref.
    const clone = path.join(tmp, 'repo');
    for (const [cwd, args] of [
      [tmp, ['clone', '--quiet', '--shared', '--no-checkout', repo, clone]],
      [clone, ['reset', '--quiet', commit]],
    ] as const) {
      const r = git(cwd, [...args]);
      if (r.status !== 0) throw new Error(`git ${args[0]} failed: ${r.stderr.trim()}`);
    }
    const archive = spawnSync('git', ['archive', '--format=tar', commit, ...(folder ? [folder] : [])], { cwd: repo, maxBuffer: 1 << 30 });
    if (archive.status !== 0) throw new ChangesError(`${folder || 'The repository'} does not exist at ${since}: ${String(archive.stderr).trim()}`);
    const tar = spawnSync('tar', ['-x', '-C', clone], { input: archive.stdout });
    if (tar.status !== 0) throw new Error(`tar failed: ${String(tar.stderr).trim()}`);
    const before = loadSide(path.join(clone, folder), today);
    return compareSides(since, before, loadSide(root, today));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const siteNames = { public: 'Public site', internal: 'Internal site' } as const;
const pageLine = (p: PageChange) => `${p.url} ${p.title} [${p.lang}; markets: ${p.markets.join(', ')}${p.isFallback ? '; fallback' : ''}]`;
const findingLine = (f: FindingRef) => `${f.kind} ${f.file}${f.lang ? ` (${f.lang})` : ''}: ${f.message}`;
const counts = (r: ChangeReport, site: (typeof sites)[number]) => {
  const s = r.sites[site];
  return `added ${s.added.length}, changed ${s.changed.length}, removed ${s.removed.length}`;
};

/** For a terminal. */
export function text(r: ChangeReport): string {
  const out = [`Changes since ${r.since}`];
  for (const e of r.errors)
    out.push(`ERROR: the ${e.side} side does not load for the ${e.site} site (${e.files.join(', ')}):`, ...e.messages.map((m) => `  ${m}`));
  for (const site of sites) {
    out.push('', `${siteNames[site]}: ${counts(r, site)}`);
    const s = r.sites[site];
    for (const [mark, list] of [
      ['+', s.added],
      ['~', s.changed],
      ['-', s.removed],
    ] as const)
      for (const p of list) out.push(`  ${mark} ${pageLine(p)}`);
  }
  out.push('', `Translations made stale: ${r.stale.length}`, ...r.stale.map((f) => `  ${f.file}: ${f.message}`));
  out.push('', `Audit findings added: ${r.findings.added.length}`, ...r.findings.added.map((f) => `  + ${findingLine(f)}`));
  out.push(`Audit findings cleared: ${r.findings.cleared.length}`, ...r.findings.cleared.map((f) => `  - ${findingLine(f)}`));
  return `${out.join('\n')}\n`;
}

/** Stable keys for tools. */
export function json(r: ChangeReport): string {
  return `${JSON.stringify({ since: r.since, sites: r.sites, stale: r.stale, findings: r.findings, errors: r.errors }, null, 2)}\n`;
}

const md = (s: string) => s.replace(/[<>|`*_[\]]/g, (c) => `\\${c}`);
const details = (summary: string, lines: string[]) =>
  lines.length ? ['<details>', `<summary>${summary}</summary>`, '', ...lines.map((l) => `- ${l}`), '', '</details>', ''] : [];
const pageMd = (p: PageChange) => `\`${p.url}\` ${md(p.title)} (${p.lang}; markets: ${p.markets.join(', ')}${p.isFallback ? '; fallback' : ''})`;
const findingMd = (f: FindingRef) => `**${f.kind}** \`${f.file}\`${f.lang ? ` (${f.lang})` : ''}: ${md(f.message)}`;

/** For a pull-request comment. */
export function markdown(r: ChangeReport): string {
  const out = [`## Content changes since \`${r.since}\``, ''];
  out.push(
    [
      ...sites.map((site) => `${siteNames[site]}: ${counts(r, site)}`),
      `stale translations: ${r.stale.length}`,
      `findings added: ${r.findings.added.length}, cleared: ${r.findings.cleared.length}`,
    ].join(' · '),
    '',
  );
  for (const e of r.errors) out.push(`> **Error:** the ${e.side} side does not load for the ${e.site} site: ${e.files.map((f) => `\`${f}\``).join(', ')}`, '');
  for (const site of sites) {
    const s = r.sites[site];
    out.push(...details(`${siteNames[site]}: pages added (${s.added.length})`, s.added.map(pageMd)));
    out.push(...details(`${siteNames[site]}: pages changed (${s.changed.length})`, s.changed.map(pageMd)));
    out.push(...details(`${siteNames[site]}: pages removed (${s.removed.length})`, s.removed.map(pageMd)));
  }
  out.push(...details(`Translations made stale (${r.stale.length})`, r.stale.map(findingMd)));
  out.push(...details(`Audit findings added (${r.findings.added.length})`, r.findings.added.map(findingMd)));
  out.push(...details(`Audit findings cleared (${r.findings.cleared.length})`, r.findings.cleared.map(findingMd)));
  return `${out.join('\n').trimEnd()}\n`;
}

/** Runs the command: `args` as after `npm run changes --`. Returns the exit code. */
export function main(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const { values } = parseCommandLine({ args, options: { since: { type: 'string' }, format: { type: 'string' }, root: { type: 'string' } } }, usage);
  if (!values.since) usageError('--since <git ref> is required (e.g. --since origin/main).', usage);
  const format = (values.format ?? 'text') as Format;
  if (!formats.includes(format)) usageError(`--format must be one of ${formats.join(', ')}.`, usage);
  let report: ChangeReport;
  try {
    report = changes(contentRoot(env), values.since, { today: env.SIGNPOST_TODAY, folder: values.root });
  } catch (e) {
    if (!(e instanceof ChangesError) && !(e as Error).message.startsWith('The content root')) throw e;
    console.error(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  process.stdout.write(format === 'json' ? json(report) : format === 'markdown' ? markdown(report) : text(report));
  return 0;
}

// exitCode, not exit(): a large report written to a pipe must be flushed before the process ends.
if (import.meta.main) process.exitCode = main(process.argv.slice(2));
