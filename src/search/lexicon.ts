/**
 * The search layer's data per language, written beside Pagefind's bundle as
 * `pagefind/lexicon/<lang>.json` and fetched by the browser on the first keystroke:
 *
 * - `words`: the vocabulary the typo correction chooses from, taken from exactly what Pagefind
 *   indexed (its fragments: public text only on the public site), grouped by how many pages use
 *   each word (`tiers[k]` holds words found on 2^k to 2^(k+1)-1 pages). Words of CJK scripts are
 *   left out (no edit distance there); so are words shorter than 3 letters. The rarest words are
 *   dropped until the file fits its budget, so the download stays small at any site size.
 * - `synonyms` and `stop`: the editors' `search/<lang>.yaml` and the built-in stop words.
 * - `popular`: the URLs of the site's popular articles in this language (a small ranking prior).
 * - `pages`: how many pages the language's index holds (for weighing rare words higher).
 *
 * Beside it, `pagefind/lexicon/<lang>.chatter.json`: the words a pasted customer message is full
 * of and a search should not be led by ("either", "toujours", "immer", "السلام"): the stopwords-iso
 * list of the language and its greetings and sign-offs (stop-words.ts). Only the answer desk loads it (browser/search/message.ts); searches keep
 * the short built-in list, which leaves negations in.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Language, SiteModel } from '../content/site.ts';
import { urlFor } from '../content/paths.ts';
import { builtInStopWords, messageGreetings } from './stop-words.ts';
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };

export interface Lexicon {
  v: 1;
  lang: string;
  pages: number;
  /** Tier (as a string key) → space-separated words, alphabetical. Higher tiers are commoner words. */
  words: Record<string, string>;
  synonyms: string[][];
  stop: string[];
  popular: string[];
}

/** Gzipped bytes the vocabulary of one language may take. */
export const VOCABULARY_BUDGET = 20 * 1024;

/** Letters of scripts written with spaces between words (CJK ideographs and kana excluded). */
const WORD = /(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}])+/gu;
const MIN_LENGTH = 3;
const MAX_LENGTH = 30;

/** The text of one Pagefind fragment file: `pagefind_dcd` followed by JSON, gzipped. */
function readFragment(file: string): { content?: string; meta?: Record<string, string> } {
  const raw = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  return JSON.parse(raw.slice(raw.indexOf('{')));
}

/** Counts, per language, on how many pages each word occurs, from Pagefind's fragments in `bundle`. */
export function countWords(bundle: string): Map<string, { pages: number; df: Map<string, number> }> {
  const out = new Map<string, { pages: number; df: Map<string, number> }>();
  const dir = path.join(bundle, 'fragment');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  for (const f of files) {
    const m = /^(.+)_[0-9a-f]+\.pf_fragment$/.exec(f);
    if (!m) continue;
    const lang = m[1]!;
    const entry = out.get(lang) ?? out.set(lang, { pages: 0, df: new Map() }).get(lang)!;
    entry.pages++;
    const { content = '', meta = {} } = readFragment(path.join(dir, f));
    const seen = new Set<string>();
    for (const text of [meta.title ?? '', content]) {
      for (const w of text.toLocaleLowerCase(lang).match(WORD) ?? []) {
        if (w.length < MIN_LENGTH || w.length > MAX_LENGTH || seen.has(w)) continue;
        seen.add(w);
        entry.df.set(w, (entry.df.get(w) ?? 0) + 1);
      }
    }
  }
  return out;
}

/** Groups words by tier of page count, keeping the commonest ones that fit `budget` gzipped bytes. */
export function vocabulary(df: Map<string, number>, budget = VOCABULARY_BUDGET): Record<string, string> {
  const ranked = [...df].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const tiers = (n: number) => {
    const t = new Map<number, string[]>();
    for (const [w, c] of ranked.slice(0, n)) {
      const tier = Math.floor(Math.log2(c));
      const list = t.get(tier) ?? t.set(tier, []).get(tier)!;
      list.push(w);
    }
    return Object.fromEntries([...t].map(([k, ws]) => [String(k), ws.sort().join(' ')]));
  };
  const size = (n: number) => zlib.gzipSync(JSON.stringify(tiers(n))).length;
  if (size(ranked.length) <= budget) return tiers(ranked.length);
  // The largest prefix of the ranking that fits.
  let lo = 0;
  let hi = ranked.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (size(mid) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return tiers(lo);
}

/** Writes `pagefind/lexicon/<lang>.json` for every language Pagefind indexed in `dir` and each of `languages`. */
export function writeLexicons(
  dir: string,
  site: SiteModel,
  languages: readonly Language[] = site.languages,
): { languages: number; words: number; bytes: number } {
  const bundle = path.join(dir, 'pagefind');
  const out = path.join(bundle, 'lexicon');
  fs.mkdirSync(out, { recursive: true });
  let words = 0;
  let bytes = 0;
  const counted = countWords(bundle);
  // Every language of the folder gets a file, so a language without pages still knows its synonyms.
  const langs = new Set([...counted.keys(), ...languages.map((l) => l.code)]);
  for (const lang of langs) {
    const counts = counted.get(lang) ?? { pages: 0, df: new Map() };
    const own = site.searchWords.get(lang);
    const lexicon: Lexicon = {
      v: 1,
      lang,
      pages: counts.pages,
      words: vocabulary(counts.df),
      synonyms: own?.synonyms ?? [],
      stop: [...new Set([...builtInStopWords(lang), ...(own?.stopWords ?? [])])],
      popular: site.popular.map((p) => urlFor(lang, `help/${p}`)),
    };
    const json = JSON.stringify(lexicon);
    fs.writeFileSync(path.join(out, `${lang}.json`), json);
    const chatter = [...new Set([...((stopwordsIso as Record<string, string[]>)[lang.split('-')[0]!] ?? []), ...messageGreetings(lang)])];
    fs.writeFileSync(path.join(out, `${lang}.chatter.json`), JSON.stringify({ v: 1, lang, words: chatter }));
    words += Object.values(lexicon.words).reduce((n, s) => n + s.split(' ').length, 0);
    bytes += zlib.gzipSync(json).length;
  }
  return { languages: langs.size, words, bytes };
}
