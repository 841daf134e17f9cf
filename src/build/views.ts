/**
 * What templates print, prepared here: the search filters of a page, the labels and plural
 * templates of the search page, the audit findings shown on an agents' page. Templates only print
 * the result, so every decision is in tested TypeScript, not in markup.
 */
import type { EntryRoute, Route } from '../content/routes.ts';
import type { Content } from '../content/load.ts';
import { typesFor } from '../content/types.ts';
import type { Finding } from '../audit/types.ts';
import { marketClues } from '../content/clues.ts';

/** Pagefind filters of an entry's page: type, category, every market it applies to, and (agents) tags. */
export function entryFilters(route: EntryRoute, target: Content['target']): [string, string][] {
  const { entry } = route;
  const filters: [string, string][] = [['type', entry.type]];
  if (route.category) filters.push(['category', route.category.id]);
  if (entry.market) filters.push(['market', entry.market]);
  // A page for all markets (no `markets`, or `*`) matches every market filter; a policy only its own.
  for (const m of entry.markets) if (m !== entry.market) filters.push(['market', m]);
  if (target === 'internal') for (const tag of entry.data.tags) filters.push(['tag', tag]);
  return filters;
}

/**
 * What a fallback page gives its language's search index on the agents' site: the canned replies
 * written in that language. A procedure not yet translated into German is still found by the
 * words of its German reply (hidden, `data-pagefind-body`: Pagefind indexes it, readers see the
 * reply once, in the page). The rest of the page stays out of the index: it is in another language.
 */
export function fallbackReplies(route: EntryRoute, target: Content['target']): { lang: string; html: string }[] {
  if (target !== 'internal' || !route.isFallback) return [];
  return (route.entry.replyHtml ?? []).filter((r) => r.lang === route.lang.code);
}

/** The search page's data for the browser: filter labels, messages, plural templates, and (agents) tags. */
export function searchPage(content: Content, route: Extract<Route, { kind: 'search' }>) {
  const { site, target } = content;
  const lang = route.lang;
  const t = content.t(lang.code);
  // Agents can filter by tag; the tags are those of the pages written in this language.
  const tags =
    target === 'internal'
      ? [...new Set(content.entries.filter((e) => e.lang === lang.code).flatMap((e) => e.data.tags))].sort((a, b) => a.localeCompare(b, lang.code))
      : [];
  const labels = {
    category: Object.fromEntries(site.categories.map((c) => [c.id, c.name(lang.code)])),
    market: Object.fromEntries(site.markets.map((m) => [m.id, m.name(lang.code)])),
    type: Object.fromEntries(typesFor(target).map((s) => [s.type, t(s.labelKey)])),
  };
  const strings = {
    none: t('search.none'),
    error: t('search.error'),
    loading: t('search.loading'),
    more: t('search.more'),
    // {{query}} stays in: the browser puts the corrected or the typed query there, as an element.
    showing: t('search.showing', { query: '{{query}}' }),
    instead: t('search.instead', { query: '{{query}}' }),
    partial: t('search.partial'),
  };
  const plurals = pluralTemplates(content, lang.code, 'search.results');
  return { tags, labels, strings, plurals };
}

/** A UI string with its `{{placeholders}}` left in, for the browser to fill (plural forms included). */
const rawString = (content: Content, lang: string) => (key: string) =>
  (content.i18n.getResource(lang, 'translation', key) ?? content.i18n.getResource(content.site.defaultLanguage.code, 'translation', key)) as string | undefined;

/** Plural templates for the browser, one per CLDR category, with {{count}} left in. */
export const pluralTemplates = (content: Content, lang: string, key: string) =>
  Object.fromEntries(['zero', 'one', 'two', 'few', 'many', 'other'].map((r) => [r, rawString(content, lang)(`${key}_${r}`) ?? '']));

/** The answer desk's data for the browser: languages, market clues and names, fact labels, strings. */
export function answerPage(content: Content, route: Extract<Route, { kind: 'answer' }>) {
  const { site } = content;
  const lang = route.lang.code;
  const t = content.t(lang);
  const raw = rawString(content, lang);
  const keys = [
    'label',
    'detected',
    'clues',
    'noClues',
    'working',
    'nothing',
    'matches',
    'reply',
    'noReply',
    'blanks',
    'notForMarket',
    'facts',
    'customerLink',
    'copyLink',
  ];
  const strings: Record<string, string> = Object.fromEntries(keys.map((k) => [k, raw(`answer.${k}`) ?? k]));
  for (const k of ['order', 'phone', 'country', 'carrier', 'currency']) strings[`clue.${k}`] = raw(`answer.clue.${k}`) ?? k;
  for (const k of ['copy', 'copied', 'copyFailed']) strings[k] = t(`agent.${k}`);
  const factNames = [...new Set(site.markets.flatMap((m) => Object.keys(m.facts)))];
  return {
    lang,
    defaultLang: site.defaultLanguage.code,
    /** Where customers read help articles: the public site (the desk's links are for them). */
    publicUrl: site.url,
    languages: site.languages.map((l) => ({ code: l.code, name: l.name, htmlLang: l.htmlLang, dir: l.dir })),
    markets: Object.fromEntries(site.markets.map((m) => [m.id, m.name(lang)])),
    clues: marketClues(site),
    facts: Object.fromEntries(factNames.map((n) => [n, t(`fact.${n}`, { defaultValue: n.replace(/_/g, ' ') })])),
    strings,
    plurals: pluralTemplates(content, lang, 'answer.results'),
  };
}

/** What the search boxes' suggestions say: the "all results" option and the count, announced. */
export function suggestStrings(content: Content, lang: string): { all: string; plurals: Record<string, string>; markets: Record<string, string> } {
  return {
    all: content.t(lang)('search.suggest.all', { query: '{{query}}' }),
    plurals: pluralTemplates(content, lang, 'search.suggest.count'),
    // A policy exists once per market under the same title: its market tells them apart.
    markets: Object.fromEntries(content.site.markets.map((m) => [m.id, m.name(lang)])),
  };
}

/** Kinds of finding an agents' page shows about itself. */
const bannerKinds = new Set(['review-overdue', 'review-due-soon', 'translation-stale', 'translation-missing', 'policy-expired', 'policy-not-yet-effective']);

/**
 * The findings shown on an agents' page, as sentences: the page's own, or on a fallback page the
 * missing translation ("Review overdue by 42 days — owner: returns-team").
 */
export function auditBanner(content: Content, findings: readonly Finding[], route: EntryRoute): { kind: string; severity: string; text: string }[] {
  const t = content.t(route.lang.code);
  const owner = (o?: string) => o ?? t('audit.noOwner');
  const mine = findings.filter(
    (f) =>
      bannerKinds.has(f.kind) &&
      (route.isFallback ? f.kind === 'translation-missing' && f.route === route.route && f.lang === route.lang.code : f.file === route.entry.file),
  );
  const text = (f: Finding): string => {
    switch (f.kind) {
      case 'review-overdue':
        return t('audit.overdue', { count: f.days, owner: owner(f.owner) });
      case 'review-due-soon':
        return t('audit.dueSoon', { count: f.days, owner: owner(f.owner) });
      case 'translation-stale':
        return t('audit.stale', { language: content.site.defaultLanguage.name, owner: owner(f.owner) });
      case 'translation-missing':
        return t('audit.missing', { language: route.lang.name, owner: owner(f.owner) });
      case 'policy-expired':
        return t('audit.expired', { owner: owner(f.owner) });
      default:
        return t('audit.notYetEffective', { owner: owner(f.owner) });
    }
  };
  return mine.map((f) => ({ kind: f.kind, severity: f.severity, text: text(f) }));
}
