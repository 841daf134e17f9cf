/**
 * `npm run collect -- --port 8787 --db data/collector.sqlite`: starts the collector (src/collector)
 * that records what readers search and whether pages helped. The sites send to it when built with
 * `collector.url` in site.yaml or `SIGNPOST_COLLECTOR=<origin>`.
 * `npm run collect -- purge --db <file> [--days 180]` deletes what is older than the retention.
 * With `DATABASE_URL=postgres://…` the events go to PostgreSQL instead of the SQLite file.
 */
import { loadSite } from '../src/content/site.ts';
import { contentRoot } from '../src/content/root.ts';
import { createCollector } from '../src/collector/server.ts';
import { describeStore, openEventStore } from '../src/collector/open.ts';
import { parseCommandLine, usageError } from './args.ts';

const usage = `Usage: npm run collect -- [--port 8787] [--host 127.0.0.1] [--db data/collector.sqlite] [--origin <origin> …] [--rate 20] [--retention-days 180] [--trust-proxy]
       npm run collect -- purge [--db data/collector.sqlite] [--days 180]`;
const { values, positionals } = parseCommandLine(
  {
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', default: 'data/collector.sqlite' },
      origin: { type: 'string', multiple: true, default: [] },
      rate: { type: 'string', default: '20' },
      'retention-days': { type: 'string', default: '180' },
      days: { type: 'string' },
      'trust-proxy': { type: 'boolean', default: false },
    },
  },
  usage,
);
const whole = (name: string, v: string, min = 0) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) usageError(`--${name} takes a whole number${min ? ` of at least ${min}` : ''}, not "${v}".`, usage);
  return n;
};

const where = { db: values.db, databaseUrl: process.env.DATABASE_URL || undefined };
if (positionals[0] === 'purge') {
  const store = await openEventStore(where);
  const days = whole('days', values.days ?? values['retention-days'], 1);
  console.log(`Deleted ${await store.purge(days)} rows older than ${days} days from ${describeStore(where)}.`);
  await store.close();
} else if (positionals.length) {
  usageError(`Unknown command "${positionals.join(' ')}".`, usage);
} else {
  const port = whole('port', values.port);
  const retention = whole('retention-days', values['retention-days'], 1);
  const { site } = loadSite(contentRoot());
  const origins = [...new Set([...site.collectorOrigins, ...values.origin.map((o) => new URL(o).origin)])];
  const store = await openEventStore(where);
  // Retention: what is older goes at start and then once a day.
  await store.purge(retention);
  const daily = setInterval(() => void store.purge(retention), 86_400_000);
  daily.unref();
  const server = createCollector({ store, origins, rate: whole('rate', values.rate), trustProxy: values['trust-proxy'], home: new URL(site.url).origin });
  server.listen(port, values.host, () => {
    const a = server.address();
    const at = typeof a === 'object' && a ? `http://${values.host}:${a.port}` : String(a);
    console.log(`Collector listening on ${at}, storing in ${describeStore(where)} (retention ${retention} days). Sites allowed: ${origins.join(', ')}`);
  });
  // SIGTERM/SIGINT: stop taking requests, let those in flight finish (each is stored before it is
  // answered), then checkpoint and close the database.
  const stop = (signal: string) => {
    console.log(`${signal}: closing the collector…`);
    clearInterval(daily);
    server.close(() => {
      void store.close().then(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
    }, 5000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
