/** What every component needs: the loaded site, the target and a `t` for the page language. */
import { getBuilt } from '../build/store.ts';
import type { Route } from '../content/routes.ts';

export function ui(route: Route) {
  const { content } = getBuilt();
  return { site: content.site, target: content.target, t: content.t(route.lang.code), lang: route.lang };
}
