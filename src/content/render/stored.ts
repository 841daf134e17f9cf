/**
 * Rendered bodies kept outside the heap. A page's HTML and Markdown are most of what a loaded
 * entry weighs (at 10,000 pages, 166 of 317 MB), and a build needs each only twice: when its page
 * renders and when its exports are written. With a `RenderCache` (the build's is on disk, keyed
 * by the file's bytes: src/build/render-cache.ts) the loader keeps the small parts of a rendered
 * body on the entry and reads `html` and `markdown` back from the cache each time they are asked
 * for; a file whose bytes and context have not changed since an earlier build is not rendered
 * again at all.
 */
import crypto from 'node:crypto';
import type { Rendered } from './index.ts';

/** The parts of a rendered body that stay on the entry. */
export type RenderedMeta = Omit<Rendered, 'html' | 'markdown'>;
/** The parts read back when asked for. */
export type RenderedBody = Pick<Rendered, 'html' | 'markdown'>;

export interface RenderCache {
  /** What an earlier render of the same file with the same bytes made, without its body; undefined if none. */
  get(key: string): RenderedMeta | undefined;
  /** Keeps a fresh render. */
  put(key: string, rendered: Rendered): void;
  /** The body of a render that `get` or `put` has seen; throws if it is gone. */
  body(key: string): RenderedBody;
}

/** The cache key of a content file: its path and its bytes (the cache adds the context: code, site data, target). */
export const renderKey = (file: string, bytes: Uint8Array): string => crypto.createHash('sha256').update(file).update('\0').update(bytes).digest('hex');

/** Splits a render into what stays on the entry and what the cache keeps. */
export function splitRendered({ html, markdown, ...meta }: Rendered): { meta: RenderedMeta; body: RenderedBody } {
  return { meta, body: { html, ...(markdown ? { markdown } : {}) } };
}

/**
 * Gives `entry` `html` and `markdown` that are read from the cache when asked for. Setting one
 * (a translation that shows its source's replies, content/replies.ts) makes it a plain value on
 * that object only.
 */
export function readBodyFrom(entry: object, cache: RenderCache, key: string): void {
  for (const name of ['html', 'markdown'] as const) {
    Object.defineProperty(entry, name, {
      enumerable: true,
      configurable: true,
      get: () => cache.body(key)[name],
      set(this: object, value: unknown) {
        Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
}

/** A shallow copy that keeps read-back properties as they are (a spread would read every body into memory). */
export function copyEntry<T extends object>(entry: T): T {
  return Object.defineProperties({}, Object.getOwnPropertyDescriptors(entry)) as T;
}
