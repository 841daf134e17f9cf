/**
 * Search quality on a query set: each query is typed into the real search page in Chromium, and
 * the links inside `data-search-results` are read, best first (the page's contract). A query is a hit at rank k when
 * one of its expected URLs is among the first k results. Used by `npm run bench -- --search` and
 * by tests/e2e/search-quality.test.ts.
 */
import fs from 'node:fs';
import yaml from 'js-yaml';
import type { Browser } from 'playwright-core';

export interface Query {
  lang: string;
  q: string;
  kind: string;
  expect: string[];
}

export interface Answer extends Query {
  results: string[];
  /** 1-based rank of the first expected URL, or 0 when it is not in the first ten. */
  rank: number;
  ms: number;
}

export function readQueries(file: string): Query[] {
  const data = yaml.load(fs.readFileSync(file, 'utf8')) as Query[];
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of queries`);
  for (const [i, q] of data.entries()) {
    if (typeof q?.lang !== 'string' || typeof q.q !== 'string' || !Array.isArray(q.expect) || !q.expect.length)
      throw new Error(`${file}: query ${i + 1} needs lang, q and a non-empty expect list`);
  }
  return data;
}

/**
 * Runs every query through the search page of its language, `${base}/<lang>/search/`, as a
 * reader would: typed into the search box (one page load per language; the first query comes
 * from the URL, `?q=`), then reads the result links, best first.
 */
export async function runQueries(browser: Browser, base: string, queries: readonly Query[]): Promise<Answer[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const answers: Answer[] = [];
  let lang = '';
  try {
    for (const query of queries) {
      const started = performance.now();
      if (query.lang !== lang) {
        lang = query.lang;
        await page.goto(`${base}/${lang}/search/?q=${encodeURIComponent(query.q)}`);
      } else {
        await page.evaluate((q) => {
          // The status is cleared first, so the wait below sees this query's outcome, not the last one's.
          document.querySelector('[data-search-status]')!.textContent = '';
          const input = document.querySelector<HTMLInputElement>('#q')!;
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }, query.q);
      }
      // Done when the status reads a count or "no results": neither empty nor "Searching…".
      await page.waitForFunction(
        () => {
          const status = document.querySelector('[data-search-status]')?.textContent ?? '';
          const data = JSON.parse(document.getElementById('search-data')?.textContent ?? '{}') as { strings?: { loading?: string } };
          return status !== '' && status !== data.strings?.loading;
        },
        undefined,
        { timeout: 20_000 },
      );
      const results = await page.$$eval('[data-search-results] li h2 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      const index = results.slice(0, 10).findIndex((u) => query.expect.includes(u));
      answers.push({ ...query, results: results.slice(0, 10), rank: index + 1, ms: Math.round(performance.now() - started) });
    }
  } finally {
    await context.close();
  }
  return answers;
}

export interface Score {
  queries: number;
  top1: number;
  top5: number;
}

/** Share of queries (0–1) answered at rank 1 and within the first 5, overall and per language and kind. */
export function score(answers: readonly Answer[]): { all: Score; byLang: Record<string, Score>; byKind: Record<string, Score> } {
  const of = (list: readonly Answer[]): Score => ({
    queries: list.length,
    top1: list.filter((a) => a.rank === 1).length / Math.max(1, list.length),
    top5: list.filter((a) => a.rank >= 1 && a.rank <= 5).length / Math.max(1, list.length),
  });
  const group = (k: 'lang' | 'kind') =>
    Object.fromEntries([...new Set(answers.map((a) => a[k]))].sort().map((v) => [v, of(answers.filter((a) => a[k] === v))]));
  return { all: of(answers), byLang: group('lang'), byKind: group('kind') };
}
