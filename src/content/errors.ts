/**
 * The catalogue of content errors. Each has a permanent name (safe to search for and to test
 * against), a title, and a hint that says what to do. Messages say what happened in this file.
 * Modelled on Astro's `errors-data.ts`.
 */

export const catalogue = {
  TooComplex: {
    title: 'File is too deeply nested to render',
    hint: 'Flatten the structure: quotes, lists and tags may nest at most 32 levels deep, far more than any readable page needs (see "Limits" in docs/authoring.md).',
  },
  RenderFailed: {
    title: 'Could not render this file',
    hint: 'This is a bug in Signpost or an unsupported construct: simplify the part at the line named (or what you changed last) and report it.',
  },
  FileTooLarge: { title: 'File is too large', hint: 'Split it into several articles; a help page over 1 MB is too long to read and slows every build.' },
  InvalidUtf8: { title: 'File is not valid UTF-8', hint: 'Save the file as UTF-8 (any editor offers it under "Save with encoding").' },
  YamlSyntax: {
    title: 'YAML syntax error',
    hint: 'Check indentation and quoting; a value that contains ": " or starts with a special character needs quotes.',
  },
  YamlAlias: { title: 'YAML aliases are not allowed', hint: 'Write the value out instead of using &anchor / *alias; aliases can expand into huge documents.' },
  FrontmatterEngine: {
    title: 'Frontmatter must be YAML',
    hint: 'Start the file with a line of three dashes (---), not ---js or ---coffee: frontmatter is data and is never run.',
  },
  FrontmatterMissing: { title: 'Frontmatter is missing', hint: 'Start the file with ---, then at least `title:` and `description:`, then ---.' },
  FrontmatterInvalid: { title: 'Frontmatter is invalid', hint: 'See docs/authoring.md for the keys each content type takes.' },
  UnknownKey: { title: 'Unknown frontmatter key', hint: 'Fix the spelling or remove the key; unknown keys are rejected so that a typo never hides a field.' },
  DataInvalid: { title: 'Site or market data is invalid', hint: 'See the "Market data" and "Site data" sections of docs/authoring.md.' },
  MarkdownSyntax: {
    title: 'Markdown/MDX could not be parsed',
    hint: 'Check the line named: an unclosed tag, a stray `<` or `{` (write \\< or \\{ in MDX), or JSX attributes without quotes.',
  },
  MdxCode: {
    title: 'Code in content is not allowed',
    hint: 'Content is never run: remove import/export lines and {…} expressions. Use the components listed in docs/authoring.md; {/* comments */} are fine.',
  },
  UnknownComponent: {
    title: 'Unknown component',
    hint: 'Only Signpost components can be used in MDX (Internal, Fact, Callout, Steps, Decision, Reply, Escalation).',
  },
  ComponentInvalid: { title: 'Component used incorrectly', hint: 'See the component reference in docs/authoring.md.' },
  InternalUnclosed: {
    title: '<Internal> is not closed',
    hint: 'Close every <Internal> with </Internal> on a line of its own, at the same indentation; otherwise agent-only text would run into the public page.',
  },
  InternalMisplaced: {
    title: '<Internal> is not written in the supported form',
    hint: 'Agent-only text goes between a line that holds only <Internal> and a line that holds only </Internal>, with the text on the lines between (not inside a paragraph, heading, table, link, code or attribute). To show the tag name as text, write &lt;Internal&gt;.',
  },
  HtmlNotAllowed: { title: 'HTML element not allowed', hint: 'Use Markdown, or the HTML elements listed in docs/authoring.md.' },
  BadPath: { title: 'File is in the wrong place', hint: 'See the content layout in docs/authoring.md.' },
  UnknownLanguage: {
    title: 'Unknown language',
    hint: 'Add the language to `languages` in site.yaml, or move the file to a folder named after a site language.',
  },
  UnknownMarket: { title: 'Unknown market', hint: 'Create markets/<market>.yaml for it, or use an existing market id.' },
  UnknownCategory: { title: 'Unknown category', hint: 'Add the category to `categories` in site.yaml, or move the article into an existing category folder.' },
  DuplicateSlug: { title: 'Two files have the same URL', hint: 'Rename or remove one of them (a .md and an .mdx with the same name count as the same page).' },
  BrokenLink: {
    title: 'Link leads nowhere',
    hint: 'Link to an existing file relative to this one, e.g. ../returns/start-a-return.md, or to a heading that exists.',
  },
  InternalLink: {
    title: 'Public page links to internal content',
    hint: 'Public pages cannot link to SOPs or culture guides; move the link into an <Internal> block or remove it.',
  },
  UnknownFact: { title: 'Unknown fact', hint: 'Add the fact under `facts:` in the market file, or fix its name.' },
  SymbolicLink: {
    title: 'Symbolic links are not followed',
    hint: 'Content is read, not followed: copy the file into place, or point CONTENT_DIR at the real folder.',
  },
  ControlCharacter: {
    title: 'File contains a control character',
    hint: 'Remove the character (editors can show it with "show invisibles"); only tab, line breaks and form feed are allowed in text.',
  },
  BidiControl: {
    title: 'Invisible text-direction control character',
    hint: 'Remove it: bidi override and isolate characters (U+202A–U+202E, U+2066–U+2069) can make text display differently from how it reads ("Trojan Source"). For right-to-left text, the marks U+200E and U+200F are allowed.',
  },
  LocaleInvalid: {
    title: 'UI strings file is invalid',
    hint: 'locales/<lang>.json is one flat JSON object of "key": "text" pairs. Keys are those of Signpost\'s locales/en.json, or fact.<name> and sop.area.<folder> for your own labels; keep every {{placeholder}} of the English text.',
  },
} as const;

export type ErrorCode = keyof typeof catalogue;

/** One problem found in the content, pointing at a file (relative to the content root). */
export interface Problem {
  code: ErrorCode;
  /** Path relative to the content root, with forward slashes. */
  file: string;
  line?: number;
  column?: number;
  /** What is wrong in this file, in one or two sentences. */
  message: string;
  /** What to do; defaults to the catalogue hint. */
  hint?: string;
  /** The frontmatter or data field it is about, as a dotted path (`owner`, `facts.vat_rate.value`). */
  field?: string;
  /** What is wrong with that field: it is missing, it is not a known key, or its value is invalid. */
  issue?: 'missing' | 'unknown' | 'invalid';
  /** What the field should hold, when the schema says (`string`, `array`). */
  expected?: string;
  /** `warning`: reported, but the site is built (a broken link under `links: warn`). Absent: an error. */
  severity?: 'warning';
}

/** Where a problem is, and what it is about when it concerns one field. */
export interface ProblemDetails {
  line?: number;
  column?: number;
  hint?: string;
  field?: string;
  issue?: Problem['issue'];
  expected?: string;
}

/** Builds a problem with the catalogue's hint unless a more specific one is given. */
export function problem(code: ErrorCode, file: string, message: string, at: ProblemDetails = {}): Problem {
  const p: Problem = { code, file, message, line: at.line, column: at.column, hint: at.hint ?? catalogue[code].hint };
  if (at.field !== undefined) p.field = at.field;
  if (at.issue !== undefined) p.issue = at.issue;
  if (at.expected !== undefined) p.expected = at.expected;
  return p;
}

/** Characters escaped in excerpts besides what JSON escapes: C1 controls, line separators, bidi controls. */
const invisible = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const escapeInvisible = (s: string) => s.replace(invisible, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * A value from a file as it may appear in a message: quoted and escaped like JSON (newlines and
 * control characters as \n, \u0000…) and cut to `max` characters. Messages go to public CI logs;
 * a data file that is really some other file (a key, a password list) must not be copied there,
 * so no message embeds more of a file than this.
 */
export function excerpt(value: unknown, max = 60): string {
  if (typeof value !== 'string') {
    if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
    return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : typeof value;
  }
  const chars = [...value];
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : value;
  return escapeInvisible(JSON.stringify(cut));
}

/**
 * A parser's own message, which may quote the file (a tag, an alias name, a token): its first
 * line, control characters escaped, cut to `max` characters.
 */
export function clipMessage(message: string, max = 120): string {
  const line = message.split('\n')[0]!;
  const chars = [...line];
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : line;
  return escapeInvisible(JSON.stringify(cut).slice(1, -1).replace(/\\"/g, '"'));
}

/** A path as it may appear in a report: as is when plain, quoted and escaped when it holds control or bidi characters. */
export function safePath(file: string): string {
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(file) ? escapeInvisible(JSON.stringify(file)) : file;
}

/** Renders problems as a readable report: `file:line  Name` then message and hint. */
export function formatProblems(problems: readonly Problem[], rootLabel = ''): string {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const lines = sorted.map((p) => {
    const where = `${rootLabel}${safePath(p.file)}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}`;
    return `${where}  ${p.code} (${catalogue[p.code].title})${p.severity === 'warning' ? ', warning' : ''}\n  ${p.message}\n  Hint: ${p.hint ?? catalogue[p.code].hint}`;
  });
  const files = new Set(problems.map((p) => p.file)).size;
  const what = problems.every((p) => p.severity === 'warning') ? 'Warnings' : 'Problems';
  return `${lines.join('\n\n')}\n\n${what}: ${problems.length}; files affected: ${files}.`;
}

/** Thrown when content has problems; carries all of them so one run reports every broken file. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[], rootLabel = '') {
    super(`Content has problems:\n\n${formatProblems(problems, rootLabel)}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** The closest candidate to `word` by edit distance, if it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  // Short words (language and market codes) only count as typos one letter off.
  const limit = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
