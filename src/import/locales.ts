/**
 * Which site language a source locale is (a Zendesk locale such as `en-us`, a docs site's language
 * folder such as `zh-Hans`): one rule for every importer.
 *
 * 1. `locales:` in the mapping file, matched without regard to case.
 * 2. When the site's languages are known (the content root has a site.yaml): the same tag in lower
 *    case, else the one site language with the same primary subtag (`en-us` → `en`).
 * 3. Otherwise the primary subtag (`en-us` → `en`), unless two of the source's locales share it
 *    (`pt-br` and `pt-pt` stay whole, lower-cased).
 *
 * A locale that maps to no site language, or to something that is no lower-case BCP 47 tag, stops
 * the import with an `ImportError` naming the item and the `locales:` line that settles it.
 */
import { ImportError, type ImportOptions } from './plan.ts';

/** A lower-case BCP 47 tag, as Signpost's language folders are named. */
const langTag = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;
const primary = (tag: string) => tag.split('-')[0]!;

/**
 * A function from a source locale (and the item it was found on, for messages) to a site language.
 * `sourceLocales` are every locale of the source; `what` names them in messages (`Zendesk locale`).
 */
export function localeMapper(sourceLocales: Iterable<string>, options: ImportOptions, what: string): (locale: string, item: string) => string {
  const sharing = new Map<string, number>();
  for (const l of new Set([...sourceLocales].map((s) => s.toLowerCase()))) sharing.set(primary(l), (sharing.get(primary(l)) ?? 0) + 1);
  const mapping = new Map(Object.entries(options.locales ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const known = options.languages?.map((l) => l.toLowerCase());
  return (locale, item) => {
    const lower = locale.toLowerCase();
    const mapped = mapping.get(lower);
    const suggestion =
      known?.find((l) => primary(l) === primary(lower)) ?? (known ? undefined : langTag.test(primary(lower)) ? primary(lower) : '<language tag>');
    const hint = suggestion
      ? `Add it to \`locales:\` in the mapping file, e.g. \`locales: { ${locale}: ${suggestion} }\`${known ? `; site languages: ${known.join(', ')}` : ''}.`
      : `Add ${lower} to \`languages\` in site.yaml, or map it to a site language in the mapping file: \`locales: { ${locale}: <one of ${known!.join(', ')}> }\`.`;
    if (mapped !== undefined) {
      if (!langTag.test(mapped)) throw new ImportError(item, `the ${what} "${locale}" maps to "${mapped}", which is not a lower-case BCP 47 tag.`, hint);
      if (known && !known.includes(mapped))
        throw new ImportError(item, `the ${what} "${locale}" maps to "${mapped}", which is none of the site's languages.`, hint);
      return mapped;
    }
    if (!langTag.test(lower)) throw new ImportError(item, `the ${what} "${locale}" is not a language tag.`, hint);
    if (known) {
      const same = known.filter((l) => primary(l) === primary(lower));
      const lang = known.includes(lower) ? lower : same.length === 1 ? same[0] : undefined;
      if (lang === undefined) throw new ImportError(item, `the ${what} "${locale}" is none of the site's languages (${known.join(', ')}).`, hint);
      return lang;
    }
    return (sharing.get(primary(lower)) ?? 0) > 1 ? lower : primary(lower);
  };
}
