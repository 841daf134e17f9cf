/** The answer desk's pure parts (src/browser/desk.ts): a message's language, a reply's blanks. */
import { describe, expect, test } from 'vitest';
import { detectLanguage, replyPieces, replyText } from '../../src/browser/desk.ts';

const site = ['en', 'de', 'fr', 'es', 'ja', 'ar', 'zh-cn'];

describe('the language of a customer message', () => {
  test.each([
    ['de', 'Hallo, mein Paket ist noch nicht angekommen. Können Sie bitte nachsehen, wo es bleibt?'],
    ['fr', 'Bonjour, je voudrais retourner ma commande, la taille ne me convient pas.'],
    ['es', 'Hola, quiero devolver los zapatos porque son demasiado pequeños.'],
    ['en', 'Hello, my parcel has not arrived yet and the tracking has not changed for a week.'],
    ['ja', '商品がまだ届きません。いつ届くか教えてください。'],
    ['ar', 'لم يصل طلبي بعد، أريد إرجاع المنتج واسترداد المبلغ.'],
    // The site's Chinese is zh-cn; the detector says zh.
    ['zh-cn', '我的包裹还没有到，我想退货并退款。'],
  ])('%s', (lang, text) => {
    expect(detectLanguage(text, site)).toBe(lang);
  });

  test('only the site’s languages are candidates; nothing to read is undefined', () => {
    expect(detectLanguage('Ciao, il mio pacco non è ancora arrivato.', ['en', 'de'])).toMatch(/^(en|de)$/);
    expect(detectLanguage('   ', site)).toBeUndefined();
  });
});

describe('a reply with blanks', () => {
  const body =
    'Hello [customer name],\n\nYour order [order number] is with [carrier]. See [our page](https://example.com/a) \\[not a blank\\].\n\nKind regards,\\\n[agent name]\\\nKestrel Goods';

  test('paragraphs, hard line breaks, links and escapes; every [...] is a blank', () => {
    const pieces = replyPieces(body);
    expect(pieces).toHaveLength(3);
    expect(pieces[0]).toEqual([[{ text: 'Hello ' }, { blank: 'customer name' }, { text: ',' }]]);
    expect(pieces[2]).toEqual([[{ text: 'Kind regards,' }], [{ blank: 'agent name' }], [{ text: 'Kestrel Goods' }]]);
    expect(pieces[1]!.flat().filter((p) => 'blank' in p)).toEqual([{ blank: 'order number' }, { blank: 'carrier' }]);
  });

  test('the copied text has what was filled and the rest as written', () => {
    const values: Record<string, string> = { 'customer name': 'Ms Sato', 'order number': ' KG-JP-3381920 ' };
    expect(replyText(replyPieces(body), (n) => values[n])).toBe(
      'Hello Ms Sato,\n\nYour order KG-JP-3381920 is with [carrier]. See our page (https://example.com/a) [not a blank].\n\nKind regards,\n[agent name]\nKestrel Goods',
    );
  });
});
