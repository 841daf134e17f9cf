/** Search words for one language: `search/<lang>.yaml` under the content root. */
import { z } from './z.ts';

/** A word or phrase as a customer types it: one line, at most 6 words, no markup characters. */
const term = z
  .string({ error: 'expected a word or phrase' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(60, { error: 'must be at most 60 characters' })
  .refine((s) => !/[\r\n<>"]/.test(s), { error: 'must be one line of plain words' })
  .refine((s) => s.split(/\s+/).length <= 6, { error: 'must be at most 6 words' });

export const searchWordsSchema = z.strictObject({
  /**
   * Groups of words and phrases that mean the same thing to a customer, e.g.
   * `[parcel, package, shipment]`. A query word from a group also finds pages that use the
   * other members.
   */
  synonyms: z.array(z.array(term).min(2, { error: 'a group needs at least two words' })).default([]),
  /** Words never required in a query, added to Signpost's built-in list for the language. */
  stop_words: z.array(term).default([]),
});
