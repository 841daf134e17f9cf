/**
 * The collector as a real process on a real port with a real database — a SQLite file, and
 * PostgreSQL when DATABASE_URL names a server (CI starts one): what it stores, what it refuses and
 * how, and that nothing it answered 2xx is lost when it is killed. The same tests for both.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backends, newEventsDb, query, startCollector, type Backend, type RunningCollector } from '../../helpers/collector.ts';
import { fixture, projectRoot } from '../../helpers/build.ts';

const SITE = 'https://help.fixture.example';
const search = (query: string, extra: Record<string, unknown> = {}) => ({ type: 'search', query, lang: 'en', results: 0, ...extra });
describe.each(backends)('with %s', (backend: Backend) => {
  let c: RunningCollector;
  const rows = (_db: string, sql: string) => query(c.events, sql);
  const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(c.url + p, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: SITE, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });

  beforeAll(async () => {
    c = await startCollector(['--rate', '0'], await newEventsDb(backend));
  });
  afterAll(async () => {
    await c?.stop();
  });

  describe('what the collector stores', () => {
    test('it reports its health and schema version', async () => {
      const r = await fetch(`${c.url}/health`);
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ ok: true, schema: 1, database: backend });
    });

    test('a batch of searches from a site is stored, redacted again on the server, and answered 204 with CORS for that site', async () => {
      const r = await post('/v1/events', {
        site: 'public',
        events: [
          search('where is order KG-2026-48213, mail jane@example.com', {
            results: 3,
            market: 'de',
            opened: { page: 'help/orders/track-your-order', rank: 1 },
          }),
          search('refnud', { corrected: 'refund', results: 4 }),
        ],
      });
      expect(r.status).toBe(204);
      expect(r.headers.get('access-control-allow-origin')).toBe(SITE);
      const stored = await rows(
        c.db,
        "SELECT query, market, results, opened_page, opened_rank, corrected FROM searches WHERE query LIKE 'where%' OR query = 'refnud'",
      );
      expect(stored).toEqual([
        {
          query: 'where is order [number], mail [email]',
          market: 'de',
          results: 3,
          opened_page: 'help/orders/track-your-order',
          opened_rank: 1,
          corrected: null,
        },
        { query: 'refnud', market: null, results: 4, opened_page: null, opened_rank: null, corrected: 'refund' },
      ]);
      // Nothing that identifies a reader has a column to go into.
      const columns = (
        await rows(
          c.db,
          backend === 'sqlite'
            ? "SELECT name FROM pragma_table_info('searches')"
            : "SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'searches' AND table_schema = current_schema() ORDER BY ordinal_position",
        )
      ).map((x) => x.name);
      expect(columns).toEqual(['id', 'at', 'site', 'lang', 'market', 'query', 'corrected', 'results', 'opened_page', 'opened_rank', 'previous']);
    });

    test('a beacon sent as text/plain is read as JSON', async () => {
      const r = await post('/v1/events', { site: 'internal', events: [search('beacon query')] }, { 'content-type': 'text/plain;charset=UTF-8' });
      expect(r.status).toBe(204);
      expect(await rows(c.db, "SELECT site FROM searches WHERE query = 'beacon query'")).toEqual([{ site: 'internal' }]);
    });

    test('a request that says the reader does not want to be tracked (Sec-GPC, DNT) is answered and not stored', async () => {
      const headers: Record<string, string>[] = [{ 'sec-gpc': '1' }, { dnt: '1' }];
      for (const header of headers) {
        expect((await post('/v1/events', { site: 'public', events: [search('do not keep me')] }, header)).status).toBe(204);
      }
      expect(await rows(c.db, "SELECT count(*) AS n FROM searches WHERE query = 'do not keep me'")).toEqual([{ n: 0 }]);
    });

    test('HTML and control characters are stored as text, never run', async () => {
      expect((await post('/v1/events', { site: 'public', events: [search('<script>alert(1)</script>\u0000\u0007x')] })).status).toBe(204);
      expect(await rows(c.db, "SELECT query FROM searches WHERE query LIKE '<script>%'")).toEqual([{ query: '<script>alert(1)</script>  x' }]);
    });

    test('feedback as JSON is stored with its reason and redacted comment', async () => {
      const r = await post('/v1/feedback', {
        site: 'public',
        page: 'help/returns/start-a-return',
        lang: 'de',
        helpful: false,
        reason: 'outdated',
        comment: 'Ruf mich an: +49 30 1234567',
      });
      expect(r.status).toBe(204);
      expect(await rows(c.db, "SELECT page, lang, helpful, reason, comment FROM feedback WHERE lang = 'de'")).toEqual([
        { page: 'help/returns/start-a-return', lang: 'de', helpful: 0, reason: 'outdated', comment: 'Ruf mich an: [phone]' },
      ]);
    });

    test('the form post of a page without JavaScript is stored and sent back to the page’s thank-you note', async () => {
      const r = await post('/v1/feedback', 'site=public&page=help%2Forders%2Ftrack-your-order&lang=ja&helpful=yes', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(r.status).toBe(303);
      expect(r.headers.get('location')).toBe(`${SITE}/ja/help/orders/track-your-order/#feedback-thanks`);
      expect(await rows(c.db, "SELECT helpful FROM feedback WHERE lang = 'ja'")).toEqual([{ helpful: 1 }]);
      // A browser that sends no Origin or Referer still lands back on the customers' site.
      const bare = await fetch(`${c.url}/v1/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'site=public&page=help%2Forders%2Ftrack-your-order&lang=en&helpful=no',
        redirect: 'manual',
      });
      expect(bare.headers.get('location')).toBe(`${SITE}/en/help/orders/track-your-order/#feedback-thanks`);
    });
  });

  describe('what the collector refuses', () => {
    test.each([
      ['malformed JSON', '{"site": "public", "events": [', 400, 'The body is not valid JSON.'],
      ['an unknown field', { site: 'public', events: [search('x', { ip: '1.2.3.4' })] }, 400, 'The request does not match the schema.'],
      ['a wrong type', { site: 'public', events: [search('x', { results: 'many' })] }, 400, 'The request does not match the schema.'],
      ['an unknown site', { site: 'intranet', events: [search('x')] }, 400, 'The request does not match the schema.'],
      ['too many events', { site: 'public', events: Array.from({ length: 51 }, () => search('x')) }, 400, 'The request does not match the schema.'],
      ['a query over 200 characters', { site: 'public', events: [search('x'.repeat(201))] }, 400, 'The request does not match the schema.'],
    ])('%s', async (_name, body, status, error) => {
      const before = (await rows(c.db, 'SELECT count(*) AS n FROM searches'))[0]!.n;
      const r = await post('/v1/events', body);
      expect(r.status).toBe(status);
      expect((await r.json()).error).toBe(error);
      expect((await rows(c.db, 'SELECT count(*) AS n FROM searches'))[0]!.n).toBe(before);
    });

    test('an oversize body: 413, and the service keeps serving', async () => {
      const r = await post('/v1/events', { site: 'public', events: [search('x')], pad: 'x'.repeat(70_000) });
      expect(r.status).toBe(413);
      expect((await fetch(`${c.url}/health`)).status).toBe(200);
    });

    test('a request from a site that is not this collector’s: 403, preflight included', async () => {
      expect((await post('/v1/events', { site: 'public', events: [search('x')] }, { origin: 'https://evil.example' })).status).toBe(403);
      const pre = await fetch(`${c.url}/v1/events`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
      expect(pre.status).toBe(403);
      const ok = await fetch(`${c.url}/v1/events`, { method: 'OPTIONS', headers: { origin: SITE, 'access-control-request-method': 'POST' } });
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-headers')).toBe('content-type');
    });

    test('unknown endpoints and methods: 404 and 405', async () => {
      expect((await post('/v1/nothing', {})).status).toBe(404);
      expect((await fetch(`${c.url}/v1/events`)).status).toBe(405);
    });
  });

  test('SIGTERM closes the collector cleanly; killed with -9 under load, every event answered 2xx is in the database', async () => {
    const db = await newEventsDb(backend);
    const first = await startCollector(['--rate', '0'], db);
    expect(await first.stop('SIGTERM')).toBe(0);
    const running = await startCollector(['--rate', '0'], db);
    let acknowledged = 0;
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const r = await fetch(`${running.url}/v1/events`, {
            method: 'POST',
            body: JSON.stringify({ site: 'public', events: [search(`load ${n} ${i}`), search(`load ${n} ${i} b`)] }),
          });
          if (r.status === 204) acknowledged += 2;
        } catch {
          return; // the process is gone
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    await new Promise((r) => setTimeout(r, 1500));
    await running.stop('SIGKILL');
    stop = true;
    await Promise.all(clients);
    expect(acknowledged).toBeGreaterThan(100);
    // The database opens cleanly and holds every acknowledged event (and perhaps a few answered too late to count).
    const again = await startCollector(['--rate', '0'], db);
    try {
      if (backend === 'sqlite') expect(await query(db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(Number((await query(db, "SELECT count(*) AS n FROM searches WHERE query LIKE 'load %'"))[0]!.n)).toBeGreaterThanOrEqual(acknowledged);
    } finally {
      await again.stop();
    }
  });

  test('npm run insights -- --db <file> --format json lists searches that found nothing with their count', async () => {
    const own = await startCollector(['--rate', '0'], await newEventsDb(backend));
    try {
      const send = (events: unknown[]) => fetch(`${own.url}/v1/events`, { method: 'POST', body: JSON.stringify({ site: 'public', events }) });
      await send([search('Klarna'), search('klarna '), search('klarna', { lang: 'de' }), search('refund', { results: 5 })]);
      await send([search('pay later', { results: 2, previous: 'klarna', opened: { page: 'help/payments/payment-methods', rank: 1 } })]);
    } finally {
      await own.stop();
    }
    const { DATABASE_URL: _, ...env } = process.env;
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/insights.ts'), '--db', own.db, '--format', 'json'], {
      encoding: 'utf8',
      env: { ...env, CONTENT_DIR: fixture('basic'), ...(own.events.url ? { DATABASE_URL: own.events.url } : {}) },
    });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.zeroResults).toEqual([
      { query: 'klarna', lang: 'en', count: 2 },
      { query: 'klarna', lang: 'de', count: 1 },
    ]);
    expect(report.synonyms).toEqual([{ lang: 'en', from: 'klarna', to: 'pay later', count: 1, yaml: '  - ["pay later", "klarna"]' }]);
    expect(report.totals).toMatchObject({ searches: 5, zeroResults: 3, zeroResultRate: 0.6 });
  });
});

test('a flood from one client gets 429 once its burst is spent', async () => {
  const limited = await startCollector(['--rate', '2']);
  try {
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await fetch(`${limited.url}/v1/events`, { method: 'POST', body: JSON.stringify({ site: 'public', events: [search(`q${i}`)] }) });
      codes.push(r.status);
    }
    expect(codes.slice(0, 4)).toEqual([204, 204, 204, 204]);
    expect(codes.at(-1)).toBe(429);
  } finally {
    await limited.stop();
  }
});
