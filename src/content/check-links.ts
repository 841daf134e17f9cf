/**
 * Checks that need every entry: links lead to pages and headings that exist, public pages do not
 * link to internal ones, `related` articles exist.
 */
import { excerpt, problem, type Problem } from './errors.ts';
import { isInternalRoute, pageRoutes } from './paths.ts';
import type { Entry } from './load.ts';
import type { SiteModel } from './site.ts';

/** Problems for links, anchors and `related` entries that lead nowhere, and for public pages linking to internal ones. */
export function checkLinks(site: SiteModel, entries: Entry[], byRoute: Map<string, Map<string, Entry>>): Problem[] {
  const problems: Problem[] = [];
  const statics = new Set(pageRoutes(site, 'internal'));
  const pick = (route: string, lang: string) => {
    const langs = byRoute.get(route);
    return langs?.get(lang) ?? langs?.get(site.defaultLanguage.code) ?? langs?.values().next().value;
  };
  for (const e of entries) {
    const publicSource = e.type === 'help' || e.type === 'policy';
    for (const link of e.links) {
      let route = link.route;
      if (link.absolute !== undefined) {
        const m = /^\/([a-z0-9-]+)\/(.*?)\/?$/.exec(link.absolute);
        if (!m || !site.langByCode.has(m[1]!)) {
          problems.push(
            problem(
              'BrokenLink',
              e.file,
              `${excerpt(link.href)} is not a page of this site (site links start with a language, e.g. /${site.defaultLanguage.code}/search/).`,
              { line: link.line },
            ),
          );
          continue;
        }
        route = m[2]!;
      }
      if (route === undefined) continue;
      if (publicSource && !link.inInternal && isInternalRoute(route)) {
        problems.push(problem('InternalLink', e.file, `${excerpt(link.href)} leads to an internal page (${route}).`, { line: link.line }));
        continue;
      }
      if (link.absolute !== undefined && statics.has(route)) continue;
      const target = pick(route, e.lang);
      if (!target) {
        problems.push(problem('BrokenLink', e.file, `${excerpt(link.href)} leads to ${route}, which does not exist.`, { line: link.line }));
        continue;
      }
      if (link.anchor && !target.headings.some((h) => h.id === link.anchor) && !target.anchorAliases?.includes(link.anchor)) {
        problems.push(
          problem('BrokenLink', e.file, `${excerpt(link.href)}: ${target.file} has no heading with the id ${excerpt(link.anchor)}.`, {
            line: link.line,
            hint: `Headings there: ${target.headings.map((h) => `#${h.id}`).join(', ') || 'none'}.`,
          }),
        );
      }
    }
    if (e.type === 'help') {
      for (const rel of e.data.related) {
        if (!byRoute.has(`help/${rel}`)) problems.push(problem('BrokenLink', e.file, `\`related\` lists ${excerpt(rel)}, but there is no such article.`));
      }
    }
  }
  return problems;
}
