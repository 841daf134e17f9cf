/**
 * translation-stale: the source (default-language) text changed after the translation last did.
 * Dates come from git (body changes of the source, any change of the translation) and, where a
 * file has no history, from frontmatter (`translated`, else `reviewed`).
 *
 * translation-missing: a page that applies to a market lacks one of that market's languages.
 */
import type { Check, Finding } from '../types.ts';
import type { Entry } from '../../content/load.ts';
import { toTime } from '../dates.ts';
import { typeSpec } from '../../content/types.ts';

const endOfDay = (date: string) => toTime(date) / 1000 + 86_399;
const isoDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** Flags translations whose source text changed after them, and pages missing a language their markets need. */
export const translations: Check = ({ content, history }) => {
  const { site } = content;
  const def = site.defaultLanguage.code;
  const out: Finding[] = [];
  for (const [route, langs] of content.byRoute) {
    const source = langs.get(def);
    if (source) {
      const sourceTime = history.lastBodyChange(source.file) ?? (source.data.reviewed ? toTime(source.data.reviewed) / 1000 : undefined);
      for (const [lang, tr] of langs) {
        if (lang === def || sourceTime === undefined) continue;
        const dates = [
          history.lastChange(tr.file),
          tr.data.translated && endOfDay(tr.data.translated),
          !history.lastChange(tr.file) && tr.data.reviewed ? endOfDay(tr.data.reviewed) : undefined,
        ].filter((x): x is number => typeof x === 'number');
        if (!dates.length) continue;
        const trTime = Math.max(...dates);
        if (sourceTime > trTime) {
          out.push({
            kind: 'translation-stale',
            severity: 'warning',
            file: tr.file,
            owner: tr.owner,
            route,
            lang,
            message: `${source.file} changed on ${isoDay(sourceTime)}, after this translation (${isoDay(trTime)}).`,
            fix: `Bring the text in line with ${source.file}, then commit it (or set \`translated:\` to today).`,
          });
        }
      }
    }
    const any = source ?? (langs.values().next().value as Entry);
    for (const lang of requiredLanguages(content, any)) {
      if (langs.has(lang)) continue;
      out.push({
        kind: 'translation-missing',
        severity: 'warning',
        file: any.file.replace(`/${any.lang}/`, `/${lang}/`),
        owner: any.owner,
        route,
        lang,
        message: `No ${site.langByCode.get(lang)?.name ?? lang} version; customers in ${marketsNeeding(content, any, lang).join(', ')} read it in that language.`,
        fix: `Translate ${any.file} to ${lang}.`,
      });
    }
  }
  return out;
};

function requiredLanguages(content: Parameters<Check>[0]['content'], e: Entry): Set<string> {
  // Agents' material (SOPs, culture guides) is read in the default language.
  if (!typeSpec(e.type).customerFacing) return new Set();
  return new Set(e.markets.flatMap((id) => content.site.marketById.get(id)?.languages ?? []));
}

function marketsNeeding(content: Parameters<Check>[0]['content'], e: Entry, lang: string): string[] {
  return e.markets.filter((id) => content.site.marketById.get(id)?.languages.includes(lang)).map((id) => id.toUpperCase());
}
