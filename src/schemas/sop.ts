/** Frontmatter of an internal SOP: `sop/<lang>/…/<slug>.md|mdx`. */
import { z } from './z.ts';
import { accountable, baseShape } from './base.ts';
import { marketId } from './fields.ts';

export const channels = ['email', 'chat', 'phone', 'marketplace', 'social', 'whatsapp'] as const;

export const sopSchema = z.strictObject({
  ...baseShape,
  ...accountable,
  /** Markets it applies to; `["*"]` (the default) for all. */
  markets: z.array(z.union([z.literal('*'), marketId])).default(['*']),
  /** Channels where such contacts arrive. */
  channels: z.array(z.enum(channels)).default([]),
  /** Team to hand over to when the SOP says escalate. */
  escalation: z.string().trim().min(1).optional(),
});

export type SopData = z.output<typeof sopSchema>;
