/**
 * Audit reports, one function per `--format`: text for the terminal and Markdown (for a job
 * summary or a pull-request comment), both grouped by owner; JSON,
 * `{ findings: [{ file, kind, severity, message, owner, line?, fix? }] }`; and GitHub workflow
 * commands, which GitHub shows as annotations on the files.
 */
import { styleText } from 'node:util';
import type { Finding, Severity } from '../types.ts';

export const formats = ['text', 'json', 'markdown', 'github'] as const;
export type Format = (typeof formats)[number];

const UNOWNED = '(no owner)';
const icon: Record<Severity, string> = { error: '✖', warning: '▲', notice: '●' };
const colour: Record<Severity, 'red' | 'yellow' | 'cyan'> = { error: 'red', warning: 'yellow', notice: 'cyan' };

function byOwner(findings: Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) (groups.get(f.owner ?? UNOWNED) ?? groups.set(f.owner ?? UNOWNED, []).get(f.owner ?? UNOWNED)!).push(f);
  return [...groups].sort(([a], [b]) => (a === UNOWNED ? 1 : b === UNOWNED ? -1 : a.localeCompare(b)));
}

/** Counts per severity, as a phrase: "2 errors, 5 warnings, 1 notice". */
export function summary(findings: Finding[]): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const e = count('error');
  const w = count('warning');
  const n = count('notice');
  return `errors: ${e}, warnings: ${w}, notices: ${n}`;
}

/** Terminal report grouped by owner, coloured when `color` is set, ending with the summary line. */
export function text(findings: Finding[], opts: { color: boolean; files: number; today: string }): string {
  const paint = (c: Parameters<typeof styleText>[0], s: string) => (opts.color ? styleText(c, s, { validateStream: false }) : s);
  const lines = [paint('bold', `Content audit — ${opts.files} files, as of ${opts.today}`), ''];
  if (!findings.length) lines.push('Nothing to report: every entry is reviewed, translated and linked.');
  for (const [owner, list] of byOwner(findings)) {
    lines.push(paint('bold', `${owner} (${list.length})`));
    for (const f of list) {
      const where = f.line ? `${f.file}:${f.line}` : f.file;
      lines.push(`  ${paint(colour[f.severity], `${icon[f.severity]} ${f.kind.padEnd(24)}`)} ${where}`);
      lines.push(`    ${f.message}${f.fix ? paint('dim', ` → ${f.fix}`) : ''}`);
    }
    lines.push('');
  }
  lines.push(`Summary — ${summary(findings)}`);
  return lines.join('\n');
}

/** Machine-readable findings: owner is `null` when unknown, `line` and `fix` only when known. */
export function json(findings: Finding[]): string {
  return `${JSON.stringify({ findings: findings.map((f) => ({ file: f.file, kind: f.kind, severity: f.severity, message: f.message, owner: f.owner ?? null, ...(f.line ? { line: f.line } : {}), ...(f.fix ? { fix: f.fix } : {}) })) }, null, 2)}\n`;
}

const mdEscape = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown with one table per owner, table cells escaped. */
export function markdown(findings: Finding[], opts: { files: number; today: string }): string {
  const out = [`### Content audit`, '', `${opts.files} files checked as of ${opts.today}. ${summary(findings)}.`, ''];
  if (!findings.length) out.push('Nothing to report.');
  for (const [owner, list] of byOwner(findings)) {
    out.push(`#### ${mdEscape(owner)}`, '', '| | Kind | File | Message |', '| --- | --- | --- | --- |');
    for (const f of list)
      out.push(`| ${icon[f.severity]} | \`${f.kind}\` | \`${mdEscape(f.line ? `${f.file}:${f.line}` : f.file)}\` | ${mdEscape(f.message)} |`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** GitHub workflow commands; `prefix` turns content-root paths into repository paths. */
export function github(findings: Finding[], prefix = ''): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const level = { error: 'error', warning: 'warning', notice: 'notice' } as const;
  return (
    findings
      .map(
        (f) =>
          `::${level[f.severity]} file=${prop(prefix + f.file)}${f.line ? `,line=${f.line}` : ''},title=${prop(f.kind)}::${esc(f.message + (f.fix ? ` ${f.fix}` : ''))}`,
      )
      .join('\n') + (findings.length ? '\n' : '')
  );
}
