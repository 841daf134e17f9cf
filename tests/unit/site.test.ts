import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSite } from '../../src/content/site.ts';
import { fixture } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';

function tempRoot(files: Record<string, string>): string {
  const root = tempDir('site');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('site model', () => {
  test('languages get canonical casing, native names and direction', () => {
    const { site, problems } = loadSite(fixture('basic'));
    expect(problems).toEqual([]);
    expect(site.langByCode.get('zh-cn')).toMatchObject({ htmlLang: 'zh-CN', dir: 'ltr', name: '中文（中国）' });
    expect(site.langByCode.get('ar')).toMatchObject({ htmlLang: 'ar', dir: 'rtl', name: 'العربية' });
    expect(site.defaultLanguage.code).toBe('en');
  });

  test('markets are named in the reader language from their region', () => {
    const { site } = loadSite(fixture('basic'));
    const de = site.marketById.get('de')!;
    expect([de.name('en'), de.name('de'), de.name('ja')]).toEqual(['Germany', 'Deutschland', 'ドイツ']);
  });

  test('without site.yaml, languages and categories come from the folders', () => {
    const root = tempRoot({ 'help/fr/livraison/a.md': '', 'help/en/delivery/a.md': '', 'help/en/returns-and-refunds/b.md': '' });
    const { site, problems } = loadSite(root);
    expect(problems).toEqual([]);
    expect(site.languages.map((l) => l.code)).toEqual(['en', 'fr']);
    expect(site.categories.map((c) => [c.id, c.name('en')])).toEqual([
      ['delivery', 'Delivery'],
      ['returns-and-refunds', 'Returns and refunds'],
    ]);
  });

  test('market data errors name the file, the line and the field', () => {
    const root = tempRoot({
      'markets/de.yaml':
        'languages: [de]\ncurrency: EURO\ntime_zone: Europe/Berlim\nfacts:\n  withdrawal_days: { value: 14, unit: days, effective: 2014-06-13 }\n',
      'help/de/x/a.md': '',
    });
    const { problems } = loadSite(root);
    expect(problems.map((p) => [p.file, p.line, p.message])).toEqual([
      ['markets/de.yaml', 2, '`currency`: is not an ISO 4217 currency code such as EUR (got "EURO").'],
      ['markets/de.yaml', 3, '`time_zone`: is not an IANA time zone such as Europe/Berlin (got "Europe/Berlim").'],
      ['markets/de.yaml', 5, expect.stringMatching(/^`facts.withdrawal_days.unit`: Invalid option: expected one of "day"\|"month"/)],
    ]);
  });

  test('an unknown key in site.yaml gets a did-you-mean', () => {
    const root = tempRoot({ 'site.yaml': 'name: X\ndefault_langauge: en\n', 'help/en/x/a.md': '' });
    expect(loadSite(root).problems).toMatchObject([
      { code: 'UnknownKey', line: 2, message: 'Unknown key `default_langauge`. Did you mean `default_language`?' },
    ]);
  });
});

describe('search words (search/<lang>.yaml)', () => {
  const messages = (files: Record<string, string>) =>
    loadSite(tempRoot({ 'site.yaml': 'languages: [{ code: en }, { code: de }]\n', ...files })).problems.map(
      (p) => `${p.code} ${p.file}:${p.line ?? ''} ${p.message}`,
    );

  test('are read per site language, in lower case, with phrases kept whole', () => {
    const { site, problems } = loadSite(fixture('basic'));
    expect(problems).toEqual([]);
    expect(site.searchWords.get('en')).toEqual({
      file: 'search/en.yaml',
      synonyms: [
        ['parcel', 'package'],
        ['track my order', 'where is my order'],
      ],
      stopWords: ['kestrel'],
    });
    const root = tempRoot({ 'site.yaml': 'languages: [{ code: de }]\n', 'search/de.yaml': 'synonyms:\n  - [Retoure, RÜCKSENDUNG]\n' });
    expect(loadSite(root).site.searchWords.get('de')?.synonyms).toEqual([['retoure', 'rücksendung']]);
  });

  test('a file for a language the site does not have is an error naming it', () => {
    expect(messages({ 'search/fr.yaml': 'synonyms: [[colis, paquet]]\n' })).toEqual([
      expect.stringMatching(/^UnknownLanguage search\/fr\.yaml:.* Search words for "fr", which is not a site language\./),
    ]);
  });

  test('unknown keys get a hint; a group needs two words; a word in two groups is an error with its line', () => {
    expect(messages({ 'search/en.yaml': 'synonym:\n  - [a, b]\n' })).toEqual([expect.stringContaining('Unknown key `synonym`. Did you mean `synonyms`?')]);
    expect(messages({ 'search/en.yaml': 'synonyms:\n  - [parcel]\n' })).toEqual([expect.stringContaining('a group needs at least two words')]);
    expect(messages({ 'search/en.yaml': 'synonyms:\n  - [parcel, package]\n  - [box, Parcel]\n' })).toEqual([
      expect.stringMatching(/^DataInvalid search\/en\.yaml:\d+ "parcel" is in synonym groups 1 and 2\./),
    ]);
    expect(messages({ 'search/en.yaml': 'synonyms:\n  - [parcel, "<b>box</b>"]\n' })).toEqual([expect.stringContaining('must be one line of plain words')]);
  });

  test('anything but a YAML file per language in search/ is reported', () => {
    expect(messages({ 'search/en.txt': 'parcel package' })).toEqual([expect.stringMatching(/^BadPath search\/en\.txt/)]);
  });
});
