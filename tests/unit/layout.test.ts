/**
 * How editors may organise help articles: directly under a language (no category), in a category
 * folder, or in sub-folders of one (sections, named in site.yaml); and `links: warn`, which
 * publishes a site with broken links while reporting every one.
 */
import { describe, expect, test } from 'vitest';
import { collectContent, loadContent } from '../../src/content/load.ts';
import { buildRoutes, type EntryRoute, type Route } from '../../src/content/routes.ts';
import { audit } from '../../src/audit/index.ts';
import { tempContent } from '../helpers/content.ts';

const page = (title: string, body = 'Text.') => `---\ntitle: ${title}\ndescription: About ${title.toLowerCase()}.\n---\n\n${body}\n`;

const siteWithSections = (extra = '') => `default_language: en
languages: [{ code: en }, { code: de }]
categories:
  - id: account
    names: { en: Your account, de: Ihr Konto }
    sections:
      - id: security
        names: { en: Security, de: Sicherheit }
      - id: security/two-factor
        names: { en: Two-step sign-in }
${extra}`;

const layoutRoot = () =>
  tempContent(undefined, {
    'site.yaml': siteWithSections(),
    'help/en/getting-started.md': page('Getting started', 'See [passwords](account/security/passwords.md).'),
    'help/de/getting-started.md': page('Erste Schritte'),
    'help/en/account/profile.md': page('Your profile'),
    'help/en/account/security/passwords.md': page('Passwords', 'Back to [the start](../../getting-started.md).'),
    'help/en/account/security/two-factor/set-up.md': page('Set up two-step sign-in'),
    'help/en/account/data/export.md': page('Export your data'),
  });

describe('help article layout', () => {
  const routes: Route[] = buildRoutes(loadContent(layoutRoot(), 'public'));
  const find = (path: string) => routes.find((r) => r.path === path)!;

  test('an article directly under a language has no category; home lists it under "More help"', () => {
    const article = find('en/help/getting-started') as EntryRoute;
    expect(article.kind).toBe('article');
    expect(article.category).toBeUndefined();
    expect(article.breadcrumbs.map((b) => b.url)).toEqual(['/en/']);
    const home = find('en') as Extract<Route, { kind: 'home' }>;
    expect(home.general.map((l) => l.url)).toEqual(['/en/help/getting-started/']);
    expect(home.categories.map((c) => [c.url, c.count])).toEqual([['/en/help/account/', 4]]);
    // Its translation pairs by path like any other.
    expect((find('de/help/getting-started') as EntryRoute).isFallback).toBe(false);
  });

  test('a category page lists its own articles, then each sub-folder under its name (with its parents’): site.yaml order first, then by folder', () => {
    const en = find('en/help/account') as Extract<Route, { kind: 'category' }>;
    expect(en.articles.map((l) => l.url)).toEqual(['/en/help/account/profile/']);
    expect(en.sections.map((s) => [s.title, s.articles.map((a) => a.url)])).toEqual([
      ['Security', ['/en/help/account/security/passwords/']],
      ['Security › Two-step sign-in', ['/en/help/account/security/two-factor/set-up/']],
      ['Data', ['/en/help/account/data/export/']],
    ]);
    const de = find('de/help/account') as Extract<Route, { kind: 'category' }>;
    // Named per language; a name missing in German falls back to the default language's.
    expect(de.sections.map((s) => s.title)).toEqual(['Sicherheit', 'Sicherheit › Two-step sign-in', 'Data']);
  });

  test('nested articles keep their category and links between levels resolve', () => {
    const nested = find('en/help/account/security/two-factor/set-up') as EntryRoute;
    expect(nested.category?.id).toBe('account');
    expect(nested.breadcrumbs.map((b) => b.url)).toEqual(['/en/', '/en/help/account/']);
  });

  test('an article whose URL is a category page is an error naming the file', () => {
    const root = tempContent(undefined, {
      'site.yaml': siteWithSections(),
      'help/en/account.md': page('Account'),
      'help/en/account/profile.md': page('Your profile'),
    });
    const { problems } = collectContent(root, 'public');
    expect(problems).toEqual([expect.objectContaining({ code: 'DuplicateSlug', file: 'help/en/account.md' })]);
    expect(problems[0]!.message).toContain('/en/help/account/');
  });

  test('a section id that is not a folder path is invalid site data', () => {
    const root = tempContent(undefined, {
      'site.yaml': siteWithSections().replace('id: security\n', 'id: Security/\n'),
      'help/en/account/profile.md': page('Your profile'),
    });
    const { problems } = collectContent(root, 'public');
    expect(problems).toEqual([expect.objectContaining({ code: 'DataInvalid', file: 'site.yaml', field: 'categories.0.sections.0.id' })]);
  });
});

describe('links: warn', () => {
  const files = (links: string) => ({
    'site.yaml': siteWithSections(links),
    'help/en/getting-started.md': page('Getting started', 'See [the old page](account/gone.md) and [help](account/profile.md).'),
    'help/en/account/profile.md': page('Your profile', 'Public page linking to [an SOP](../../../sop/en/x.md).'),
  });

  test('by default a broken link is an error', () => {
    const { problems, warnings } = collectContent(tempContent(undefined, files('')), 'public');
    expect(problems.map((p) => [p.code, p.file]).sort()).toEqual([
      ['BrokenLink', 'help/en/getting-started.md'],
      ['InternalLink', 'help/en/account/profile.md'],
    ]);
    expect(warnings).toEqual([]);
  });

  test('under links: warn broken links are warnings, the content loads, and the audit reports them as warnings', () => {
    const root = tempContent(undefined, { ...files('links: warn\n'), 'sop/en/x.md': page('X') });
    const { problems, warnings } = collectContent(root, 'public');
    expect(warnings.map((p) => [p.code, p.file, p.severity])).toEqual([['BrokenLink', 'help/en/getting-started.md', 'warning']]);
    // A public page linking to internal content is still refused: that is the wall, not a link to fix.
    expect(problems.map((p) => [p.code, p.file])).toEqual([['InternalLink', 'help/en/account/profile.md']]);
    const findings = audit(root, { today: '2026-12-01' }).findings.filter((f) => f.kind === 'broken-link');
    expect(findings.map((f) => [f.file, f.severity])).toEqual(
      expect.arrayContaining([
        ['help/en/getting-started.md', 'warning'],
        ['help/en/account/profile.md', 'error'],
      ]),
    );
  });

  test('an unknown links mode is invalid site data', () => {
    const { problems } = collectContent(tempContent(undefined, files('links: ignore\n')), 'public');
    expect(problems.filter((p) => p.code === 'DataInvalid')).toEqual([expect.objectContaining({ file: 'site.yaml', field: 'links' })]);
  });
});
