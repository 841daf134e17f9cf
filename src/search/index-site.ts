/**
 * Builds the Pagefind index of a finished site through Pagefind's Node API, as part of the build.
 * Pagefind returns `{ errors }` rather than throwing: every call is checked, and the service is
 * closed in `finally` so a failed build does not leave the binary running. Pagefind splits the
 * index by `<html lang>`, giving one index per language; only elements marked
 * `data-pagefind-body` are indexed (fallback pages and page chrome are not).
 */
import * as pagefind from 'pagefind';

export interface IndexStats {
  pages: number;
  languages: number;
}

function check<T extends { errors: string[] }>(what: string, response: T): T {
  if (response.errors.length) throw new Error(`Search indexing failed (${what}):\n${response.errors.join('\n')}`);
  return response;
}

/** Indexes the HTML under `dir` and writes the bundle to `dir/pagefind`. */
export async function indexSite(dir: string): Promise<IndexStats> {
  try {
    const { index } = check('create index', await pagefind.createIndex({}));
    if (!index) throw new Error('Search indexing failed: Pagefind returned no index.');
    const added = check('add directory', await index.addDirectory({ path: dir }));
    check('write files', await index.writeFiles({ outputPath: `${dir}/pagefind` }));
    const languages = (await import('node:fs')).readdirSync(`${dir}/pagefind`).filter((f) => /^pagefind\..+\.pf_meta$/.test(f)).length;
    return { pages: added.page_count, languages };
  } finally {
    await pagefind.close();
  }
}
