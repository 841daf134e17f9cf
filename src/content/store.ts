/**
 * The content of the site being built, loaded once per build process. The Astro config, the
 * integration and the (bundled) pages run in one process but in different module instances, so
 * the cache sits on `globalThis` under a symbol. Each build runs in its own process: the public
 * and internal builds never share this cache.
 */
import { loadContent, type Content, type Target } from './load.ts';
import { contentRoot } from './root.ts';
import { buildRoutes, type Route } from './routes.ts';

export interface Built {
  content: Content;
  routes: Route[];
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
  const root = contentRoot();
  const target = buildTarget();
  const key = `${target}:${root}`;
  const store = globalThis as Store;
  if (store[KEY]?.key === key) return store[KEY].built;
  const content = loadContent(root, target);
  const built = { content, routes: buildRoutes(content) };
  store[KEY] = { key, built };
  return built;
}

/** Forgets the loaded content (the dev server calls this when a content file changes). */
export function invalidate(): void {
  delete (globalThis as Store)[KEY];
}
