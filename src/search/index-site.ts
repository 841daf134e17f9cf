/**
 * Builds the Pagefind index of a finished site through Pagefind's Node API, as part of the build.
 * Pagefind returns `{ errors }` rather than throwing: every call is checked, and the service is
 * closed in `finally` so a failed build does not leave the binary running. Pagefind splits the
 * index by `<html lang>`, giving one index per language; only elements marked
 * `data-pagefind-body` are indexed (fallback pages and page chrome are not).
 *
 * One index at a time per process: Pagefind's Node API runs a single backend, and the `close()`
 * that ends one site's indexing would end it under another's (`npm run build` indexes its two
 * sites side by side). Pagefind uses every core for one index anyway.
 */
import * as pagefind from 'pagefind';
import fs from 'node:fs';
import type { Language, SiteModel } from '../content/site.ts';
import { writeLexicons } from './lexicon.ts';

export interface IndexStats {
  pages: number;
  languages: number;
  /** The search layer's data (lexicon.ts): words kept for typo correction, gzipped bytes of all languages. */
  lexicon: { words: number; bytes: number; ms: number };
}

function check<T extends { errors: string[] }>(what: string, response: T): T {
  if (response.errors.length) throw new Error(`Search indexing failed (${what}):\n${response.errors.join('\n')}`);
  return response;
}

let indexing: Promise<unknown> = Promise.resolve();

/**
 * Indexes the HTML under `dir` and writes the bundle, with the search layer's lexicons, to
 * `dir/pagefind`. `languages`: the ones the folder holds (a shard's, src/build/shard.ts), whose
 * lexicons to write; default every language of the site.
 */
export function indexSite(dir: string, site: SiteModel, languages: readonly Language[] = site.languages): Promise<IndexStats> {
  const run = indexing.then(
    () => indexOne(dir, site, languages),
    () => indexOne(dir, site, languages),
  );
  indexing = run.catch(() => undefined);
  return run;
}

async function indexOne(dir: string, site: SiteModel, own: readonly Language[]): Promise<IndexStats> {
  let pages: number;
  try {
    const { index } = check('create index', await pagefind.createIndex({}));
    if (!index) throw new Error('Search indexing failed: Pagefind returned no index.');
    const added = check('add directory', await index.addDirectory({ path: dir }));
    check('write files', await index.writeFiles({ outputPath: `${dir}/pagefind` }));
    pages = added.page_count;
  } finally {
    await pagefind.close();
  }
  const languages = fs.readdirSync(`${dir}/pagefind`).filter((f) => /^pagefind\..+\.pf_meta$/.test(f)).length;
  const started = performance.now();
  const { words, bytes } = writeLexicons(dir, site, own);
  return { pages, languages, lexicon: { words, bytes, ms: Math.round(performance.now() - started) } };
}
