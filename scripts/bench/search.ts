/**
 * Search measurements in Chromium on a built public site:
 *
 * - what the first search transfers (Pagefind's library and index, and the layer's lexicon);
 * - time from a keystroke to the results on the search page, and to the suggestions in the home
 *   search box, once the index is loaded (median and 95th percentile);
 * - quality: the rank of the expected page for a query set, through the real search page (the
 *   layer) and through Pagefind alone (what search was before the layer), top-1 and top-5.
 *
 * `corpusQueries` derives a query set from a generated corpus (scripts/bench/generate.ts), from
 * the titles of sampled articles.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { runQueries, score, type Answer, type Query, type Score } from './search-quality.ts';

const gz = (buf: Buffer | string) => zlib.gzipSync(buf, { level: 9 }).length;

export interface SearchFigures {
  transfer: { totalKb: number; pagefindKb: number; lexiconKb: number };
  searchMs: { p50: number; p95: number };
  suggestMs: { p50: number; p95: number };
  quality?: { queries: number; layer: Score; pagefind: Score };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};

/** Bytes (gzip) the first search for `q` transfers under /pagefind/, lexicon apart. */
async function transfer(page: Page, base: string, q: string): Promise<SearchFigures['transfer']> {
  let pagefind = 0;
  let lexicon = 0;
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    const url = r.url();
    if (!url.includes('/pagefind/')) return;
    pending.push(
      r
        .body()
        .then((b) => {
          // Pagefind's index files are already compressed; the rest is served gzipped by any host.
          if (url.includes('/pagefind/lexicon/')) lexicon += gz(b);
          else pagefind += /\.pf_|\.pagefind$/.test(url) ? b.length : gz(b);
        })
        .catch(() => {}),
    );
  });
  await page.goto(`${base}/en/search/?q=${encodeURIComponent(q)}`);
  await page.waitForSelector('[data-search-results] li', { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  page.removeAllListeners('response');
  const kb = (n: number) => Math.round(n / 102.4) / 10;
  return { totalKb: kb(pagefind + lexicon), pagefindKb: kb(pagefind), lexiconKb: kb(lexicon) };
}

/** Milliseconds from an `input` event to the results (search page) for each query, index warm. */
async function searchLatency(page: Page, base: string, queries: string[]): Promise<number[]> {
  await page.goto(`${base}/en/search/?q=${encodeURIComponent(queries[0]!)}`);
  await page.waitForSelector('[data-search-results] li', { timeout: 30_000 });
  const times: number[] = [];
  for (const q of queries) {
    times.push(
      await page.evaluate(
        (q) =>
          new Promise<number>((resolve) => {
            const input = document.querySelector<HTMLInputElement>('#q')!;
            const status = document.querySelector('[data-search-status]')!;
            const loading = (JSON.parse(document.getElementById('search-data')!.textContent!) as { strings: { loading: string } }).strings.loading;
            const started = performance.now();
            const done = () => {
              if (status.textContent && status.textContent !== loading) {
                observer.disconnect();
                resolve(performance.now() - started);
              }
            };
            const observer = new MutationObserver(done);
            observer.observe(status, { childList: true, characterData: true, subtree: true });
            input.value = q;
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }),
        q,
      ),
    );
  }
  return times;
}

/** Milliseconds from an `input` event to the suggestions of the home search box, index warm. */
async function suggestLatency(page: Page, base: string, queries: string[]): Promise<number[]> {
  await page.goto(`${base}/en/`);
  const times: number[] = [];
  for (const [i, q] of [queries[0]!, ...queries].entries()) {
    const ms = await page.evaluate(
      (q) =>
        new Promise<number>((resolve) => {
          const input = document.querySelector<HTMLInputElement>('#home-q')!;
          const list = document.getElementById('home-q-list')!;
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (!list.hidden && list.children.length) {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          });
          list.hidden = true;
          list.replaceChildren();
          observer.observe(list, { childList: true, attributes: true });
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      q,
    );
    // The first keystroke loads Pagefind and the lexicon: not part of the measure.
    if (i > 0) times.push(ms);
  }
  return times;
}

/** Rank of the expected page with Pagefind alone (every word the site has is required; no layer). */
async function pagefindOnly(page: Page, base: string, queries: readonly Query[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  let lang = '';
  for (const query of queries) {
    if (query.lang !== lang) {
      await page.goto(`${base}/${query.lang}/search/`);
      lang = query.lang;
    }
    const results = await page.evaluate(async (q) => {
      const url = '/pagefind/pagefind.js';
      const pf = await import(/* @vite-ignore */ url);
      const search = await pf.search(q);
      return Promise.all(search.results.slice(0, 10).map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url));
    }, query.q);
    const index = (results as string[]).findIndex((u) => query.expect.includes(u));
    answers.push({ ...query, results, rank: index + 1, ms: 0 });
  }
  return answers;
}

/** Every search measurement on the public site served at `base`. */
export async function measureSearch(browser: Browser, base: string, queries: readonly Query[] | undefined, words: string[]): Promise<SearchFigures> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const t = await transfer(page, base, words[0]!);
    const s = await searchLatency(page, base, words);
    const g = await suggestLatency(page, base, words);
    let quality: SearchFigures['quality'];
    if (queries?.length) {
      const layer = score(await runQueries(browser, base, queries)).all;
      const pagefind = score(await pagefindOnly(page, base, queries)).all;
      quality = { queries: queries.length, layer, pagefind };
    }
    return {
      transfer: t,
      searchMs: { p50: percentile(s, 50), p95: percentile(s, 95) },
      suggestMs: { p50: percentile(g, 50), p95: percentile(g, 95) },
      quality,
    };
  } finally {
    await context.close();
  }
}

const questions: Record<string, (words: string) => string> = {
  en: (w) => `how do I ${w}?`,
  de: (w) => `wie kann ich ${w}?`,
  fr: (w) => `comment ${w} ?`,
  es: (w) => `¿cómo ${w}?`,
  ja: (w) => `${w}はどうすればいいですか`,
  'zh-cn': (w) => `怎么${w}？`,
  ar: (w) => `كيف ${w}؟`,
};

/** A word misspelt by swapping two letters inside it (`delivery` → `delievry`). */
function misspell(word: string): string {
  const chars = [...word];
  if (chars.length < 5) return word;
  const i = Math.floor(chars.length / 2);
  [chars[i - 1], chars[i]] = [chars[i]!, chars[i - 1]!];
  return chars.join('');
}

/**
 * Queries for sampled articles of a generated corpus: three words of the title with one misspelt,
 * the same words asked as a question, and with a word no page has. Generated bodies use every
 * word of the language's small vocabulary, so only titles tell pages apart: a hit is any page
 * whose title has all three words (samples shared by more than 5 titles are skipped).
 */
export function corpusQueries(corpus: string, perLanguage = 6): Query[] {
  const queries: Query[] = [];
  for (const lang of Object.keys(questions)) {
    const dir = path.join(corpus, 'help', lang);
    if (!fs.existsSync(dir)) continue;
    const cjk = lang === 'ja' || lang === 'zh-cn';
    const pages = fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.md'))
      .map((d) => path.join(d.parentPath, d.name))
      .sort()
      .map((file) => ({
        url: `/${lang}/help/${path.relative(dir, file).replace(/\.md$/, '')}/`,
        title: (/^title: "(.*) \d+"$/m.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '').toLowerCase(),
      }));
    let added = 0;
    for (let k = 0; k < pages.length && added < perLanguage; k += 7) {
      const words = cjk ? [pages[k]!.title.slice(0, 4)] : pages[k]!.title.split(' ').slice(0, 3);
      if (new Set(words).size < words.length || !words.every(Boolean)) continue;
      const expect = pages.filter((p) => words.every((w) => p.title.includes(w))).map((p) => p.url);
      if (expect.length > 5) continue;
      added++;
      const text = words.join(cjk ? '' : ' ');
      const longest = [...words].sort((a, b) => b.length - a.length)[0]!;
      if (!cjk) queries.push({ lang, kind: 'misspelling', q: text.replace(longest, misspell(longest)), expect });
      queries.push({ lang, kind: 'question', q: questions[lang]!(text), expect });
      queries.push({ lang, kind: 'paraphrase', q: `${text} ${cjk ? '宇宙' : 'zebra'}`, expect });
    }
  }
  return queries;
}
