/**
 * `llms.txt` (the llms.txt convention: a title, a one-line summary in a block quote, then
 * sections of links with one-line descriptions) for the customers' site: `/llms.txt` lists the
 * languages, `/<lang>/llms.txt` lists that language's own help articles by topic and its policies
 * by market. Fallback pages (a page shown in the default language's text) are not listed: they
 * are not a translation. Public site only; nothing here reads agent-only content.
 */
import type { Content } from '../content/load.ts';
import type { EntryRoute, Route } from '../content/routes.ts';

/** Text safe inside a Markdown link label, and as a one-line description. */
const label = (s: string) => s.replace(/[\\[\]]/g, '\\$&');
const line = (s: string) => s.replace(/\s+/g, ' ').trim();
const link = (title: string, url: string, description?: string) => `- [${label(title)}](${url})${description ? `: ${line(description)}` : ''}`;

/** The llms.txt files of a built public site: path under the output folder → text. */
export function llmsFiles(content: Content, routes: readonly Route[]): Map<string, string> {
  const { site } = content;
  const files = new Map<string, string>();
  // The agents' site has no llms.txt: its pages are not for machines outside the company.
  if (content.target !== 'public') return files;
  const abs = (url: string) => site.url + url;
  const own = (r: Route): r is EntryRoute => (r.kind === 'article' || r.kind === 'policy') && !r.isFallback;

  for (const lang of site.languages) {
    const t = content.t(lang.code);
    const mine = routes.filter((r): r is EntryRoute => own(r) && r.lang.code === lang.code);
    const sections: string[] = [];
    for (const c of site.categories) {
      const articles = mine.filter((r) => r.kind === 'article' && r.category?.id === c.id);
      if (articles.length) sections.push(`## ${line(c.name(lang.code))}\n\n${articles.map((r) => link(r.title, abs(r.canonical), r.description)).join('\n')}`);
    }
    for (const m of site.markets) {
      const policies = mine.filter((r) => r.kind === 'policy' && r.market?.id === m.id);
      if (policies.length)
        sections.push(
          `## ${line(`${t('market.policies')}: ${m.name(lang.code)}`)}\n\n${policies.map((r) => link(r.title, abs(r.canonical), r.description)).join('\n')}`,
        );
    }
    files.set(`${lang.code}/llms.txt`, `# ${line(site.name)}\n\n> ${line(t('home.description', { site: site.name }))}\n\n${sections.join('\n\n')}\n`);
  }
  const t = content.t(site.defaultLanguage.code);
  const languages = site.languages.map((l) => link(l.name, abs(`/${l.code}/llms.txt`), content.t(l.code)('home.description', { site: site.name })));
  files.set(
    'llms.txt',
    `# ${line(site.name)}\n\n> ${line(t('home.description', { site: site.name }))}\n\n## ${line(t('llms.languages'))}\n\n${languages.join('\n')}\n`,
  );
  return files;
}
