/**
 * Where the collector keeps events: SQLite through Node's built-in `node:sqlite`, in WAL mode.
 * Each request's events are inserted in one transaction before the request is answered, so an
 * event answered 2xx survives the process being killed. The schema is versioned in code
 * (`migrations`), applied in order on open, and the database's `user_version` says which ran.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { FeedbackEvent, SearchEvent } from '../schemas/events.ts';

/** The schema, one step per version; never edit a step that has shipped: add one. */
export const migrations: readonly string[] = [
  `CREATE TABLE searches (
     id INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,          -- seconds since the epoch, when the collector received it
     site TEXT NOT NULL,           -- public | internal
     lang TEXT NOT NULL,
     market TEXT,
     query TEXT NOT NULL,          -- redacted
     corrected TEXT,
     results INTEGER NOT NULL,
     opened_page TEXT,
     opened_rank INTEGER,
     previous TEXT                 -- the zero-result query before it, redacted
   );
   CREATE INDEX searches_at ON searches (at);
   CREATE TABLE feedback (
     id INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,
     site TEXT NOT NULL,
     lang TEXT NOT NULL,
     market TEXT,
     page TEXT NOT NULL,
     helpful INTEGER NOT NULL,     -- 1 yes, 0 no
     reason TEXT,
     comment TEXT                  -- redacted
   );
   CREATE INDEX feedback_at ON feedback (at);`,
];

/** The columns a search event fills, in order, and their values (SQLite and PostgreSQL insert the same). */
export const SEARCH_COLUMNS = ['at', 'site', 'lang', 'market', 'query', 'corrected', 'results', 'opened_page', 'opened_rank', 'previous'] as const;
export const searchValues = (site: string, e: SearchEvent, at: number) =>
  [at, site, e.lang, e.market ?? null, e.query, e.corrected ?? null, e.results, e.opened?.page ?? null, e.opened?.rank ?? null, e.previous ?? null] as const;
/** The same for a feedback answer. */
export const FEEDBACK_COLUMNS = ['at', 'site', 'lang', 'market', 'page', 'helpful', 'reason', 'comment'] as const;
export const feedbackValues = (f: FeedbackEvent, at: number) =>
  [at, f.site, f.lang, f.market ?? null, f.page, f.helpful ? 1 : 0, f.reason ?? null, f.comment ?? null] as const;

/** Rows as the insights read them. */
export interface SearchRow {
  at: number;
  site: string;
  lang: string;
  market: string | null;
  query: string;
  corrected: string | null;
  results: number;
  opened_page: string | null;
  opened_rank: number | null;
  previous: string | null;
}
export interface FeedbackRow {
  at: number;
  site: string;
  lang: string;
  market: string | null;
  page: string;
  helpful: number;
  reason: string | null;
  comment: string | null;
}

/** The collector's database. */
export class Store {
  readonly db: DatabaseSync;
  private readonly readOnly: boolean;
  private statements: { search: StatementSync; feedback: StatementSync } | undefined;

  /**
   * Opens (and creates or migrates) the database in `file`; `readOnly` opens an existing one for
   * reading only (the audit and the build read the insights while the collector writes).
   */
  constructor(file: string, options: { readOnly?: boolean } = {}) {
    this.readOnly = options.readOnly ?? false;
    if (this.readOnly) {
      this.db = new DatabaseSync(file, { readOnly: true });
      this.db.exec('PRAGMA busy_timeout = 5000;');
      if (this.version() !== migrations.length)
        throw new Error(`${file} is at schema version ${this.version()}, not ${migrations.length}: start the collector once to migrate it.`);
      return;
    }
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new DatabaseSync(file);
    // WAL: readers never block the writer; NORMAL: a commit survives the process being killed
    // (not a power cut), at a fraction of FULL's cost. busy_timeout: an insights run may read meanwhile.
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
    this.migrate();
  }

  private get insert() {
    this.statements ??= {
      search: this.db.prepare(`INSERT INTO searches (${SEARCH_COLUMNS.join(', ')}) VALUES (${SEARCH_COLUMNS.map(() => '?').join(', ')})`),
      feedback: this.db.prepare(`INSERT INTO feedback (${FEEDBACK_COLUMNS.join(', ')}) VALUES (${FEEDBACK_COLUMNS.map(() => '?').join(', ')})`),
    };
    return this.statements;
  }

  /** The schema version the database is at. */
  version(): number {
    return Number((this.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  }

  private migrate(): void {
    const from = this.version();
    if (from > migrations.length) throw new Error(`The database is at schema version ${from}; this collector knows ${migrations.length}. Update Signpost.`);
    for (let v = from; v < migrations.length; v++) {
      this.transaction(() => {
        this.db.exec(migrations[v]!);
        this.db.exec(`PRAGMA user_version = ${v + 1}`);
      });
    }
  }

  /** Runs `fn` in one transaction. */
  transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const out = fn();
      this.db.exec('COMMIT');
      return out;
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  /** Stores a batch of (already validated and redacted) search events in one transaction. */
  addSearches(site: string, events: readonly SearchEvent[], at = nowSeconds()): void {
    this.transaction(() => {
      for (const e of events) {
        this.insert.search.run(...searchValues(site, e, at));
      }
    });
  }

  /** Stores one (already validated and redacted) feedback answer. */
  addFeedback(f: FeedbackEvent, at = nowSeconds()): void {
    this.insert.feedback.run(...feedbackValues(f, at));
  }

  /** Deletes what is older than `days`; returns how many rows went. */
  purge(days: number, now = nowSeconds()): number {
    const before = now - days * 86_400;
    return this.transaction(
      () =>
        Number(this.db.prepare('DELETE FROM searches WHERE at < ?').run(before).changes) +
        Number(this.db.prepare('DELETE FROM feedback WHERE at < ?').run(before).changes),
    );
  }

  /** Search rows received in [from, to), optionally for one language, market or site. */
  searches(from: number, to: number, filter: Filter = {}): SearchRow[] {
    return this.select('searches', from, to, filter) as unknown as SearchRow[];
  }

  /** Feedback rows received in [from, to). */
  feedback(from: number, to: number, filter: Filter = {}): FeedbackRow[] {
    return this.select('feedback', from, to, filter) as unknown as FeedbackRow[];
  }

  private select(table: 'searches' | 'feedback', from: number, to: number, filter: Filter): unknown[] {
    const where = ['at >= ?', 'at < ?'];
    const args: (string | number)[] = [from, to];
    for (const key of ['lang', 'market', 'site'] as const) {
      if (filter[key]) {
        where.push(`${key} = ?`);
        args.push(filter[key]);
      }
    }
    return this.db.prepare(`SELECT * FROM ${table} WHERE ${where.join(' AND ')} ORDER BY at, id`).all(...args);
  }

  /** Checkpoints the WAL into the database file and closes it. */
  close(): void {
    if (!this.db.isOpen) return;
    if (!this.readOnly) this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

/**
 * What the service and the insights need from a database, whichever it is: SQLite (this file,
 * `sqliteEvents`) or PostgreSQL (postgres.ts). Writes resolve once the rows are committed.
 */
export interface EventStore {
  readonly kind: 'sqlite' | 'postgres';
  version(): Promise<number>;
  addSearches(site: string, events: readonly SearchEvent[], at?: number): Promise<void>;
  addFeedback(f: FeedbackEvent, at?: number): Promise<void>;
  purge(days: number, now?: number): Promise<number>;
  searches(from: number, to: number, filter?: Filter): Promise<SearchRow[]>;
  feedback(from: number, to: number, filter?: Filter): Promise<FeedbackRow[]>;
  close(): Promise<void>;
}

/** The SQLite store behind the common interface. */
export function sqliteEvents(store: Store): EventStore {
  return {
    kind: 'sqlite',
    version: async () => store.version(),
    addSearches: async (site, events, at) => store.addSearches(site, events, at),
    addFeedback: async (f, at) => store.addFeedback(f, at),
    purge: async (days, now) => store.purge(days, now),
    searches: async (from, to, filter) => store.searches(from, to, filter),
    feedback: async (from, to, filter) => store.feedback(from, to, filter),
    close: async () => store.close(),
  };
}

/** Which rows to read. */
export interface Filter {
  lang?: string;
  market?: string;
  site?: string;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
