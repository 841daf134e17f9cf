/**
 * The normalized site model: site.yaml and markets/*.yaml parsed once, with everything templates
 * need derived here (language direction and native name, default language, market names,
 * category names per language). Templates never re-derive these.
 */
import fs from 'node:fs';
import path from 'node:path';
import { siteSchema, type SiteData } from '../schemas/site.ts';
import { marketSchema, type Channel, type Fact, type Hints, type Holidays } from '../schemas/market.ts';
import { searchWordsSchema } from '../schemas/search.ts';
import type { ContentType } from '../schemas/base.ts';
import { excerpt, problem, type Problem } from './errors.ts';
import { guard } from './guard.ts';
import { own } from './own.ts';
import { decodeText } from './frontmatter.ts';
import { validate } from './validate.ts';
import { parseYaml } from './yaml.ts';
import { listDir, readable } from './tree.ts';
import { displayNames } from '../i18n/intl.ts';

export interface Language {
  /** Lower-case tag as in folder names and URLs: `zh-cn`. */
  code: string;
  /** Canonical casing for `lang`/`hreflang` attributes and Intl: `zh-CN`. */
  htmlLang: string;
  /** Native name: `简体中文`. */
  name: string;
  dir: 'ltr' | 'rtl';
}

export interface Category {
  id: string;
  /** Name in a language, falling back to the default language, then the id. */
  name(lang: string): string;
  description(lang: string): string | undefined;
  /** Sub-folders named in site.yaml, in its order. */
  sections: { id: string; name(lang: string): string }[];
  /** Name of a sub-folder (`billing/refunds`) in a language: from site.yaml, else the folder name as words. */
  sectionName(id: string, lang: string): string;
}

export interface Market {
  id: string;
  region: string;
  name(lang: string): string;
  languages: string[];
  defaultLanguage: string;
  currency: string;
  timeZone: string;
  channels: Channel[];
  facts: Record<string, Fact>;
  /** Public holidays, sorted by date (markets/<id>.yaml `holidays`). */
  holidays?: Holidays;
  /** What in a customer's message points to this market (markets/<id>.yaml `hints`). */
  hints?: Hints;
  /** File the market came from, relative to the content root. */
  file: string;
}

export interface SiteModel {
  root: string;
  name: string;
  url: string;
  defaultLanguage: Language;
  languages: Language[];
  langByCode: Map<string, Language>;
  categories: Category[];
  categoryById: Map<string, Category>;
  markets: Market[];
  marketById: Map<string, Market>;
  popular: string[];
  feedbackEndpoint?: string;
  /** Origin of the collector that receives search events and feedback (site.yaml `collector.url`, or `SIGNPOST_COLLECTOR`). */
  collector?: string;
  /** Origins allowed to send to the collector: the site's own and `collector.origins`. */
  collectorOrigins: string[];
  /** When what the collector recorded becomes audit findings. */
  insightThresholds: { days: number; search_gap: number; unhelpful_votes: number; unhelpful_ratio: number; synonym: number };
  /** Origins allowed in `<iframe src>`. */
  embeds: string[];
  reviewEvery: Record<ContentType, number>;
  dueSoonDays: number;
  /** What a link that leads nowhere is: an error (the default) or, while a migration is fixed, a warning. */
  brokenLinks: 'error' | 'warn';
  /** Search words per language code (`search/<lang>.yaml`), normalized to lower case. */
  searchWords: Map<string, SearchWords>;
}

/** A language's search words, as the search layer uses them. */
export interface SearchWords {
  file: string;
  synonyms: string[][];
  stopWords: string[];
}

const rtl = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** Builds a language record from a tag, deriving what site data does not say. */
export function describeLanguage(code: string, name?: string, dir?: 'ltr' | 'rtl'): Language {
  let htmlLang = code;
  try {
    htmlLang = Intl.getCanonicalLocales(code)[0] ?? code;
  } catch {
    /* validated elsewhere */
  }
  const base = code.split('-')[0]!;
  let native = name;
  if (!native) {
    try {
      native = new Intl.DisplayNames([htmlLang], { type: 'language' }).of(htmlLang);
    } catch {
      /* keep undefined */
    }
  }
  return { code, htmlLang, name: native ?? code, dir: dir ?? (rtl.has(base) ? 'rtl' : 'ltr') };
}

function readYamlFile(root: string, rel: string, problems: Problem[]): { data: unknown; keyLines: Map<string, number> } | undefined {
  const text = decodeText(fs.readFileSync(path.join(root, rel)), rel);
  if (typeof text !== 'string') {
    problems.push(text);
    return undefined;
  }
  const parsed = parseYaml(text, rel);
  if (Array.isArray(parsed)) {
    problems.push(...parsed);
    return undefined;
  }
  return parsed;
}

/** A folder name as a title when site data names it in no language: `getting-started` → `Getting started`. */
const folderName = (id: string) => (id.split('/').pop() ?? id).replace(/-/g, ' ').replace(/^./, (s) => s.toUpperCase());

const dirs = (p: string) =>
  fs.existsSync(p)
    ? fs
        .readdirSync(p, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];

/** Reads site.yaml and markets/*.yaml from a content root. */
export function loadSite(root: string, env: NodeJS.ProcessEnv = process.env): { site: SiteModel; problems: Problem[] } {
  const problems: Problem[] = [];
  let data: SiteData = siteSchema.parse({});
  if (readable(root, 'site.yaml', problems)) {
    // An exception while reading the file is reported against it, like any content file (guard.ts).
    guard('site.yaml', problems, () => {
      const raw = readYamlFile(root, 'site.yaml', problems);
      if (!raw) return;
      const v = validate(siteSchema, raw.data ?? {}, 'site.yaml', raw.keyLines, 'DataInvalid', 1);
      if (Array.isArray(v)) problems.push(...v);
      else data = v;
    });
  }

  const helpLangs = dirs(path.join(root, 'help'));
  const langList: { code: string; name?: string; dir?: 'ltr' | 'rtl' }[] = data.languages ?? helpLangs.map((code) => ({ code }));
  if (langList.length === 0) langList.push({ code: data.default_language ?? 'en' });
  const languages = langList.map((l) => describeLanguage(l.code, l.name, l.dir));
  const langByCode = new Map(languages.map((l) => [l.code, l]));
  const defaultCode = data.default_language ?? (langByCode.has('en') ? 'en' : languages[0]!.code);
  if (!langByCode.has(defaultCode)) {
    problems.push(
      problem('DataInvalid', 'site.yaml', `\`default_language\` is ${excerpt(defaultCode)}, which is not in \`languages\`.`, {
        hint: 'Add it to `languages` or pick one of them.',
      }),
    );
  }
  const defaultLanguage = langByCode.get(defaultCode) ?? languages[0]!;

  // Names are looked up by language code as own keys only (own.ts): no code finds an inherited property.
  const named = (names: Record<string, string> | undefined, fallback: string) => (lang: string) =>
    own(names, lang) ?? own(names, defaultLanguage.code) ?? fallback;
  const categories: Category[] = (
    data.categories ?? dirs(path.join(root, 'help', defaultLanguage.code)).map((id) => ({ id, names: {}, descriptions: undefined, sections: undefined }))
  ).map((c) => {
    const sections = (c.sections ?? []).map((s) => ({ id: s.id, name: named(s.names, folderName(s.id)) }));
    return {
      id: c.id,
      name: named(c.names, folderName(c.id)),
      description: (lang: string) => own(c.descriptions, lang) ?? own(c.descriptions, defaultLanguage.code),
      sections,
      sectionName: (id: string, lang: string) => sections.find((s) => s.id === id)?.name(lang) ?? folderName(id),
    };
  });

  const markets: Market[] = [];
  const marketEntries = listDir(root, 'markets', problems);
  for (const d of marketEntries) {
    if (d.isDirectory() && /\.ya?ml$/.test(d.name))
      problems.push(
        problem('BadPath', `markets/${d.name}`, 'This is a folder, not a market file.', { hint: 'Market data is one file per market: markets/<market>.yaml.' }),
      );
  }
  const marketFiles = marketEntries.filter((d) => d.isFile() && /\.ya?ml$/.test(d.name)).map((d) => d.name);
  for (const f of marketFiles) {
    const rel = `markets/${f}`;
    const id = f.replace(/\.ya?ml$/, '');
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      problems.push(problem('BadPath', rel, `${excerpt(id)} is not a valid market id: use lower case letters, digits and hyphens (e.g. de.yaml).`));
      continue;
    }
    guard(rel, problems, () => {
      const raw = readYamlFile(root, rel, problems);
      if (!raw) return;
      const m = validate(marketSchema, raw.data ?? {}, rel, raw.keyLines, 'DataInvalid', 1);
      if (Array.isArray(m)) {
        problems.push(...m);
        return;
      }
      for (const lang of m.languages) {
        if (!langByCode.has(lang))
          problems.push(
            problem('UnknownLanguage', rel, `Market "${id}" offers language ${excerpt(lang)}, which is not a site language.`, {
              line: raw.keyLines.get('languages'),
            }),
          );
      }
      const region = m.region ?? id.toUpperCase();
      markets.push({
        id,
        region,
        name: remembered((lang: string) => own(m.names, lang) ?? regionName(region, lang) ?? own(m.names, defaultLanguage.code) ?? id.toUpperCase()),
        languages: m.languages,
        defaultLanguage: m.languages[0]!,
        currency: m.currency,
        timeZone: m.time_zone,
        channels: m.channels,
        facts: m.facts,
        ...(m.holidays ? { holidays: { ...m.holidays, days: [...m.holidays.days].sort((a, b) => a.date.localeCompare(b.date)) } } : {}),
        ...(m.hints ? { hints: m.hints } : {}),
        file: rel,
      });
    });
  }

  const collector = collectorOrigin(env.SIGNPOST_COLLECTOR ?? data.collector.url, env.SIGNPOST_COLLECTOR !== undefined, problems);
  const site: SiteModel = {
    root,
    name: data.name,
    url: data.url.replace(/\/$/, ''),
    defaultLanguage,
    languages,
    langByCode,
    categories,
    categoryById: new Map(categories.map((c) => [c.id, c])),
    markets,
    marketById: new Map(markets.map((m) => [m.id, m])),
    popular: data.popular,
    feedbackEndpoint: collector ? `${collector}/v1/feedback` : data.feedback.endpoint || undefined,
    collector,
    insightThresholds: data.collector.thresholds,
    collectorOrigins: [...new Set([new URL(data.url).origin, ...data.collector.origins.map((o) => new URL(o).origin)])],
    embeds: data.embeds.map((u) => new URL(u).origin),
    reviewEvery: data.review_every,
    dueSoonDays: data.due_soon_days,
    brokenLinks: data.links,
    searchWords: loadSearchWords(root, langByCode, problems),
  };
  return { site, problems };
}

/** The collector's origin from `SIGNPOST_COLLECTOR` or site.yaml; a bad value is a problem naming where it came from. */
function collectorOrigin(value: string | undefined, fromEnv: boolean, problems: Problem[]): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin;
  } catch {
    // reported below
  }
  problems.push(
    problem('DataInvalid', fromEnv ? 'SIGNPOST_COLLECTOR' : 'site.yaml', `"${value}" is not an http(s) origin for the collector.`, {
      hint: "Give the collector's origin, e.g. https://insights.example.com or http://127.0.0.1:8787.",
    }),
  );
  return undefined;
}

/**
 * Reads `search/<lang>.yaml`: synonym groups and extra stop words of a site language. Words are
 * kept in lower case (NFC); a word in two groups of one file is an error, since the groups would
 * silently merge.
 */
function loadSearchWords(root: string, langByCode: Map<string, Language>, problems: Problem[]): Map<string, SearchWords> {
  const out = new Map<string, SearchWords>();
  for (const d of listDir(root, 'search', problems)) {
    const rel = `search/${d.name}`;
    if (!d.isFile() || !/\.ya?ml$/.test(d.name)) {
      problems.push(problem('BadPath', rel, 'The search folder holds one file per language: search/<lang>.yaml.'));
      continue;
    }
    const lang = d.name.replace(/\.ya?ml$/, '');
    if (!langByCode.has(lang)) {
      problems.push(
        problem('UnknownLanguage', rel, `Search words for ${excerpt(lang)}, which is not a site language.`, {
          hint: `Name the file after a site language (${[...langByCode.keys()].join(', ')}), or add the language to \`languages\` in site.yaml.`,
        }),
      );
      continue;
    }
    guard(rel, problems, () => {
      const raw = readYamlFile(root, rel, problems);
      if (!raw) return;
      const v = validate(searchWordsSchema, raw.data ?? {}, rel, raw.keyLines, 'DataInvalid', 1);
      if (Array.isArray(v)) {
        problems.push(...v);
        return;
      }
      const norm = (w: string) => w.normalize('NFC').toLocaleLowerCase(lang).replace(/\s+/g, ' ');
      const seen = new Map<string, number>();
      const synonyms = v.synonyms.map((group, i) => {
        const words = [...new Set(group.map(norm))];
        for (const w of words) {
          const first = seen.get(w);
          if (first !== undefined)
            problems.push(
              problem('DataInvalid', rel, `${excerpt(w)} is in synonym groups ${first + 1} and ${i + 1}.`, {
                line: raw.keyLines.get(`synonyms.${i}`) ?? raw.keyLines.get('synonyms'),
                hint: 'Put each word in one group only: merge the two groups, or remove it from one.',
              }),
            );
          else seen.set(w, i);
        }
        return words;
      });
      out.set(lang, { file: rel, synonyms, stopWords: [...new Set(v.stop_words.map(norm))] });
    });
  }
  return out;
}

/** `name` with each language's answer kept: a market's name is printed on most pages. */
function remembered(name: (lang: string) => string): (lang: string) => string {
  const known = new Map<string, string>();
  return (lang) => known.get(lang) ?? known.set(lang, name(lang)).get(lang)!;
}

function regionName(region: string, lang: string): string | undefined {
  try {
    const name = displayNames(lang, { type: 'region', fallback: 'none' }).of(region);
    return name && name !== region ? name : undefined;
  } catch {
    return undefined;
  }
}
