/**
 * The search layer over Pagefind. Pagefind requires every query word the site has; customers type
 * questions, misspellings and their own words. So a query becomes a plan of *concepts* (the
 * words that matter, each with its synonyms and, if nothing has it, its correction), Pagefind is
 * asked for each alternative separately, and pages are ranked here:
 *
 * 1. by the concepts a page has, each weighed by its rarity, with a bonus for having them all;
 *    pages with most (not all) of the concepts are kept when few pages have them all, for
 *    questions and long queries, and when their title has the words (`combine`);
 * 2. within a concept, by Pagefind's own score (it weighs titles and headings above body text)
 *    relative to the best page for it, so that one frequent word cannot drown the others, and by
 *    whether the title has it;
 * 3. then, on the best candidates only (their fragments are loaded to show them anyway): a help
 *    article above a policy that matched only in passing, the site's popular articles, and the
 *    reader's market as a soft boost.
 *
 * Pure code over a Pagefind-shaped interface: unit tests drive it with a fake index.
 */
import { isCjk, key, type Lexicon, MAX_CONCEPTS, tokenize } from './lexicon.ts';

export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
export interface PagefindResult {
  id: string;
  score: number;
  matchedMetaFields?: string[];
  data(): Promise<PagefindData>;
}
export interface PagefindLike {
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

/** One thing the customer asked for: a word or phrase, with the ways the index may say it. */
export interface Concept {
  /** As typed (normalized). */
  text: string;
  /** Searches that find it, the typed form first; weight < 1 for synonyms and corrections. */
  alternatives: { q: string; weight: number }[];
  /** Whether a typo correction may be tried when nothing has it. */
  correctable: boolean;
}

export interface Plan {
  concepts: Concept[];
}

const SYNONYM_WEIGHT = 0.8;
const CORRECTION_WEIGHT = 0.9;
/** With fewer pages than this having every word, pages with most words are added. */
const ENOUGH = 3;
/** Share of the query's concepts a page must have to be shown when it does not have them all. */
const MOST = 0.5;
/** Score factor of pages that have every concept. */
const FULL_BONUS = 1.2;
/** Added to a concept's weight (of at most 0.7 from the body) when the page's title has it. */
const TITLE_BONUS = 0.5;
/** Candidates re-ranked with their page data. */
export const RERANK = 12;

/** Turns a query into concepts: stop words out, synonym phrases grouped, CJK runs kept together. */
export function plan(q: string, lex: Lexicon): Plan {
  const words = tokenize(q, lex.lang);
  const concepts: Concept[] = [];
  const cjkRun: string[] = [];
  const flush = () => {
    if (cjkRun.length) concepts.push({ text: cjkRun.join(''), alternatives: [{ q: cjkRun.join(''), weight: 1 }], correctable: false });
    cjkRun.length = 0;
  };
  for (let i = 0; i < words.length; ) {
    const syn = lex.synonymAt(words, i);
    if (syn) {
      flush();
      const typed = words.slice(i, i + syn.length).join(isCjk(words[i]!) ? '' : ' ');
      const others = lex.groups[syn.group]!.filter((m) => key(m) !== key(typed));
      concepts.push({ text: typed, alternatives: [{ q: typed, weight: 1 }, ...others.map((m) => ({ q: m, weight: SYNONYM_WEIGHT }))], correctable: false });
      i += syn.length;
      continue;
    }
    const w = words[i]!;
    i++;
    if (lex.isStopWord(w)) {
      flush();
      continue;
    }
    // Single CJK characters next to each other are one word the segmenter split (退 货 → 退货).
    if (isCjk(w) && [...w].length === 1) {
      cjkRun.push(w);
      continue;
    }
    flush();
    concepts.push({ text: w, alternatives: [{ q: w, weight: 1 }], correctable: !isCjk(w) });
  }
  flush();
  // A query of stop words only ("how", "was ist das") is searched as typed.
  if (!concepts.length) for (const w of words) concepts.push({ text: w, alternatives: [{ q: w, weight: 1 }], correctable: false });
  // Repeated words count once.
  const seen = new Set<string>();
  return { concepts: concepts.filter((c) => !seen.has(c.text) && seen.add(c.text)).slice(0, MAX_CONCEPTS) };
}

export interface Ranked {
  id: string;
  score: number;
  /** How many of the query's concepts the page matched, and how many there were. */
  matched: number;
  of: number;
  /** Which concepts (their indices among the ones any page had) the page matched. */
  concepts: number[];
  /** The result object of the page's best alternative: its excerpt highlights those words. */
  result: PagefindResult;
}

export interface Outcome {
  results: Ranked[];
  /** The query with corrected words, when a word was corrected. */
  corrected?: string;
  plan: Plan;
}

export interface SearchOptions {
  filters?: Record<string, string>;
  /** Search the words as typed: no correction (the "search instead for" link). */
  literal?: boolean;
  /** Concepts chosen by the caller (a pasted message: message.ts) instead of the query's own. */
  plan?: Plan;
  /** Share of the concepts a page must have when it does not have them all (default `MOST`). */
  most?: number;
}

/** A page's match of one concept: Pagefind's score, the title credit (0–1), the result object. */
export interface Hit {
  score: number;
  title: number;
  result: PagefindResult;
}

/** An alternative as searched: its stop words left out ("devolución del dinero" → "devolución dinero"). */
function searchable(q: string, lex: Lexicon): string {
  const words = q.split(' ');
  const kept = words.filter((w) => !lex.isStopWord(w));
  return kept.length ? kept.join(' ') : q;
}

/** Searches remembered per Pagefind instance (term and filters): typing "refund" searches "ref…" once. */
const remembered = new WeakMap<PagefindLike, Map<string, Promise<PagefindResult[]>>>();
const REMEMBERED = 200;

function searchOnce(pf: PagefindLike, term: string, filters: Record<string, string>): Promise<PagefindResult[]> {
  const cache = remembered.get(pf) ?? remembered.set(pf, new Map()).get(pf)!;
  const key = `${term}\u0000${JSON.stringify(filters)}`;
  let r = cache.get(key);
  if (!r) {
    r = pf.search(term, { filters }).then((s) => s?.results ?? []);
    // A failed search is not remembered: the next keystroke tries again.
    r.catch(() => cache.delete(key));
    if (cache.size >= REMEMBERED) cache.delete(cache.keys().next().value!);
    cache.set(key, r);
  }
  return r;
}

/** Runs the plan against Pagefind and ranks the pages (before page data is known). */
export async function searchPlan(pf: PagefindLike, lex: Lexicon, q: string, options: SearchOptions = {}): Promise<Outcome> {
  const p = options.plan ?? plan(q, lex);
  const filters = options.filters ?? {};
  const hitsOf = async (alternatives: Concept['alternatives']) => {
    const hits = new Map<string, Hit>();
    const lists = await Promise.all(alternatives.map(async (a) => ({ a, results: await searchOnce(pf, searchable(a.q, lex), filters) })));
    for (const { a, results } of lists) {
      // Pagefind says the title matched when any word of the search did: a phrase gets half.
      const titleWeight = a.weight * (a.q.includes(' ') ? 0.5 : 1);
      for (const r of results) {
        const s = r.score * a.weight;
        const title = (r.matchedMetaFields ?? []).includes('title') ? titleWeight : 0;
        const had = hits.get(r.id);
        if (!had) hits.set(r.id, { score: s, title, result: r });
        else {
          had.title = Math.max(had.title, title);
          if (had.score < s) {
            had.score = s;
            had.result = r;
          }
        }
      }
    }
    return hits;
  };

  // Words that are not in the vocabulary: the nearest indexed word (with its synonyms) is searched
  // too, in the same round. When nothing has the typed word, the page says so ("Showing results
  // for…"); when something has it (an inflection the stemmer knows), the correction only widens
  // the search.
  const fixes = new Map<number, string>();
  if (!options.literal) {
    p.concepts.forEach((c, i) => {
      if (!c.correctable || lex.knows(c.text)) return;
      const fix = lex.correct(c.text);
      if (fix) fixes.set(i, fix);
    });
  }
  const fixAlternatives = (fix: string) => {
    const syn = lex.synonymAt([fix], 0);
    return (syn ? lex.groups[syn.group]! : [fix]).map((a) => ({ q: a, weight: a === fix ? CORRECTION_WEIGHT : CORRECTION_WEIGHT * SYNONYM_WEIGHT }));
  };
  // The typed alternatives of a corrected concept, searched once (searchOnce) for both its hits and
  // the question whether anything has the typed word.
  const typed = new Map([...fixes.keys()].map((i) => [i, hitsOf(p.concepts[i]!.alternatives)]));
  for (const [i, fix] of fixes) p.concepts[i]!.alternatives.push(...fixAlternatives(fix));
  const hits = await Promise.all(p.concepts.map((c) => hitsOf(c.alternatives)));
  let corrected: string | undefined;
  const announced = new Map<string, string>();
  for (const [i, fix] of fixes) if ((await typed.get(i)!).size === 0) announced.set(p.concepts[i]!.text, fix);
  if (announced.size) {
    corrected = tokenize(q, lex.lang)
      .map((w) => announced.get(w) ?? w)
      .join(' ');
  }
  return { results: combine(hits, lex.pages, options.most), corrected, plan: p };
}

/**
 * Ranks pages by the concepts they match, each weighed by how rare it is (idf) and by how well the
 * page has it: Pagefind's score relative to the best page for that concept, and whether the title
 * has it. Pages with every concept get a bonus. Pages with only some concepts are shown when
 * they have at least half of its concepts: when fewer than `ENOUGH` pages have every word,
 * when the query has three concepts or more (a question, a long query), or when the title has
 * what they match (a title answering the main word beats a body mentioning a side word).
 */
export function combine(hits: Map<string, Hit>[], pages: number, most = MOST): Ranked[] {
  const live = hits.filter((h) => h.size > 0);
  if (!live.length) return [];
  const n = Math.max(pages, ...live.map((h) => h.size));
  const idf = live.map((h) => Math.log(1 + (n - h.size + 0.5) / (h.size + 0.5)));
  // A loop, not Math.max(...spread): a common word can have tens of thousands of pages.
  const top = live.map((h) => {
    let best = 0;
    for (const v of h.values()) if (v.score > best) best = v.score;
    return best || 1;
  });
  // A title match counts the same for every concept: a page titled with a common word of the
  // query is as much about it as one titled with a rare word.
  const meanIdf = idf.reduce((a, b) => a + b, 0) / idf.length;
  const pagesById = new Map<string, Ranked & { best: number; inTitle: boolean }>();
  live.forEach((h, c) => {
    for (const [id, { score, title, result }] of h) {
      const r = pagesById.get(id) ?? pagesById.set(id, { id, score: 0, matched: 0, of: live.length, concepts: [], result, best: 0, inTitle: false }).get(id)!;
      r.matched++;
      r.concepts.push(c);
      r.inTitle ||= title > 0;
      r.score += idf[c]! * (0.4 + 0.3 * (score / top[c]!)) + meanIdf * TITLE_BONUS * title;
      if (score > r.best) {
        r.best = score;
        r.result = result;
      }
    }
  });
  const all = [...pagesById.values()];
  const full = all.filter((r) => r.matched === live.length);
  for (const r of full) r.score *= live.length > 1 ? FULL_BONUS : 1;
  const loose = full.length < ENOUGH || live.length >= 3;
  const rest = all.filter((r) => r.matched < live.length && r.matched >= Math.max(1, Math.ceil(most * live.length)) && (loose || r.inTitle));
  const order = (a: Ranked, b: Ranked) => b.score - a.score || (a.id < b.id ? -1 : 1);
  return [...full, ...rest].sort(order).map(({ id, score, matched, of, concepts, result }) => ({ id, score, matched, of, concepts, result }));
}

export interface Shown {
  ranked: Ranked;
  data: PagefindData;
  /** The page's score after re-ranking. */
  weight: number;
}

export interface Priors {
  /** The reader's market: pages for it rank higher, pages only for other markets lower. */
  market?: string;
}

/**
 * Loads the page data of the best candidates and re-ranks them: a policy whose title shares no
 * word with the query sinks below help articles, popular articles and the reader's market rise.
 * The rest keep their order after them.
 */
export async function rerank(ranked: Ranked[], lex: Lexicon, priors: Priors = {}, count = RERANK): Promise<{ shown: Shown[]; rest: Ranked[] }> {
  const head = ranked.slice(0, count);
  const data = await Promise.all(head.map((r) => r.result.data()));
  const shown = head.map((r, i) => {
    const d = data[i]!;
    let s = r.score;
    // A policy whose strongest match is not its title only mentions the words in passing.
    if ((d.filters.type ?? []).includes('policy') && !(r.result.matchedMetaFields ?? []).includes('title')) s *= 0.7;
    if (lex.popular.has(d.url)) s *= 1.15;
    const markets = d.filters.market ?? [];
    if (priors.market && markets.length) s *= markets.includes(priors.market) ? 1.15 : 0.85;
    return { ranked: r, data: d, key: s };
  });
  shown.sort((a, b) => b.key - a.key);
  return { shown: shown.map(({ ranked: r, data: d, key }) => ({ ranked: r, data: d, weight: key })), rest: ranked.slice(count) };
}
