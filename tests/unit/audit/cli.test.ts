/** `npm run audit`: every format and exit code, run as a real process. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../helpers/build.ts';
import { folder, gitRepo } from '../../helpers/git.ts';

const site = 'name: Audit\ndefault_language: en\nlanguages: [{ code: en }, { code: de }]\ncategories: [{ id: orders, names: { en: Orders } }]\n';
const page = (front: string, body = 'Body.') => `---\ntitle: T\ndescription: D\n${front}\n---\n\n${body}\n`;
const warningsOnly = folder({ 'site.yaml': site, 'help/en/orders/a.md': page('reviewed: 2025-01-01\nowner: team-a'), 'help/de/orders/a.md': page('reviewed: 2026-05-01') });
const withError = folder({ 'site.yaml': site, 'help/en/orders/a.md': page('owner: team-a', '[x](./nope.md)') });
const clean = folder({ 'site.yaml': site, 'help/en/orders/a.md': page('reviewed: 2026-05-01') });

function run(root: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/audit.ts'), '--today', '2026-06-01', ...args], { env: { ...process.env, CONTENT_DIR: root, NO_COLOR: '' }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('formats', () => {
  test('text is grouped by owner, without colour when not a terminal', () => {
    const { out, code } = run(warningsOnly);
    expect(code).toBe(0);
    expect(out).toContain('Content audit — 2 files, as of 2026-06-01');
    expect(out).toContain('team-a (1)\n  ▲ review-overdue           help/en/orders/a.md\n    Review overdue by 151 days (reviewed 2025-01-01, due every 365 days).');
    expect(out).not.toContain('\u001b[');
    expect(out).toContain('Summary — errors: 0, warnings: 1, notices: 0');
  });

  test('json has findings with file relative to the content root, kind, severity, message and owner', () => {
    const data = JSON.parse(run(warningsOnly, '--format', 'json').out);
    expect(data).toEqual({
      findings: [{
        file: 'help/en/orders/a.md', kind: 'review-overdue', severity: 'warning', owner: 'team-a',
        message: 'Review overdue by 151 days (reviewed 2025-01-01, due every 365 days).',
        fix: 'Check the facts, then set `reviewed` to the date you checked them.',
      }],
    });
  });

  test('markdown is a table per owner for a pull-request comment', () => {
    const { out } = run(warningsOnly, '--format', 'markdown');
    expect(out).toContain('### Content audit');
    expect(out).toContain('#### team-a');
    expect(out).toContain('| ▲ | `review-overdue` | `help/en/orders/a.md` |');
  });

  test('github prints workflow annotations with repository paths', () => {
    const repo = gitRepo([{ date: '2026-01-01', files: { 'docs/site.yaml': site, 'docs/help/en/orders/a.md': page('owner: team-a', '[x](./nope.md)') } }]);
    const { out } = run(path.join(repo, 'docs'), '--format', 'github');
    expect(out).toBe('::error file=docs/help/en/orders/a.md,line=7,title=broken-link::"./nope.md" leads to help/orders/nope, which does not exist. Link to an existing file relative to this one, e.g. ../returns/start-a-return.md, or to a heading that exists.\n');
  });
});

describe('exit codes', () => {
  test('warnings pass with --fail-on error (the default) and fail with --fail-on warning', () => {
    expect(run(warningsOnly).code).toBe(0);
    expect(run(warningsOnly, '--fail-on', 'warning').code).toBe(1);
  });

  test('errors fail by default and pass with --fail-on none', () => {
    expect(run(withError).code).toBe(1);
    expect(run(withError, '--fail-on', 'none').code).toBe(0);
  });

  test('clean content passes even with --fail-on warning', () => {
    expect(run(clean, '--fail-on', 'warning').code).toBe(0);
  });

  test('bad arguments exit 2 with usage', () => {
    const r = run(clean, '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--format must be one of text, json, markdown, github.');
    expect(run(clean, '--today', '24.11.2026').code).toBe(2);
    expect(run(clean, '--fail-on', 'sometimes').code).toBe(2);
  });
});
