/**
 * i18next, one instance per build or test (never the global instance: the public and internal
 * builds must not share mutable state). UI strings live in `locales/<lang>.json` as flat dotted
 * keys, `en.json` being the reference; a content root may override any of them in its own
 * `locales/<lang>.json`. Plurals use i18next's `_one/_few/_many/_other` suffixes.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { projectRoot } from '../content/root.ts';

export type Strings = Record<string, string>;
export type Translate = TFunction;

/** Directory of the built-in UI strings. */
export const builtInLocalesDir = path.join(projectRoot, 'locales');

/** Called for a locale file that cannot be used, with its path and what is wrong with it. */
export type OnLocaleError = (file: string, message: string) => void;

const throwError: OnLocaleError = (file, message) => {
  throw new Error(`${file} ${message}`);
};

function readDir(dir: string, onError: OnLocaleError): Record<string, Strings> {
  // Keyed by file names from the content root: no prototype, so `__proto__.json` is only a name.
  const out = Object.create(null) as Record<string, Strings>;
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    const lang = name.slice(0, -5).toLowerCase();
    const file = path.join(dir, name);
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(lang)) {
      onError(file, 'is not named after a language: name it after a site language tag, e.g. de.json or zh-cn.json.');
      continue;
    }
    let strings: unknown;
    try {
      strings = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      onError(file, `is not valid JSON: ${(e as Error).message}.`);
      continue;
    }
    if (typeof strings !== 'object' || strings === null || Array.isArray(strings) || Object.values(strings).some((v) => typeof v !== 'string')) {
      onError(file, 'must be one object of flat "key": "text" pairs, every value a string.');
      continue;
    }
    out[lang] = strings as Strings;
  }
  return out;
}

/**
 * Built-in strings merged with the content root's overrides (`<root>/locales/<lang>.json`).
 * A content root's file that cannot be used goes to `onError` (the loader reports it as a problem);
 * without `onError` it throws.
 */
export function loadStrings(contentRoot?: string, onError: OnLocaleError = throwError): Record<string, Strings> {
  const base = readDir(builtInLocalesDir, throwError);
  if (!contentRoot) return base;
  for (const [lang, strings] of Object.entries(readDir(path.join(contentRoot, 'locales'), onError))) {
    base[lang] = { ...base[lang], ...strings };
  }
  return base;
}

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
