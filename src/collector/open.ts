/** The collector's database: PostgreSQL when `DATABASE_URL` is set, else the SQLite file. */
import { Store, sqliteEvents, type EventStore } from './store.ts';
import { postgresEvents } from './postgres.ts';

/** Opens (creating or migrating) the store the environment asks for. */
export async function openEventStore(opts: { db: string; databaseUrl?: string }): Promise<EventStore> {
  return opts.databaseUrl ? postgresEvents(opts.databaseUrl) : sqliteEvents(new Store(opts.db));
}

/** Where the events are, in words, for logs (the URL without its password). */
export function describeStore(opts: { db: string; databaseUrl?: string }): string {
  if (!opts.databaseUrl) return opts.db;
  const u = new URL(opts.databaseUrl);
  u.password = u.password ? '***' : '';
  return `PostgreSQL ${u.host}${u.pathname}`;
}
