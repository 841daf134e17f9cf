/**
 * What a site tells its collector (src/collector) about searches, for the knowledge loop: the
 * final query of a search — after the reader pauses, presses Enter, opens a result or leaves —
 * with its language, market, result count, the corrected query, which result was opened at which
 * rank, and the zero-result query before it (a reformulation).
 *
 * Only when the site was built with a collector (`<html data-collector>`), and never when the
 * browser signals Global Privacy Control or Do Not Track. No cookie, nothing kept on the device, no
 * identifier: queries are redacted here (src/shared/redact.ts) and again by the collector.
 */
import { redact } from '../shared/redact.ts';
import { consented } from './privacy.ts';

/** How long a reader must stop typing before the query counts as the one they meant. */
const PAUSE_MS = 2000;
/** Events waiting to be sent; they go in one batch when the page is hidden, or at this many. */
const BATCH = 10;

/** The collector's origin and this site, if recording is on for this reader. */
export function recording(): { url: string; site: 'public' | 'internal' } | undefined {
  const html = document.documentElement;
  const url = html.dataset.collector;
  if (!url || !consented()) return undefined;
  return { url, site: html.dataset.target === 'internal' ? 'internal' : 'public' };
}

/** A page path without its language, as the collector stores it: `/de/help/a/b/` → `help/a/b`. */
export function pagePath(href: string): string {
  return new URL(href, location.href).pathname.replace(/^\/[^/]+\//, '').replace(/\/(index\.html)?$/, '');
}

interface SearchEvent {
  type: 'search';
  query: string;
  lang: string;
  market?: string;
  results: number;
  corrected?: string;
  opened?: { page: string; rank: number };
  previous?: string;
}

/** Records the searches of one search page. */
export class SearchRecorder {
  private readonly target: { url: string; site: string };
  private readonly lang: string;
  private pending: { query: string; results: number; corrected?: string; market?: string } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastZero: string | undefined;
  private lastSent: string | undefined;
  private queue: SearchEvent[] = [];

  constructor(target: { url: string; site: string }, lang: string) {
    this.target = target;
    this.lang = lang;
    const leave = () => {
      this.commit();
      this.flush();
    };
    addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') leave();
    });
  }

  /** A search showed its results; it counts once the reader pauses. */
  searched(query: string, results: number, corrected?: string, market?: string): void {
    // A query that found nothing, replaced by another one (not the same one typed further or
    // shortened): the reader reformulated. It becomes the next search's `previous`.
    const before = this.pending;
    if (before && before.results === 0 && !query.startsWith(before.query) && !before.query.startsWith(query))
      this.lastZero = redact(before.query).slice(0, 200);
    this.pending = { query, results, ...(corrected ? { corrected } : {}), ...(market ? { market } : {}) };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.commit(), PAUSE_MS);
  }

  /** Enter: the query counts now. */
  submitted(): void {
    this.commit();
  }

  /** The reader opened the result at `rank` (1-based): the query counts, with what was opened, and is sent at once. */
  opened(href: string, rank: number): void {
    const page = pagePath(href);
    if (!this.pending && this.lastSent) {
      // Opened after the query was already counted: record the opening as its own event.
      const last = this.queue.at(-1);
      if (last && !last.opened) last.opened = { page, rank };
    } else this.commit({ page, rank });
    this.flush();
  }

  private commit(opened?: { page: string; rank: number }): void {
    clearTimeout(this.timer);
    const p = this.pending;
    this.pending = undefined;
    if (!p) return;
    const query = redact(p.query).slice(0, 200);
    if (!query.trim()) return;
    const event: SearchEvent = {
      type: 'search',
      query,
      lang: this.lang,
      results: p.results,
      ...(p.market ? { market: p.market } : {}),
      ...(p.corrected ? { corrected: redact(p.corrected).slice(0, 200) } : {}),
      ...(opened ? { opened } : {}),
      ...(this.lastZero && this.lastZero !== query ? { previous: this.lastZero } : {}),
    };
    // The same query counted twice in a row (a pause, then Enter) is one search.
    if (query === this.lastSent && !opened) return;
    this.lastSent = query;
    this.lastZero = p.results === 0 ? query : undefined;
    this.queue.push(event);
    if (this.queue.length >= BATCH) this.flush();
  }

  /** Sends what is queued, in one batch, in a way that survives the page closing. */
  flush(): void {
    if (!this.queue.length) return;
    const body = JSON.stringify({ site: this.target.site, events: this.queue.splice(0) });
    const url = `${this.target.url}/v1/events`;
    // text/plain keeps the beacon a "simple" request: no preflight, and it is sent as the page closes.
    if (!navigator.sendBeacon?.(url, new Blob([body], { type: 'text/plain' }))) {
      void fetch(url, { method: 'POST', body, keepalive: true, mode: 'cors', credentials: 'omit' }).catch(() => undefined);
    }
  }
}
