/**
 * Checks a content root's UI string overrides (`locales/<lang>.json`): a flat object of texts,
 * for a language of the site, with keys Signpost knows. Keys that Signpost's `locales/en.json`
 * does not have are allowed only under the prefixes of labels that are site data (market facts
 * and SOP area names); anything else is a typo that would silently never show. Placeholders must
 * be those of the English text, or the string would print `{{…}}` or drop a value.
 */
import { didYouMean, excerpt, problem, type Problem } from './errors.ts';
import { bidiControl, lineAt } from './text.ts';
import type { SiteModel } from './site.ts';
import { builtInStrings, readLocaleFiles, stringsOf, type Strings } from '../i18n/index.ts';

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
      problems.push(problem('UnknownLanguage', rel, `${excerpt(lang)} is not a language of this site.${guess ? ` Did you mean "${guess}"?` : ''}`, {
        hint: `Site languages: ${[...site.langByCode.keys()].join(', ')}. Rename the file after one of them, or add the language to site.yaml.`,
      }));
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
        problemAt(`Signpost has no UI string ${excerpt(key)}.${guess ? ` Did you mean "${guess}"?` : ''}`, `Override keys of Signpost's locales/en.json, or add your own under ${siteKeyPrefixes.map((p) => `${p}<name>`).join(' or ')}.`);
        continue;
      }
      // Plural forms may spell the number out (Arabic's dual) instead of using {{count}}.
      const own = (s: string) => placeholders(s).filter((p) => !(plural.test(key) && p === 'count'));
      const expected = ref === undefined ? [] : own(ref);
      const got = own(value);
      if (expected.join() !== got.join()) {
        const list = (l: string[]) => (l.length ? l.map((p) => `{{${p}}}`).join(', ') : 'none');
        problemAt(`The text of ${excerpt(key)} has the placeholders ${excerpt(list(got))}; the English text has ${list(expected)}.`, 'Keep each {{placeholder}} exactly as in the English text (translate the words around it); nothing fills any other.');
        continue;
      }
    }
    strings[lang] = stringsOf(file);
  }
  return { strings, problems };
}
