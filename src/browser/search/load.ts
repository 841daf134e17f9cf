/**
 * Loads Pagefind and the language's lexicon, once per page and only when a search is made (the
 * first keystroke in a search box, or a query in the search page's URL).
 */
import type { PagefindLike } from './engine.ts';
import { Lexicon, type LexiconData } from './lexicon.ts';

interface Pagefind extends PagefindLike {
  options(o: Record<string, unknown>): Promise<void>;
}

let pagefind: Promise<Pagefind> | undefined;
const lexicons = new Map<string, Promise<Lexicon>>();

export function loadPagefind(): Promise<Pagefind> {
  // A runtime URL: Pagefind's bundle is written after the site is built.
  const url = '/pagefind/pagefind.js';
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pf) => {
    await pf.options({ excerptLength: 24 });
    return pf;
  });
  return pagefind;
}

/** The lexicon of `lang`; an empty one (no correction, no synonyms) if it cannot be loaded. */
export function loadLexicon(lang: string): Promise<Lexicon> {
  let l = lexicons.get(lang);
  if (!l) {
    const empty: LexiconData = { v: 1, lang, pages: 1, words: {}, synonyms: [], stop: [], popular: [] };
    l = fetch(`/pagefind/lexicon/${encodeURIComponent(lang)}.json`, { cache: 'no-cache' })
      .then((r) => (r.ok ? (r.json() as Promise<LexiconData>) : empty))
      .catch(() => empty)
      .then((d) => new Lexicon(d && d.v === 1 ? d : empty));
    lexicons.set(lang, l);
  }
  return l;
}
