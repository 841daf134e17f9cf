/**
 * The answer desk's pure parts (the page is answer.ts): which of the site's languages a message is
 * written in, and a canned reply as text with fillable blanks. No DOM: unit tests run them as is.
 */
import { detectAll } from 'tinyld/light';

/**
 * The site language a message is written in, or undefined when it cannot tell. Only the site's
 * languages are candidates (a Chinese site language `zh-cn` is detected as `zh`); the detector
 * is tinyld's light model, a few dozen kilobytes, loaded with the desk only.
 */
export function detectLanguage(text: string, languages: readonly string[]): string | undefined {
  const primary = new Map<string, string>();
  for (const l of languages) {
    const p = l.split('-')[0]!;
    if (!primary.has(p)) primary.set(p, l);
  }
  const sample = text.trim();
  if (!sample) return undefined;
  const [best] = detectAll(sample, { only: [...primary.keys()] });
  return best ? primary.get(best.lang) : undefined;
}

/** A piece of a reply: text as written, or a blank the agent fills (`[order number]`). */
export type ReplyPiece = { text: string } | { blank: string };

/** `[name]` not followed by `(` (a link) and not escaped. */
const BLANK = /(?<!\\)\[([^[\]\n]{1,60})\](?!\()/g;
const LINK = /\[([^[\]\n]+)\]\(([^)\s]+)\)/g;

/**
 * A reply's Markdown (as the exports write it) as paragraphs of lines of pieces: hard line breaks
 * (`\` or two spaces at the end of a line) and soft ones both become line breaks, links become
 * "text (address)", Markdown escapes are removed, and every `[…]` is a blank.
 */
export function replyPieces(markdown: string): ReplyPiece[][][] {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((para) =>
      para
        .split(/(?:\\| {2,})?\n/)
        .map((line) => line.replace(LINK, '$1 ($2)'))
        .map((line) => {
          const pieces: ReplyPiece[] = [];
          let at = 0;
          for (const m of line.matchAll(BLANK)) {
            if (m.index > at) pieces.push({ text: unmark(line.slice(at, m.index)) });
            pieces.push({ blank: m[1]!.trim() });
            at = m.index + m[0].length;
          }
          if (at < line.length) pieces.push({ text: unmark(line.slice(at)) });
          return pieces;
        }),
    )
    .filter((p) => p.some((line) => line.length));
}

const unmark = (s: string) => s.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1').replace(/\*\*(.+?)\*\*/g, '$1');

/** The reply as plain text, blanks filled from `values` and left as `[name]` where empty. */
export function replyText(pieces: ReplyPiece[][][], values: (name: string) => string | undefined): string {
  return pieces
    .map((para) => para.map((line) => line.map((p) => ('text' in p ? p.text : values(p.blank)?.trim() || `[${p.blank}]`)).join('')).join('\n'))
    .join('\n\n');
}
