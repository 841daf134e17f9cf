/**
 * The content of the site being built, loaded once per build process. The Astro config, the
 * integration and the (bundled) pages run in one process but in different module instances, so
 * the cache sits on `globalThis` under a symbol. Each build runs in its own process: the public
 * and internal builds never share this cache.
 */
import { collectContent, type Content, type Loaded, type Target } from '../content/load.ts';
import { ContentError, formatProblems } from '../content/errors.ts';
import { parseEntryPath } from '../content/paths.ts';
import { contentRoot } from '../content/root.ts';
import { buildRoutes, type Route } from '../content/routes.ts';
import type { Finding } from '../audit/types.ts';
import { runChecks, translationSources } from '../audit/index.ts';
import { readHistory } from '../audit/git.ts';
import { todayUtc } from '../audit/dates.ts';
import { readInsights, type Insights } from '../collector/insights.ts';
import type { Language } from '../content/site.ts';
import { shardFromEnv, shardLanguages } from './shard.ts';
import { diskRenderCache, renderCacheDir } from './render-cache.ts';

export interface Built {
  content: Content;
  routes: Route[];
  /** Audit findings, internal site only (the public site never carries audit data). */
  findings: Finding[];
  /** The date the audit was run for (`SIGNPOST_TODAY`, else today in UTC). */
  today: string;
  /** What the collector recorded (internal site, `SIGNPOST_COLLECTOR_DB`), for the Content health page. */
  insights?: Insights;
  /** How many bodies this load rendered, and how many it took from the render cache (render-cache.ts). */
  rendered?: { fresh: number; cached: number };
  /** The languages this process writes: all, or a shard's (`SIGNPOST_SHARD`, shard.ts). */
  languages: Language[];
  /** The routes of those languages: the pages this process renders. `routes` is every page of the site. */
  pages: Route[];
}

const KEY = Symbol.for('signpost.built');
const LOADED = Symbol.for('signpost.loaded');
/** The built site, and what the last load made of each file (for the dev server: `reloadPages`). */
type Store = { [KEY]?: { key: string; built: Built }; [LOADED]?: { key: string; loaded: Loaded; stale: Set<string> } };

/** The build target from `SIGNPOST_TARGET` (`public` unless set to `internal`). */
export function buildTarget(env: NodeJS.ProcessEnv = process.env): Target {
  const t = env.SIGNPOST_TARGET ?? 'public';
  if (t !== 'public' && t !== 'internal') throw new Error(`SIGNPOST_TARGET is "${t}"; use public or internal.`);
  return t;
}

/** Loads (once) the content root and routes for this process's target. */
export function getBuilt(): Built {
  // Every component asks for this: answer from the cache without touching the disk. The Astro
  // config has already made CONTENT_DIR absolute, so the environment names the content exactly.
  const store = globalThis as Store;
  const key = `${process.env.SIGNPOST_TARGET ?? 'public'}:${process.env.SIGNPOST_SHARD ?? ''}:${process.env.CONTENT_DIR ?? ''}:${process.env.SIGNPOST_COLLECTOR ?? ''}:${process.env.SIGNPOST_COLLECTOR_DB ?? ''}`;
  if (store[KEY]?.key === key) return store[KEY].built;
  const root = contentRoot();
  const target = buildTarget();
  // After a page was saved in the dev server, only its files are read again.
  const last = store[LOADED]?.key === key ? store[LOADED] : undefined;
  const reuse = last && { ...last.loaded, files: new Set([...last.loaded.files].filter((f) => !last.stale.has(f))) };
  // Rendered bodies live in the render cache on disk, read back when a page needs them.
  const dir = renderCacheDir();
  const cache = dir ? diskRenderCache(dir, root, target) : undefined;
  const { content, problems, warnings, loaded } = collectContent(root, target, { ...(reuse ? { reuse } : {}), ...(cache ? { cache } : {}) });
  store[LOADED] = { key, loaded, stale: new Set() };
  if (problems.length) throw new ContentError(problems, '');
  // Published, never silently: broken links under `links: warn` go to the build output.
  if (warnings.length) console.warn(`[signpost] ${target} site: broken links published because site.yaml has links: warn:\n\n${formatProblems(warnings)}\n`);
  const today = process.env.SIGNPOST_TODAY ?? todayUtc();
  // The agents' site also shows what readers told the collector, when the build is given its database.
  const db = process.env.SIGNPOST_COLLECTOR_DB;
  const insights = target === 'internal' && db ? readInsights(db, content.site, today) : undefined;
  const findings = target === 'internal' ? runChecks({ today, content, problems: [], history: readHistory(root, translationSources(content)), insights }) : [];
  const routes = buildRoutes(content);
  const languages = shardLanguages(content.site, shardFromEnv());
  const own = new Set(languages.map((l) => l.code));
  const pages = languages.length === content.site.languages.length ? routes : routes.filter((r) => own.has(r.lang.code));
  const rendered = cache && { fresh: cache.misses, cached: cache.hits };
  const built = { content, routes, findings, today, languages, pages, ...(insights ? { insights } : {}), ...(rendered ? { rendered } : {}) };
  store[KEY] = { key, built };
  return built;
}

/** Forgets the loaded content: the next `getBuilt` reads the whole content root again. */
export function invalidate(): void {
  const store = globalThis as Store;
  delete store[KEY];
  delete store[LOADED];
}

/**
 * After pages (`files`, relative to the content root) were saved, added or removed: the next
 * `getBuilt` reads those files and the other translations of their pages again (a translation
 * shows its source's replies and anchors), and reuses what it read of every other page. Anything
 * else (site.yaml, market data, locale strings, search words) changes how every page renders: the
 * whole root is read again.
 */
export function reloadPages(files: readonly string[]): void {
  const store = globalThis as Store;
  const last = store[LOADED];
  const pageOf = (f: string) => {
    const r = parseEntryPath(f);
    return typeof r === 'string' ? undefined : `${r.type}:${r.route}`;
  };
  const changed = new Set(files.map(pageOf));
  if (!last || changed.has(undefined)) {
    invalidate();
    return;
  }
  delete store[KEY];
  const sameRoute = (f: string) => changed.has(pageOf(f));
  for (const f of [...files, ...[...last.loaded.files].filter(sameRoute)]) last.stale.add(f);
}
