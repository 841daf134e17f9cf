/**
 * The editors' live preview measured: the real dev server (`astro dev`) on a copy of a content
 * root, one article open in Chromium, its title saved five times; the time from each save to the
 * new title on the open page, and the server's start (to the first page served).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startDevServer } from '../dev-process.ts';

export interface DevFigures {
  startMs: number;
  saveToPageMs: { p50: number; max: number };
}

/** Runs the dev server on `root` (a copy it may edit) and times saves of `article` (a file under it) seen at `url`. */
export async function measureDev(browser: Browser, root: string, article: string, url: string, saves = 5): Promise<DevFigures> {
  const server = await startDevServer(root, {}, url, 600_000);
  try {
    const { base, startMs } = server;
    const page = await browser.newPage();
    await page.goto(base + url);
    const file = path.join(root, article);
    const original = fs.readFileSync(file, 'utf8');
    const times: number[] = [];
    for (let i = 1; i <= saves; i++) {
      const title = `Live preview check ${i}`;
      const t0 = Date.now();
      fs.writeFileSync(file, original.replace(/^title: .*$/m, `title: ${title}`));
      for (;;) {
        const h1 = await page
          .locator('h1')
          .first()
          .textContent({ timeout: 500 })
          .catch(() => null);
        if (h1 === title) break;
        if (Date.now() - t0 > 120_000) throw new Error('The open page did not update within two minutes of a save.');
        await new Promise((r) => setTimeout(r, 25));
      }
      times.push(Date.now() - t0);
    }
    fs.writeFileSync(file, original);
    await page.close();
    const sorted = [...times].sort((a, b) => a - b);
    return { startMs, saveToPageMs: { p50: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)! } };
  } finally {
    server.stop();
  }
}
