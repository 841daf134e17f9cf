/**
 * What a change does to the sites before it merges: two loaded sides of a content root (the old
 * one at a git ref, the new one in the working tree) compared page by page on each site, with the
 * translations it makes stale and the audit findings it adds and clears. Pure: the CLI
 * (scripts/changes.ts) loads both sides and prints the report.
 *
 * Only pages with an entry (articles, policies, SOPs, culture notes) are compared: the home,
 * category and market pages are lists that follow from them.
 */
import type { Finding } from '../audit/types.ts';
import type { Problem } from '../content/errors.ts';
import type { EntryRoute, Route } from '../content/routes.ts';
import { urlFor } from '../content/paths.ts';

/** The two sites built from the content. */
export const sites = ['public', 'internal'] as const;
export type SiteName = (typeof sites)[number];

/** One side of the comparison, loaded with the project's loader for both targets. */
export interface Side {
  routes: Record<SiteName, Route[]>;
  /** Audit findings on the internal content (the public site never carries audit data). */
  findings: Finding[];
  /** What could not be loaded, per target; those files are missing from `routes`. */
  problems: Record<SiteName, Problem[]>;
}

/** A page in the report. */
export interface PageChange {
  /** URL on its site: `/de/help/returns/start-a-return/`. */
  url: string;
  /** Route without the language: `help/returns/start-a-return`. */
  route: string;
  /** Language of the page (its URL). */
  lang: string;
  kind: EntryRoute['kind'];
  title: string;
  /** Ids of the markets it applies to; `['*']` for every market. */
  markets: string[];
  /** Shows the text of another language (no translation yet). */
  isFallback: boolean;
  /** Content file shown, relative to the content root. */
  file: string;
}

export interface SiteChanges {
  added: PageChange[];
  changed: PageChange[];
  removed: PageChange[];
}

/** A finding reduced to what identifies it. */
export interface FindingRef {
  kind: Finding['kind'];
  severity: Finding['severity'];
  file: string;
  lang?: string;
  message: string;
}

/** A side that did not load completely: its pages with problems are left out of the comparison. */
export interface SideError {
  side: 'old' | 'new';
  site: SiteName;
  files: string[];
  messages: string[];
}

export interface ChangeReport {
  since: string;
  sites: Record<SiteName, SiteChanges>;
  /** Translations stale on the new side and not on the old. */
  stale: FindingRef[];
  findings: { added: FindingRef[]; cleared: FindingRef[] };
  errors: SideError[];
}

const isEntryRoute = (r: Route): r is EntryRoute => 'entry' in r;

function page(r: EntryRoute): PageChange {
  return {
    url: urlFor(r.lang.code, r.route),
    route: r.route,
    lang: r.lang.code,
    kind: r.kind,
    title: r.title,
    markets: r.entry.allMarkets ? ['*'] : [...r.entry.markets],
    isFallback: r.isFallback,
    file: r.entry.file,
  };
}

/** What a reader would see differ: the text, title, description, the file shown or the markets. */
function differs(a: EntryRoute, b: EntryRoute): boolean {
  return (
    a.entry.html !== b.entry.html ||
    a.title !== b.title ||
    a.description !== b.description ||
    a.isFallback !== b.isFallback ||
    a.entry.file !== b.entry.file ||
    a.entry.allMarkets !== b.entry.allMarkets ||
    a.entry.markets.join() !== b.entry.markets.join()
  );
}

const byUrl = (a: PageChange, b: PageChange) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/** Pages added, changed and removed between two route lists of one site, matched by URL. */
export function compareRoutes(before: Route[], after: Route[]): SiteChanges {
  const key = (r: EntryRoute) => urlFor(r.lang.code, r.route);
  const old = new Map(before.filter(isEntryRoute).map((r) => [key(r), r]));
  const now = new Map(after.filter(isEntryRoute).map((r) => [key(r), r]));
  const out: SiteChanges = { added: [], changed: [], removed: [] };
  for (const [url, r] of now) {
    const o = old.get(url);
    if (!o) out.added.push(page(r));
    else if (differs(o, r)) out.changed.push(page(r));
  }
  for (const [url, r] of old) if (!now.has(url)) out.removed.push(page(r));
  out.added.sort(byUrl);
  out.changed.sort(byUrl);
  out.removed.sort(byUrl);
  return out;
}

const ref = (f: Finding): FindingRef => ({ kind: f.kind, severity: f.severity, file: f.file, ...(f.lang ? { lang: f.lang } : {}), message: f.message });
const findingKey = (f: Finding) => [f.kind, f.file, f.lang ?? '', f.message].join('\0');
/** A stale translation stays the same one when only the dates in its message move. */
const staleKey = (f: Finding) => [f.file, f.lang ?? ''].join('\0');

/** Findings on `after` whose key is not on `before`. */
function missingFrom(before: Finding[], after: Finding[], key: (f: Finding) => string): Finding[] {
  const seen = new Set(before.map(key));
  return after.filter((f) => !seen.has(key(f)));
}

function errorsOf(side: 'old' | 'new', s: Side): SideError[] {
  return sites
    .filter((site) => s.problems[site].length)
    .map((site) => ({
      side,
      site,
      files: [...new Set(s.problems[site].map((p) => p.file))].sort(),
      messages: s.problems[site].map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`),
    }));
}

/** Compares the side at `since` (`before`) with the working tree (`after`). */
export function compareSides(since: string, before: Side, after: Side): ChangeReport {
  const stale = (s: Side) => s.findings.filter((f) => f.kind === 'translation-stale');
  return {
    since,
    sites: { public: compareRoutes(before.routes.public, after.routes.public), internal: compareRoutes(before.routes.internal, after.routes.internal) },
    stale: missingFrom(stale(before), stale(after), staleKey).map(ref),
    findings: {
      added: missingFrom(before.findings, after.findings, findingKey).map(ref),
      cleared: missingFrom(after.findings, before.findings, findingKey).map(ref),
    },
    errors: [...errorsOf('old', before), ...errorsOf('new', after)],
  };
}
