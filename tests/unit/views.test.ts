/** What templates print comes from build/views.ts: filters, search labels, audit sentences. */
import { describe, expect, test } from 'vitest';
import { fixture } from '../helpers/build.ts';
import { loadContent } from '../../src/content/load.ts';
import { buildRoutes, type EntryRoute, type Route } from '../../src/content/routes.ts';
import { auditBanner, entryFilters, searchPage } from '../../src/build/views.ts';
import type { Finding } from '../../src/audit/types.ts';

const internal = loadContent(fixture('basic'), 'internal');
const publicSite = loadContent(fixture('basic'), 'public');
const routes = buildRoutes(internal);
const entryRoute = (kind: EntryRoute['kind'], lang = 'en') => routes.find((r): r is EntryRoute => r.kind === kind && r.lang.code === lang && !r.isFallback)!;

describe('views', () => {
  test('an article without `markets` is filtered under every market; a policy only under its own', () => {
    const article = entryRoute('article');
    const markets = internal.site.markets.map((m) => m.id);
    expect(
      entryFilters(article, 'public')
        .filter(([k]) => k === 'market')
        .map(([, v]) => v)
        .sort(),
    ).toEqual([...markets].sort());
    const policy = entryRoute('policy');
    expect(entryFilters(policy, 'public').filter(([k]) => k === 'market')).toEqual([['market', policy.entry.market]]);
    expect(entryFilters(article, 'public').some(([k]) => k === 'tag')).toBe(false);
  });

  test('the search page offers the agents every content type and the customers the public ones', () => {
    const search = (content: typeof internal) =>
      buildRoutes(content).find((r): r is Extract<Route, { kind: 'search' }> => r.kind === 'search' && r.lang.code === 'en')!;
    expect(Object.keys(searchPage(internal, search(internal)).labels.type)).toEqual(['help', 'policy', 'sop', 'culture']);
    const pub = searchPage(publicSite, search(publicSite));
    expect(Object.keys(pub.labels.type)).toEqual(['help', 'policy']);
    expect(pub.tags).toEqual([]);
    expect(pub.plurals.other).toContain('{{count}}');
  });

  test('the audit banner says what was found about this page, and nothing about others', () => {
    const article = entryRoute('article');
    const findings: Finding[] = [
      { kind: 'review-overdue', severity: 'warning', file: article.entry.file, owner: 'returns-team', days: 42, message: '' },
      { kind: 'review-overdue', severity: 'warning', file: 'help/en/orders/other.md', days: 1, message: '' },
      { kind: 'broken-link', severity: 'error', file: article.entry.file, message: '' },
    ];
    expect(auditBanner(internal, findings, article)).toEqual([
      { kind: 'review-overdue', severity: 'warning', text: expect.stringMatching(/42 days.*returns-team/) },
    ]);
  });
});
