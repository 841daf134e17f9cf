/**
 * The editors' live preview measured: the real dev server (`astro dev`) on a copy of a content
 * root, one article open in Chromium, its title saved five times; the time from each save to the
 * new title on the open page, and the server's start (to the first page served).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';

export interface DevFigures {
  startMs: number;
  saveToPageMs: { p50: number; max: number };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Runs the dev server on `root` (a copy it may edit) and times saves of `article` (a file under it) seen at `url`. */
export async function measureDev(browser: Browser, projectRoot: string, root: string, article: string, url: string, saves = 5): Promise<DevFigures> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  const server: ChildProcess = spawn(
    process.execPath,
    [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: projectRoot,
      env: { ...env, CONTENT_DIR: root, ASTRO_TELEMETRY_DISABLED: '1' },
      detached: true,
      stdio: 'ignore',
    },
  );
  try {
    const until = Date.now() + 600_000;
    while (
      !(await fetch(base + url, { signal: AbortSignal.timeout(Math.max(1, until - Date.now())) }).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > until) throw new Error('The dev server did not start in 10 minutes.');
      await new Promise((r) => setTimeout(r, 250));
    }
    const startMs = Date.now() - started;
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
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}
