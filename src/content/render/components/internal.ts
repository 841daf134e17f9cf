/**
 * `<Internal>…</Internal>`: agent-only text. The public build never gets here: the renderer
 * removes these nodes from the tree before anything else looks at it, so their text cannot reach
 * HTML, search or links. The internal build shows them as an agent note.
 */
import { h } from 'hastscript';
import type { Component } from '../context.ts';

/** Renders an agent note (internal build only). */
export const Internal: Component = (node, ctx) =>
  h('aside', { className: ['agent-note'], 'data-internal': '' }, [h('p', { className: ['agent-note-title'] }, ctx.t('content.agentNote')), ...node.children]);
