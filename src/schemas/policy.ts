/** Frontmatter of a market policy: `policies/<market>/<lang>/<policy>.md|mdx`. */
import { z } from './z.ts';
import { accountable, baseShape } from './base.ts';
import { isoDate, plainText } from './fields.ts';

/** The policies a market can have; the file name must be one of these. */
export const policyKinds = ['returns', 'shipping', 'duties', 'warranty', 'privacy'] as const;
export type PolicyKind = (typeof policyKinds)[number];

export const sourceSchema = z.strictObject({
  /** Name of the law or page, e.g. "Directive 2011/83/EU". */
  title: plainText,
  /** Where to read it. */
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
});

export const policySchema = z
  .strictObject({
    ...baseShape,
    ...accountable,
    /** Date from which this text applies; shown to customers. */
    effective: isoDate,
    /** Optional date after which it no longer applies. */
    expires: isoDate.optional(),
    /** The laws and official pages the policy rests on. */
    sources: z.array(sourceSchema).min(1, { error: 'list at least one source the policy rests on' }),
  })
  .refine((d) => !d.expires || d.expires > d.effective, {
    error: '`expires` must be after `effective`',
    path: ['expires'],
  });

export type PolicyData = z.output<typeof policySchema>;
