/** Redaction of personal data before anything is sent or stored (src/shared/redact.ts). */
import { describe, expect, test } from 'vitest';
import { redact } from '../../../src/shared/redact.ts';

describe('redaction', () => {
  test.each([
    ['my email is jane.doe+shop@example.co.uk', 'my email is [email]'],
    ['wo ist bestellung KG-2026-48213', 'wo ist bestellung [number]'],
    ['order #1002345 not arrived', 'order [number] not arrived'],
    ['tracking 1Z999AA10123456784', 'tracking [number]'],
    ['card 4111 1111 1111 1111 declined', 'card [card] declined'],
    ['4111-1111-1111-1111', '[card]'],
    ['call me +49 30 23125 480', 'call me [phone]'],
    ['電話 090-1234-5678 注文番号 1234567', '電話 [phone] 注文番号 [phone]'],
    ['رقم الطلب ١٢٣٤٥٦ لم يصل', 'رقم الطلب [number] لم يصل'],
    ['订单号１２３４５６７８没收到', '订单号[phone]没收到'],
  ])('%s', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  test.each(['14 days return', 'iPhone 15 case', 'invoice 2026', 'PS5', '€150 customs', '3月10日 配達', '١٤ يوم', 'return within 30 days of delivery'])(
    'what people search for stays: %s',
    (input) => {
      expect(redact(input)).toBe(input);
    },
  );

  test('redacting twice changes nothing more', () => {
    const once = redact('jane@example.com KG-2026-48213 +44 20 7946 0958');
    expect(redact(once)).toBe(once);
    expect(once).toBe('[email] [number] [phone]');
  });
});
