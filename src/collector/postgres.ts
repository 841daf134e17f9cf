/**
 * The collector's database on PostgreSQL, for teams that run several collectors behind a load
 * balancer: the same tables as SQLite (store.ts), versioned the same way, through `pg`. Chosen when
 * `DATABASE_URL` is set. Each request's events go in one transaction, as one multi-row INSERT,
 * before the request is answered.
 */
import pg from 'pg';
import type { FeedbackEvent, SearchEvent } from '../schemas/events.ts';
import {
  FEEDBACK_COLUMNS,
  SEARCH_COLUMNS,
  feedbackValues,
  nowSeconds,
  searchValues,
  type EventStore,
  type FeedbackRow,
  type Filter,
  type SearchRow,
} from './store.ts';

/** The schema, one step per version, as in store.ts (types in PostgreSQL's words). */
export const pgMigrations: readonly string[] = [
  `CREATE TABLE searches (
     id BIGSERIAL PRIMARY KEY,
     at BIGINT NOT NULL,
     site TEXT NOT NULL,
     lang TEXT NOT NULL,
     market TEXT,
     query TEXT NOT NULL,
     corrected TEXT,
     results INTEGER NOT NULL,
     opened_page TEXT,
     opened_rank INTEGER,
     previous TEXT
   );
   CREATE INDEX searches_at ON searches (at);
   CREATE TABLE feedback (
     id BIGSERIAL PRIMARY KEY,
     at BIGINT NOT NULL,
     site TEXT NOT NULL,
     lang TEXT NOT NULL,
     market TEXT,
     page TEXT NOT NULL,
     helpful INTEGER NOT NULL,
     reason TEXT,
     comment TEXT
   );
   CREATE INDEX feedback_at ON feedback (at);`,
];

// BIGINT columns come back as strings by default: `at` is seconds, a safe integer.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens the PostgreSQL store and brings its schema up to date (under a lock, so collectors starting together migrate once). */
export async function postgresEvents(url: string): Promise<EventStore> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(71830201)');
    await client.query('CREATE TABLE IF NOT EXISTS signpost_schema (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM signpost_schema');
    const from = rows[0]?.version ?? 0;
    if (from > pgMigrations.length) throw new Error(`The database is at schema version ${from}; this collector knows ${pgMigrations.length}. Update Signpost.`);
    for (let v = from; v < pgMigrations.length; v++) await client.query(pgMigrations[v]!);
    if (!rows.length) await client.query('INSERT INTO signpost_schema (version) VALUES ($1)', [pgMigrations.length]);
    else await client.query('UPDATE signpost_schema SET version = $1', [pgMigrations.length]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }

  const select = async <T>(table: 'searches' | 'feedback', from: number, to: number, filter: Filter = {}): Promise<T[]> => {
    const where = ['at >= $1', 'at < $2'];
    const args: (string | number)[] = [from, to];
    for (const key of ['lang', 'market', 'site'] as const) {
      if (filter[key]) {
        args.push(filter[key]);
        where.push(`${key} = $${args.length}`);
      }
    }
    const r = await pool.query(`SELECT * FROM ${table} WHERE ${where.join(' AND ')} ORDER BY at, id`, args);
    return r.rows as T[];
  };

  return {
    kind: 'postgres',
    version: async () => Number((await pool.query('SELECT version FROM signpost_schema')).rows[0]?.version ?? 0),
    async addSearches(site: string, events: readonly SearchEvent[], at = nowSeconds()) {
      if (!events.length) return;
      const values: unknown[] = [];
      const rows = events.map((e) => {
        const base = values.length;
        values.push(...searchValues(site, e, at));
        return `(${SEARCH_COLUMNS.map((_, i) => `$${base + i + 1}`).join(', ')})`;
      });
      // One statement is one transaction: all the batch's rows or none.
      await pool.query(`INSERT INTO searches (${SEARCH_COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`, values);
    },
    async addFeedback(f: FeedbackEvent, at = nowSeconds()) {
      await pool.query(`INSERT INTO feedback (${FEEDBACK_COLUMNS.join(', ')}) VALUES (${FEEDBACK_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`, [
        ...feedbackValues(f, at),
      ]);
    },
    async purge(days: number, now = nowSeconds()) {
      const before = now - days * 86_400;
      const a = await pool.query('DELETE FROM searches WHERE at < $1', [before]);
      const b = await pool.query('DELETE FROM feedback WHERE at < $1', [before]);
      return (a.rowCount ?? 0) + (b.rowCount ?? 0);
    },
    searches: (from, to, filter) => select<SearchRow>('searches', from, to, filter),
    feedback: (from, to, filter) => select<FeedbackRow>('feedback', from, to, filter),
    close: () => pool.end(),
  };
}
