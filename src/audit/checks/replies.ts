/**
 * reply-missing: a procedure with canned replies has one in each language its markets' customers
 * write in (an SOP for Japan needs a `ja` reply). Replies are written once per customer language,
 * in the source; translations of the procedure show the source's (content/replies.ts), so only
 * sources are checked. A procedure with no reply at all is reference material and is not flagged.
 */
import type { Check, Finding } from '../types.ts';
import { typeSpec } from '../../content/types.ts';

/** Flags each customer language a reply-bearing procedure's markets need and it has no reply in. */
export const replies: Check = ({ content }) => {
  const { site } = content;
  const out: Finding[] = [];
  for (const langs of content.byRoute.values()) {
    const source = langs.get(site.defaultLanguage.code);
    if (!source?.replyLanguages?.length || typeSpec(source.type).customerFacing) continue;
    const have = new Set(source.replyLanguages);
    const need = new Map<string, string[]>();
    for (const id of source.markets) {
      for (const lang of site.marketById.get(id)?.languages ?? []) {
        if (!have.has(lang)) need.set(lang, [...(need.get(lang) ?? []), id.toUpperCase()]);
      }
    }
    for (const [lang, markets] of need) {
      const name = site.langByCode.get(lang)?.name ?? lang;
      out.push({
        kind: 'reply-missing',
        severity: 'warning',
        file: source.file,
        owner: source.owner,
        route: source.route,
        lang,
        message: `No reply in ${name} (${lang}); customers in ${markets.join(', ')} write in it.`,
        fix: `Add <Reply lang="${lang}" title="…"> under the replies of ${source.file}.`,
      });
    }
  }
  return out;
};
