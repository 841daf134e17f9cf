/**
 * `<Reply lang="de" title="…">…</Reply>`: a canned customer reply. Marked with its own `lang`
 * and `dir` so screen readers and fonts treat it right; the copy button is added by a small
 * script, and without JavaScript the text stays selectable.
 */
import { h } from 'hastscript';
import { problem } from '../../errors.ts';
import { lineOf, type Component } from '../context.ts';

/** Renders a canned reply in its own language; a `lang` that is not a site language is a problem. */
export const Reply: Component = (node, ctx, attrs) => {
  const lang = attrs.lang?.toLowerCase();
  const language = lang ? ctx.site.langByCode.get(lang) : undefined;
  if (!language) {
    const known = ctx.site.languages.map((l) => l.code).join(', ');
    ctx.problems.push(
      problem('ComponentInvalid', ctx.file, lang ? `<Reply lang="${lang}"> is not a language of this site.` : '<Reply> needs a `lang` attribute.', {
        line: lineOf(node, ctx),
        hint: `Use one of the site languages: ${known}, or add the language to site.yaml.`,
      }),
    );
  }
  return h('figure', { className: ['reply'], 'data-reply': '', 'data-reply-lang': lang ?? '' }, [
    h(
      'figcaption',
      { className: ['reply-head'] },
      [
        h('span', { className: ['reply-lang'] }, language?.name ?? lang ?? ''),
        attrs.title ? h('span', { className: ['reply-title'] }, attrs.title) : null,
      ].filter((x) => x !== null),
    ),
    h('div', { className: ['reply-body'], lang: language?.htmlLang ?? lang, dir: language?.dir }, node.children),
  ]);
};
