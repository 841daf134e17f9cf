/**
 * Checks a content root's UI string overrides (`locales/<lang>.json`): a flat object of texts,
 * for a language of the site, with keys Signpost knows. Keys that Signpost's `locales/en.json`
 * does not have are allowed only under the prefixes of labels that are site data (market facts
 * and SOP area names); anything else is a typo that would silently never show. Placeholders must
 * be those of the English text, or the string would print `{{…}}` or drop a value.
 */
import fs from 'node:fs';
import path from 'node:path';
import { didYouMean, excerpt, formatProblems, problem, type Problem } from './errors.ts';
import { bidiControl, decodeText, lineAt } from './text.ts';
import type { SiteModel } from './site.ts';
import { projectRoot } from './root.ts';
import { listDir } from './tree.ts';
import type { Strings } from '../i18n/index.ts';

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
export const stringsOf = (file: Record<string, unknown>): Strings =>
  Object.fromEntries(Object.entries(file).filter(([, v]) => typeof v === 'string')) as Strings;

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

/**
 * Key prefixes a content root may add its own keys under: `fact.<name>` labels a fact of its
 * market data (MarketContext, MarketView), `sop.area.<folder>` names a folder of SOPs (routes.ts).
 */
export const siteKeyPrefixes = ['fact.', 'sop.area.'] as const;

const plural = /_(zero|one|two|few|many|other)$/;
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]!))].sort();

/** Reads and checks `<root>/locales/*.json`; returns the strings to use and every problem found. */
export function loadLocaleOverrides(root: string, site: Pick<SiteModel, 'langByCode'>): { strings: Record<string, Strings>; problems: Problem[] } {
  const { files, paths, texts, problems } = readLocaleFiles(root);
  const en = builtInStrings().en ?? {};
  const known = Object.keys(en);
  const strings: Record<string, Strings> = {};
  for (const [lang, file] of Object.entries(files)) {
    const rel = paths[lang]!;
    if (!site.langByCode.has(lang)) {
      const guess = didYouMean(lang, site.langByCode.keys());
      problems.push(
        problem('UnknownLanguage', rel, `${excerpt(lang)} is not a language of this site.${guess ? ` Did you mean "${guess}"?` : ''}`, {
          hint: `Site languages: ${[...site.langByCode.keys()].join(', ')}. Rename the file after one of them, or add the language to site.yaml.`,
        }),
      );
      continue;
    }
    for (const [key, value] of Object.entries(file)) {
      const at = texts[lang]!.indexOf(`${JSON.stringify(key)}`);
      const line = at >= 0 ? lineAt(texts[lang]!, at) : undefined;
      const problemAt = (message: string, hint?: string) => problems.push(problem('LocaleInvalid', rel, message, { line, hint }));
      if (typeof value !== 'string') {
        problemAt(`The value of ${excerpt(key)} must be text, not ${excerpt(value)}; keys are flat ("fact.vat_rate": "VAT rate").`);
        continue;
      }
      if (bidiControl(value) !== undefined) {
        problems.push(problem('BidiControl', rel, `The text of ${excerpt(key)} contains an invisible bidi control character.`, { line }));
        continue;
      }
      const ref = en[key] ?? en[key.replace(plural, '_other')];
      if (ref === undefined && !siteKeyPrefixes.some((p) => key.startsWith(p) && key.length > p.length)) {
        const guess = didYouMean(key, known);
        problemAt(
          `Signpost has no UI string ${excerpt(key)}.${guess ? ` Did you mean "${guess}"?` : ''}`,
          `Override keys of Signpost's locales/en.json, or add your own under ${siteKeyPrefixes.map((p) => `${p}<name>`).join(' or ')}.`,
        );
        continue;
      }
      // Plural forms may spell the number out (Arabic's dual) instead of using {{count}}.
      const own = (s: string) => placeholders(s).filter((p) => !(plural.test(key) && p === 'count'));
      const expected = ref === undefined ? [] : own(ref);
      const got = own(value);
      if (expected.join() !== got.join()) {
        const list = (l: string[]) => (l.length ? l.map((p) => `{{${p}}}`).join(', ') : 'none');
        problemAt(
          `The text of ${excerpt(key)} has the placeholders ${excerpt(list(got))}; the English text has ${list(expected)}.`,
          'Keep each {{placeholder}} exactly as in the English text (translate the words around it); nothing fills any other.',
        );
      }
    }
    strings[lang] = stringsOf(file);
  }
  return { strings, problems };
}
