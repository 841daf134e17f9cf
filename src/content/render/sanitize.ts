/**
 * The allowlist for HTML in content. Raw HTML written in Markdown and the output of Signpost's
 * own components both pass through it, so no `<script>`, `on*=` handler or `javascript:` URL
 * survives. Based on GitHub's schema (hast-util-sanitize's default), plus the elements and
 * attributes Signpost's components produce.
 */
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { Root } from 'hast';

const extraTags = ['aside', 'figure', 'figcaption', 'time', 'mark', 'abbr', 'small', 'u', 'cite', 'caption', 'colgroup', 'col'];

export const schema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), ...extraTags],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className'],
    aside: ['dataInternal'],
    figure: ['dataReply', 'dataReplyLang'],
    span: ['dataFact'],
    time: ['dateTime'],
    th: ['align', 'scope'],
    td: ['align'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] },
};

/** Returns a sanitized copy of `tree`. */
export function clean(tree: Root): Root {
  return sanitize(tree, schema) as Root;
}
