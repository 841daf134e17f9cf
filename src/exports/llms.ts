/**
 * `llms.txt` (the llms.txt convention: a title, a one-line summary in a block quote, then
 * sections of links with one-line descriptions): `/llms.txt` lists the languages, `/<lang>/llms.txt`
 * lists that language's own help articles by topic and its policies by market (on the agents' site
 * also its procedures and culture guides), then its full text (`llms-full.txt`) and JSON export.
 * Fallback pages (a page shown in the default language's text) are not listed: they are not a
 * translation. Each site lists only the pages it built.
 */
import type { Content } from '../content/load.ts';
import type { EntryRoute, Route } from '../content/routes.ts';
import type { Language } from '../content/site.ts';

/** Text safe inside a Markdown link label, and as a one-line description. */
const label = (s: string) => s.replace(/[\\[\]]/g, '\\$&');
const line = (s: string) => s.replace(/\s+/g, ' ').trim();
const link = (title: string, url: string, description?: string) => `- [${label(title)}](${url})${description ? `: ${line(description)}` : ''}`;

/**
 * The llms.txt files of a built site: path under the output folder → text. The root one always;
 * a language's own for each of `languages` (a shard's languages, src/build/shard.ts; default all).
 */
export function llmsFiles(content: Content, routes: readonly Route[], languages: readonly Language[] = content.site.languages): Map<string, string> {
  const { site } = content;
  const files = new Map<string, string>();
  const abs = (url: string) => site.url + url;
  const own = (r: Route): r is EntryRoute => 'entry' in r && !r.isFallback;
  const section = (title: string, list: EntryRoute[]) =>
    list.length ? [`## ${line(title)}\n\n${list.map((r) => link(r.title, abs(r.canonical), r.description)).join('\n')}`] : [];

  for (const lang of languages) {
    const t = content.t(lang.code);
    const mine = routes.filter((r): r is EntryRoute => own(r) && r.lang.code === lang.code);
    const sections = [
      ...site.categories.flatMap((c) =>
        section(
          c.name(lang.code),
          mine.filter((r) => r.kind === 'article' && r.category?.id === c.id),
        ),
      ),
      ...section(
        t('home.general'),
        mine.filter((r) => r.kind === 'article' && !r.category),
      ),
      ...site.markets.flatMap((m) =>
        section(
          `${t('market.policies')}: ${m.name(lang.code)}`,
          mine.filter((r) => r.kind === 'policy' && r.market?.id === m.id),
        ),
      ),
      ...section(
        t('sop.title'),
        mine.filter((r) => r.kind === 'sop'),
      ),
      ...section(
        t('culture.title'),
        mine.filter((r) => r.kind === 'culture'),
      ),
      `## ${line(t('llms.exports'))}\n\n${[
        link(t('llms.fullText'), abs(`/${lang.code}/llms-full.txt`)),
        link(t('llms.json'), abs(`/api/${lang.code}/index.json`)),
      ].join('\n')}`,
    ];
    files.set(`${lang.code}/llms.txt`, `# ${line(site.name)}\n\n> ${line(summary(content, lang.code))}\n\n${sections.join('\n\n')}\n`);
  }
  const def = site.defaultLanguage.code;
  const all = site.languages.map((l) => link(l.name, abs(`/${l.code}/llms.txt`), summary(content, l.code)));
  files.set('llms.txt', `# ${line(site.name)}\n\n> ${line(summary(content, def))}\n\n## ${line(content.t(def)('llms.languages'))}\n\n${all.join('\n')}\n`);
  return files;
}

/** The site in one line, in a language: the customers' help center, or the agents' procedures. */
export function summary(content: Content, lang: string): string {
  const t = content.t(lang);
  return content.target === 'internal' ? t('sop.description') : t('home.description', { site: content.site.name });
}
