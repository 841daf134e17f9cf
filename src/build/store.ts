/**
 * The content of the site being built, loaded once per build process. The Astro config, the
 * integration and the (bundled) pages run in one process but in different module instances, so
 * the cache sits on `globalThis` under a symbol. Each build runs in its own process: the public
 * and internal builds never share this cache.
 */
import { loadContent, type Content, type Target } from '../content/load.ts';
import { contentRoot } from '../content/root.ts';
import { buildRoutes, type Route } from '../content/routes.ts';
import type { Finding } from '../audit/types.ts';
import { runChecks, translationSources } from '../audit/index.ts';
import { readHistory } from '../audit/git.ts';
import { todayUtc } from '../audit/dates.ts';
import { readInsights, type Insights } from '../collector/insights.ts';

export interface Built {
  content: Content;
  routes: Route[];
  /** Audit findings, internal site only (the public site never carries audit data). */
  findings: Finding[];
  /** The date the audit was run for (`SIGNPOST_TODAY`, else today in UTC). */
  today: string;
  /** What the collector recorded (internal site, `SIGNPOST_COLLECTOR_DB`), for the Content health page. */
  insights?: Insights;
}

const KEY = Symbol.for('signpost.built');
type Store = { [KEY]?: { key: string; built: Built } };

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
  const key = `${process.env.SIGNPOST_TARGET ?? 'public'}:${process.env.CONTENT_DIR ?? ''}:${process.env.SIGNPOST_COLLECTOR ?? ''}:${process.env.SIGNPOST_COLLECTOR_DB ?? ''}`;
  if (store[KEY]?.key === key) return store[KEY].built;
  const root = contentRoot();
  const target = buildTarget();
  const content = loadContent(root, target);
  const today = process.env.SIGNPOST_TODAY ?? todayUtc();
  // The agents' site also shows what readers told the collector, when the build is given its database.
  const db = process.env.SIGNPOST_COLLECTOR_DB;
  const insights = target === 'internal' && db ? readInsights(db, content.site, today) : undefined;
  const findings = target === 'internal' ? runChecks({ today, content, problems: [], history: readHistory(root, translationSources(content)), insights }) : [];
  const built = { content, routes: buildRoutes(content), findings, today, ...(insights ? { insights } : {}) };
  store[KEY] = { key, built };
  return built;
}

/** Forgets the loaded content (the dev server calls this when a content file changes). */
export function invalidate(): void {
  delete (globalThis as Store)[KEY];
}
