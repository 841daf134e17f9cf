/**
 * The SOP building blocks: `<Steps>`, `<Decision if="…">`, `<Escalation team="…" when="…">`.
 * Plain HTML with classes; the layout styles them and prints them well.
 */
import { h } from 'hastscript';
import { problem } from '../../errors.ts';
import { lineOf, type Component } from '../context.ts';

/** Numbered steps; anything but exactly one numbered list inside is a problem. */
export const Steps: Component = (node, ctx) => {
  const lists = node.children.filter((c) => c.type === 'element');
  if (lists.length !== 1 || lists[0]!.type !== 'element' || lists[0]!.tagName !== 'ol') {
    ctx.problems.push(problem('ComponentInvalid', ctx.file, '<Steps> must contain exactly one numbered list (1. …).', { line: lineOf(node, ctx) }));
  }
  return h('div', { className: ['steps'] }, node.children);
};

/** A situation (`if`) and what to do then; `if` is required. */
export const Decision: Component = (node, ctx, attrs) => {
  if (!attrs.if) {
    ctx.problems.push(
      problem('ComponentInvalid', ctx.file, '<Decision> needs an `if` attribute describing the situation, e.g. if="The parcel is held at customs".', {
        line: lineOf(node, ctx),
      }),
    );
  }
  return h('div', { className: ['decision'] }, [
    h('p', { className: ['decision-if'] }, [h('span', { className: ['decision-label'] }, ctx.t('content.decision.if')), ' ', attrs.if ?? '']),
    h('div', { className: ['decision-then'] }, node.children),
  ]);
};

/** Which team to hand over to (`team`, required) and when (`when`). */
export const Escalation: Component = (node, ctx, attrs) => {
  if (!attrs.team) {
    ctx.problems.push(problem('ComponentInvalid', ctx.file, '<Escalation> needs a `team` attribute, e.g. team="logistics".', { line: lineOf(node, ctx) }));
  }
  return h(
    'aside',
    { className: ['escalation'] },
    [
      h('p', { className: ['escalation-title'] }, ctx.t('content.escalation.title', { team: attrs.team ?? '' })),
      attrs.when
        ? h('p', { className: ['escalation-when'] }, [h('span', { className: ['escalation-label'] }, ctx.t('content.escalation.when')), ' ', attrs.when])
        : null,
      ...node.children,
    ].filter((x) => x !== null),
  );
};
