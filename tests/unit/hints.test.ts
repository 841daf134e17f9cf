/** Guessing a customer's market from a pasted message (src/shared/hints.ts, clues from src/content/clues.ts). */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { marketClues } from '../../src/content/clues.ts';
import { loadSite } from '../../src/content/site.ts';
import { guessMarkets, type MarketClues } from '../../src/shared/hints.ts';
import { projectRoot } from '../helpers/build.ts';
import { tempContent } from '../helpers/content.ts';

const sample = loadSite(path.join(projectRoot, 'content'));
const clues = marketClues(sample.site);
const ids = (text: string, lang?: string) => guessMarkets(text, lang, clues).map((g) => g.id);
const best = (text: string, lang?: string) => guessMarkets(text, lang, clues)[0];

describe('market clues from the sample site', () => {
  test('load without problems and survive JSON', () => {
    expect(sample.problems).toEqual([]);
    expect(JSON.parse(JSON.stringify(clues))).toEqual(clues);
    expect(clues.map((c) => c.id)).toEqual(['de', 'es', 'fr', 'gb', 'jp', 'sa', 'us']);
  });

  test('hold the currency as people write it in every site language', () => {
    const signs = (id: string) => clues.find((c) => c.id === id)!.currencySigns;
    expect(signs('de')).toEqual(expect.arrayContaining(['EUR', '€', 'Euro', 'euro', 'ユーロ', '欧元', 'يورو']));
    expect(signs('jp')).toEqual(expect.arrayContaining(['JPY', '¥', '円']));
    expect(signs('sa')).toEqual(expect.arrayContaining(['SAR', 'ريال', 'ر.س']));
    expect(signs('sa').some((s) => /\p{Cf}/u.test(s))).toBe(false);
  });

  test('name the market in every site language, plus its words', () => {
    expect(clues.find((c) => c.id === 'de')!.names).toEqual(
      expect.arrayContaining(['Germany', 'Deutschland', 'Allemagne', 'ドイツ', '德国', 'ألمانيا', 'Berlin']),
    );
    expect(clues.find((c) => c.id === 'gb')).toMatchObject({ orderNumber: 'KG-GB-\\d{7}', phonePrefix: '+44', carriers: ['Royal Mail', 'DPD', 'DHL', 'UPS'] });
  });
});

describe('guessing the market of a message', () => {
  test('a German message with an order number and DHL is German, decisively', () => {
    const g = best('Hallo, wo bleibt meine Bestellung KG-DE-2614573? Laut DHL ist sie seit Montag unterwegs.', 'de')!;
    expect(g.id).toBe('de');
    expect(g.score).toBeGreaterThanOrEqual(100);
    expect(g.evidence).toEqual([
      { kind: 'order', text: 'KG-DE-2614573' },
      { kind: 'language', text: 'de' },
      { kind: 'carrier', text: 'DHL' },
    ]);
  });

  test('a Japanese message with ヤマト and 5,000円 is Japanese', () => {
    expect(best('ヤマト運輸から不在票が届きましたが、5,000円の商品はまだ受け取っていません。', 'ja')).toEqual({
      id: 'jp',
      score: 7,
      evidence: [
        { kind: 'carrier', text: 'ヤマト運輸' },
        { kind: 'currency', text: '5,000円' },
        { kind: 'language', text: 'ja' },
      ],
    });
  });

  test('an Arabic message with أرامكس, riyals and a +966 number is Saudi', () => {
    const g = best('السلام عليكم، طلبي مع أرامكس لم يصل بعد، دفعت 349 ريال. جوالي ‎+966 55 123 4567', 'ar')!;
    expect(g.id).toBe('sa');
    expect(g.evidence).toEqual([
      { kind: 'phone', text: '+966 55 123 4567' },
      { kind: 'carrier', text: 'أرامكس' },
      { kind: 'currency', text: '349 ريال' },
      { kind: 'language', text: 'ar' },
    ]);
  });

  test('Aramex in Latin letters, SAR 120 and ر.س. count as well', () => {
    expect(best('Aramex says SAR 120 customs? I already paid 120 ر.س.')).toMatchObject({
      id: 'sa',
      evidence: [
        { kind: 'carrier', text: 'Aramex' },
        { kind: 'currency', text: 'SAR 120' },
      ],
    });
  });

  test('a French message with Colissimo and € is French', () => {
    const guesses = guessMarkets('Bonjour, mon colis Colissimo n’est toujours pas arrivé, j’ai payé 49,90 € !', 'fr', clues);
    expect(guesses.map((g) => g.id)).toEqual(['fr', 'de', 'es']);
    expect(guesses[0]!.evidence).toContainEqual({ kind: 'currency', text: '49,90 €' });
  });

  test('a Spanish message with Correos is Spanish, not the US, which also offers Spanish', () => {
    expect(ids('Hola, el paquete de Correos no ha llegado a Sevilla.', 'es')).toEqual(['es', 'us']);
  });

  test('a British message with Royal Mail and £ is British', () => {
    expect(best('Hi, Royal Mail left a card but my £35.99 order is not at the Post Office.', 'en')).toMatchObject({
      id: 'gb',
      evidence: [
        { kind: 'carrier', text: 'Royal Mail' },
        { kind: 'currency', text: '£35.99' },
        { kind: 'language', text: 'en' },
      ],
    });
  });

  test('an American message with USPS and $ is American, and "us" the pronoun is no hint', () => {
    const g = best('USPS says delivered but nothing is here. I paid $30 for shipping, please help us.', 'en')!;
    expect(g.id).toBe('us');
    expect(g.evidence.map((e) => e.text)).toEqual(['USPS', '$30', 'en']);
  });

  test('a Chinese message naming 德国 or 日本 points there', () => {
    expect(best('我住在德国，包裹还没到。', 'zh-cn')).toEqual({ id: 'de', score: 10, evidence: [{ kind: 'country', text: '德国' }] });
    expect(best('你好，我在日本，想退货，付了8000日元。', 'zh-cn')).toMatchObject({
      id: 'jp',
      evidence: [
        { kind: 'country', text: '日本' },
        { kind: 'currency', text: '8000日元' },
      ],
    });
  });

  test('names match whatever the case and accents, in full words only', () => {
    expect(best('Je vis à MALAGA, Espana')).toMatchObject({ id: 'es', evidence: [{ text: 'MALAGA' }, { text: 'Espana' }] });
    expect(ids('Our groups in Parisian style')).toEqual([]);
  });

  test('euros alone point to every euro market, and the language breaks the tie', () => {
    const guesses = guessMarkets('I was charged 49.90 EUR twice.', 'de', clues);
    expect(guesses.map((g) => [g.id, g.score])).toEqual([
      ['de', 2],
      ['es', 1],
      ['fr', 1],
    ]);
    expect(guessMarkets('I was charged €49,90 twice.', undefined, clues).map((g) => [g.id, g.score])).toEqual([
      ['de', 1],
      ['es', 1],
      ['fr', 1],
    ]);
  });

  test('an order number outweighs a country name that says otherwise', () => {
    expect(ids('Ich wohne in Frankreich, meine Bestellung KG-DE-2614573 kam nie an.')).toEqual(['de', 'fr']);
  });

  test('a regional language tag counts as its language', () => {
    expect(best('Mein Paket ist weg.', 'de-AT')).toEqual({ id: 'de', score: 1, evidence: [{ kind: 'language', text: 'de-AT' }] });
  });

  test('a message without hints gives no guess', () => {
    expect(guessMarkets('Hello, where is my parcel? It has been 14 days.', undefined, clues)).toEqual([]);
    expect(guessMarkets('', 'xx', clues)).toEqual([]);
  });

  test('a calling code inside a longer run of digits is no phone number', () => {
    expect(ids('Tracking 1200491234567, reference 30044123456')).toEqual([]);
    expect(ids('Rated +49 today and +100 points')).toEqual([]);
    expect(best('Ruf mich an: 0049 (170) 123-4567')).toMatchObject({ id: 'de', evidence: [{ kind: 'phone', text: '0049 (170) 123-4567' }] });
  });

  test('full-width and Arabic-Indic digits count like ASCII ones', () => {
    expect(best('注文番号はＫＧ－ＪＰ－１２３４５６７です')).toMatchObject({ id: 'jp', evidence: [{ kind: 'order', text: 'ＫＧ－ＪＰ－１２３４５６７' }] });
    expect(best('رقمي +٩٦٦ ٥٥ ١٢٣ ٤٥٦٧')).toMatchObject({ id: 'sa', evidence: [{ kind: 'phone', text: '+٩٦٦ ٥٥ ١٢٣ ٤٥٦٧' }] });
  });

  test('order numbers are found with their market, whole only', () => {
    const orders = guessMarkets('kg-us-7654321 and KG-GB-1234567, not KG-DE-12345678', undefined, clues).flatMap((g) =>
      g.evidence.filter((e) => e.kind === 'order').map((e) => ({ id: g.id, text: e.text })),
    );
    expect(orders).toHaveLength(2);
    expect(orders).toEqual(
      expect.arrayContaining([
        { id: 'us', text: 'kg-us-7654321' },
        { id: 'gb', text: 'KG-GB-1234567' },
      ]),
    );
  });
});

describe('guessing from hand-written clues', () => {
  const hand: MarketClues[] = [
    {
      id: 'ca',
      languages: ['en', 'fr'],
      currency: 'CAD',
      currencySigns: ['CAD', '$', 'CA$'],
      names: ['Canada', 'Toronto'],
      carriers: ['Canada Post', 'UPS'],
      phonePrefix: '+1',
    },
    {
      id: 'us',
      languages: ['en', 'es'],
      currency: 'USD',
      currencySigns: ['USD', '$', 'US$'],
      names: ['USA'],
      carriers: ['USPS', 'UPS'],
      phonePrefix: '+1',
      orderNumber: 'US\\d{6}',
    },
  ];

  test('a sign or code several markets share is split between them, clue order breaking ties', () => {
    expect(guessMarkets('I paid $20, call me at +1 416 555 0199', undefined, hand)).toEqual([
      {
        id: 'ca',
        score: 6.5,
        evidence: [
          { kind: 'phone', text: '+1 416 555 0199' },
          { kind: 'currency', text: '$20' },
        ],
      },
      {
        id: 'us',
        score: 6.5,
        evidence: [
          { kind: 'phone', text: '+1 416 555 0199' },
          { kind: 'currency', text: '$20' },
        ],
      },
    ]);
  });

  test('the longest name wins where two start at the same place', () => {
    expect(guessMarkets('Canada Post lost it', undefined, hand)).toEqual([{ id: 'ca', score: 3, evidence: [{ kind: 'carrier', text: 'Canada Post' }] }]);
    expect(guessMarkets('I paid US$20', undefined, hand)).toEqual([{ id: 'us', score: 3, evidence: [{ kind: 'currency', text: 'US$20' }] }]);
  });

  test('a market without an order-number pattern still gets other evidence', () => {
    expect(guessMarkets('Order US123456 from Toronto', 'fr', hand).map((g) => g.id)).toEqual(['us', 'ca']);
  });
});

describe('market hints in markets/<id>.yaml', () => {
  const problems = (hints: string) =>
    loadSite(
      tempContent(undefined, {
        'markets/de.yaml': `languages: [de]\ncurrency: EUR\ntime_zone: Europe/Berlin\nhints:\n${hints}`,
        'help/de/x/a.md': '',
      }),
    ).problems.map((p) => `${p.file}:${p.line} ${p.message}`);

  test('a bad order-number pattern says why and how to write one', () => {
    expect(problems('  order_number: "KG-(DE-\\\\d{7}"\n')).toMatchInlineSnapshot(`
      [
        "markets/de.yaml:5 \`hints.order_number\`: is not a valid regular expression: Unterminated group; write it in JavaScript syntax, e.g. KG-DE-\\d{7} (got "KG-(DE-\\\\d{7}").",
      ]
    `);
  });

  test('an order-number pattern that matches the empty string is refused', () => {
    expect(problems("  order_number: '(KG-\\d{7})?'\n")).toMatchInlineSnapshot(`
      [
        "markets/de.yaml:5 \`hints.order_number\`: matches the empty string, so it would find an order number in every message; require what every order number has, e.g. KG-DE-\\d{7} (got "(KG-\\\\d{7})?").",
      ]
    `);
  });

  test('a phone prefix must be a quoted calling code', () => {
    expect(problems('  phone_prefix: "0049"\n')).toMatchInlineSnapshot(`
      [
        "markets/de.yaml:5 \`hints.phone_prefix\`: expected an international calling code such as "+49" (got "0049").",
      ]
    `);
    expect(problems('  phone_prefix: +49\n')).toMatchInlineSnapshot(`
      [
        "markets/de.yaml:5 \`hints.phone_prefix\`: expected an international calling code in quotes, such as "+49" (got 49).",
      ]
    `);
  });

  test('an unknown key in hints gets the allowed keys', () => {
    expect(
      loadSite(tempContent(undefined, { 'markets/de.yaml': 'languages: [de]\ncurrency: EUR\ntime_zone: Europe/Berlin\nhints:\n  city: [Berlin]\n' })).problems,
    ).toMatchObject([
      { code: 'UnknownKey', line: 5, message: 'Unknown key `city` in `hints`.', hint: 'Allowed keys here: carriers, order_number, phone_prefix, words.' },
    ]);
  });
});
