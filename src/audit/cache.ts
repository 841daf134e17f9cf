/**
 * The audit's file cache: what was read from each content file (frontmatter, headings, links,
 * problems), keyed by path, size and modification time, so a second audit reads only what
 * changed. The cache is thrown away whole when site or market data, or Signpost's own content
 * code, changes. Stored under node_modules/.cache, never committed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { listContentFiles, loadEntries, type Entry } from '../content/load.ts';
import type { Problem } from '../content/errors.ts';
import { projectRoot } from '../content/root.ts';
import type { SiteModel } from '../content/site.ts';
import type { Translate } from '../i18n/index.ts';

interface Stored {
  key: string;
  files: Record<string, { stamp: string; entry?: Entry; problems: Problem[] }>;
}

const cacheFile = (root: string) =>
  path.join(projectRoot, 'node_modules', '.cache', 'signpost', `audit-${crypto.createHash('sha1').update(root).digest('hex').slice(0, 12)}.json`);

/** Everything outside the file itself that decides how it is read. */
function cacheKey(root: string): string {
  const h = crypto.createHash('sha1');
  const add = (file: string) => {
    try {
      h.update(file).update(fs.readFileSync(file));
    } catch {
      /* absent */
    }
  };
  add(path.join(root, 'site.yaml'));
  const markets = path.join(root, 'markets');
  if (fs.existsSync(markets)) for (const f of fs.readdirSync(markets).sort()) add(path.join(markets, f));
  for (const dir of ['src/content', 'src/schemas', 'src/content/render/components', 'locales']) {
    for (const f of fs.readdirSync(path.join(projectRoot, dir), { recursive: true }).map(String).sort()) {
      const full = path.join(projectRoot, dir, f);
      if (fs.statSync(full).isFile()) h.update(f).update(String(fs.statSync(full).mtimeMs));
    }
  }
  return h.digest('hex');
}

/** Reads every content file, from the cache where the file has not changed. */
export function readEntriesCached(root: string, site: SiteModel, t: (lang: string) => Translate): { entries: Entry[]; problems: Problem[]; cached: number } {
  const key = cacheKey(root);
  let stored: Stored = { key, files: {} };
  try {
    const old = JSON.parse(fs.readFileSync(cacheFile(root), 'utf8')) as Stored;
    if (old.key === key) stored = old;
  } catch {
    /* no cache yet */
  }
  const next: Stored = { key, files: {} };
  const entries: Entry[] = [];
  const problems: Problem[] = [];
  let cached = 0;
  for (const file of listContentFiles(root, 'internal')) {
    if (!/\.(md|mdx)$/.test(file)) continue;
    const st = fs.statSync(path.join(root, file));
    const stamp = `${st.size}:${st.mtimeMs}`;
    let hit = stored.files[file];
    if (hit?.stamp === stamp) cached++;
    else {
      const r = loadEntries(root, [file], 'internal', site, t, { html: false });
      hit = { stamp, entry: r.entries[0], problems: r.problems };
    }
    next.files[file] = hit;
    if (hit.entry) entries.push(hit.entry);
    problems.push(...hit.problems);
  }
  try {
    fs.mkdirSync(path.dirname(cacheFile(root)), { recursive: true });
    fs.writeFileSync(cacheFile(root), JSON.stringify(next));
  } catch {
    /* a read-only install still audits, just without a cache */
  }
  return { entries, problems, cached };
}
