/** Heading ids (GitHub-style slugs, unique per page) and the table of contents. */
import GithubSlugger from 'github-slugger';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';

export interface Heading {
  depth: number;
  id: string;
  text: string;
  /** Whether it belongs in the table of contents (a `##` or `###` at the top level of the page). */
  toc: boolean;
}

/** Gives every heading an id and returns them in document order. */
export function collectHeadings(tree: Root): Heading[] {
  const slugger = new GithubSlugger();
  const out: Heading[] = [];
  const walk = (node: Root | Element, topLevel: boolean) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const m = /^h([1-6])$/.exec(child.tagName);
      if (m) {
        const text = toString(child).trim();
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
