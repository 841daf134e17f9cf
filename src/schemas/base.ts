/**
 * Frontmatter keys that every content type shares. Each content type extends this shape in its
 * own module; every object is strict so a misspelt key is an error, not a silently ignored field.
 */
import { isoDate, owner, plainText, reviewEvery, tags } from './fields.ts';

export const baseShape = {
  /** Page title, one line of plain text. */
  title: plainText,
  /** One sentence for lists, search results and link previews. */
  description: plainText,
  /** Responsible team or person; internal only, never rendered on the public site. */
  owner: owner.optional(),
  /** Date the facts were last checked, `YYYY-MM-DD`. */
  reviewed: isoDate.optional(),
  /** Days between reviews; default per content type from site data. */
  review_every: reviewEvery.optional(),
  /** Words for search and related pages. */
  tags,
  /**
   * On a translation: the date it was last brought in line with its source. Used by the audit
   * together with git history (or instead of it, where there is none).
   */
  translated: isoDate.optional(),
};

/** Frontmatter keys that must be present on internal-facing and legal content. */
export const accountable = {
  owner,
  reviewed: isoDate,
};

export type ContentType = 'help' | 'policy' | 'sop' | 'culture';
