/**
 * Replies are written once per customer language, not once per translation of a procedure: a
 * translated SOP (or culture guide) without replies of its own shows its source's, under a heading
 * in its own language, so an agent who reads procedures in Chinese still copies the German reply.
 * The HTML, table of contents, reply languages and Markdown of the translation all gain them.
 * Agents' material only: customer pages never carry replies from another page.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Entry } from './load.ts';
import type { SiteModel } from './site.ts';
import type { Translate } from '../i18n/index.ts';
import { typeSpec } from './types.ts';
import { quoteReply } from './render/markdown-fast.ts';

/** Gives each agents' translation without replies its source's replies. */
export function inheritReplies(byRoute: Map<string, Map<string, Entry>>, site: SiteModel, t: (lang: string) => Translate): void {
  const def = site.defaultLanguage.code;
  for (const langs of byRoute.values()) {
    const source = langs.get(def);
    if (!source?.replyHtml?.length || typeSpec(source.type).customerFacing) continue;
    for (const [lang, e] of langs) {
      if (lang === def || e.replyHtml?.length) continue;
      const title = t(lang)('sop.replies');
      const taken = new Set(e.headings.map((x) => x.id));
      let id = 'replies';
      for (let n = 1; taken.has(id); n++) id = `replies-${n}`;
      e.html += toHtml(h('h2', { id }, title)) + source.replyHtml.map((r) => r.html).join('\n');
      e.headings = [...e.headings, { depth: 2, id, text: title, toc: true }];
      e.replyLanguages = source.replyLanguages;
      e.replyHtml = source.replyHtml;
      e.repliesFrom = source.file;
      const replies = source.markdown?.replies;
      if (e.markdown && replies?.length) {
        const quoted = replies.map((r) => quoteReply(site.langByCode.get(r.lang)?.name ?? r.lang, r.title, r.body));
        e.markdown = { ...e.markdown, body: `${e.markdown.body}\n\n## ${title}\n\n${quoted.join('\n\n')}`, replies };
      }
    }
  }
}
