/**
 * Field schemas shared by every content type and by site/market data.
 */
import { z } from './z.ts';

/** A calendar date written `YYYY-MM-DD`, kept as a string so it never shifts by time zone. */
export const isoDate = z
  .string({ error: 'expected a date written YYYY-MM-DD, for example 2026-03-31' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written YYYY-MM-DD, for example 2026-03-31', abort: true })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { error: 'is not a real calendar date' },
  );

/** A lower-case BCP 47 language tag as used in folder names: `en`, `de`, `zh-cn`, `pt-br`. */
export const langTag = z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, {
  error: 'expected a lower-case BCP 47 language tag such as en, de or zh-cn',
});

/** A market id: lower-case letters, digits and hyphens, normally an ISO 3166-1 code (`de`, `gb`). */
export const marketId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a lower-case market id such as de or gb' });

/** A team or person responsible for an entry, e.g. `returns-team`. */
export const owner = z.string().trim().min(1, { error: 'must not be empty' });

/** A list of tags. */
export const tags = z.array(z.string().trim().min(1)).default([]);

/** Days between two reviews. */
export const reviewEvery = z.number().int().positive({ error: 'expected a whole number of days' });

/** Plain-text title or description: no line breaks, not empty. */
export const plainText = z
  .string({ error: 'expected text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .refine((s) => !/[\r\n]/.test(s), { error: 'must be one line' });

/** Names per language: `{ en: Returns, de: Rücksendungen }`. */
export const translated = z.record(langTag, plainText);
