/**
 * The one place that knows how a file's path under the content root becomes an entry: its
 * content type, language, market, and the route path it is published at. Every other module asks
 * here, so slug rules are never spread over several files.
 *
 *   help/<lang>/<category>/…/<slug>.md      → help/<category>/…/<slug>
 *   help/<lang>/<slug>.md                   → help/<slug>   (no category: the home page's "More help")
 *   policies/<market>/<lang>/<policy>.md    → policies/<market>/<policy>
 *   sop/<lang>/…/<slug>.md                  → sop/…/<slug>
 *   culture/<lang>/<market>.md              → culture/<market>
 *
 * The route path is the same in every language (`/<lang>/<route path>/`), which is what pairs
 * translations and lets a page be reached in a language it has not been translated into.
 */
import type { ContentType } from '../schemas/base.ts';
import { contentTypes, typeOfFolder } from './types.ts';
import { policyKinds, type PolicyKind } from '../schemas/policy.ts';
import { excerpt } from './errors.ts';

export interface EntryPath {
  type: ContentType;
  lang: string;
  format: 'md' | 'mdx';
  /** Route path without language and without slashes at the ends; also the translation key. */
  route: string;
  category?: string;
  market?: string;
  policy?: PolicyKind;
}

const segment = /^[a-z0-9][a-z0-9-]*$/;

const parsedPaths = new Map<string, EntryPath | string>();

/** Parses a path relative to the content root; returns a reason string when it is not valid. */
export function parseEntryPath(file: string): EntryPath | string {
  // Links name the same few hundred files thousands of times: parse each path once.
  let parsed = parsedPaths.get(file);
  if (parsed === undefined) {
    parsed = parseEntryPathUncached(file);
    parsedPaths.set(file, parsed);
  }
  return typeof parsed === 'string' ? parsed : { ...parsed };
}

function parseEntryPathUncached(file: string): EntryPath | string {
  const m = /^(.*)\.(md|mdx)$/.exec(file);
  if (!m) return 'Only .md and .mdx files are content.';
  const format = m[2] as 'md' | 'mdx';
  const parts = m[1]!.split('/');
  const folder = typeOfFolder(parts[0]!);
  if (!folder) return `${excerpt(parts[0])} is not a content folder (${contentTypes.map((s) => s.folder).join(', ')}).`;
  const bad = parts.slice(1).find((p) => !segment.test(p));
  if (bad !== undefined) return `${excerpt(bad)} is not a valid name: use lower case letters, digits and hyphens.`;
  switch (folder.type) {
    case 'help': {
      const [, lang, ...rest] = parts;
      if (!lang || rest.length === 0) return 'Help articles go in help/<lang>/<slug>.md or help/<lang>/<category>/…/<slug>.md.';
      // A file directly under the language has no category; a folder under it is the category.
      const category = rest.length > 1 ? rest[0] : undefined;
      return { type: 'help', lang, format, ...(category ? { category } : {}), route: [folder.routePrefix, ...rest].join('/') };
    }
    case 'policy': {
      const [, market, lang, policy, ...rest] = parts;
      if (!market || !lang || !policy || rest.length) return 'Policies go in policies/<market>/<lang>/<policy>.md.';
      if (!(policyKinds as readonly string[]).includes(policy)) return `${excerpt(policy)} is not a policy; name the file ${policyKinds.join(', ')}.`;
      return { type: 'policy', lang, format, market, policy: policy as PolicyKind, route: [folder.routePrefix, market, policy].join('/') };
    }
    case 'sop': {
      const [, lang, ...rest] = parts;
      if (!lang || rest.length === 0) return 'SOPs go in sop/<lang>/…/<slug>.md.';
      return { type: 'sop', lang, format, route: [folder.routePrefix, ...rest].join('/') };
    }
    case 'culture': {
      const [, lang, market, ...rest] = parts;
      if (!lang || !market || rest.length) return 'Culture guides go in culture/<lang>/<market>.md.';
      return { type: 'culture', lang, format, market, route: [folder.routePrefix, market].join('/') };
    }
  }
}

/** Whether a route path belongs to the agents' site only. */
export function isInternalRoute(route: string): boolean {
  const top = route.split('/')[0]!;
  return agentPages.has(top) || internalPrefixes.has(top);
}
/** The agents' own pages: the content health report and the answer desk. */
const agentPages = new Set(['health', 'answer']);
const internalPrefixes = new Set(contentTypes.filter((s) => s.internalOnly).map((s) => s.routePrefix));

/**
 * The pages every language has besides content entries, by route path: the ones routes.ts builds
 * (a test holds the two together). Links to them are valid without a content file behind them.
 */
export function pageRoutes(site: { markets: { id: string }[]; categories: { id: string }[] }, target: 'public' | 'internal'): string[] {
  return [
    '',
    'search',
    'markets',
    '404',
    ...site.markets.map((m) => `markets/${m.id}`),
    ...site.categories.map((c) => `help/${c.id}`),
    ...(target === 'internal' ? ['sop', 'health', 'answer'] : []),
  ];
}

/** The URL of a route in a language. */
export function urlFor(lang: string, route: string): string {
  return route ? `/${lang}/${route}/` : `/${lang}/`;
}

/** URL of a page's Markdown twin: the page's folder with `index.md` (`/de/help/returns/start-a-return/index.md`). */
export function markdownUrl(lang: string, route: string): string {
  return `${urlFor(lang, route)}index.md`;
}

/** A relative URL from one route to another in the same language (works on fallback pages too). */
export function relativeUrl(fromRoute: string, toRoute: string): string {
  const from = fromRoute ? fromRoute.split('/') : [];
  const to = toRoute ? toRoute.split('/') : [];
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const up = from.length - common;
  const rel = [...Array(up).fill('..'), ...to.slice(common)].join('/');
  return rel ? `${rel}/` : './';
}
