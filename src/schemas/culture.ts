/** Frontmatter of an internal culture guide: `culture/<lang>/<market>.md|mdx`. */
import { z } from './z.ts';
import { accountable, baseShape } from './base.ts';

export const cultureSchema = z.strictObject({ ...baseShape, ...accountable });

export type CultureData = z.output<typeof cultureSchema>;
