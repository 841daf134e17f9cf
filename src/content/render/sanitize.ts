/**
 * The allowlist for HTML in content. Raw HTML written in Markdown and the output of Signpost's
 * own components both pass through it, so no `<script>`, `on*=` handler or `javascript:` URL
 * survives. Based on GitHub's schema (hast-util-sanitize's default), plus the elements and
 * attributes Signpost's components produce.
 */
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { Element, Root } from 'hast';

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

const withIframes: Schema = {
  ...schema,
  tagNames: [...(schema.tagNames ?? []), 'iframe'],
  attributes: { ...schema.attributes, iframe: ['src', 'title', 'width', 'height', 'allow', 'allowFullScreen', 'loading', 'referrerPolicy'] },
  protocols: { ...schema.protocols, src: ['https'] },
};

/**
 * Returns a sanitized copy of `tree`. Iframes survive only when site.yaml lists embed origins,
 * and then only those whose `src` is on one of them.
 */
export function clean(tree: Root, embeds: readonly string[] = []): Root {
  if (!embeds.length) return sanitize(tree, schema) as Root;
  const out = sanitize(tree, withIframes) as Root;
  const drop = (node: Root | Element) => {
    node.children = node.children.filter((c) => {
      if (c.type !== 'element') return true;
      if (c.tagName === 'iframe') {
        try {
          return embeds.includes(new URL(String(c.properties.src)).origin);
        } catch {
          return false;
        }
      }
      drop(c);
      return true;
    }) as typeof node.children;
  };
  drop(out);
  return out;
}
