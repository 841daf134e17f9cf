/**
 * The search layer's view of one language (the build writes it: src/search/lexicon.ts): the
 * vocabulary for typo correction, synonym groups, stop words and popular pages. Pure code, no DOM:
 * it runs in the reader's browser and in unit tests alike.
 */

export interface LexiconData {
  v: 1;
  lang: string;
  pages: number;
  words: Record<string, string>;
  synonyms: string[][];
  stop: string[];
  popular: string[];
}

/** Longest query the layer reads; the rest is ignored (a pasted e-mail is not a search). */
export const MAX_QUERY = 200;
/** Most words (after stop words) a query is searched by. */
export const MAX_CONCEPTS = 8;

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;
const NEGATION_JA = /^(ない|なかっ|ません|ず)/u;

/** Text as the index compares it: NFKC, no bidi controls, lower case, at most `max` characters. */
export function normalize(q: string, lang: string, max = MAX_QUERY): string {
  let text = q.normalize('NFKC').replace(BIDI, '');
  // Cut long text at a word boundary (CJK text has none: cut anywhere).
  if (text.length > max)
    text = text
      .slice(0, max + 1)
      .replace(/\s+\S*$/, '')
      .slice(0, max);
  return text.toLocaleLowerCase(lang);
}

/** A word's comparison key: without accents and other marks (kana voicing marks stay: が is not か). */
export function key(word: string): string {
  const stripped = word.normalize('NFD').replace(/(?![\u3099\u309a])\p{M}/gu, '');
  return stripped.normalize('NFC').replace(/[’`]/g, "'");
}

export const isCjk = (word: string) => CJK.test(word);

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    try {
      s = new Intl.Segmenter(lang, { granularity: 'word' });
    } catch {
      s = new Intl.Segmenter('en', { granularity: 'word' });
    }
    segmenters.set(lang, s);
  }
  return s;
}

/** The words of a query, in order, normalized; punctuation, symbols and emoji are dropped. */
export function tokenize(q: string, lang: string, max = MAX_QUERY): string[] {
  const out: string[] = [];
  for (const s of segmenter(lang).segment(normalize(q, lang, max))) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Damerau–Levenshtein distance (adjacent swaps count once), giving up above `max`. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row[j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    rows.push(row);
    if (i > 0 && best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Edits allowed when correcting a word of this many letters. */
const allowedEdits = (length: number) => (length < 4 ? 0 : length < 8 ? 1 : 2);

export class Lexicon {
  readonly lang: string;
  readonly pages: number;
  readonly popular: ReadonlySet<string>;
  /** Comparison key → [word as indexed, tier]. */
  private readonly words = new Map<string, [string, number]>();
  private readonly byLength = new Map<number, string[]>();
  private readonly stop: ReadonlySet<string>;
  /** First word of a synonym member → members starting with it ([words, group]). */
  private readonly phrases = new Map<string, { words: string[]; group: number }[]>();
  readonly groups: string[][];

  constructor(data: LexiconData) {
    this.lang = data.lang;
    this.pages = Math.max(1, data.pages);
    this.popular = new Set(data.popular);
    for (const [tier, list] of Object.entries(data.words)) {
      for (const w of list.split(' ')) {
        if (!w) continue;
        const k = key(w);
        const seen = this.words.get(k);
        if (!seen || seen[1] < Number(tier)) this.words.set(k, [w, Number(tier)]);
      }
    }
    for (const k of this.words.keys()) {
      const n = [...k].length;
      (this.byLength.get(n) ?? this.byLength.set(n, []).get(n)!).push(k);
    }
    this.stop = new Set(data.stop.flatMap((w) => tokenize(w, data.lang).map(key)));
    this.groups = data.synonyms;
    data.synonyms.forEach((group, g) => {
      for (const member of group) {
        const words = tokenize(member, data.lang).map(key);
        if (!words.length) continue;
        const list = this.phrases.get(words[0]!) ?? this.phrases.set(words[0]!, []).get(words[0]!)!;
        list.push({ words, group: g });
        list.sort((a, b) => b.words.length - a.words.length);
      }
    });
  }

  isStopWord(word: string): boolean {
    if (this.stop.has(key(word))) return true;
    // Japanese: a run of hiragana alone is a particle or a verb ending (が, てい, した); a
    // negation (ない, なかった) is not: 届かない is not 届く.
    return this.lang.startsWith('ja') && HIRAGANA_ONLY.test(word) && [...word].length <= 3 && !NEGATION_JA.test(word);
  }

  knows(word: string): boolean {
    return this.words.has(key(word));
  }

  /** How common an indexed word is: on 2^tier to 2^(tier+1)-1 pages; undefined if not in the vocabulary. */
  tier(word: string): number | undefined {
    return this.words.get(key(word))?.[1];
  }

  /**
   * The synonym group whose member starts at `words[at]`, longest member first: the group's index
   * and how many words the member spans.
   */
  synonymAt(words: readonly string[], at: number): { group: number; length: number } | undefined {
    for (const p of this.phrases.get(key(words[at]!)) ?? []) {
      if (p.words.every((w, i) => key(words[at + i] ?? '') === w)) return { group: p.group, length: p.words.length };
    }
    return undefined;
  }

  /**
   * The indexed word nearest to `word` (edits allowed by its length), preferring fewer edits, then
   * commoner words, then the alphabetically first. Undefined when the word is known, too short,
   * CJK, or nothing is near.
   */
  correct(word: string): string | undefined {
    const k = key(word);
    const n = [...k].length;
    const max = allowedEdits(n);
    if (!max || isCjk(k) || this.words.has(k) || /\d/.test(k)) return undefined;
    let best: { w: string; d: number; tier: number } | undefined;
    for (let len = n - max; len <= n + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        const d = distance(k, candidate, best ? Math.min(best.d, max) : max);
        if (d > max) continue;
        const [w, tier] = this.words.get(candidate)!;
        if (!best || d < best.d || (d === best.d && (tier > best.tier || (tier === best.tier && w < best.w)))) best = { w, d, tier };
      }
    }
    return best?.w;
  }
}
