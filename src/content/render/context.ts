/** What a renderer and the MDX components need to know about the file being rendered. */
import type { Element, ElementContent, Root } from 'hast';
import type { Problem } from '../errors.ts';
import type { Translate } from '../../i18n/index.ts';
import type { SiteModel } from '../site.ts';

export type Target = 'public' | 'internal';

export interface RenderContext {
  /** Which site is being built; the public one never sees agent-only material. */
  target: Target;
  /** File path relative to the content root, for messages and links. */
  file: string;
  /** Route path of the page (see paths.ts), for relative links. */
  route: string;
  /** Language of the text being rendered. */
  lang: string;
  /** Market of a policy page, so `<Fact>` needs no `market=` there. */
  market?: string;
  site: SiteModel;
  /** UI strings in the text's language (labels such as "Agent note"). */
  t: Translate;
  /** Line in the file where the body starts, to turn body positions into file lines. */
  bodyLine: number;
  /** `false` to skip sanitizing and serializing (links and headings are still collected). */
  html?: boolean;
  /** Whether to collect question/answer pairs (`faq: true` articles). */
  faq?: boolean;
  /** Market facts the text shows, as `market:name`, collected while rendering (the exports list them). */
  cited?: Set<string>;
  /** The body text, to locate nodes whose position the parser could not keep. */
  source?: string;
  problems: Problem[];
}

/** A JSX element from MDX, as the parser gives it. */
export interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<{ type: string; name?: string; value?: unknown }>;
  children: ElementContent[];
  position?: { start: { line: number; column: number } };
}

/** Turns one JSX component into HTML nodes. Children are already rendered. */
export type Component = (node: JsxNode, ctx: RenderContext, attrs: Record<string, string>) => ElementContent | ElementContent[] | null;

export type { Element, ElementContent, Root };

/** File line of a node, given the body's first line. */
export function lineOf(node: { position?: { start: { line: number } } }, ctx: RenderContext): number | undefined {
  return node.position ? node.position.start.line + ctx.bodyLine - 1 : undefined;
}
