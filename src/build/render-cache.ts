/**
 * The build's render cache on disk (content/render/stored.ts says what it is for): one pair of
 * JSON files per rendered body, `<key>.meta.json` (headings, links, replies… what the entry keeps)
 * and `<key>.body.json` (HTML and Markdown, read back when a page or an export needs them).
 *
 * A key is the file's path and bytes (content/render/stored.ts) under a context: Signpost's code,
 * the target, and the content root's site data (site.yaml, markets/, locales/, search/…), since
 * a market fact or a UI string changes how every page renders. Anything else changes the key, so
 * an entry is never stale; a file is written under a temporary name and renamed, so two builds
 * at once never read half of one. `SIGNPOST_CACHE=off` renders everything afresh;
 * `SIGNPOST_CACHE_DIR` moves the cache (default `.astro/cache/render/` of the project).
 *
 * Entries a build used are touched; `pruneRenderCache` removes those no build has used for 30 days.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../content/root.ts';
import { contentTypes } from '../content/types.ts';
import type { Rendered } from '../content/render/index.ts';
import { type RenderCache, type RenderedBody, type RenderedMeta, splitRendered } from '../content/render/stored.ts';
import type { Target } from '../content/load.ts';
import { codeFingerprint, filesUnder, hashFiles } from './fingerprint.ts';

/** The cache folder, or undefined when `SIGNPOST_CACHE=off`. */
export function renderCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SIGNPOST_CACHE === 'off') return undefined;
  return path.resolve(env.SIGNPOST_CACHE_DIR ?? path.join(projectRoot, '.astro', 'cache', 'render'));
}

/** The site data of a content root: every file outside the page folders. */
function siteDataFingerprint(root: string): string {
  const pages = new Set(contentTypes.map((t) => t.folder));
  const files = filesUnder(root).filter((rel) => !pages.has(rel.split(path.sep)[0]!));
  return hashFiles(crypto.createHash('sha256'), root, files).digest('hex');
}

/** Writes `file` whole or not at all: under a temporary name, then renamed over. */
function writeWhole(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** The render cache for `target` of the content root `root`, in `dir`. */
export function diskRenderCache(dir: string, root: string, target: Target): RenderCache & { hits: number; misses: number } {
  const context = crypto
    .createHash('sha256')
    .update(`${codeFingerprint()}\0${target}\0${siteDataFingerprint(root)}`)
    .digest('hex');
  const made = new Set<string>();
  const where = (key: string) => {
    const id = crypto.createHash('sha256').update(context).update(key).digest('hex');
    const folder = path.join(dir, id.slice(0, 2));
    return { folder, meta: path.join(folder, `${id}.meta.json`), body: path.join(folder, `${id}.body.json`) };
  };
  const now = new Date();
  const cache = {
    hits: 0,
    misses: 0,
    get(key: string): RenderedMeta | undefined {
      const { meta, body } = where(key);
      let text: string | undefined;
      try {
        text = fs.readFileSync(meta, 'utf8');
        // Both halves or neither: a body pruned or lost since means rendering again.
        if (fs.existsSync(body)) fs.utimesSync(meta, now, now);
        else text = undefined;
      } catch {
        text = undefined;
      }
      if (text === undefined) {
        cache.misses++;
        return undefined;
      }
      cache.hits++;
      return JSON.parse(text) as RenderedMeta;
    },
    put(key: string, rendered: Rendered): void {
      const { folder, meta, body } = where(key);
      if (!made.has(folder)) fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
      const parts = splitRendered(rendered);
      // The body first: a meta file is only ever found beside its body.
      writeWhole(body, JSON.stringify(parts.body));
      writeWhole(meta, JSON.stringify(parts.meta));
    },
    body(key: string): RenderedBody {
      const { body } = where(key);
      try {
        return JSON.parse(fs.readFileSync(body, 'utf8')) as RenderedBody;
      } catch (e) {
        throw new Error(`The render cache lost ${body} during the build (${(e as Error).message}). Build again; SIGNPOST_CACHE=off builds without it.`);
      }
    },
  };
  return cache;
}

const MONTH = 30 * 86_400_000;

/** Removes the cache entries no build has used for 30 days; at most once a day. Returns how many. */
export function pruneRenderCache(dir: string, now = Date.now()): number {
  const stamp = path.join(dir, '.pruned');
  if (!fs.existsSync(dir) || (fs.existsSync(stamp) && now - fs.statSync(stamp).mtimeMs < 86_400_000)) return 0;
  let removed = 0;
  for (const folder of fs.readdirSync(dir)) {
    const sub = path.join(dir, folder);
    if (folder.startsWith('.') || !fs.statSync(sub).isDirectory()) continue;
    for (const name of fs.readdirSync(sub)) {
      if (!name.endsWith('.meta.json')) continue;
      const meta = path.join(sub, name);
      if (now - fs.statSync(meta).mtimeMs < MONTH) continue;
      fs.rmSync(meta, { force: true });
      fs.rmSync(meta.replace(/\.meta\.json$/, '.body.json'), { force: true });
      removed++;
    }
  }
  fs.writeFileSync(stamp, '');
  return removed;
}
