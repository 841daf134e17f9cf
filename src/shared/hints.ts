/**
 * Which market is a customer writing from? An agent pastes a customer's message and the agents'
 * site looks for market hints in it: an order number, a phone prefix, a country or city name, a
 * carrier, an amount of money, and the language the agent says the message is in. Each hint
 * points to one or more markets; a hint that several markets share counts less for each.
 *
 * The clues are prepared at build time from the site model (src/content/clues.ts) and embedded in
 * the page, so this module is pure: no DOM, no Node, nothing imported.
 */

/** What a message can point to for one market; JSON, embedded in the agents' page. */
export interface MarketClues {
  /** Market id, e.g. `de`. */
  id: string;
  /** Lower-case language tags offered to the market's customers, e.g. `[de, en]`. */
  languages: string[];
  /** ISO 4217 code, e.g. `EUR`. */
  currency: string;
  /** Ways to write the currency: code, symbols and names, e.g. `[EUR, €, Euro, euros, ユーロ, 欧元, يورو]`. */
  currencySigns: string[];
  /** The market's name in every site language and other words for it, e.g. `[Germany, Deutschland, ドイツ, Berlin]`. */
  names: string[];
  /** Carriers the market's customers mention, e.g. `[DHL, DPD]`. */
  carriers: string[];
  /** Source of a regular expression (`u` flag) for the market's order numbers, e.g. `KG-DE-\d{7}`. */
  orderNumber?: string;
  /** International calling code, e.g. `+49`. */
  phonePrefix?: string;
}

export type EvidenceKind = 'order' | 'phone' | 'country' | 'carrier' | 'currency' | 'language';

/** One hint found: `text` is the exact span of the message (for `language`, the language tag given). */
export interface Evidence {
  kind: EvidenceKind;
  text: string;
}

/** A market the message points to, with what points there. */
export interface MarketGuess {
  id: string;
  score: number;
  /** Strongest first. */
  evidence: Evidence[];
}

/**
 * What one hint is worth before it is shared among the markets it points to: an order number
 * decides, a phone prefix or a place name is strong, a carrier or a currency medium, the
 * message's language weak (most markets offer English).
 */
const weights: Readonly<Record<EvidenceKind, number>> = { order: 100, phone: 10, country: 10, carrier: 3, currency: 3, language: 1 };

/** A message folded for matching, with each folded UTF-16 unit's span `[from, to)` in the original. */
interface Folded {
  text: string;
  from: number[];
  to: number[];
}

const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
const FORMAT = /\p{Cf}/u;
/** Scripts whose accents and vowel marks do not change what a word is (é = e, أ = ا); kana dakuten do. */
const STRIPPED = /[\p{sc=Latin}\p{sc=Arabic}]/u;
/** Arabic-Indic and Persian digits: their code points end in 0–9, so `& 0xf` is the digit. */
const EASTERN_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/gu;

/**
 * Lower case, compatibility forms (full-width ＫＧ, ￥, ＋８１), no accents or marks in Latin and
 * Arabic script, ASCII digits, no invisible format characters (the bidi marks Intl puts in
 * Arabic). Done one character at a time so every match maps back to the original text.
 */
function fold(text: string): Folded {
  const parts: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  let afterStripped = false;
  for (const ch of text) {
    let f: string;
    if (ch < '\u0080') f = ch.toLowerCase();
    else if (FORMAT.test(ch) || (afterStripped && MARK.test(ch))) f = '';
    else {
      f = ch.normalize('NFKD');
      if (STRIPPED.test(f)) f = f.replace(MARKS, '');
      f = f
        .normalize('NFC')
        .toLowerCase()
        .replace(EASTERN_DIGIT, (d) => String(d.charCodeAt(0) & 0xf));
    }
    if (f) afterStripped = STRIPPED.test(f);
    parts.push(f);
    for (let i = 0; i < f.length; i++) {
      from.push(at);
      to.push(at + ch.length);
    }
    at += ch.length;
  }
  return { text: parts.join(''), from, to };
}

const foldTerm = (s: string) => fold(s.trim().replace(/\s+/g, ' ')).text;

/** Letters of scripts that separate words with spaces: a term in them matches as a whole word. */
const SPACED = /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}]/u;
const SPACED_CLASS = '[\\p{sc=Latin}\\p{sc=Greek}\\p{sc=Cyrillic}]';
const ORDER_EDGE = '[\\p{sc=Latin}\\p{sc=Greek}\\p{sc=Cyrillic}\\p{Nd}]';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Short names written in capitals only (UK, KSA, UPS, EUR) match only in capitals: "us" is not the US. */
function capitalsOnly(form: string): boolean {
  const letters = form.match(/\p{L}/gu) ?? [];
  return letters.length > 0 && letters.length <= 4 && letters.every((l) => /\p{Lu}/u.test(l));
}

type TermKind = 'country' | 'carrier' | 'currency';
interface Term {
  capitals: boolean;
  /** Markets each kind of this term points to, by index in the clues. */
  kinds: Map<TermKind, number[]>;
}
interface Prepared {
  terms: Map<string, Term>;
  termPattern?: RegExp;
  phonePattern?: RegExp;
  /** Market indexes by calling code without `+`. */
  phoneMarkets: Map<string, number[]>;
  orders: { market: number; pattern: RegExp }[];
}

/** The patterns for a list of clues, built once per list (the page passes the same one each time). */
const preparedFor = new WeakMap<readonly MarketClues[], Prepared>();

function prepare(clues: readonly MarketClues[]): Prepared {
  const cached = preparedFor.get(clues);
  if (cached) return cached;
  const terms = new Map<string, Term>();
  const add = (kind: TermKind, form: string, market: number) => {
    const key = foldTerm(form);
    if (!key) return;
    const term = terms.get(key) ?? { capitals: true, kinds: new Map() };
    terms.set(key, term);
    term.capitals &&= capitalsOnly(form);
    const markets = term.kinds.get(kind) ?? [];
    if (!markets.includes(market)) markets.push(market);
    term.kinds.set(kind, markets);
  };
  const phoneMarkets = new Map<string, number[]>();
  clues.forEach((c, i) => {
    for (const n of c.names) add('country', n, i);
    for (const n of c.carriers) add('carrier', n, i);
    for (const n of c.currencySigns) add('currency', n, i);
    const code = c.phonePrefix?.replace(/^\+/, '');
    if (code && /^\d+$/.test(code)) phoneMarkets.set(code, [...(phoneMarkets.get(code) ?? []), i]);
  });
  // Longest first, so "Japan Post" wins over "Japan" and "US$" over "$" at the same place.
  const alternatives = [...terms.keys()]
    .sort((a, b) => b.length - a.length)
    .map((key) => {
      const chars = [...key];
      const before = SPACED.test(chars[0]!) ? `(?<!${SPACED_CLASS})` : '';
      const after = SPACED.test(chars.at(-1)!) ? `(?!${SPACED_CLASS})` : '';
      return `${before}${escapeRegExp(key).replace(/ /g, '\\s+')}${after}`;
    });
  const codes = [...phoneMarkets.keys()].sort((a, b) => b.length - a.length);
  const prepared: Prepared = {
    terms,
    phoneMarkets,
    ...(alternatives.length ? { termPattern: new RegExp(alternatives.join('|'), 'gu') } : {}),
    // Calling codes are prefix-free, so +1 never steals +12…; at least six digits follow (not "+100 points"),
    // and no digit or + comes before (not the 0049 inside a longer number).
    ...(codes.length ? { phonePattern: new RegExp(`(?<![\\d+])(?:\\+|00) ?(${codes.join('|')})(?:[ ()/-]*\\d){6,}`, 'gu') } : {}),
    orders: clues.flatMap((c, market) =>
      c.orderNumber ? [{ market, pattern: new RegExp(`(?<!${ORDER_EDGE})(?:${c.orderNumber})(?!${ORDER_EDGE})`, 'giu') }] : [],
    ),
  };
  preparedFor.set(clues, prepared);
  return prepared;
}

const span = (text: string, f: Folded, start: number, end: number) => text.slice(f.from[start], f.to[end - 1]);

interface Hit {
  markets: readonly number[];
  kind: EvidenceKind;
  /** What makes two hits the same hint (counted once per market). */
  key: string;
  text: string;
}

/** Order numbers in the message, each with the market whose pattern it matches, in the order found. */
function orderHits(text: string, f: Folded, p: Prepared): (Hit & { start: number; end: number })[] {
  const hits = p.orders.flatMap(({ market, pattern }) =>
    [...f.text.matchAll(pattern)]
      .filter((m) => m[0])
      .map((m) => ({
        markets: [market],
        kind: 'order' as const,
        key: m[0],
        text: span(text, f, m.index, m.index + m[0].length),
        start: m.index,
        end: m.index + m[0].length,
      })),
  );
  return hits.sort((a, b) => a.start - b.start);
}

const AMOUNT_AFTER = /\s?\d(?:[.,' ]?\d)*/y;
const AMOUNT_BEFORE = /\d(?:[.,' ]?\d)*\s?$/u;

/** A currency sign with the amount written after it (€49,90, SAR 120) or before it (5,000円, 30 ريال). */
function withAmount(f: Folded, start: number, end: number): [number, number] {
  AMOUNT_AFTER.lastIndex = end;
  const after = AMOUNT_AFTER.exec(f.text);
  if (after) return [start, end + after[0].length];
  const before = AMOUNT_BEFORE.exec(f.text.slice(Math.max(0, start - 24), start));
  return [before ? start - before[0].length : start, end];
}

function termHits(text: string, f: Folded, p: Prepared, taken: readonly { start: number; end: number }[]): Hit[] {
  if (!p.termPattern) return [];
  const hits: Hit[] = [];
  for (const m of f.text.matchAll(p.termPattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some((t) => start < t.end && end > t.start)) continue;
    const key = m[0].replace(/\s+/g, ' ');
    const term = p.terms.get(key);
    if (!term || (term.capitals && /\p{Ll}/u.test(span(text, f, start, end)))) continue;
    for (const [kind, markets] of term.kinds) {
      const [s, e] = kind === 'currency' ? withAmount(f, start, end) : [start, end];
      hits.push({ markets, kind, key, text: span(text, f, s, e) });
    }
  }
  return hits;
}

function phoneHits(text: string, f: Folded, p: Prepared): Hit[] {
  if (!p.phonePattern) return [];
  return [...f.text.matchAll(p.phonePattern)].map((m) => ({
    markets: p.phoneMarkets.get(m[1]!) ?? [],
    kind: 'phone' as const,
    key: m[1]!,
    text: span(text, f, m.index, m.index + m[0].length),
  }));
}

const primary = (tag: string) => tag.split('-')[0]!;

/** Markets offering the message's language: the tag itself, its primary subtag (`de-at` → `de`), or a regional form of it. */
function languageHit(lang: string | undefined, clues: readonly MarketClues[]): Hit[] {
  const tag = lang?.trim().toLowerCase();
  if (!tag) return [];
  const markets = clues.flatMap((c, i) =>
    c.languages.some((l) => l.toLowerCase() === tag || l.toLowerCase() === primary(tag) || primary(l.toLowerCase()) === tag) ? [i] : [],
  );
  return markets.length ? [{ markets, kind: 'language', key: tag, text: lang!.trim() }] : [];
}

/**
 * The markets a customer's message points to, best first (ties keep the order of `clues`); only
 * markets with some evidence. `lang` is the message's language, if the agent knows it.
 * @example guessMarkets('Wo ist KG-DE-2614573? DHL sagt nichts.', 'de', clues)[0] // { id: 'de', score: 101.75, evidence: [...] }
 */
export function guessMarkets(text: string, lang: string | undefined, clues: readonly MarketClues[]): MarketGuess[] {
  const p = prepare(clues);
  const f = fold(text);
  const orders = orderHits(text, f, p);
  const hits: Hit[] = [...orders, ...phoneHits(text, f, p), ...termHits(text, f, p, orders), ...languageHit(lang, clues)];
  const found = clues.map(() => new Map<string, Evidence & { weight: number }>());
  for (const hit of hits) {
    for (const i of hit.markets) {
      // Each order number, phone prefix, name or carrier counts once; the currency once, however written.
      const id = hit.kind === 'currency' ? hit.kind : `${hit.kind}\u0000${hit.key}`;
      if (!found[i]!.has(id)) found[i]!.set(id, { kind: hit.kind, text: hit.text, weight: weights[hit.kind] / hit.markets.length });
    }
  }
  return clues
    .map((c, i) => {
      const evidence = [...found[i]!.values()].sort((a, b) => b.weight - a.weight);
      const score = evidence.reduce((sum, e) => sum + e.weight, 0);
      return { id: c.id, score: Math.round(score * 1000) / 1000, evidence: evidence.map(({ kind, text }) => ({ kind, text })) };
    })
    .filter((g) => g.evidence.length > 0)
    .sort((a, b) => b.score - a.score);
}
