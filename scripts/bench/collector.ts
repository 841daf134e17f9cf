/**
 * `npm run bench -- --collector`: the collector under a sustained load from autocannon, a real
 * HTTP load generator, against the real service (scripts/collect.ts) on a real SQLite file.
 * Reports events per second, latency percentiles, errors, and the rows counted afterwards against
 * the events answered 2xx (lost = answered but not stored).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import autocannon from 'autocannon';
import { projectRoot } from '../../src/content/root.ts';

export interface CollectorFigures {
  seconds: number;
  connections: number;
  eventsPerRequest: number;
  eventsPerSecond: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  acknowledged: number;
  stored: number;
  lost: number;
  errors: number;
}

const languages = ['en', 'de', 'fr', 'es', 'ja', 'ar', 'zh-cn'];
const words = ['refund', 'parcel', 'return label', 'klarna', '返品', 'استرجاع', '快递没收到', 'Rechnung', 'remboursement', 'devolución'];

/** One batch as a search page sends it: `size` final searches, some with an opened result or a reformulation. */
function batch(size: number, n: number): string {
  const events = Array.from({ length: size }, (_, i) => {
    const k = n * size + i;
    return {
      type: 'search',
      query: `${words[k % words.length]} ${k % 97}`,
      lang: languages[k % languages.length],
      results: k % 5,
      ...(k % 3 === 0 ? { opened: { page: 'help/orders/track-your-order', rank: 1 + (k % 4) } } : {}),
      ...(k % 7 === 0 ? { previous: 'klarna' } : {}),
    };
  });
  return JSON.stringify({ site: 'public', events });
}

/** Runs the load for `seconds` with `connections` clients, `size` events a request. */
export async function benchCollector(seconds = 60, connections = 32, size = 10): Promise<CollectorFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signpost-bench-collector-'));
  const db = path.join(dir, 'events.sqlite');
  const proc = spawn(process.execPath, [path.join(projectRoot, 'scripts/collect.ts'), '--port', '0', '--db', db, '--rate', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      proc.stdout!.on('data', (c: Buffer) => {
        out += c;
        const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      proc.on('exit', (code) => reject(new Error(`The collector stopped (${code}).`)));
    });
    const bodies = Array.from({ length: 100 }, (_, n) => batch(size, n));
    let n = 0;
    const result = await autocannon({
      url: `${url}/v1/events`,
      connections,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [{ setupRequest: (req) => ({ ...req, body: bodies[n++ % bodies.length] }) }],
    });
    const ok = result['2xx'];
    proc.kill('SIGTERM');
    await new Promise((r) => proc.on('exit', r));
    const d = new DatabaseSync(db, { readOnly: true });
    const stored = Number((d.prepare('SELECT count(*) AS n FROM searches').get() as { n: number }).n);
    d.close();
    return {
      seconds,
      connections,
      eventsPerRequest: size,
      eventsPerSecond: Math.round((ok * size) / result.duration),
      requestsPerSecond: Math.round(ok / result.duration),
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      acknowledged: ok * size,
      stored,
      lost: Math.max(0, ok * size - stored),
      errors: result.errors + result.non2xx,
    };
  } finally {
    if (proc.exitCode === null) proc.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures as Markdown lines for docs/performance.md. */
export function collectorTable(f: CollectorFigures): string {
  return [
    '| | SQLite (node:sqlite, WAL) |',
    '| --- | --- |',
    `| Load | ${f.connections} connections for ${f.seconds} s, ${f.eventsPerRequest} events a request |`,
    `| Events stored per second | ${f.eventsPerSecond} (${f.requestsPerSecond} requests/s) |`,
    `| Latency p50 / p90 / p99 / max | ${f.latencyMs.p50} / ${f.latencyMs.p90} / ${f.latencyMs.p99} / ${f.latencyMs.max} ms |`,
    `| Events answered 2xx / rows counted afterwards / lost | ${f.acknowledged} / ${f.stored} / ${f.lost} |`,
    `| Errors and non-2xx answers | ${f.errors} |`,
  ].join('\n');
}
