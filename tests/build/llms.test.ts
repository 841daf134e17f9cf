/**
 * llms.txt in the real output of the `basic` fixture: the root file lists each language's file;
 * each language's file lists its own help articles by topic and its policies by market, with
 * absolute URLs and one-line descriptions, and never a fallback page. The agents' site has none.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, inject, test } from 'vitest';

const pub = inject('basicPublicDir');
const internal = inject('basicInternalDir');
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const links = (text: string) => [...text.matchAll(/^- \[(.+?)\]\((\S+?)\)(?:: (.+))?$/gm)].map((m) => ({ title: m[1], url: m[2], description: m[3] }));

test('/llms.txt names the site, sums it up, and lists every language’s file', () => {
  const text = read(pub, 'llms.txt');
  expect(text).toMatch(/^# Fixture Shop\n\n> \S.*\n\n## Languages\n\n- \[/);
  expect(links(text).map((l) => l.url)).toEqual(['en', 'de', 'ar', 'ja', 'zh-cn'].map((l) => `https://help.fixture.example/${l}/llms.txt`));
});

test('a language’s file lists its articles by topic and its policies by market, with descriptions', () => {
  const en = read(pub, 'en/llms.txt');
  expect(en).toMatch(/^# Fixture Shop\n\n> \S/);
  expect(en).toContain('\n## Orders\n\n- [');
  expect(en).toContain('\n## Policies: Germany\n\n- [');
  const urls = links(en).map((l) => l.url);
  expect(urls).toEqual(
    expect.arrayContaining([
      'https://help.fixture.example/en/help/orders/track-your-order/',
      'https://help.fixture.example/en/help/returns/start-a-return/',
      'https://help.fixture.example/en/policies/de/returns/',
    ]),
  );
  for (const l of links(en)) expect(l.description, l.url).toBeTruthy();
  // Every link is a page the site has.
  for (const u of urls) expect(fs.existsSync(path.join(pub, new URL(u).pathname, 'index.html')), u).toBe(true);
});

test('a fallback page (the default language’s text) is not listed as a translation', () => {
  // start-a-return exists only in English: German readers get a fallback page, not a translation.
  expect(fs.existsSync(path.join(pub, 'de/help/returns/start-a-return/index.html'))).toBe(true);
  const de = links(read(pub, 'de/llms.txt')).map((l) => l.url);
  expect(de).toContain('https://help.fixture.example/de/help/orders/track-your-order/');
  expect(de.some((u) => u.includes('start-a-return'))).toBe(false);
  expect(de.every((u) => u.startsWith('https://help.fixture.example/de/'))).toBe(true);
});

test('the agents’ site has no llms.txt, and the public one lists no agent-only page', () => {
  expect(fs.existsSync(path.join(internal, 'llms.txt'))).toBe(false);
  expect(fs.existsSync(path.join(internal, 'en', 'llms.txt'))).toBe(false);
  const all = ['llms.txt', 'en/llms.txt', 'de/llms.txt'].map((f) => read(pub, f)).join('\n');
  expect(all).not.toMatch(/\/sop\/|\/culture\//);
});
