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

/** A `t` bound to one language. */
export function translator(instance: ReturnType<typeof createI18n>, lang: string): Translate {
  return instance.getFixedT(lang);
}
