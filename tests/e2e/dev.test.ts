/**
 * The editors' live preview: the real dev server (`astro dev`, as `npm run dev` starts it) on a
 * copy of the `basic` fixture, an open page in Chromium, and content files saved the way an
 * editor's editor saves them. Each save must show on the open page without a restart: the page
 * itself, a list that shows its title, a fallback page of another language, a market fact; broken
 * content shows its error on the page and the error clears when fixed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser.ts';
import { fixture } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';
import { type DevServer, startDevServer } from '../../scripts/dev-process.ts';

const browser = useBrowser();
let server: DevServer;
let base: string;
let root: string;

beforeAll(async () => {
  root = tempDir('dev-content');
  fs.cpSync(fixture('basic'), root, { recursive: true });
  server = await startDevServer(root, { SIGNPOST_TODAY: '2027-06-01' });
  base = server.base;
}, 250_000);

afterAll(() => server?.stop());

const file = (rel: string) => path.join(root, rel);
const edit = (rel: string, change: (text: string) => string) => fs.writeFileSync(file(rel), change(fs.readFileSync(file(rel), 'utf8')));

/**
 * How long a page may take to show a save. Under a second on this machine (npm run bench -- --dev);
 * the bound is generous because a fresh clone's dev server compiles its modules on first use while
 * the rest of the suite keeps both cores busy. It only catches a page that never updates.
 */
const patience = 120_000;

/**
 * Saves a change and waits until `check` holds on the open page; returns the milliseconds it took
 * (the benchmark's figure).
 * When it never does, the error carries what the dev server printed, which says why.
 */
async function saveAndWait(save: () => void, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  save();
  try {
    await expect.poll(() => check().catch(() => false), { timeout: patience, interval: 50 }).toBe(true);
  } catch (e) {
    throw new Error(`${(e as Error).message}\nThe dev server printed:\n${server.output().slice(-4000)}`);
  }
  return Date.now() - started;
}

async function open(p: string): Promise<Page> {
  const page = await (await browser().newContext()).newPage();
  await page.goto(base + p);
  return page;
}

/** The text of Vite's error overlay (in its shadow root), or '' when there is none. */
const overlay = (page: Page) => page.evaluate(() => (document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));

/** A text on the page; short waits inside polls (the page may be reloading), long ones otherwise. */
const text = (page: Page, selector: string, timeout = 1000) => page.locator(selector).first().textContent({ timeout });

test(
  'a saved article shows on its open page, in its category list and on another language’s fallback page',
  async () => {
    const page = await open('/en/help/orders/track-your-order/');
    expect(await text(page, 'h1', patience)).toBe('Track your order');
    await saveAndWait(
      () =>
        edit('help/en/orders/track-your-order.md', (t) =>
          t
            .replace('title: Track your order', 'title: Track your parcel')
            .replace('Every order gets a tracking number by email.', 'Every order gets a tracking number by email. It also shows in your account.'),
        ),
      async () => (await text(page, 'h1')) === 'Track your parcel' && ((await text(page, 'article')) ?? '').includes('It also shows in your account.'),
    );
    const list = await open('/en/help/orders/');
    expect(await list.locator('main').textContent()).toContain('Track your parcel');
    // The German site has no "Start a return": its page falls back to the English text.
    const fallback = await open('/de/help/returns/start-a-return/');
    await saveAndWait(
      () => edit('help/en/returns/start-a-return.mdx', (t) => t.replace(/^title: .*$/m, 'title: Send an item back')),
      async () => (await text(fallback, 'h1')) === 'Send an item back',
    );
  },
  4 * patience,
);

test(
  'a changed market fact shows on the policies that state it',
  async () => {
    const page = await open('/en/policies/de/returns/');
    expect(await text(page, 'article', patience)).toContain('14 days');
    await saveAndWait(
      () => edit('markets/de.yaml', (t) => t.replace('withdrawal_days: { value: 14,', 'withdrawal_days: { value: 30,')),
      async () => ((await text(page, 'article')) ?? '').includes('30 days'),
    );
  },
  3 * patience,
);

test(
  'broken content shows its error on the open page, and the error clears when it is fixed',
  async () => {
    const page = await open('/en/help/orders/track-your-order/');
    const rel = 'help/en/orders/track-your-order.md';
    const good = fs.readFileSync(file(rel), 'utf8');
    await saveAndWait(
      () => fs.writeFileSync(file(rel), good.replace(/^title:/m, 'titel:')),
      async () => (await overlay(page)).includes('Did you mean title?'),
    );
    expect(await overlay(page)).toContain('help/en/orders/track-your-order.md:2 UnknownKey');
    await saveAndWait(
      () => fs.writeFileSync(file(rel), good),
      async () => (await page.locator('vite-error-overlay').count()) === 0 && (await text(page, 'h1')) !== null,
    );
  },
  3 * patience,
);
