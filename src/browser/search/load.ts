/**
 * Loads Pagefind and the language's lexicon, once per page and only when a search is made (the
 * first keystroke in a search box, or a query in the search page's URL).
 */
import type { PagefindLike } from './engine.ts';
import { key, Lexicon, type LexiconData } from './lexicon.ts';

interface Pagefind extends PagefindLike {
  options(o: Record<string, unknown>): Promise<void>;
}

interface PagefindModule extends Pagefind {
  createInstance(options: Record<string, unknown>): Pagefind & { init(): Promise<void> };
}

let pagefind: Promise<Pagefind> | undefined;
const byLanguage = new Map<string, Promise<Pagefind>>();
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

/**
 * A Pagefind instance searching `lang`'s index, whatever the page's own language (the answer desk
 * reads a German message on a Chinese page).
 *
 * Each language gets its own copy of Pagefind's module (the URL names the language): the module
 * keeps the WebAssembly of the first language it loads for all its instances, and that language's
 * stemmer would then read the next language's queries. Pagefind takes an instance's language from
 * the document's `lang` when the instance is created, and offers no option for it: the attribute is
 * set for that one synchronous call and put back at once, before anything renders.
 */
export function loadPagefindFor(lang: string): Promise<Pagefind> {
  let p = byLanguage.get(lang);
  if (!p) {
    const url = `/pagefind/pagefind.js?language=${encodeURIComponent(lang)}`;
    p = (import(/* @vite-ignore */ url) as Promise<PagefindModule>).then(async (mod) => {
      const html = document.documentElement;
      const was = html.getAttribute('lang');
      html.setAttribute('lang', lang);
      let instance: ReturnType<PagefindModule['createInstance']>;
      try {
        instance = mod.createInstance({});
      } finally {
        if (was === null) html.removeAttribute('lang');
        else html.setAttribute('lang', was);
      }
      await instance.options({ excerptLength: 24 });
      await instance.init();
      return instance;
    });
    p.catch(() => byLanguage.delete(lang));
    byLanguage.set(lang, p);
  }
  return p;
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

const chatters = new Map<string, Promise<ReadonlySet<string>>>();

/** The words of a language a pasted message is searched without (search/lexicon.ts); none if not available. */
export function loadChatter(lang: string): Promise<ReadonlySet<string>> {
  let c = chatters.get(lang);
  if (!c) {
    c = fetch(`/pagefind/lexicon/${encodeURIComponent(lang)}.chatter.json`, { cache: 'no-cache' })
      .then((r) => (r.ok ? (r.json() as Promise<{ words?: string[] }>) : ({} as { words?: string[] })))
      .catch(() => ({}) as { words?: string[] })
      .then((d) => new Set((d.words ?? []).map((w) => key(w.toLocaleLowerCase(lang)))));
    chatters.set(lang, c);
  }
  return c;
}
