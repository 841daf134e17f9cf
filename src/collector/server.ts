/**
 * The collector: a small HTTP service (node:http) that receives what the sites send — batches of
 * search events and "Was this helpful?" answers — validates each request with the zod schemas of
 * src/schemas/events.ts, redacts the texts again, and stores them (SQLite, store.ts, or
 * PostgreSQL, postgres.ts) before answering.
 *
 *   GET  /health        200 {"ok":true,"schema":1}
 *   POST /v1/events     JSON {site, events: [...]} (fetch, or sendBeacon as text/plain) → 204
 *   POST /v1/feedback   JSON → 204; a plain form post (JavaScript off) → 303 back to the page,
 *                       to its "#feedback-thanks" note
 *
 * Bad input always gets a 4xx with a reason and never reaches the database: malformed JSON or
 * wrong fields 400, a body over the limit 413, a browser request from an origin that is not one of
 * the sites 403, more requests than the per-client limit 429 (in memory; the client address is
 * never stored). What it stores is exactly what the schema allows: no IP address, user agent,
 * cookie or identifier.
 */
import http from 'node:http';
import type { z } from '../schemas/z.ts';
import { eventBatch, feedbackEvent } from '../schemas/events.ts';
import { redact } from '../shared/redact.ts';
import type { EventStore } from './store.ts';
import { RateLimiter } from './rate-limit.ts';

export interface CollectorOptions {
  store: EventStore;
  /** Origins of the sites allowed to send (`https://help.example.com`); requests without an Origin header are not browsers and pass. */
  origins: readonly string[];
  /** Requests per second per client, with bursts of twice that; 0 turns the limit off. */
  rate?: number;
  /** Largest request body, bytes. */
  maxBody?: number;
  /** Whether to take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /** The customers' site, where a form post that names no origin is sent back to. */
  home?: string;
}

/** Thrown inside a request: answered with its status and message. */
class HttpError extends Error {
  readonly status: number;
  readonly details?: unknown;
  constructor(status: number, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.details = details;
  }
}

/** Control characters (but not line breaks in comments) become spaces; HTML stays text, shown escaped wherever it is shown. */
const clean = (s: string) => redact(s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ').normalize('NFC'));
const cleanOpt = (s: string | undefined) => (s === undefined ? undefined : clean(s));

/** Creates the collector's HTTP server (not yet listening). */
export function createCollector(options: CollectorOptions): http.Server {
  const { origins } = options;
  const maxBody = options.maxBody ?? 64 * 1024;
  const limiter = options.rate ? new RateLimiter(options.rate, options.rate * 2) : undefined;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 503;
      const message = e instanceof HttpError ? e.message : 'The collector could not store this; try again.';
      if (!(e instanceof HttpError)) console.error(`collector: ${(e as Error).stack ?? e}`);
      if (!res.headersSent) send(res, status, { error: message, ...(e instanceof HttpError && e.details ? { issues: e.details } : {}) });
      // Stop reading a body we refused (too large): the client gets its answer, the socket closes.
      if (!req.complete) req.destroy();
    });
  });
  server.on('close', () => limiter?.stop());

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://collector');
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.includes(origin)) throw new HttpError(403, `Origin ${origin} may not send to this collector.`);
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    res.setHeader('Cache-Control', 'no-store');
    if (url.pathname === '/health') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Use GET.');
      return send(res, 200, { ok: true, schema: await options.store.version(), database: options.store.kind });
    }
    if (url.pathname !== '/v1/events' && url.pathname !== '/v1/feedback')
      throw new HttpError(404, 'No such endpoint: use /v1/events, /v1/feedback or /health.');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Access-Control-Allow-Headers', 'content-type');
      res.setHeader('Access-Control-Max-Age', '86400');
      res.writeHead(204).end();
      return;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'Use POST.');
    if (limiter && !limiter.take(clientOf(req, options.trustProxy))) {
      res.setHeader('Retry-After', '1');
      throw new HttpError(429, 'Too many requests from this client; slow down.');
    }
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    const body = await readBody(req, maxBody);
    // The browser asks not to be tracked (Global Privacy Control, Do Not Track): the sites send
    // nothing then; anything that comes anyway is answered as usual and not stored.
    const store = req.headers['sec-gpc'] === '1' || req.headers.dnt === '1' ? undefined : options.store;

    if (url.pathname === '/v1/events') {
      const batch = parse(eventBatch, json(body));
      await store?.addSearches(
        batch.site,
        batch.events.map((e) => ({ ...e, query: clean(e.query), corrected: cleanOpt(e.corrected), previous: cleanOpt(e.previous) })),
      );
      res.writeHead(204).end();
      return;
    }
    if (type === 'application/x-www-form-urlencoded') {
      const form = new URLSearchParams(body);
      const f = parse(feedbackEvent, {
        site: form.get('site') ?? 'public',
        page: form.get('page') ?? '',
        lang: form.get('lang') ?? '',
        ...(form.get('market') ? { market: form.get('market') } : {}),
        helpful: form.get('helpful') === 'yes' ? true : form.get('helpful') === 'no' ? false : undefined,
        ...(form.get('reason') ? { reason: form.get('reason') } : {}),
        ...(form.get('comment') ? { comment: form.get('comment') } : {}),
      });
      await store?.addFeedback({ ...f, comment: cleanOpt(f.comment) });
      // Back to the page the form was on, to its thank-you note; only ever to one of the sites.
      const from = origin ?? refererOrigin(req.headers.referer) ?? (f.site === 'public' ? options.home : undefined);
      if (from && origins.includes(from)) {
        res.writeHead(303, { Location: `${from}/${f.lang}/${f.page}/#feedback-thanks` }).end();
      } else {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Thank you for your feedback.\n');
      }
      return;
    }
    const f = parse(feedbackEvent, json(body));
    await store?.addFeedback({ ...f, comment: cleanOpt(f.comment) });
    res.writeHead(204).end();
  }

  return server;
}

function send(res: http.ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(`${JSON.stringify(body)}\n`);
}

function json(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new HttpError(400, 'The body is not valid JSON.');
  }
}

function parse<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  throw new HttpError(
    400,
    'The request does not match the schema.',
    r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

/** Reads the body as UTF-8, refusing it with 413 as soon as it passes `max` bytes. */
function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) return Promise.reject(new HttpError(413, `The body is larger than ${max} bytes.`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new HttpError(413, `The body is larger than ${max} bytes.`));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function clientOf(req: http.IncomingMessage, trustProxy = false): string {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')[0]!
        .trim()
    : '';
  return forwarded || req.socket.remoteAddress || 'unknown';
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
