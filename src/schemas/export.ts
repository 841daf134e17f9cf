/**
 * The JSON export for machines (chatbots, help-desk assistants, search tools): one record per page
 * of a language, in files of bounded size listed by an index (src/exports/json.ts). These zod
 * schemas are the definition; `npm run schema` writes them as JSON Schemas to schemas/, and the
 * tests validate real exports against those files.
 *
 * The customers' export has no owners and no audit state: a public record is a strict object, so
 * a field of the agents' export in a public file fails validation.
 */
import { z } from './z.ts';
import { isoDate, langTag, marketId } from './fields.ts';
import { factUnits } from './market.ts';
import { channels } from './sop.ts';

const url = z.url({ protocol: /^https?$/ });

/** A market fact as the record's language shows it. */
export const exportFact = z.strictObject({
  /** The value as stored: a number, a `{min, max}` range, text, or text per language. */
  value: z.union([z.number(), z.strictObject({ min: z.number(), max: z.number() }), z.string(), z.record(z.string(), z.string())]),
  unit: z.enum(factUnits),
  /** The value formatted for the record's language, as the page shows it: "14 Tage", "£135". */
  text: z.string(),
  /** Date the rule took effect. */
  effective: isoDate,
  expires: isoDate.optional(),
  /** Law or document it rests on. */
  source: z.string().optional(),
});

/** Whether the text is in the record's language, and whether it keeps up with its source. */
export const translationState = z.strictObject({
  /**
   * `source`: the original (default language); `current`: a translation at least as recent as its
   * source; `stale`: a translation whose source changed after it; `fallback`: no translation, the
   * page shows the source (the record then has no body: read `source_url`).
   */
  status: z.enum(['source', 'current', 'stale', 'fallback']),
  /** Language of the source text. */
  source_lang: langTag,
  /** Canonical page of the source text. */
  source_url: url,
});

const publicShape = {
  /** Stable across languages: the page's path without the language, e.g. `help/returns/start-a-return`. */
  id: z.string(),
  /** The customers' site has help articles and policies only. */
  type: z.enum(['help', 'policy']),
  /** Language of the page this record belongs to. */
  lang: langTag,
  title: z.string(),
  description: z.string(),
  /** The page in this language (a fallback page shows the source text). */
  url,
  /** Canonical page of the text: the page itself, or the source on a fallback. */
  canonical: url,
  /** Markdown twin of the canonical page. */
  markdown_url: url,
  /** Help articles: the topic. */
  category: z.strictObject({ id: z.string(), name: z.string() }).optional(),
  /** Ids of the markets the page applies to. */
  markets: z.array(marketId),
  /** Whether it applies to every market. */
  all_markets: z.boolean(),
  tags: z.array(z.string()),
  /** Date the text was last reviewed (`YYYY-MM-DD`). */
  reviewed: isoDate.optional(),
  /** Policies: from when and until when the text applies, and what it rests on. */
  effective: isoDate.optional(),
  expires: isoDate.optional(),
  sources: z.array(z.strictObject({ title: z.string(), url })).optional(),
  translation: translationState,
  /** The text as Markdown: facts resolved, links absolute. Absent on a fallback (read `source_url`). */
  body: z.string().optional(),
  /** The market facts the text shows, by market id then fact name. */
  facts: z.record(z.string(), z.record(z.string(), exportFact)),
};

/** A record of the customers' export. */
export const publicRecord = z.strictObject(publicShape);

/** Audit state of a page on the agents' site, so an assistant can refuse to quote an outdated text. */
export const auditState = z.strictObject({
  /** `outdated` when the review is overdue, the translation is stale, or a policy is past its dates. */
  status: z.enum(['ok', 'outdated']),
  findings: z.array(z.strictObject({ kind: z.string(), severity: z.enum(['error', 'warning', 'notice']), message: z.string() })),
});

/** A record of the agents' export: the public fields, plus who owns it, its audit state and an SOP's parts. */
export const internalRecord = z.strictObject({
  ...publicShape,
  type: z.enum(['help', 'policy', 'sop', 'culture']),
  owner: z.string().optional(),
  audit: auditState,
  /** SOPs: where such contacts arrive, and the team to hand over to. */
  channels: z.array(z.enum(channels)).optional(),
  escalation: z.string().optional(),
  /** Situations (`<Decision if>`) and what to do then, as Markdown. */
  decisions: z.array(z.strictObject({ situation: z.string(), action: z.string() })).optional(),
  /** Canned replies (`<Reply>`), in the customer's language, as Markdown. */
  replies: z.array(z.strictObject({ lang: langTag, title: z.string().optional(), body: z.string() })).optional(),
});

/** The index of one language's export: where the records are, and the market data they refer to. */
export const exportIndex = z.strictObject({
  site: z.strictObject({ name: z.string(), url, kind: z.enum(['public', 'internal']) }),
  lang: langTag,
  /** Number of records over all parts. */
  count: z.number().int().nonnegative(),
  /** The files holding the records, each a JSON array of records, in order. */
  parts: z.array(z.strictObject({ url, count: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() })),
  /** Every market, named in this language, with its languages and facts. */
  markets: z.array(
    z.strictObject({
      id: marketId,
      name: z.string(),
      languages: z.array(langTag),
      currency: z.string(),
      facts: z.record(z.string(), exportFact),
      /** Public holidays, names in this language: support is closed unless `support`, carriers rest unless `deliveries`. */
      holidays: z
        .array(z.strictObject({ date: isoDate, name: z.string(), deliveries: z.boolean(), support: z.boolean(), approximate: z.boolean() }))
        .optional(),
    }),
  ),
});

/** `/api/index.json`: the site and the index of each language's export. */
export const exportRoot = z.strictObject({
  site: z.strictObject({ name: z.string(), url, kind: z.enum(['public', 'internal']) }),
  languages: z.array(z.strictObject({ lang: langTag, name: z.string(), url })),
});

export type PublicRecord = z.output<typeof publicRecord>;
export type InternalRecord = z.output<typeof internalRecord>;
export type ExportRecord = PublicRecord | InternalRecord;
export type ExportFact = z.output<typeof exportFact>;
export type ExportIndex = z.output<typeof exportIndex>;
