/**
 * What the sites send to the collector (src/collector): batches of search events, and "Was this
 * helpful?" answers. Strict objects: an unknown field is refused, so nothing the product did not
 * decide to record can be stored by accident. Nothing here identifies a person: no IP address,
 * user agent, cookie or id; the texts are redacted in the browser and again on the server.
 */
import { z } from './z.ts';
import { langTag, marketId } from './fields.ts';

/** Longest query kept; longer text is not a search. */
export const MAX_QUERY = 200;
/** Longest feedback comment. */
export const MAX_COMMENT = 500;
/** Most events in one batch. */
export const MAX_BATCH = 50;

const site = z.enum(['public', 'internal']);
const text = (max: number) => z.string().max(max);
/** A page's path on the site, without the language: `help/returns/start-a-return`. */
const pagePath = z.string().regex(/^[a-z0-9][a-z0-9/_-]{0,199}$/, { error: 'expected a page path such as help/returns/start-a-return' });

/** One search as the reader finally made it (after a pause, Enter, a click, or leaving the page). */
export const searchEvent = z.strictObject({
  type: z.literal('search'),
  /** The final query, redacted. */
  query: text(MAX_QUERY).min(1),
  lang: langTag,
  market: marketId.optional(),
  /** How many results the search showed. */
  results: z.number().int().min(0).max(100_000),
  /** The query the search layer searched instead, when it corrected a typo. */
  corrected: text(MAX_QUERY).min(1).optional(),
  /** The result the reader opened: its page path and 1-based rank. */
  opened: z.strictObject({ page: pagePath, rank: z.number().int().min(1).max(1000) }).optional(),
  /** The query before this one on the same search page, when it found nothing (a reformulation). */
  previous: text(MAX_QUERY).min(1).optional(),
});

/** A batch of events from one page of one site. */
export const eventBatch = z.strictObject({
  site,
  events: z.array(searchEvent).min(1).max(MAX_BATCH),
});

/** Why a page did not help: a short list the sites translate. */
export const feedbackReasons = ['outdated', 'unclear', 'not-answered', 'wrong-country'] as const;

/** One "Was this helpful?" answer. */
export const feedbackEvent = z.strictObject({
  site,
  page: pagePath,
  lang: langTag,
  market: marketId.optional(),
  helpful: z.boolean(),
  reason: z.enum(feedbackReasons).optional(),
  comment: text(MAX_COMMENT).optional(),
});

export type SearchEvent = z.output<typeof searchEvent>;
export type EventBatch = z.output<typeof eventBatch>;
export type FeedbackEvent = z.output<typeof feedbackEvent>;
