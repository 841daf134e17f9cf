/**
 * The insights of a PostgreSQL collector database, printed as JSON by a child process: the build
 * and the audit are synchronous and `pg` is not, so `readInsights` (insights.ts) runs this file.
 *   node src/collector/pg-snapshot.ts <days> <today YYYY-MM-DD>   (DATABASE_URL names the database)
 */
import { insights } from './insights.ts';
import { postgresEvents } from './postgres.ts';

if (import.meta.url === `file://${process.argv[1]}`) {
  const [days, today] = process.argv.slice(2);
  const store = await postgresEvents(process.env.DATABASE_URL!);
  try {
    const report = await insights(store, { days: Number(days), now: Date.parse(`${today}T23:59:59Z`) / 1000, limit: 100 });
    process.stdout.write(JSON.stringify(report));
  } finally {
    await store.close();
  }
}
