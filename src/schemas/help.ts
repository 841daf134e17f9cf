/** Frontmatter of a public help article: `help/<lang>/[<category>/…/]<slug>.md|mdx`. */
import { z } from './z.ts';
import { baseShape } from './base.ts';
import { marketId } from './fields.ts';

export const helpSchema = z.strictObject({
  ...baseShape,
  /** Sort order inside its category; lower first. */
  order: z.number().default(100),
  /** Other articles by path without language or extension, e.g. `returns/refund-timing`. */
  related: z.array(z.string().regex(/^[a-z0-9][a-z0-9/-]*$/, { error: 'expected an article path such as returns/refund-timing' })).default([]),
  /** Every `##` heading is a question and the text under it the answer (FAQPage JSON-LD). */
  faq: z.boolean().default(false),
  /** Markets the article applies to; absent means all markets. */
  markets: z.array(marketId).optional(),
});

export type HelpData = z.output<typeof helpSchema>;
