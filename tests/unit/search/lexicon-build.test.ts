/** The lexicon's vocabulary (src/search/lexicon.ts): tiers by page count, and its size budget. */
import zlib from 'node:zlib';
import { expect, test } from 'vitest';
import { vocabulary } from '../../../src/search/lexicon.ts';

test('words are grouped by how many pages use them (tier k: 2^k to 2^(k+1)-1 pages), alphabetically', () => {
  const df = new Map([
    ['refund', 9],
    ['parcel', 8],
    ['carrier', 3],
    ['invoice', 2],
    ['zebra', 1],
  ]);
  expect(vocabulary(df)).toEqual({ '3': 'parcel refund', '1': 'carrier invoice', '0': 'zebra' });
});

test('over the budget, the rarest words go first and what is kept fits', () => {
  // 5,000 made-up words, the word numbered i found on 5000 - i pages.
  const df = new Map(Array.from({ length: 5000 }, (_, i) => [`w${i.toString(36)}x${(i * 7919).toString(36)}`, 5000 - i]));
  const budget = 4 * 1024;
  const kept = vocabulary(df, budget);
  const words = Object.values(kept).flatMap((s) => s.split(' '));
  expect(zlib.gzipSync(JSON.stringify(kept)).length).toBeLessThanOrEqual(budget);
  expect(words.length).toBeGreaterThan(100);
  expect(words.length).toBeLessThan(5000);
  // The kept words are exactly the commonest ones.
  const commonest = [...df].slice(0, words.length).map(([w]) => w);
  expect(new Set(words)).toEqual(new Set(commonest));
});
