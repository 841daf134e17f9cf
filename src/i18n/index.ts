/**
 * i18next, one instance per build or test (never the global instance: the public and internal
 * builds must not share mutable state). UI strings live in `locales/<lang>.json` as flat dotted
 * keys, `en.json` being the reference; a content root may override any of them in its own
 * `locales/<lang>.json`. Plurals use i18next's `_one/_few/_many/_other` suffixes.
 *
 * This module only makes instances from strings it is given: reading and checking locale files
 * is content loading (src/content/locales.ts), so i18n depends on nothing in the project.
 */
import i18next, { type TFunction } from 'i18next';

export type Strings = Record<string, string>;
export type Translate = TFunction;

/** A fresh, synchronously initialised i18next instance. */
export function createI18n(strings: Record<string, Strings>, fallbackLng = 'en') {
  const instance = i18next.createInstance();
  void instance.init({
    resources: Object.fromEntries(Object.entries(strings).map(([lang, s]) => [lang, { translation: s }])),
    fallbackLng,
    lowerCaseLng: true,
    load: 'currentOnly',
    keySeparator: false,
    nsSeparator: false,
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
  } as Parameters<typeof instance.init>[0]);
  return instance;
}

/**
 * A `t` bound to one language. A string asked for without options is looked up once: every page
 * prints the same labels, and i18next's look-up (fallbacks, nesting, interpolation) is the larger
 * part of a page's rendering time otherwise. The instance is never changed after it is made (a
 * changed locale file makes a new one), so a remembered string cannot go stale.
 */
export function translator(instance: ReturnType<typeof createI18n>, lang: string): Translate {
  const fixed = instance.getFixedT(lang);
  const known = new Map<string, string>();
  const t = (key: unknown, ...rest: unknown[]) => {
    if (rest.length || typeof key !== 'string') return (fixed as unknown as (...a: unknown[]) => unknown)(key, ...rest);
    let text = known.get(key);
    if (text === undefined) {
      text = fixed(key);
      known.set(key, text);
    }
    return text;
  };
  return t as unknown as Translate;
}
