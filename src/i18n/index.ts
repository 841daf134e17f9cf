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
import { formatProblems, problem, type Problem } from '../content/errors.ts';
import { decodeText, lineAt } from '../content/text.ts';
import { listDir } from '../content/tree.ts';

export type Strings = Record<string, string>;
export type Translate = TFunction;

/** Directory of the built-in UI strings. */
export const builtInLocalesDir = path.join(projectRoot, 'locales');

/** What a locales folder holds: parsed files by lower-case language, and what could not be read. */
export interface LocaleFiles {
  /** Language → the file's object, as parsed (values are checked by the caller). */
  files: Record<string, Record<string, unknown>>;
  /** File of each language, relative to the folder's root (`locales/de.json`). */
  paths: Record<string, string>;
  /** Text of each language's file, for finding the line of a key. */
  texts: Record<string, string>;
  problems: Problem[];
}

/**
 * Reads `<root>/locales/*.json` without following links. Syntax errors are reported by line and
 * column, never by quoting the file (JSON.parse's own message does).
 */
export function readLocaleFiles(root: string): LocaleFiles {
  // Keyed by file name: objects without a prototype, so `__proto__.json` is just a name.
  const out: LocaleFiles = { files: Object.create(null), paths: Object.create(null), texts: Object.create(null), problems: [] };
  for (const d of listDir(root, 'locales', out.problems)) {
    if (!d.isFile() || !d.name.endsWith('.json')) continue;
    const rel = `locales/${d.name}`;
    if (!/^[a-z0-9][a-z0-9-]*$/i.test(d.name.slice(0, -5))) {
      out.problems.push(problem('LocaleInvalid', rel, 'A locale file is named after a language (de.json, zh-cn.json).'));
      continue;
    }
    const text = decodeText(fs.readFileSync(path.join(root, rel)), rel);
    if (typeof text !== 'string') {
      out.problems.push(text);
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      // V8 names the line and column, or the position, or (for text that is not JSON at all)
      // nothing: then the first character is where it goes wrong.
      const message = (e as Error).message;
      const at = /line (\d+) column (\d+)/.exec(message);
      const pos = Number(/position (\d+)/.exec(message)?.[1] ?? text.search(/\S/));
      const line = at ? Number(at[1]) : pos >= 0 ? lineAt(text, pos) : undefined;
      out.problems.push(problem('LocaleInvalid', rel, 'The file is not valid JSON.', { line, column: at ? Number(at[2]) : undefined }));
      continue;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      out.problems.push(problem('LocaleInvalid', rel, 'The file must hold one JSON object of "key": "text" pairs.', { line: 1 }));
      continue;
    }
    const lang = d.name.slice(0, -5).toLowerCase();
    out.files[lang] = data as Record<string, unknown>;
    out.paths[lang] = rel;
    out.texts[lang] = text;
  }
  return out;
}

/** Only the string values of a parsed file (what i18next is given; the rest is reported elsewhere). */
export const stringsOf = (file: Record<string, unknown>): Strings => Object.fromEntries(Object.entries(file).filter(([, v]) => typeof v === 'string')) as Strings;

/**
 * Signpost's own UI strings (`locales/<lang>.json` of the project), read afresh on every call:
 * each i18next instance gets objects of its own (no state shared between builds).
 */
export function builtInStrings(): Record<string, Strings> {
  const { files, problems } = readLocaleFiles(projectRoot);
  if (problems.length) throw new Error(`Signpost's own UI strings are broken:\n\n${formatProblems(problems)}`);
  return Object.fromEntries(Object.entries(files).map(([lang, f]) => [lang, stringsOf(f)]));
}

/** Built-in strings merged with overrides by language. */
export function mergeStrings(overrides: Record<string, Strings>): Record<string, Strings> {
  const merged: Record<string, Strings> = { ...builtInStrings() };
  for (const [lang, strings] of Object.entries(overrides)) merged[lang] = { ...merged[lang], ...strings };
  return merged;
}

/**
 * Built-in strings merged with the content root's overrides (`<root>/locales/<lang>.json`).
 * Files that cannot be read are left out here; the loader reports them (content/locales.ts).
 */
export function loadStrings(contentRoot?: string): Record<string, Strings> {
  if (!contentRoot) return mergeStrings({});
  const { files } = readLocaleFiles(contentRoot);
  return mergeStrings(Object.fromEntries(Object.entries(files).map(([lang, f]) => [lang, stringsOf(f)])));
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
