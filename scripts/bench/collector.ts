/**
 * `npm run bench -- --collector`: the collector under a sustained load from autocannon, a real
 * HTTP load generator, against the real service (scripts/collect.ts) on a real SQLite file.
 * Reports events per second, latency percentiles, errors, and the rows counted afterwards against
 * the events answered 2xx (lost = answered but not stored).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import autocannon from 'autocannon';
import pg from 'pg';
import { spawnCollector } from '../collector-process.ts';

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

/**
 * Runs the load for `seconds` with `connections` clients, `size` events a request, against a
 * fresh SQLite file, or a fresh schema of the PostgreSQL server `databaseUrl` names.
 */
export async function benchCollector(seconds = 60, connections = 32, size = 10, databaseUrl?: string): Promise<CollectorFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signpost-bench-collector-'));
  const db = path.join(dir, 'events.sqlite');
  let pgUrl: string | undefined;
  if (databaseUrl) {
    const schema = `bench_${Date.now()}`;
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
    const u = new URL(databaseUrl);
    u.searchParams.set('options', `-c search_path=${schema}`);
    pgUrl = u.href;
  }
  const { DATABASE_URL: _, ...env } = process.env;
  const { url, proc } = await spawnCollector(['--db', db, '--rate', '0'], { ...env, ...(pgUrl ? { DATABASE_URL: pgUrl } : {}) });
  try {
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
    let stored: number;
    if (pgUrl) {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      stored = Number((await c.query('SELECT count(*) AS n FROM searches')).rows[0].n);
      await c.end();
    } else {
      const d = new DatabaseSync(db, { readOnly: true });
      stored = Number((d.prepare('SELECT count(*) AS n FROM searches').get() as { n: number }).n);
      d.close();
    }
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

/** The figures as a Markdown table for docs/performance.md, a column per database. */
export function collectorTable(runs: { name: string; f: CollectorFigures }[]): string {
  const row = (label: string, cell: (f: CollectorFigures) => string) => `| ${label} | ${runs.map((r) => cell(r.f)).join(' | ')} |`;
  return [
    `| | ${runs.map((r) => r.name).join(' | ')} |`,
    `| --- | ${runs.map(() => '---').join(' | ')} |`,
    row('Load', (f) => `${f.connections} connections for ${f.seconds} s, ${f.eventsPerRequest} events a request`),
    row('Events stored per second', (f) => `${f.eventsPerSecond} (${f.requestsPerSecond} requests/s)`),
    row('Latency p50 / p90 / p99 / max', (f) => `${f.latencyMs.p50} / ${f.latencyMs.p90} / ${f.latencyMs.p99} / ${f.latencyMs.max} ms`),
    row('Events answered 2xx / rows counted afterwards / lost', (f) => `${f.acknowledged} / ${f.stored} / ${f.lost}`),
    row('Errors and non-2xx answers', (f) => String(f.errors)),
  ].join('\n');
}
