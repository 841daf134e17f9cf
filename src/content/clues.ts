/**
 * Market clues for the agents' site: what a customer's message can mention that points to a
 * market (its name in any site language, its currency, carriers, order numbers, phone prefix).
 * Computed once at build time from the site model and embedded in the page, where
 * src/shared/hints.ts matches them against a pasted message.
 */
import type { MarketClues } from '../shared/hints.ts';
import { displayNames, numberFormat } from '../i18n/intl.ts';
import type { SiteModel } from './site.ts';

/**
 * How customers write a currency where Intl has only the formal forms: Intl gives "ر.س." and
 * "ريال سعودي" but people write "ريال" or "ر.س"; "yen" and "dollars" alone. Kept per currency
 * code, so any market with that currency gets them.
 */
const everyday: Record<string, string[]> = {
  SAR: ['ريال', 'ر.س', '﷼', 'riyal', 'riyals', 'rial', 'rials'],
  JPY: ['円', '¥', 'yen'],
  USD: ['$', 'dollar', 'dollars'],
  EUR: ['€', 'euros'],
  GBP: ['£'],
};

/** Amounts that reach every plural category of the site languages (Arabic has six). */
const samples = [0, 1, 2, 3, 11, 100, 1.5];

/** The currency's code, symbols and names (singular and plural) in every site language, without duplicates. */
function currencySigns(currency: string, langs: readonly string[]): string[] {
  const signs = [currency];
  for (const lang of langs) {
    for (const currencyDisplay of ['symbol', 'narrowSymbol', 'name'] as const) {
      const format = numberFormat(lang, { style: 'currency', currency, currencyDisplay });
      for (const n of samples) signs.push(...format.formatToParts(n).flatMap((p) => (p.type === 'currency' ? [p.value] : [])));
    }
    const name = displayNames(lang, { type: 'currency', fallback: 'none' }).of(currency);
    if (name) signs.push(name);
  }
  signs.push(...(everyday[currency] ?? []));
  return unique(signs);
}

/** Trimmed, without bidi marks (Intl puts U+200F around Arabic amounts), empty and duplicates dropped. */
const unique = (list: readonly string[]) => [...new Set(list.map((s) => s.replace(/\p{Cf}/gu, '').trim()).filter(Boolean))];

/** The clues of every market, in the site model's order; JSON-serializable. */
export function marketClues(site: SiteModel): MarketClues[] {
  const langs = site.languages.map((l) => l.htmlLang);
  return site.markets.map((m) => ({
    id: m.id,
    languages: m.languages,
    currency: m.currency,
    currencySigns: currencySigns(m.currency, langs),
    names: unique([...site.languages.map((l) => m.name(l.code)), ...(m.hints?.words ?? [])]),
    carriers: unique(m.hints?.carriers ?? []),
    ...(m.hints?.order_number ? { orderNumber: m.hints.order_number } : {}),
    ...(m.hints?.phone_prefix ? { phonePrefix: m.hints.phone_prefix } : {}),
  }));
}
