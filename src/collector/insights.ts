/**
 * What the knowledge loop tells editors, from the collector's database: the top searches, the
 * searches that found nothing, those with results but no click, synonyms suggested by
 * reformulations (zero results for A, then B opened), and the least helpful pages with their
 * reasons and comments and their owners; each period against the one before it.
 */
import { Store, type EventStore, type FeedbackRow, type Filter, type SearchRow } from './store.ts';
import type { SiteModel } from '../content/site.ts';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../content/root.ts';

export interface QueryCount {
  query: string;
  lang: string;
  count: number;
}

export interface Insights {
  period: { from: string; to: string; days: number };
  filter: Filter;
  totals: Totals & { previous: Totals };
  /** Searches and searches that found nothing, per language. */
  perLanguage: { lang: string; searches: number; zeroResults: number }[];
  /** The same per week (starting Monday, UTC) and language, oldest first: the trend. */
  weekly: { week: string; lang: string; searches: number; zeroResults: number }[];
  topQueries: QueryCount[];
  /** Searches that found nothing, most frequent first. */
  zeroResults: QueryCount[];
  /** Searches with results where no result was opened. */
  noClick: QueryCount[];
  /** `from` found nothing, then `to` was searched and a result opened: `from` may be a synonym of `to`. */
  synonyms: { lang: string; from: string; to: string; count: number; yaml: string }[];
  /** Pages by helpfulness, least helpful first, with at least one "no". */
  unhelpful: { page: string; lang: string; yes: number; no: number; helpful: number; reasons: Record<string, number>; comments: string[]; owner?: string }[];
}

interface Totals {
  searches: number;
  zeroResults: number;
  zeroResultRate: number;
  feedback: number;
  helpfulRate: number;
}

const DAY = 86_400;
/** The same query however it was typed: case, width and spacing do not make two queries. */
const normal = (q: string) => q.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
const rate = (part: number, all: number) => (all ? Math.round((1000 * part) / all) / 1000 : 0);
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

function count(rows: SearchRow[], limit: number): QueryCount[] {
  const by = new Map<string, QueryCount>();
  for (const r of rows) {
    const q = normal(r.query);
    const key = `${r.lang}\0${q}`;
    const c = by.get(key) ?? by.set(key, { query: q, lang: r.lang, count: 0 }).get(key)!;
    c.count++;
  }
  return [...by.values()].sort((a, b) => b.count - a.count || a.lang.localeCompare(b.lang) || a.query.localeCompare(b.query)).slice(0, limit);
}

function totals(searches: SearchRow[], feedback: FeedbackRow[]): Totals {
  const zero = searches.filter((s) => s.results === 0).length;
  return {
    searches: searches.length,
    zeroResults: zero,
    zeroResultRate: rate(zero, searches.length),
    feedback: feedback.length,
    helpfulRate: rate(feedback.filter((f) => f.helpful).length, feedback.length),
  };
}

interface InsightOptions {
  days: number;
  now: number;
  filter?: Filter;
  limit?: number;
  owner?: (page: string, lang: string) => string | undefined;
}

/** The rows of the period (up to and including the current second) and of the period before it. */
type Rows = { searches: SearchRow[]; feedback: FeedbackRow[]; previous: { searches: SearchRow[]; feedback: FeedbackRow[] } };
const span = (o: InsightOptions) => ({ from: o.now - o.days * DAY, to: o.now + 1, before: o.now - 2 * o.days * DAY });

/**
 * The insights for the `days` before `now` (seconds), compared with the `days` before that, from
 * any database. `owner(page, lang)` names who answers for a page, when the content root is at hand.
 */
export async function insights(store: EventStore, opts: InsightOptions): Promise<Insights> {
  const { from, to, before } = span(opts);
  const f = opts.filter ?? {};
  const [searches, feedback, ps, pf] = await Promise.all([
    store.searches(from, to, f),
    store.feedback(from, to, f),
    store.searches(before, from, f),
    store.feedback(before, from, f),
  ]);
  return compute({ searches, feedback, previous: { searches: ps, feedback: pf } }, opts);
}

/** The same from a SQLite store, without waiting (the build and the audit are synchronous). */
export function insightsSync(store: Store, opts: InsightOptions): Insights {
  const { from, to, before } = span(opts);
  const f = opts.filter ?? {};
  const previous = { searches: store.searches(before, from, f), feedback: store.feedback(before, from, f) };
  return compute({ searches: store.searches(from, to, f), feedback: store.feedback(from, to, f), previous }, opts);
}

function compute(rows: Rows, opts: InsightOptions): Insights {
  const { days, now } = opts;
  const filter = opts.filter ?? {};
  const limit = opts.limit ?? 20;
  const { from } = span(opts);
  const { searches, feedback } = rows;
  const previous = totals(rows.previous.searches, rows.previous.feedback);

  const pairs = new Map<string, { lang: string; from: string; to: string; count: number }>();
  for (const s of searches) {
    if (!s.previous || !s.opened_page) continue;
    const a = normal(s.previous);
    const b = normal(s.query);
    if (a === b) continue;
    const key = `${s.lang}\0${a}\0${b}`;
    const p = pairs.get(key) ?? pairs.set(key, { lang: s.lang, from: a, to: b, count: 0 }).get(key)!;
    p.count++;
  }

  const pages = new Map<string, Insights['unhelpful'][number]>();
  for (const f of feedback) {
    const key = `${f.lang}\0${f.page}`;
    const p = pages.get(key) ?? pages.set(key, { page: f.page, lang: f.lang, yes: 0, no: 0, helpful: 0, reasons: {}, comments: [] }).get(key)!;
    if (f.helpful) p.yes++;
    else p.no++;
    if (f.reason) p.reasons[f.reason] = (p.reasons[f.reason] ?? 0) + 1;
    if (f.comment) p.comments.push(f.comment);
  }
  const unhelpful = [...pages.values()]
    .filter((p) => p.no > 0)
    .map((p) => {
      const owner = opts.owner?.(p.page, p.lang);
      return { ...p, helpful: rate(p.yes, p.yes + p.no), comments: p.comments.slice(-5), ...(owner ? { owner } : {}) };
    })
    .sort((a, b) => a.helpful - b.helpful || b.no - a.no || a.page.localeCompare(b.page))
    .slice(0, limit);

  const perLanguage = new Map<string, { lang: string; searches: number; zeroResults: number }>();
  for (const s of searches) {
    const l = perLanguage.get(s.lang) ?? perLanguage.set(s.lang, { lang: s.lang, searches: 0, zeroResults: 0 }).get(s.lang)!;
    l.searches++;
    if (s.results === 0) l.zeroResults++;
  }
  const weekly = new Map<string, { week: string; lang: string; searches: number; zeroResults: number }>();
  for (const s of searches) {
    const day = new Date(s.at * 1000);
    const monday = iso(s.at - ((day.getUTCDay() + 6) % 7) * DAY);
    const key = `${monday}\0${s.lang}`;
    const w = weekly.get(key) ?? weekly.set(key, { week: monday, lang: s.lang, searches: 0, zeroResults: 0 }).get(key)!;
    w.searches++;
    if (s.results === 0) w.zeroResults++;
  }
  return {
    period: { from: iso(from), to: iso(now), days },
    weekly: [...weekly.values()].sort((a, b) => a.week.localeCompare(b.week) || a.lang.localeCompare(b.lang)),
    filter,
    totals: { ...totals(searches, feedback), previous },
    perLanguage: [...perLanguage.values()].sort((a, b) => b.searches - a.searches || a.lang.localeCompare(b.lang)),
    topQueries: count(searches, limit),
    zeroResults: count(
      searches.filter((s) => s.results === 0),
      limit,
    ),
    noClick: count(
      searches.filter((s) => s.results > 0 && !s.opened_page),
      limit,
    ),
    synonyms: [...pairs.values()]
      .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from))
      .slice(0, limit)
      .map((p) => ({ ...p, yaml: `  - [${JSON.stringify(p.to)}, ${JSON.stringify(p.from)}]` })),
    unhelpful,
  };
}

/**
 * The insights of a collector database for the audit and the agents' site: the `collector.thresholds.days`
 * up to the end of `today` (YYYY-MM-DD, so a build for a given day is reproducible), read-only.
 */
export function readInsights(file: string, site: Pick<SiteModel, 'insightThresholds'>, today: string): Insights {
  if (/^postgres(ql)?:\/\//.test(file)) return readInsightsFromPostgres(file, site.insightThresholds.days, today);
  const store = new Store(file, { readOnly: true });
  try {
    return insightsSync(store, { days: site.insightThresholds.days, now: Date.parse(`${today}T23:59:59Z`) / 1000, limit: 100 });
  } finally {
    store.close();
  }
}

/**
 * The same from PostgreSQL. The build and the audit are synchronous and `pg` is not, so they ask
 * pg-snapshot.ts in a child process, which answers in JSON.
 */
function readInsightsFromPostgres(url: string, days: number, today: string): Insights {
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'src/collector/pg-snapshot.ts'), String(days), today], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: url },
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`Could not read the collector's PostgreSQL database: ${r.stderr.trim() || r.error?.message}`);
  return JSON.parse(r.stdout) as Insights;
}
