/**
 * One export record per entry page of a language (schemas/export.ts): what a machine needs to
 * answer from the page and to know whether it may: its market(s), review date, translation state,
 * the body as Markdown with facts resolved, and the facts themselves. On the agents' site a record
 * also carries its owner, its audit state and an SOP's decisions and replies.
 *
 * Records are made from the routes and the rendered HTML of the site being built, so the public
 * export can only hold what the public build loaded.
 */
import type { Content, Entry } from '../content/load.ts';
import type { EntryRoute } from '../content/routes.ts';
import type { Finding, FindingKind } from '../audit/types.ts';
import { formatFact } from '../content/facts.ts';
import { formatLocale } from '../i18n/locale.ts';
import { urlFor } from '../content/paths.ts';
import type { ExportFact, ExportRecord, InternalRecord, PublicRecord } from '../schemas/export.ts';
import type { Fact } from '../schemas/market.ts';

/** What the records of one site are made from. */
export interface ExportSource {
  content: Content;
  /** Audit findings (agents' site): per file, for the record's audit state. */
  findings: readonly Finding[];
  /** `route\0lang` of each translation whose source changed after it. */
  stale: ReadonlySet<string>;
}

/** Findings that make a text unsafe to quote as it stands. */
const outdatedKinds: ReadonlySet<FindingKind> = new Set(['review-overdue', 'translation-stale', 'policy-expired', 'policy-not-yet-effective']);

/** A market fact for a language, as its pages show it. */
export function exportFact(content: Content, marketId: string, fact: Fact, lang: string): ExportFact {
  const market = content.site.marketById.get(marketId)!;
  return {
    value: fact.value,
    unit: fact.unit,
    text: formatFact(fact, formatLocale(content.site, lang, market), market.currency),
    effective: fact.effective,
    ...(fact.expires ? { expires: fact.expires } : {}),
    ...(fact.source ? { source: fact.source } : {}),
  };
}

function factsOf(content: Content, entry: Entry): PublicRecord['facts'] {
  const out: PublicRecord['facts'] = {};
  for (const { market, name } of entry.facts ?? []) {
    const fact = content.site.marketById.get(market)?.facts[name];
    if (!fact) continue;
    out[market] ??= {};
    out[market][name] = exportFact(content, market, fact, entry.lang);
  }
  return out;
}

/** The record of an entry page. */
export function exportRecord(route: EntryRoute, src: ExportSource): ExportRecord {
  const { content } = src;
  const { site } = content;
  const { entry } = route;
  const abs = (u: string) => site.url + u;
  const def = site.defaultLanguage.code;
  const hasSource = content.byRoute.get(route.route)?.has(def) ?? false;
  const status = route.isFallback
    ? 'fallback'
    : entry.lang === def || !hasSource
      ? 'source'
      : src.stale.has(`${route.route}\0${entry.lang}`)
        ? 'stale'
        : 'current';
  const sourceLang = status === 'current' || status === 'stale' ? def : entry.lang;
  const data = entry.data as Entry['data'] & { effective?: string; expires?: string; sources?: { title: string; url: string }[] };
  const pageUrl = abs(urlFor(route.lang.code, route.route));
  const record: Omit<PublicRecord, 'type'> & { type: Entry['type'] } = {
    id: route.route,
    type: entry.type,
    lang: route.lang.code,
    title: entry.data.title,
    description: entry.data.description,
    url: pageUrl,
    canonical: abs(route.canonical),
    markdown_url: abs(route.markdown),
    ...(route.category ? { category: { id: route.category.id, name: route.category.name(route.lang.code) } } : {}),
    markets: entry.markets,
    all_markets: entry.allMarkets,
    tags: entry.data.tags ?? [],
    ...(entry.data.reviewed ? { reviewed: entry.data.reviewed } : {}),
    ...(data.effective ? { effective: data.effective } : {}),
    ...(data.expires ? { expires: data.expires } : {}),
    ...(data.sources ? { sources: data.sources.map((s) => ({ title: s.title, url: s.url })) } : {}),
    translation: { status, source_lang: sourceLang, source_url: abs(urlFor(sourceLang, route.route)) },
    ...(route.isFallback ? {} : { body: entry.markdown?.body ?? '' }),
    facts: factsOf(content, entry),
  };
  // The public build never loads procedures or culture guides (content/types.ts), so its records are help and policies.
  if (content.target !== 'internal') return record as PublicRecord;
  return { ...record, ...agentFields(entry, src, route.isFallback) };
}

/** What only the agents' export carries: owner, audit state, and an SOP's channels, escalation, decisions and replies. */
function agentFields(entry: Entry, src: ExportSource, isFallback: boolean): Omit<InternalRecord, keyof PublicRecord> {
  const findings = src.findings.filter((f) => f.file === entry.file);
  const sop = entry.type === 'sop' ? entry.data : undefined;
  const parts = isFallback ? undefined : entry.markdown;
  return {
    ...(entry.owner ? { owner: entry.owner } : {}),
    audit: {
      status: findings.some((f) => outdatedKinds.has(f.kind)) ? 'outdated' : 'ok',
      findings: findings.map((f) => ({ kind: f.kind, severity: f.severity, message: f.message })),
    },
    ...(sop?.channels.length ? { channels: sop.channels } : {}),
    ...(sop?.escalation ? { escalation: sop.escalation } : {}),
    ...(parts?.decisions ? { decisions: parts.decisions } : {}),
    ...(parts?.replies ? { replies: parts.replies } : {}),
  };
}
