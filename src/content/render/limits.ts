/**
 * A cheap, linear look at a body before the expensive parse: how deeply its blocks nest.
 *
 * Parsing time is not linear in nesting. Sätteri (and the HTML re-parse it runs when Markdown
 * contains raw HTML) spends time per level per line, so a 200 KB file of block quotes or list
 * markers nested thousands deep took minutes before it failed, and 2,000 lines of 100-deep lists
 * next to one HTML tag took 23 s. No one writes help text nested more than a handful of levels,
 * so a file that nests deeper than `MAX_NESTING` is refused here, naming the line, in time
 * proportional to its size. docs/authoring.md documents the limit.
 *
 * Counted, per line, outside fenced code and inline code:
 * - block quote markers (`>`) and list markers (`-`, `*`, `+`, `1.`) that open a line, as in
 *   `> > - > x`;
 * - list nesting by indentation (a list item indented under another);
 * - open HTML or JSX tags (raw HTML in Markdown, components and tags in MDX), carried from line to
 *   line until they close. Void elements (`<br>`, `<img>`…), self-closing tags (`<Fact />`) and
 *   elements whose end tag HTML lets authors leave out (`<li>`, `<p>`, `<td>`…) do not count.
 * The nesting of a line is the sum. It is an estimate that errs on the generous side: it only
 * has to tell "deeper than any real page" from "real page". The same pass counts JSX blocks in
 * MDX (`MAX_MDX_BLOCKS`), the one shape found slow without any nesting.
 */

/** Deepest nesting a file may have: far above real content (the sample content nests 2 deep at most). */
export const MAX_NESTING = 32;

/**
 * Most block-level JSX elements an MDX file may have. The MDX parser's time grows with the square
 * of their number (1 MB of `<Callout>x</Callout>` blocks, 48,000 of them, took 36 s; 5,000 take
 * about 0.3 s). A long SOP has a few dozen.
 */
export const MAX_MDX_BLOCKS = 5000;

/** Where a body first goes over a limit, and a message saying which. */
export interface Excess {
  /** Line in the body (1-based). */
  line: number;
  message: string;
}

const voidTags = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// End tags HTML lets authors omit: `<ul><li>a<li>b` is two items, not two levels.
const optionalEnd = new Set(['li', 'p', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rt', 'rp', 'colgroup', 'caption']);

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isNameStart = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isNameChar = (c: string | undefined) => c !== undefined && (isNameStart(c) || (c >= '0' && c <= '9') || c === '-' || c === '.' || c === '_');

/**
 * The first line of `body` that nests deeper than `limit` or, in MDX, opens JSX block number
 * `MAX_MDX_BLOCKS + 1`; `undefined` if there is none. Linear in the length of `body`.
 */
export function checkLimits(body: string, format: 'md' | 'mdx' = 'md', limit = MAX_NESTING): Excess | undefined {
  const lines = body.split('\n');
  let blocksOpened = 0;
  // Content offsets of the open list items: an item indented at least that far is their child.
  const listOffsets: number[] = [];
  let fence: string | undefined;
  let html = 0;
  // State of the tag scanner that survives line ends: inside a tag (its name and quote), or a comment.
  let tag: { name: string; closing: boolean; quote?: string; atStart: boolean } | undefined;
  let comment = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    // Fenced code is text, whatever it contains.
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f && !tag && !comment) {
      if (!fence) fence = f[1]![0];
      else if (f[1]![0] === fence) fence = undefined;
      continue;
    }
    if (fence) continue;

    // Block containers at the start of the line: `>` and list markers.
    let i = 0;
    let indent = 0;
    while (isSpace(line[i])) indent += line[i++] === '\t' ? 4 : 1;
    let markers = 0;
    let listFirst = 0;
    // `- - -` and `***` are rules, not lists.
    const rule = /^ *([-*_])( *\1){2,} *$/.test(line);
    for (; !rule; ) {
      while (isSpace(line[i])) i++;
      if (line[i] === '>') {
        markers++;
        i++;
        continue;
      }
      const m = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(i, i + 11));
      if (!m) break;
      if (markers === 0) listFirst = m[0].length;
      markers++;
      i += m[0].length;
    }
    // Lists nest by indentation too: close the items this one is not indented under.
    if (listFirst) {
      while (listOffsets.length && indent < listOffsets.at(-1)!) listOffsets.pop();
      listOffsets.push(indent + listFirst + 1);
    } else if (markers === 0 && indent === 0 && line.trim() && !tag && !comment) {
      listOffsets.length = 0;
    }
    const blocks = listOffsets.length + markers - (listFirst ? 1 : 0);

    // Tags, from here to the end of the line (inline code left out).
    const text = line.slice(i);
    let deepestHtml = html;
    // Most lines hold no tag: nothing below can change for them.
    const spans = tag || comment || text.includes('<') ? codeSpans(text) : undefined;
    const first = text.length - text.trimStart().length;
    for (let j = 0; spans && j < text.length; j++) {
      const c = text[j]!;
      if (comment) {
        if (c === '-' && text.startsWith('-->', j)) {
          comment = false;
          j += 2;
        }
        continue;
      }
      if (tag) {
        if (tag.quote) {
          if (c === tag.quote) tag.quote = undefined;
        } else if (c === '"' || c === "'") {
          tag.quote = c;
        } else if (c === '>') {
          const selfClosing = text[j - 1] === '/';
          const name = tag.name.toLowerCase();
          if (tag.closing) html = Math.max(0, html - (voidTags.has(name) || optionalEnd.has(name) ? 0 : 1));
          else if (!selfClosing && !voidTags.has(name) && !optionalEnd.has(name)) {
            html++;
            if (format === 'mdx' && tag.atStart && ++blocksOpened > MAX_MDX_BLOCKS) {
              return { line: n + 1, message: `This is JSX block number ${blocksOpened}; an MDX file may have at most ${MAX_MDX_BLOCKS}.` };
            }
          }
          deepestHtml = Math.max(deepestHtml, html);
          tag = undefined;
        } else if (c === '<') {
          tag = undefined;
          j--;
        }
        continue;
      }
      if (c === '`') {
        // Inline code: skip to the end of the span, or past the backticks if it never closes.
        j = (spans!.get(j) ?? j + 1) - 1;
        continue;
      }
      if (c !== '<') continue;
      if (text.startsWith('<!--', j)) {
        comment = true;
        j += 3;
        continue;
      }
      const closing = text[j + 1] === '/';
      let k = j + (closing ? 2 : 1);
      if (!isNameStart(text[k])) continue;
      const start = k;
      while (isNameChar(text[k])) k++;
      // `<https://…>` and `<a@b.c>` are autolinks, not tags.
      if (k < text.length && !isSpace(text[k]) && text[k] !== '>' && text[k] !== '/') continue;
      tag = { name: text.slice(start, k), closing, atStart: j === first };
      j = k - 1;
    }
    // A tag left open at the end of the line continues on the next (attributes over several lines).
    if (tag) tag.quote = undefined;

    const depth = blocks + deepestHtml;
    if (depth > limit) {
      const what = blocks > limit ? 'Block quotes and lists' : deepestHtml > limit ? 'HTML tags' : 'Block quotes, lists and HTML tags';
      return { line: n + 1, message: `${what} nest ${depth} levels deep here; the limit is ${limit}.` };
    }
  }
  return undefined;
}

/**
 * Inline code on one line: for each run of backticks, where scanning resumes (after the run of
 * the same length that closes it, or after the run itself). One pass each way, so linear.
 */
function codeSpans(text: string): Map<number, number> {
  const runs: [number, number][] = [];
  for (let j = text.indexOf('`'); j >= 0; j = text.indexOf('`', j)) {
    let r = 1;
    while (text[j + r] === '`') r++;
    runs.push([j, r]);
    j += r;
  }
  const resume = new Map<number, number>();
  if (!runs.length) return resume;
  // Right to left: the next run of each length, then left to right, skipping closed spans.
  const next: (number | undefined)[] = [];
  const seen = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    next[k] = seen.get(runs[k]![1]);
    seen.set(runs[k]![1], k);
  }
  for (let k = 0; k < runs.length; ) {
    const [at, r] = runs[k]!;
    const close = next[k];
    if (close === undefined) {
      resume.set(at, at + r);
      k++;
    } else {
      resume.set(at, runs[close]![0] + r);
      k = close + 1;
    }
  }
  return resume;
}
