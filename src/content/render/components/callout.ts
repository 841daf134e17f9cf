/** `<Callout type="note|tip|warning">…</Callout>`: a highlighted box with a localized label. */
import { h } from 'hastscript';
import { problem } from '../../errors.ts';
import { lineOf, type Component } from '../context.ts';

const types = ['note', 'tip', 'warning'] as const;

/** Renders a callout box; a `type` other than note, tip or warning is a problem. */
export const Callout: Component = (node, ctx, attrs) => {
  const type = (attrs.type ?? 'note') as (typeof types)[number];
  if (!types.includes(type)) {
    ctx.problems.push(
      problem('ComponentInvalid', ctx.file, `<Callout type="${type}"> is not a callout type; use note, tip or warning.`, { line: lineOf(node, ctx) }),
    );
  }
  return h('aside', { className: ['callout', `callout-${type}`] }, [
    h('p', { className: ['callout-title'] }, ctx.t(`content.callout.${type}`)),
    ...node.children,
  ]);
};
