/**
 * The answer desk measured in Chromium on a built agents' site, with the customer messages of
 * tests/fixtures/desk/messages.yaml (the e2e test reads the same file and uses `answerMessage`):
 *
 * - time from the pasted message to the answer on the screen: the first message after the page
 *   loads (Pagefind, the language's lexicon and word list, the page records) and the others once
 *   their language's index is loaded (median and 95th percentile);
 * - what the first answer transfers besides the page itself (gzipped);
 * - how often the expected procedure is first and among the first three.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import yaml from 'js-yaml';
import type { Browser, Page } from 'playwright-core';

export interface DeskMessage {
  name: string;
  message: string;
  lang: string;
  market: string;
  /** Procedures (routes) that must be among the first three. */
  sops: string[];
  /** Help articles (routes) that must be among those offered. */
  help?: string[];
  /** The order number in the message. */
  order?: string;
}

export function readMessages(file: string): DeskMessage[] {
  const data = yaml.load(fs.readFileSync(file, 'utf8')) as DeskMessage[];
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of messages`);
  for (const [i, m] of data.entries()) {
    if (!m.message || !m.lang || !m.sops?.length) throw new Error(`${file}: message ${i + 1} needs message, lang and sops`);
  }
  return data;
}

export interface DeskAnswer {
  ms: number;
  lang: string;
  market: string;
  /** Routes of the procedures and help articles shown, in order. */
  sops: string[];
  help: string[];
}

/** Pastes `message` into the desk open in `page` and waits for its answer. */
export async function answerMessage(page: Page, message: string): Promise<DeskAnswer> {
  const ms = await page.evaluate(
    (message) =>
      new Promise<number>((resolve) => {
        const box = document.querySelector<HTMLTextAreaElement>('#message')!;
        const status = document.querySelector('[data-answer-status]')!;
        status.textContent = '';
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (/\d/.test(status.textContent ?? '')) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        box.value = message;
        // A paste ends in an input event; the form's submit answers at once, without the typing pause.
        box.form!.requestSubmit();
      }),
    message,
  );
  const routes = (list: string) =>
    page
      .locator(`[data-answer-${list}] li h3 a`)
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/').slice(2, -1).join('/')));
  return {
    ms,
    lang: await page.locator('[data-answer-lang]').inputValue(),
    market: await page.locator('[data-answer-market]').inputValue(),
    sops: await routes('procedures'),
    help: await routes('articles'),
  };
}

export interface DeskFigures {
  messages: number;
  firstMs: number;
  warmMs: { p50: number; p95: number };
  transferKb: number;
  top1: number;
  top3: number;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};

/** Runs every message through the desk at `base` (the agents' site), in the agent's `lang`. */
export async function measureDesk(browser: Browser, base: string, messages: readonly DeskMessage[], lang = 'en'): Promise<DeskFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  let counting = false;
  page.on('response', (r) => {
    if (!counting) return;
    // Pagefind's index files are compressed already; the rest is served gzipped by any host.
    const packed = /\.pf_|\.pagefind$/.test(r.url());
    void r
      .body()
      .then((b) => (bytes += packed ? b.length : zlib.gzipSync(b, { level: 9 }).length))
      .catch(() => {});
  });
  await page.goto(`${base}/${lang}/answer/`);
  counting = true;
  const first = await answerMessage(page, messages[0]!.message);
  await page.waitForLoadState('networkidle');
  counting = false;
  const warm: number[] = [];
  let top1 = 0;
  let top3 = 0;
  for (const [i, m] of messages.entries()) {
    // Each message twice: the first loads its language's index, the second is the warm answer.
    const cold = i === 0 ? first : await answerMessage(page, m.message);
    const again = await answerMessage(page, m.message);
    warm.push(again.ms);
    if (cold.sops[0] === m.sops[0]) top1++;
    if (m.sops.every((s) => cold.sops.slice(0, 3).includes(s))) top3++;
  }
  await context.close();
  return {
    messages: messages.length,
    firstMs: Math.round(first.ms),
    warmMs: { p50: percentile(warm, 50), p95: percentile(warm, 95) },
    transferKb: Math.round(bytes / 102.4) / 10,
    top1,
    top3,
  };
}
