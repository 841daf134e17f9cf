/**
 * llms.txt in the real output of the `basic` fixture: the root file lists each language's file;
 * each language's file lists its own help articles by topic and its policies by market, with
 * absolute URLs and one-line descriptions, and never a fallback page; the agents' site lists its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, inject, test } from 'vitest';

const pub = inject('basicPublicDir');
const internal = inject('basicInternalDir');
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const links = (text: string) => [...text.matchAll(/^- \[(.+?)\]\((\S+?)\)(?:: (.+))?$/gm)].map((m) => ({ title: m[1], url: m[2]!, description: m[3] }));
/** Links to pages (the exports' links at the end lead to files). */
const pages = (text: string) => links(text).filter((l) => l.url.endsWith('/'));

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
  const urls = pages(en).map((l) => l.url);
  expect(urls).toEqual(
    expect.arrayContaining([
      'https://help.fixture.example/en/help/orders/track-your-order/',
      'https://help.fixture.example/en/help/returns/start-a-return/',
      'https://help.fixture.example/en/policies/de/returns/',
    ]),
  );
  for (const l of pages(en)) expect(l.description, l.url).toBeTruthy();
  // Every link is a page the site has.
  for (const u of urls) expect(fs.existsSync(path.join(pub, new URL(u).pathname, 'index.html')), u).toBe(true);
});

test('a fallback page (the default language’s text) is not listed as a translation', () => {
  // start-a-return exists only in English: German readers get a fallback page, not a translation.
  expect(fs.existsSync(path.join(pub, 'de/help/returns/start-a-return/index.html'))).toBe(true);
  const de = pages(read(pub, 'de/llms.txt')).map((l) => l.url);
  expect(de).toContain('https://help.fixture.example/de/help/orders/track-your-order/');
  expect(de.some((u) => u.includes('start-a-return'))).toBe(false);
  expect(de.every((u) => u.startsWith('https://help.fixture.example/de/'))).toBe(true);
});

test('the public llms.txt lists no agent-only page; the agents’ own lists their procedures and culture guides', () => {
  const all = ['llms.txt', 'en/llms.txt', 'de/llms.txt'].map((f) => read(pub, f)).join('\n');
  expect(all).not.toMatch(/\/sop\/|\/culture\//);
  const agents = read(internal, 'en/llms.txt');
  expect(agents).toContain('\n## Procedures\n\n- [CANARY-SOP-TITLE-5d1e Where is my order](https://help.fixture.example/en/sop/orders/where-is-my-order/)');
  expect(agents).toContain('\n## Culture guides\n\n- [Germany culture guide](https://help.fixture.example/en/culture/de/)');
});
