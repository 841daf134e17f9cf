/**
 * The search layer's pure parts (src/browser/search/): normalizing and segmenting queries, stop
 * words, synonym phrases, typo correction, and ranking over a small in-memory index that answers
 * like Pagefind (every word of a search must be on the page; a word matches its prefixes).
 */
import { describe, expect, test } from 'vitest';
import { combine, plan, rerank, searchPlan, type PagefindLike, type PagefindResult } from '../../../src/browser/search/engine.ts';
import { distance, Lexicon, MAX_QUERY, tokenize, type LexiconData } from '../../../src/browser/search/lexicon.ts';
import { builtInStopWords } from '../../../src/search/stop-words.ts';
import { coverTopics, MAX_MESSAGE, MESSAGE_MOST, messagePlan } from '../../../src/browser/search/message.ts';

const lexicon = (lang: string, more: Partial<LexiconData> = {}) =>
  new Lexicon({ v: 1, lang, pages: 10, words: {}, synonyms: [], stop: builtInStopWords(lang), popular: [], ...more });

interface Page {
  url: string;
  title: string;
  body: string;
  type?: string;
  market?: string[];
}

/** A Pagefind stand-in: all words required, prefix matching, a title match weighs 5× a body match. */
function fakePagefind(pages: Page[], lang = 'en'): PagefindLike & { searched: string[] } {
  const searched: string[] = [];
  const words = (s: string) => tokenize(s, lang);
  return {
    searched,
    async search(term) {
      searched.push(term);
      const q = words(term);
      const results: PagefindResult[] = [];
      pages.forEach((p, i) => {
        const title = words(p.title);
        const body = words(p.body);
        let score = 0;
        let titleHit = false;
        for (const w of q) {
          const t = title.filter((x) => x.startsWith(w)).length;
          const b = body.filter((x) => x.startsWith(w)).length;
          if (!t && !b) return;
          titleHit ||= t > 0;
          score += 5 * t + b;
        }
        results.push({
          id: String(i),
          score,
          matchedMetaFields: titleHit ? ['title'] : [],
          data: async () => ({
            url: p.url,
            excerpt: p.body,
            meta: { title: p.title },
            filters: { type: [p.type ?? 'help'], ...(p.market ? { market: p.market } : {}) },
          }),
        });
      });
      return { results: results.sort((a, b) => b.score - a.score) };
    },
  };
}

describe('queries are read as words', () => {
  test('punctuation, emoji, bidi marks and markup are dropped; text stays text', () => {
    expect(tokenize('  \u200f<script>alert(1)</script> 📦 Where is MY parcel?!  ', 'en')).toEqual([
      'script',
      'alert',
      '1',
      'script',
      'where',
      'is',
      'my',
      'parcel',
    ]);
    expect(tokenize('…!?;', 'en')).toEqual([]);
    expect(tokenize('', 'en')).toEqual([]);
  });

  test('a 2,000-character query is cut to the first 200 characters', () => {
    const words = tokenize('refund '.repeat(300), 'en');
    expect(words.length).toBeLessThanOrEqual(Math.ceil(MAX_QUERY / 7));
    expect(plan('refund '.repeat(300), lexicon('en')).concepts).toHaveLength(1);
  });

  test('full-width and compatibility forms are folded (NFKC)', () => {
    expect(tokenize('ＲＥＦＵＮＤ', 'en')).toEqual(['refund']);
  });
});

describe('stop words and question words are not required', () => {
  const concepts = (q: string, lang: string, more?: Partial<LexiconData>) => plan(q, lexicon(lang, more)).concepts.map((c) => c.text);

  test.each([
    ['en', 'How do I return something I bought?', ['return', 'bought']],
    ['de', 'Wo ist mein Paket?', ['paket']],
    ['fr', 'Où est mon colis ?', ['colis']],
    ['es', '¿Dónde está mi pedido?', ['pedido']],
    ['ar', 'كيف أرجع المنتج', ['أرجع', 'المنتج']],
    ['zh-cn', '怎么退货', ['退货']],
    ['zh-cn', '快递没收到', ['快递', '没', '收到']],
    ['ja', '荷物が壊れていた', ['荷物', '壊']],
    ['ja', '返品したいです', ['返品']],
  ])('%s: %s', (lang, q, expected) => {
    expect(concepts(q, lang)).toEqual(expected);
  });

  test('a query of stop words only is searched as typed', () => {
    expect(concepts('how', 'en')).toEqual(['how']);
  });

  test('editors add stop words per language', () => {
    expect(concepts('kestrel refund', 'en', { stop: ['kestrel'] })).toEqual(['refund']);
  });
});

describe('synonyms', () => {
  const lex = lexicon('en', {
    synonyms: [
      ['parcel', 'package', 'stuff'],
      ['charged twice', 'double charge', 'duplicate payment'],
    ],
  });

  test('a word brings its group, the typed word first and weighed highest', () => {
    const [c] = plan('my stuff', lex).concepts;
    expect(c!.alternatives).toEqual([
      { q: 'stuff', weight: 1 },
      { q: 'parcel', weight: 0.8 },
      { q: 'package', weight: 0.8 },
    ]);
  });

  test('phrases of several words match as one concept', () => {
    const p = plan('I was charged twice for my order', lex);
    expect(p.concepts.map((c) => c.text)).toEqual(['charged twice', 'order']);
    expect(p.concepts[0]!.alternatives.map((a) => a.q)).toEqual(['charged twice', 'double charge', 'duplicate payment']);
  });

  test('German: matching ignores case and accents', () => {
    const de = lexicon('de', { synonyms: [['retoure', 'rücksendung']] });
    expect(plan('RETOURE', de).concepts[0]!.alternatives.map((a) => a.q)).toEqual(['retoure', 'rücksendung']);
    expect(plan('Rucksendung', de).concepts[0]!.alternatives.map((a) => a.q)).toEqual(['rucksendung', 'retoure']);
  });

  test('Chinese and Japanese synonyms are words, not sentences', () => {
    const zh = lexicon('zh-cn', { synonyms: [['快递', '包裹']] });
    expect(plan('快递没收到', zh).concepts[0]!.alternatives.map((a) => a.q)).toEqual(['快递', '包裹']);
  });
});

describe('typo correction', () => {
  const lex = lexicon('en', { words: { '5': 'delivery order refund return', '2': 'deliver refunds', '0': 'retina' } });

  test('edit distance counts a swap of neighbours once', () => {
    expect(distance('retrun', 'return', 2)).toBe(1);
    expect(distance('delivry', 'delivery', 2)).toBe(1);
    expect(distance('abc', 'xyz', 1)).toBe(2);
  });

  test('a word not in the vocabulary becomes the nearest indexed word', () => {
    expect(lex.correct('delivry')).toBe('delivery');
    expect(lex.correct('retrun')).toBe('return');
    expect(lex.correct('refnud')).toBe('refund');
  });

  test('known, short, CJK and numeric words are left alone; far words find nothing', () => {
    expect(lex.correct('refund')).toBeUndefined();
    expect(lex.correct('rfd')).toBeUndefined();
    expect(lex.correct('退货')).toBeUndefined();
    expect(lex.correct('12345')).toBeUndefined();
    expect(lex.correct('zebra')).toBeUndefined();
  });

  test('between equally near words, the commoner one wins', () => {
    const l = lexicon('en', { words: { '6': 'parcel', '1': 'parcels' } });
    // "parcl" is one edit from both "parcel" and… only parcel; "parcels" is two away.
    expect(l.correct('parcl')).toBe('parcel');
    const tie = lexicon('en', { words: { '1': 'cart', '4': 'card' } });
    expect(tie.correct('carx')).toBe('card');
  });

  test('Arabic words are corrected too', () => {
    const ar = lexicon('ar', { words: { '3': 'الشحن الإرجاع' } });
    expect(ar.correct('الشحم')).toBe('الشحن');
  });
});

const pages: Page[] = [
  { url: '/en/help/returns/start-a-return/', title: 'Start a return', body: 'Return an item you ordered within 30 days. Print the label.' },
  { url: '/en/help/shipping/delivery-times/', title: 'Delivery times', body: 'How long delivery takes to each country.' },
  { url: '/en/help/shipping/damaged-parcel/', title: 'Damaged parcel', body: 'If your parcel arrived damaged, take photos of the box.' },
  {
    url: '/en/policies/de/returns/',
    title: 'Returns policy',
    body: 'Withdrawal right. A damaged item may be returned. Delivery costs.',
    type: 'policy',
    market: ['de'],
  },
  { url: '/en/policies/us/returns/', title: 'Returns policy', body: 'Returns in the US. Delivery costs.', type: 'policy', market: ['us'] },
];
const vocab = { '2': 'box damaged delivery label parcel return returns', '1': 'country costs item photos policy print' };

describe('searching and ranking', () => {
  test('pages with every word come first; with too few of them, pages with most words follow', async () => {
    const lex = lexicon('en', { words: vocab, pages: pages.length });
    const { results } = await searchPlan(fakePagefind(pages), lex, 'damaged parcel photos');
    expect(results[0]!.id).toBe('2');
    expect(results[0]!.matched).toBe(3);
  });

  test('a query with words no page has still finds the pages with the others', async () => {
    const lex = lexicon('en', { words: vocab, pages: pages.length });
    const { results, corrected } = await searchPlan(fakePagefind(pages), lex, 'box was squashed');
    expect(corrected).toBeUndefined();
    expect(results.map((r) => r.id)).toEqual(['2']);
  });

  test('a misspelt word is corrected, and the page says what was searched', async () => {
    const lex = lexicon('en', { words: vocab, pages: pages.length });
    const pf = fakePagefind(pages);
    const outcome = await searchPlan(pf, lex, 'damagd parcel');
    expect(outcome.corrected).toBe('damaged parcel');
    expect(outcome.results[0]!.id).toBe('2');
    // "Search instead for…": the typed words only.
    const literal = await searchPlan(fakePagefind(pages), lex, 'damagd parcel', { literal: true });
    expect(literal.corrected).toBeUndefined();
    expect(literal.results[0]!.matched).toBe(1);
  });

  test('stop words inside a synonym phrase are not required', async () => {
    const pf = fakePagefind([{ url: '/es/a/', title: 'Reembolso', body: 'devolución de su dinero' }], 'es');
    const lex = lexicon('es', { synonyms: [['reembolso', 'devolución del dinero']] });
    const { results } = await searchPlan(pf, lex, 'reembolso');
    expect(pf.searched).toEqual(['reembolso', 'devolución dinero']);
    expect(results).toHaveLength(1);
  });

  test('filters are passed to every search', async () => {
    const seen: unknown[] = [];
    const pf: PagefindLike = {
      async search(_t, o) {
        seen.push(o?.filters);
        return { results: [] };
      },
    };
    await searchPlan(pf, lexicon('en'), 'return label', { filters: { market: 'de' } });
    expect(seen).toEqual([{ market: 'de' }, { market: 'de' }]);
  });

  test('a policy that mentions the word in passing ranks below the help article', async () => {
    const lex = lexicon('en', { words: vocab, pages: pages.length });
    const outcome = await searchPlan(fakePagefind(pages), lex, 'damaged');
    const { shown } = await rerank(outcome.results, lex);
    expect(shown[0]!.data.url).toBe('/en/help/shipping/damaged-parcel/');
  });

  test('the reader’s market is a boost, not a filter', async () => {
    const lex = lexicon('en', { words: vocab, pages: pages.length });
    const outcome = await searchPlan(fakePagefind(pages), lex, 'returns policy');
    const us = (await rerank(outcome.results, lex, { market: 'us' })).shown.map((s) => s.data.url);
    const de = (await rerank(outcome.results, lex, { market: 'de' })).shown.map((s) => s.data.url);
    expect(us[0]).toBe('/en/policies/us/returns/');
    expect(de[0]).toBe('/en/policies/de/returns/');
    expect(us).toHaveLength(de.length);
  });

  test('popular articles rise among equals', async () => {
    const twins: Page[] = [
      { url: '/a/', title: 'Refund', body: 'refund' },
      { url: '/b/', title: 'Refund', body: 'refund' },
    ];
    const lex = lexicon('en', { popular: ['/b/'] });
    const { shown } = await rerank((await searchPlan(fakePagefind(twins), lex, 'refund')).results, lex);
    expect(shown[0]!.data.url).toBe('/b/');
  });

  test('ranking weighs a rare word above a common one', () => {
    const hit = (id: string, score: number) =>
      [id, { score, title: 0, result: { id, score, data: async () => ({ url: id, excerpt: '', meta: {}, filters: {} }) } }] as const;
    // "refund" is on 3 pages of 100, "the" on 90: a page with only "refund" beats a page with only "the".
    const refund = new Map([hit('a', 1), hit('b', 1), hit('c', 1)]);
    const the = new Map(Array.from({ length: 90 }, (_, i) => hit(`t${i}`, 1)));
    const ranked = combine([refund, the], 100);
    expect(ranked.slice(0, 3).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('a pasted message is searched by its telling words', () => {
  // Tier k: on 2^k to 2^(k+1)-1 of the site's 64 pages.
  const lex = lexicon('en', {
    pages: 64,
    words: { '0': 'smashed konbini', '1': 'damaged refund', '3': 'parcel arrived', '5': 'order either writing' },
    synonyms: [['broken', 'damaged', 'smashed']],
  });
  const texts = (text: string, chatter?: Set<string>) => messagePlan(text, lex, chatter).concepts.map((c) => c.text);

  test('greetings, chatter, numbers and unknown words are left out; rare words lead; a synonym phrase is one concept', () => {
    const concepts = texts('Hi, I am writing about order KG-GB-2209981: the parcel arrived and the mug was smashed. Refund please, Tom', new Set(['writing']));
    expect(concepts[0]).toBe('smashed');
    expect(concepts).toContain('refund');
    expect(concepts).toContain('parcel');
    // "Tom", "mug" and the order number are not words of the site; "writing" is chatter.
    for (const w of ['tom', 'mug', 'writing', 'kg', '2209981', 'hi', 'please']) expect(concepts).not.toContain(w);
    expect(
      messagePlan('the parcel was smashed', lex)
        .concepts.find((c) => c.text === 'smashed')!
        .alternatives.map((a) => a.q),
    ).toEqual(['smashed', 'broken', 'damaged']);
  });

  test('a word the message repeats weighs more; a long message is read up to its limit', () => {
    expect(texts('arrived refund')[0]).toBe('refund');
    expect(texts('arrived, arrived, arrived refund')[0]).toBe('arrived');
    expect(texts(`${'parcel '.repeat(MAX_MESSAGE)} konbini`)).toEqual(['parcel']);
  });

  test('CJK text has no tiers: its words come from the segmenter, single characters joined', () => {
    const ja = lexicon('ja', { pages: 64 });
    const concepts = messagePlan('注文した商品がまだ届きません。返金してください。', ja).concepts.map((c) => c.text);
    expect(concepts).toContain('返金');
    expect(concepts.every((c) => [...c].length > 1)).toBe(true);
  });

  test('a message about two things finds the procedure for each, not two for one', async () => {
    const pages: Page[] = [
      { url: '/en/sop/late/', title: 'Late parcel', body: 'parcel late arrived tracking carrier parcel', type: 'sop' },
      { url: '/en/sop/late-2/', title: 'Parcel not arrived', body: 'parcel arrived late carrier tracking', type: 'sop' },
      { url: '/en/sop/refund/', title: 'Refund timing', body: 'refund bank card days refund', type: 'sop' },
    ];
    const words = lexicon('en', { pages: 3, words: { '0': 'refund bank card days', '1': 'parcel late arrived tracking carrier' } });
    const message = 'My parcel has still not arrived, the tracking says late. And where is my refund for the last one?';
    const plan = messagePlan(message, words);
    const outcome = await searchPlan(fakePagefind(pages), words, '', { plan, literal: true, most: MESSAGE_MOST });
    const { shown } = await rerank(outcome.results, words, {}, 10);
    expect(shown.slice(0, 2).map((s) => s.data.url)).toEqual(['/en/sop/late/', '/en/sop/late-2/']);
    expect(coverTopics(shown, 2).map((s) => s.data.url)).toEqual(['/en/sop/late/', '/en/sop/refund/']);
  });
});
