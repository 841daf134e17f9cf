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
