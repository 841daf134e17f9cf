/**
 * Formats market facts for a reader's language with `Intl`, so one number in the market data
 * reads "14 days", "14 Tage", "14日", "١٤ يومًا"… and no translation can disagree with it.
 */
import { isTexts, type Fact } from '../schemas/market.ts';
import { dateTimeFormat, numberFormat } from '../i18n/intl.ts';

const unitNames = { day: 'day', month: 'month', year: 'year' } as const;

/**
 * The text of a per-language text value for a locale (`de-DE-u-ca-gregory` → `de`, `zh-CN` →
 * `zh-cn`): the longest language tag the locale starts with, or undefined.
 */
export function textIn(texts: Record<string, string>, locale: string): string | undefined {
  const l = locale.toLowerCase();
  const key = Object.keys(texts)
    .filter((k) => l === k || l.startsWith(`${k}-`))
    .sort((a, b) => b.length - a.length)[0];
  return key === undefined ? undefined : texts[key];
}

/** The fact's value as text in `lang` (a locale; a text given per language falls back to its first language). */
export function formatFact(fact: Fact, lang: string, marketCurrency: string): string {
  const v = fact.value;
  if (typeof v === 'string') return v;
  if (isTexts(v)) return textIn(v, lang) ?? Object.values(v)[0] ?? '';
  const opts = optionsFor(fact, marketCurrency);
  const nf = numberFormat(lang, opts);
  if (typeof v === 'number') return nf.format(fact.unit === 'percent' ? v / 100 : v);
  if (v.min === v.max) return nf.format(fact.unit === 'percent' ? v.min / 100 : v.min);
  return nf.formatRange(fact.unit === 'percent' ? v.min / 100 : v.min, fact.unit === 'percent' ? v.max / 100 : v.max);
}

function optionsFor(fact: Fact, marketCurrency: string): Intl.NumberFormatOptions {
  switch (fact.unit) {
    case 'day':
    case 'month':
    case 'year':
      return { style: 'unit', unit: unitNames[fact.unit], unitDisplay: 'long' };
    case 'money':
      return { style: 'currency', currency: fact.currency ?? marketCurrency, currencyDisplay: 'symbol', maximumFractionDigits: 2, minimumFractionDigits: 0 };
    case 'percent':
      return { style: 'percent', maximumFractionDigits: 2 };
    default:
      return {};
  }
}

/** A `YYYY-MM-DD` date formatted for `lang`, in UTC so it never shows the day before. */
export function formatDate(date: string, lang: string, style: 'long' | 'medium' = 'long'): string {
  return dateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
