/**
 * `npm run changes`: a git repository holding a copy of the basic fixture under content/, one
 * commit, then a change in the working tree (or a second commit), compared with the first commit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { changes, json, markdown, text } from '../../scripts/changes.ts';
import type { ChangeReport, SiteChanges } from '../../src/changes/index.ts';
import { gitRepo, write } from '../helpers/git.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/basic');
const today = '2026-06-01';
const article = 'content/help/en/orders/track-your-order.md';
const sop = 'content/sop/en/orders/where-is-my-order.mdx';
const page = (title: string) => `---\ntitle: ${title}\ndescription: A page for the test.\nreviewed: 2026-01-01\nowner: fixture-owner-team\n---\n\nSome text.\n`;

/** The fixture's files under content/, plus a page the change removes. */
function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = { 'content/help/en/orders/old-page.md': page('Old page') };
  for (const rel of fs.readdirSync(fixture, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(fixture, rel);
    if (fs.statSync(file).isFile()) files[`content/${rel.split(path.sep).join('/')}`] = fs.readFileSync(file, 'utf8');
  }
  return files;
}

const edited = (files: Record<string, string>) =>
  files[article]!.replace('Every order gets a tracking number by email.', 'Every order gets a tracking number by email and by text message.');
const urls = (s: SiteChanges, key: keyof SiteChanges) => s[key].map((p) => p.url);

describe('npm run changes', () => {
  let report: ChangeReport;
  beforeAll(() => {
    const files = fixtureFiles();
    const repo = gitRepo([{ date: '2026-01-10', files }]);
    write(repo, {
      [article]: edited(files),
      'content/help/en/orders/new-page.md': page('New page'),
      'content/help/en/orders/old-page.md': null,
      [sop]: files[sop]!.replace('qwzquokka', 'qwzquokka, now with a refund step'),
    });
    report = changes(path.join(repo, 'content'), 'HEAD', { today });
  });

  test('both sides load without errors', () => {
    expect(report.errors).toEqual([]);
  });

  test('the public site lists the added, edited and removed help pages, and no SOP', () => {
    const s = report.sites.public;
    expect(urls(s, 'added')).toContain('/en/help/orders/new-page/');
    expect(urls(s, 'changed')).toContain('/en/help/orders/track-your-order/');
    expect(urls(s, 'removed')).toContain('/en/help/orders/old-page/');
    expect([...s.added, ...s.changed, ...s.removed].filter((p) => p.kind === 'sop' || p.url.includes('/sop/'))).toEqual([]);
  });

  test('the internal site lists the same help pages and the changed SOP, with its markets', () => {
    const s = report.sites.internal;
    expect(urls(s, 'added')).toContain('/en/help/orders/new-page/');
    expect(urls(s, 'changed')).toContain('/en/help/orders/track-your-order/');
    expect(urls(s, 'removed')).toContain('/en/help/orders/old-page/');
    const changedSop = s.changed.find((p) => p.kind === 'sop' && p.lang === 'en');
    expect(changedSop).toMatchObject({ file: 'sop/en/orders/where-is-my-order.mdx', markets: ['de', 'us'] });
  });

  test('an untouched translation is not listed as changed', () => {
    expect(urls(report.sites.public, 'changed')).not.toContain('/de/help/orders/track-your-order/');
  });

  test('json has the stable keys', () => {
    const out = JSON.parse(json(report));
    expect(Object.keys(out)).toEqual(['since', 'sites', 'stale', 'findings', 'errors']);
    expect(Object.keys(out.sites)).toEqual(['public', 'internal']);
    expect(Object.keys(out.sites.public)).toEqual(['added', 'changed', 'removed']);
    expect(Object.keys(out.findings)).toEqual(['added', 'cleared']);
    expect(out.since).toBe('HEAD');
  });

  test('markdown is a heading, a summary line and collapsible lists', () => {
    const out = markdown(report);
    expect(out).toMatch(/^## Content changes since `HEAD`\n\nPublic site: added \d+, changed \d+, removed \d+/);
    expect(out).toContain('<details>');
    expect(out).toContain('`/en/help/orders/new-page/`');
  });

  test('text names each site and the pages', () => {
    expect(text(report)).toContain('  + /en/help/orders/new-page/ New page [en; markets: *]');
  });
});

describe('npm run changes: stale translations', () => {
  test('a committed edit of an English article makes its translations stale, and only on the new side', () => {
    const files = fixtureFiles();
    const repo = gitRepo([
      { date: '2026-01-10', files },
      { date: '2026-02-01', files: { [article]: edited(files) } },
    ]);
    const report = changes(path.join(repo, 'content'), 'HEAD~1', { today });
    expect(report.stale.map((f) => f.file)).toContain('help/de/orders/track-your-order.md');
    expect(report.stale.every((f) => f.kind === 'translation-stale')).toBe(true);
    expect(report.findings.added.map((f) => f.file)).toContain('help/de/orders/track-your-order.md');
  });
});
