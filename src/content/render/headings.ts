/** Heading ids (GitHub-style slugs, unique per page) and the table of contents. */
import GithubSlugger from 'github-slugger';
import { toString as textOf } from 'hast-util-to-string';
import type { Element, Root } from 'hast';

export interface Heading {
  depth: number;
  id: string;
  text: string;
  /** Whether it belongs in the table of contents (a `##` or `###` at the top level of the page). */
  toc: boolean;
}

/**
 * Ids that the page layout itself uses (src/components, src/layouts; a test holds this list to
 * them). A heading never takes one: "## Main" gets `main-1`, so it cannot hijack the skip link or
 * a labelled region.
 */
export const layoutIds = [
  'main',
  'message',
  'message-hint',
  'answer-procedures',
  'answer-articles',
  'answer-data',
  'q',
  'header-q',
  'home-q',
  'header-q-list',
  'home-q-list',
  'search-data',
  'search-empty-title',
  'toc-title',
  'sources-title',
  'related-title',
  'feedback-thanks',
  'searches-title',
  'weekly-title',
  'facts-title',
  'policies-title',
  'popular-title',
  'categories-title',
  'general-title',
  'market-context-title',
  'matrix-title',
  'overdue-title',
  'soon-title',
];

/** A slugger for one page's heading ids, with the layout's ids already taken. */
export function headingSlugger(site: { marketById: ReadonlyMap<string, unknown> }): GithubSlugger {
  // Called for every page: slug the reserved ids once per site, then copy what the slugger
  // records of them (its `occurrences`, the state github-slugger keeps) into each new one.
  let taken = reserved.get(site.marketById);
  if (!taken) {
    const seed = new GithubSlugger();
    for (const id of layoutIds) seed.slug(id);
    for (const market of site.marketById.keys()) seed.slug(`contact-${market}`);
    taken = seed.occurrences;
    reserved.set(site.marketById, taken);
  }
  const slugger = new GithubSlugger();
  Object.assign(slugger.occurrences, taken);
  return slugger;
}
const reserved = new WeakMap<object, Record<string, number>>();

/** Gives every heading an id and returns them in document order. */
export function collectHeadings(tree: Root, site: { marketById: ReadonlyMap<string, unknown> }): Heading[] {
  const slugger = headingSlugger(site);
  const out: Heading[] = [];
  const walk = (node: Root | Element, topLevel: boolean) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const m = /^h([1-6])$/.exec(child.tagName);
      if (m) {
        const text = textOf(child).trim();
        const id = slugger.slug(text || 'section');
        child.properties = { ...child.properties, id };
        const depth = Number(m[1]);
        out.push({ depth, id, text, toc: topLevel && (depth === 2 || depth === 3) });
      } else {
        walk(child, false);
      }
    }
  };
  walk(tree, true);
  return out;
}
