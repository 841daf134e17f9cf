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

function readDir(dir: string): Record<string, Strings> {
  if (!fs.existsSync(dir)) return {};
  const out: Record<string, Strings> = {};
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    const lang = name.slice(0, -5).toLowerCase();
    try {
      out[lang] = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Strings;
    } catch (e) {
      throw new Error(`${path.join(dir, name)} is not valid JSON: ${(e as Error).message}. Fix the file; UI strings are flat "key": "text" pairs.`);
    }
  }
  return out;
}

/** Built-in strings merged with the content root's overrides (`<root>/locales/<lang>.json`). */
export function loadStrings(contentRoot?: string): Record<string, Strings> {
  const base = readDir(builtInLocalesDir);
  if (!contentRoot) return base;
  for (const [lang, strings] of Object.entries(readDir(path.join(contentRoot, 'locales')))) {
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
