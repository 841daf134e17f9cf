/**
 * Cached `Intl` formatters. Building a formatter costs far more than using one, and a site
 * formats the same few patterns thousands of times, so each (language, options) pair is built once.
 */
const cache = new Map<string, unknown>();

function cached<T>(kind: string, lang: string, options: object, make: () => T): T {
  const key = `${kind}|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export const numberFormat = (lang: string, o: Intl.NumberFormatOptions = {}) => cached('n', lang, o, () => new Intl.NumberFormat(lang, o));
export const dateTimeFormat = (lang: string, o: Intl.DateTimeFormatOptions = {}) => cached('d', lang, o, () => new Intl.DateTimeFormat(lang, o));
export const listFormat = (lang: string, o: Intl.ListFormatOptions = {}) => cached('l', lang, o, () => new Intl.ListFormat(lang, o));
export const displayNames = (lang: string, o: Intl.DisplayNamesOptions) => cached('dn', lang, o, () => new Intl.DisplayNames([lang], o));
