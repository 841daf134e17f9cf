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

export type PagefindEntry = { version: string; languages: Record<string, unknown> } & Record<string, unknown>;

/**
 * Joins Pagefind catalogues (`pagefind-entry.json`) of indexes written one language at a time, or
 * by several shards (src/build/merge.ts): the languages in sorted order, as Pagefind lists them.
 */
export function joinPagefindEntries(entries: readonly PagefindEntry[]): string {
  const versions = new Set(entries.map((e) => e.version));
  if (versions.size > 1) throw new Error(`The search indexes come from different Pagefind versions (${[...versions].join(', ')}).`);
  const languages: Record<string, unknown> = {};
  for (const e of entries) Object.assign(languages, e.languages);
  const sorted = Object.fromEntries(
    Object.keys(languages)
      .sort()
      .map((k) => [k, languages[k]]),
  );
  return JSON.stringify({ ...entries[0]!, languages: sorted });
}

/**
 * One Pagefind index per language folder, one after the other: Pagefind holds the index it is
 * building in memory, so the peak is one language's, not the site's (at 10,000 pages in 8
 * languages: 660 MB instead of 1.9 GB, and a little faster). Pagefind splits its index by
 * language anyway, under content-hashed names, so the files are the same bytes as one index of
 * the whole site; only the catalogue is joined here.
 */
async function indexOne(dir: string, site: SiteModel, own: readonly Language[]): Promise<IndexStats> {
  let pages = 0;
  const entries: PagefindEntry[] = [];
  const entryFile = `${dir}/pagefind/pagefind-entry.json`;
  try {
    for (const lang of own) {
      if (!fs.existsSync(`${dir}/${lang.code}`)) continue;
      const { index } = check('create index', await pagefind.createIndex({}));
      if (!index) throw new Error('Search indexing failed: Pagefind returned no index.');
      const added = check(`add ${lang.code} pages`, await index.addDirectory({ path: dir, glob: `${lang.code}/**/*.{html}` }));
      check('write files', await index.writeFiles({ outputPath: `${dir}/pagefind` }));
      pages += added.page_count;
      entries.push(JSON.parse(fs.readFileSync(entryFile, 'utf8')) as PagefindEntry);
      // Each index ends with its backend, which frees the language's memory.
      await pagefind.close();
    }
  } finally {
    await pagefind.close();
  }
  if (entries.length) fs.writeFileSync(entryFile, joinPagefindEntries(entries));
  const languages = fs.readdirSync(`${dir}/pagefind`).filter((f) => /^pagefind\..+\.pf_meta$/.test(f)).length;
  const started = performance.now();
  const { words, bytes } = writeLexicons(dir, site, own);
  return { pages, languages, lexicon: { words, bytes, ms: Math.round(performance.now() - started) } };
}
