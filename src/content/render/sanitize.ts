/**
 * The allowlist for HTML in content. Raw HTML written in Markdown and the output of Signpost's
 * own components both pass through it, so no `<script>`, `on*=` handler or `javascript:` URL
 * survives. Based on GitHub's schema (hast-util-sanitize's default), plus the elements, attributes
 * and classes Signpost's components produce. Classes are allowed by name, per site: the agent
 * note's classes and `data-internal` exist only on the internal site, so nothing on a public page
 * can look like agent material.
 */
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { Element, Root } from 'hast';
import type { Target } from './context.ts';

const extraTags = ['aside', 'figure', 'figcaption', 'time', 'mark', 'abbr', 'small', 'u', 'cite', 'caption', 'colgroup', 'col'];

/** Classes that Signpost's MDX components put on their HTML (held to them by a test). */
export const componentClasses = [
  'callout',
  'callout-note',
  'callout-tip',
  'callout-warning',
  'callout-title',
  'decision',
  'decision-if',
  'decision-label',
  'decision-then',
  'escalation',
  'escalation-label',
  'escalation-title',
  'escalation-when',
  'fact',
  'reply',
  'reply-body',
  'reply-head',
  'reply-lang',
  'reply-title',
  'steps',
];
/** Classes and attributes of the agent note, allowed on the internal site only. */
export const internalClasses = ['agent-note', 'agent-note-title'];

const publicSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), ...extraTags],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), ['className', ...componentClasses]],
    figure: ['dataReply', 'dataReplyLang'],
    span: ['dataFact'],
    time: ['dateTime'],
    th: ['align', 'scope'],
    td: ['align'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] },
};

const internalSchema: Schema = {
  ...publicSchema,
  attributes: {
    ...publicSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), ['className', ...componentClasses, ...internalClasses]],
    aside: ['dataInternal'],
  },
};

/** The schema for one site. */
export const schemaFor = (target: Target): Schema => (target === 'internal' ? internalSchema : publicSchema);

const withIframes = (schema: Schema): Schema => ({
  ...schema,
  tagNames: [...(schema.tagNames ?? []), 'iframe'],
  attributes: { ...schema.attributes, iframe: ['src', 'title', 'width', 'height', 'allow', 'allowFullScreen', 'loading', 'referrerPolicy'] },
  protocols: { ...schema.protocols, src: ['https'] },
});

/**
 * Returns a sanitized copy of `tree`. Iframes survive only when site.yaml lists embed origins,
 * and then only those whose `src` is on one of them.
 */
export function clean(tree: Root, embeds: readonly string[] = [], target: Target = 'public'): Root {
  if (!embeds.length) return sanitize(tree, schemaFor(target)) as Root;
  const out = sanitize(tree, withIframes(schemaFor(target))) as Root;
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
