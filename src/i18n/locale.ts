/**
 * The locale to format numbers and dates with on a market's pages: the reader's language with the
 * market's region when the market is served in that language ("1 July 2021" and 24-hour times
 * on the UK pages, "July 1, 2021" on the US ones), always in the Gregorian calendar, in which
 * laws and policies are dated. Elsewhere, the language alone.
 */

const canonical = new Map<string, string>();

export function formatLocale(
  site: { langByCode: ReadonlyMap<string, { htmlLang: string }> },
  lang: string,
  market?: { languages: readonly string[]; region: string },
): string {
  const tag = site.langByCode.get(lang)?.htmlLang ?? lang;
  if (!market?.languages.includes(lang) || tag.includes('-') || !/^[A-Z]{2}$/.test(market.region)) return tag;
  // Called for every page of a market: canonicalize each tag once.
  const wanted = `${tag}-${market.region}-u-ca-gregory`;
  let locale = canonical.get(wanted);
  if (locale === undefined) {
    try {
      locale = Intl.getCanonicalLocales(wanted)[0]!;
    } catch {
      locale = tag;
    }
    canonical.set(wanted, locale);
  }
  return locale;
}
