/**
 * Heading ids are slugs of the heading text, so a translation's ids differ from its source's.
 * A link written against the source (`…/start-a-return.md#before-you-start`) then lands on a
 * translated page, or a fallback page in another language, without its anchor. When a
 * translation has the same headings as its source, each of its headings also answers to the
 * source's id, through an empty anchor placed just before it.
 */
import type { Entry } from './load.ts';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Adds the source's ids to translations with a matching heading outline. Mutates the entries. */
export function addSourceAnchors(byRoute: Map<string, Map<string, Entry>>, defaultLang: string): void {
  for (const langs of byRoute.values()) {
    const source = langs.get(defaultLang);
    if (!source || langs.size < 2) continue;
    for (const [lang, tr] of langs) {
      if (lang === defaultLang || tr.headings.length !== source.headings.length) continue;
      if (tr.headings.some((h, i) => h.depth !== source.headings[i]!.depth)) continue;
      const own = new Set(tr.headings.map((h) => h.id));
      tr.anchorAliases = [];
      tr.headings.forEach((h, i) => {
        const alias = source.headings[i]!.id;
        if (alias === h.id || own.has(alias)) return;
        tr.anchorAliases!.push(alias);
        if (!tr.html) return;
        const at = tr.html.indexOf(` id="${escapeAttr(h.id)}"`);
        const open = at < 0 ? -1 : tr.html.lastIndexOf('<', at);
        if (open >= 0) tr.html = `${tr.html.slice(0, open)}<span id="${escapeAttr(alias)}" class="anchor-alias"></span>${tr.html.slice(open)}`;
      });
    }
  }
}
