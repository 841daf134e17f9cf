/**
 * The search layer's lexicons (pagefind/lexicon/<lang>.json) in the real output of the `basic`
 * fixture: one per language, with the editors' synonyms and stop words, and a vocabulary taken
 * from what each site indexed — on the public site, public text only. And indexing itself: two
 * sites indexed at once in one process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { fixture, walk } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';
import { indexSite } from '../../src/search/index-site.ts';
import { loadSite } from '../../src/content/site.ts';
import type { Lexicon } from '../../src/search/lexicon.ts';
import { Lexicon as BrowserLexicon } from '../../src/browser/search/lexicon.ts';

const pub = inject('basicPublicDir');
const internal = inject('basicInternalDir');
const lexicon = (dir: string, lang: string) => JSON.parse(fs.readFileSync(path.join(dir, 'pagefind', 'lexicon', `${lang}.json`), 'utf8')) as Lexicon;
const vocabulary = (l: Lexicon) => new Set(Object.values(l.words).flatMap((s) => s.split(' ').filter(Boolean)));

describe('search lexicons', () => {
  test('every site language has one, with its synonyms, stop words and popular pages', () => {
    for (const lang of ['en', 'de', 'ar', 'ja', 'zh-cn']) {
      const l = lexicon(pub, lang);
      expect(l).toMatchObject({ v: 1, lang });
      expect(l.popular).toEqual([`/${lang}/help/orders/track-your-order/`]);
    }
    const en = lexicon(pub, 'en');
    expect(en.synonyms).toEqual([
      ['parcel', 'package'],
      ['track my order', 'where is my order'],
    ]);
    // The built-in list and the editors' word.
    expect(en.stop).toEqual(expect.arrayContaining(['how', 'do', 'i', 'kestrel']));
    expect(lexicon(pub, 'de').stop).toEqual(expect.arrayContaining(['wie', 'wo', 'mein']));
    expect(en.pages).toBeGreaterThan(0);
  });

  test('the vocabulary holds indexed words (lower case, 3+ letters, no CJK) grouped by how many pages use them', () => {
    const en = lexicon(pub, 'en');
    const words = vocabulary(en);
    expect(words.has('order')).toBe(true);
    for (const w of words) expect(w).toMatch(/^[^\p{Lu}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{3,}$/u);
    for (const list of Object.values(en.words)) expect(list.split(' ')).toEqual([...list.split(' ')].sort());
    expect(vocabulary(lexicon(pub, 'ja')).size).toBeLessThan(words.size);
  });

  test('the browser reads what the build writes (one format, typed on both sides of the wall between them)', () => {
    const l = new BrowserLexicon(lexicon(pub, 'en'));
    expect(l.knows('order')).toBe(true);
    expect(l.correct('ordr')).toBe('order');
    expect(l.isStopWord('kestrel')).toBe(true);
    expect(l.synonymAt(['where', 'is', 'my', 'order'], 0)).toEqual({ group: 1, length: 4 });
  });

  test('the public vocabulary has no word that only agents can read; the internal one has them', () => {
    const publicWords = new Set(['en', 'de', 'ar', 'ja', 'zh-cn'].flatMap((l) => [...vocabulary(lexicon(pub, l))]));
    // "qwzibis" is only in an <Internal> block, "canary" only in agent-only text.
    for (const w of ['qwzibis', 'canary']) {
      expect(publicWords.has(w), w).toBe(false);
      expect(vocabulary(lexicon(internal, 'en')).has(w), w).toBe(true);
    }
    // Every public vocabulary word is in the text of the public pages.
    const text = walk(pub)
      .filter((f) => f.endsWith('.html'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n')
      .toLowerCase();
    const missing = [...publicWords].filter((w) => !text.includes(w));
    expect(missing).toEqual([]);
  });
});

describe('indexing', () => {
  test('two sites indexed at once in one process (npm run build indexes both sites side by side) both get their whole index', async () => {
    const { site } = loadSite(fixture('basic'));
    const copies = [pub, internal].map((from) => {
      const to = tempDir('index');
      fs.cpSync(from, to, { recursive: true });
      fs.rmSync(path.join(to, 'pagefind'), { recursive: true });
      return to;
    });
    // Each call closes Pagefind's one backend when it ends: run together, they must not end each other's.
    const stats = await Promise.all(copies.map((dir) => indexSite(dir, site)));
    for (const [i, dir] of copies.entries()) {
      expect(stats[i]!.pages).toBeGreaterThan(10);
      expect(
        fs
          .readdirSync(path.join(dir, 'pagefind'))
          .filter((f) => f.endsWith('.pf_meta'))
          .sort(),
      ).toEqual(
        fs
          .readdirSync(path.join([pub, internal][i]!, 'pagefind'))
          .filter((f) => f.endsWith('.pf_meta'))
          .sort(),
      );
    }
  });
});
