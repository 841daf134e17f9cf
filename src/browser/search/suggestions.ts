/**
 * What the search boxes suggest for a query: the best articles by the same layer as the search
 * page. Loaded by browser/suggest.ts on the first keystroke, with Pagefind and the lexicon, so
 * pages carry none of it until the reader types.
 */
import { rerank, searchPlan } from './engine.ts';
import { loadLexicon, loadPagefind } from './load.ts';

export interface Suggestion {
  title: string;
  url: string;
  markets: string[];
}

export async function suggestions(lang: string, q: string, market: string | undefined, count: number): Promise<Suggestion[]> {
  const [pf, lex] = await Promise.all([loadPagefind(), loadLexicon(lang)]);
  const outcome = await searchPlan(pf, lex, q);
  const { shown } = await rerank(outcome.results, lex, { market }, count + 3);
  return shown.slice(0, count).map((r) => ({ title: r.data.meta.title ?? r.data.url, url: r.data.url, markets: r.data.filters.market ?? [] }));
}
