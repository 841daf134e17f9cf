/** The dev server (`astro dev`, as `npm run dev` runs it) as a child process on a free port: for the live-preview benchmark and its test. */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../src/content/root.ts';

export interface DevServer {
  base: string;
  /** Milliseconds from the start to the first page served. */
  startMs: number;
  /** What it printed. */
  output: () => string;
  stop: () => void;
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

/**
 * Starts the dev server on `contentRoot` and resolves once `page` answers (the first request also
 * makes Vite optimize its dependencies: on a fresh clone, beside other builds, a minute or two).
 * It runs as `npm run dev` would: without a test runner's NODE_ENV=test and VITEST variables, under
 * which Astro and Vite serve something else.
 */
export async function startDevServer(contentRoot: string, env: Record<string, string> = {}, page = '/en/', waitMs = 240_000): Promise<DevServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  const proc: ChildProcess = spawn(
    process.execPath,
    [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: projectRoot,
      env: { ...inherited, CONTENT_DIR: contentRoot, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const stop = () => {
    if (proc.pid && proc.exitCode === null) process.kill(-proc.pid, 'SIGTERM');
  };
  const until = started + waitMs;
  while (Date.now() < until) {
    const ok = await fetch(base + page, { signal: AbortSignal.timeout(Math.max(1, until - Date.now())) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, startMs: Date.now() - started, output: () => out, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`The dev server did not serve ${page} within ${Math.round(waitMs / 1000)} s:\n${out}`);
}
