/**
 * Opening hours in words, for the reader's language: "Monday – Friday, 08:00 – 20:00".
 * Days and times are formatted with `Intl` in UTC from fixed reference dates, so the text does not
 * depend on the machine's time zone; the hours are those of the market's time zone, which is named.
 */
import { weekdays, type Hours } from '../schemas/market.ts';
import type { Market } from './site.ts';
import { dateTimeFormat, listFormat } from '../i18n/intl.ts';

const MONDAY = Date.UTC(2024, 0, 1); // 1 January 2024 was a Monday.

function dayName(index: number, lang: string): string {
  return dateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(MONDAY + index * 86_400_000));
}

function time(clock: string): Date {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(2024, 0, 1, h === 24 ? 23 : h, h === 24 ? 59 : m));
}

/** "Monday – Friday" for consecutive days, otherwise "Monday, Wednesday". */
export function formatDays(days: Hours['days'], lang: string): string {
  const idx = days.map((d) => weekdays.indexOf(d)).sort((a, b) => a - b);
  const consecutive = idx.every((d, i) => i === 0 || d === idx[i - 1]! + 1);
  if (idx.length > 2 && consecutive) return `${dayName(idx[0]!, lang)} – ${dayName(idx.at(-1)!, lang)}`;
  return listFormat(lang, { type: 'conjunction', style: 'short' }).format(idx.map((d) => dayName(d, lang)));
}

/** Each text made once: every page of a market shows the same hours and zone (ICU formatting is not cheap). */
const made = new Map<string, string>();
const once = (key: string, make: () => string): string => made.get(key) ?? made.set(key, make()).get(key)!;

/** "08:00 – 20:00" (or "8:00 AM – 8:00 PM") in the reader's conventions. */
export function formatTimes(h: Hours, lang: string): string {
  return once(`times|${lang}|${h.open}|${h.close}`, () =>
    dateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).formatRange(time(h.open), time(h.close)),
  );
}

/** The time zone's generic name in the reader's language: "Central European Time". */
export function timeZoneName(tz: string, lang: string): string {
  return once(`zone|${lang}|${tz}`, () => {
    const part = dateTimeFormat(lang, { timeZone: tz, timeZoneName: 'longGeneric' })
      .formatToParts(new Date(Date.UTC(2024, 0, 15)))
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? tz;
  });
}

/** A market's holidays for a page in `lang`: each name in that language (else English, else the first given). */
export function holidaysIn(
  market: Pick<Market, 'holidays'>,
  lang: string,
): { date: string; name: string; deliveries: boolean; support: boolean; approximate: boolean }[] {
  return (market.holidays?.days ?? []).map((h) => ({
    date: h.date,
    name: typeof h.name === 'string' ? h.name : (h.name[lang] ?? h.name.en ?? Object.values(h.name)[0] ?? ''),
    deliveries: h.deliveries,
    support: h.support,
    approximate: h.approximate,
  }));
}

/** The days a market's support does not work (its holidays without support), for "opens …". */
export function closedDates(market: Pick<Market, 'holidays'>): string[] {
  return (market.holidays?.days ?? []).filter((h) => !h.support).map((h) => h.date);
}
