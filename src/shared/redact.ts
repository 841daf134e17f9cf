/**
 * Redaction of personal data in what customers type: e-mail addresses, card numbers, phone
 * numbers and order or tracking numbers become placeholders before a search or a comment is sent
 * (browser) and again before it is stored (collector), so the knowledge loop never holds them.
 * Digits of every script count (١٢٣, １２３). Pure functions, no DOM and no Node: the browser and
 * the server run the same code.
 */

/** Placeholders that replace what was removed; they read well in a list of searches. */
export const REDACTED = { email: '[email]', card: '[card]', phone: '[phone]', number: '[number]' } as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** A run of digits with the separators people type inside card and phone numbers. */
const DIGIT_RUN = /\+?\(?\p{Nd}(?:[\p{Nd} ().\-/]*\p{Nd})?/gu;
/** Latin letters and digits mixed, maybe in hyphenated parts: order and tracking numbers such as KG-2026-48213 or 1Z999AA10123456784. */
const CODE = /(?<![A-Za-z\p{Nd}])(?=[A-Za-z\p{Nd}-]*[A-Za-z])(?=[A-Za-z\p{Nd}-]*\p{Nd})[A-Za-z\p{Nd}]+(?:-[A-Za-z\p{Nd}]+)*/gu;
/** A number written with # (order #1002345). */
const HASH = /#\s?\p{Nd}+/gu;

const digits = (s: string) => s.replace(/\P{Nd}/gu, '').length;

/** The text with personal data replaced by placeholders. */
export function redact(text: string): string {
  return (
    text
      .replace(EMAIL, REDACTED.email)
      // Five digits or more in a code: order, tracking or customer numbers.
      .replace(CODE, (m) => (digits(m) >= 5 ? REDACTED.number : m))
      .replace(HASH, (m) => (digits(m) >= 4 ? REDACTED.number : m))
      .replace(DIGIT_RUN, (m) => {
        const n = digits(m);
        // Cards have 13–19 digits; a phone number has 7 or more (an order number written with spaces looks the same: both go).
        if (n >= 13 && n <= 19 && !m.startsWith('+')) return REDACTED.card;
        if (n >= 7) return REDACTED.phone;
        // Five or six digits: order, customer or postal numbers. Shorter numbers (14 days,
        // iPhone 15, 2026) are what people search for, and stay.
        if (n >= 5) return REDACTED.number;
        return m;
      })
  );
}
