/**
 * The collector as a real process on a free port with a real database (scripts/collect.ts): a
 * SQLite file, or — when DATABASE_URL names a PostgreSQL server, as in CI — a fresh schema of it.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { fixture } from './build.ts';
import { spawnCollector } from '../../scripts/collector-process.ts';
import { tempDir } from './temp.ts';

export type Backend = 'sqlite' | 'postgres';

/** The databases the tests run against: SQLite always, PostgreSQL when DATABASE_URL is set. */
export const backends: Backend[] = ['sqlite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])];

/** Where a collector keeps its events: reopened by a restart, read by the tests. */
export interface EventsDb {
  backend: Backend;
  /** SQLite file (also passed, unused, with PostgreSQL). */
  file: string;
  /** PostgreSQL URL with its own schema on the search path. */
  url?: string;
}

let schemas = 0;
/** A new, empty database of `backend`. */
export async function newEventsDb(backend: Backend = 'sqlite'): Promise<EventsDb> {
  const file = path.join(tempDir('collector'), 'events.sqlite');
  if (backend === 'sqlite') return { backend, file };
  const schema = `t_${process.pid}_${Date.now()}_${schemas++}`;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { backend, file, url: url.href };
}

/** Rows of a query (counts as numbers), whichever the database. */
export async function query(db: EventsDb, sql: string): Promise<Record<string, unknown>[]> {
  if (db.backend === 'sqlite') {
    const d = new DatabaseSync(db.file, { readOnly: true });
    try {
      return d.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      d.close();
    }
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows.map((r: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) && k === 'n' ? Number(v) : v])),
    );
  } finally {
    await client.end();
  }
}

export interface RunningCollector {
  url: string;
  /** The SQLite file (for SQLite-only checks). */
  db: string;
  events: EventsDb;
  proc: ChildProcess;
  output: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts `npm run collect` (through Node directly) with the basic fixture's site and waits until it listens. */
export async function startCollector(args: string[] = [], events?: EventsDb | string): Promise<RunningCollector> {
  const db = typeof events === 'string' ? { backend: 'sqlite' as const, file: events } : (events ?? (await newEventsDb('sqlite')));
  const { DATABASE_URL: _, ...env } = process.env;
  const { url, proc, output } = await spawnCollector(
    ['--db', db.file, ...args],
    { ...env, CONTENT_DIR: fixture('basic'), ...(db.url ? { DATABASE_URL: db.url } : {}) },
    { captureErrors: true },
  );
  const exited = new Promise<number | null>((resolve) => {
    if (proc.exitCode !== null) resolve(proc.exitCode);
    else proc.on('exit', (code) => resolve(code));
  });
  return {
    url,
    db: db.file,
    events: db,
    proc,
    output,
    stop: (signal = 'SIGTERM') => {
      proc.kill(signal);
      return exited;
    },
  };
}
