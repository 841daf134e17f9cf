import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../helpers/build.ts';
import { loadSite } from '../../src/content/site.ts';

const dir = path.join(projectRoot, 'locales');
const load = (lang: string) => JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Record<string, string>;
const en = load('en');
const plural = /_(zero|one|two|few|many|other)$/;
const base = (keys: string[]) => new Set(keys.map((k) => k.replace(plural, '')));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const langs = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));

describe('UI strings', () => {
  test('the sample site has a locale file for every language', () => {
    const { site } = loadSite(path.join(projectRoot, 'content'));
    expect(langs.sort()).toEqual(expect.arrayContaining(site.languages.map((l) => l.code)));
  });

  test.each(langs.filter((l) => l !== 'en'))('%s has exactly the keys of en.json', (lang) => {
    const keys = base(Object.keys(load(lang)));
    const missing = [...base(Object.keys(en))].filter((k) => !keys.has(k));
    const extra = [...keys].filter((k) => !base(Object.keys(en)).has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  test.each(langs)('%s has every plural form its language needs', (lang) => {
    const strings = load(lang);
    const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.filter((c) => c !== 'zero' || lang === 'ar');
    const pluralKeys = [...base(Object.keys(en).filter((k) => plural.test(k)))];
    const missing = pluralKeys.flatMap((k) => needed.filter((c) => !strings[`${k}_${c}`]).map((c) => `${k}_${c}`));
    expect(missing).toEqual([]);
  });

  test.each(langs.filter((l) => l !== 'en'))('%s keeps every {{placeholder}}', (lang) => {
    const strings = load(lang);
    const wrong = Object.entries(strings)
      .filter(([k, v]) => {
        const ref = en[k] ?? en[k.replace(plural, '_other')];
        if (ref === undefined) return false;
        // Plural forms such as Arabic's dual may spell the number out instead of using {{count}}.
        const expected = placeholders(ref).filter((p) => !(plural.test(k) && p === 'count'));
        const got = placeholders(v).filter((p) => !(plural.test(k) && p === 'count'));
        return expected.join() !== got.join();
      })
      .map(([k]) => k);
    expect(wrong).toEqual([]);
  });
});

describe('sample site strings', () => {
  test('every fact in the sample market data has a label in every site language', async () => {
    const { loadSite } = await import('../../src/content/site.ts');
    const { loadStrings } = await import('../../src/content/locales.ts');
    const root = path.join(projectRoot, 'content');
    const { site } = loadSite(root);
    const strings = loadStrings(root);
    const missing = site.markets
      .flatMap((m) => Object.keys(m.facts))
      .flatMap((f) => site.languages.filter((l) => !strings[l.code]?.[`fact.${f}`]).map((l) => `${l.code}: fact.${f}`));
    expect([...new Set(missing)]).toEqual([]);
  });
});
