/**
 * The wall, checked on the output: defence in depth behind the renderer.
 *
 * The public build never loads agent-only material. This check does not trust that: it reads every
 * piece of internal text the content root holds (SOPs, culture guides, the lines of `<Internal>`
 * blocks), as plain text for this check only, and looks for any run of it in every file of the
 * public site, search index decompressed. A run is `RUN` consecutive words (or CJK characters):
 * long enough to be meaningful, short enough to catch a sentence. Runs that the public sources
 * also contain (an SOP quoting a policy, a reply repeating a help article, UI strings) are not
 * secret and are left out first, so the check only fails on text that exists nowhere public.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { contentFolders } from '../content/paths.ts';
import { findInternalBlocks } from '../content/render/internal-blocks.ts';
import { projectRoot } from '../content/root.ts';

/**
 * How long a run must be to count: this many words, where a CJK character counts half (16
 * characters), since CJK text has no spaces between words.
 */
export const RUN = 8;

/** Internal text found in a public file. */
export interface Leak {
  /** Content file (relative to the content root) the text comes from. */
  source: string;
  /** Public file (relative to the site folder) it was found in. */
  file: string;
  /** The run found, as words, shortened. */
  excerpt: string;
}

// Tokens: a word (letters, digits, marks: anything that is not space or punctuation, which here
// is ASCII, Latin-1, general, CJK and Arabic punctuation), or one CJK ideograph, kana or hangul.
// Text is read one UTF-16 unit at a time through a table of classes, hashing tokens as it goes: no
// regular expression and no string per token, since a large site is hundreds of megabytes.
const SEPARATOR = 0;
const LETTER = 1;
const CJK = 2;
const DIGIT = 3;
const classes = new Uint8Array(0x10000);
{
  const cjk = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]/;
  const punct = /[\s!-\/:-@\[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\uff00-\uff65\u060c\u061b\u061f\u066a-\u066d\u06d4]/;
  // ASCII, Arabic-Indic and Persian digits: a token with one is a number.
  const digit = /[0-9\u0660-\u0669\u06f0-\u06f9]/;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    classes[c] = cjk.test(ch) ? CJK : punct.test(ch) ? SEPARATOR : digit.test(ch) ? DIGIT : LETTER;
  }
}

/** The tokens of the last text read by `tokenize`: hash (0 for a number), start, end, CJK or not. */
let tokHash = new Int32Array(4096);
let tokStart = new Int32Array(4096);
let tokEnd = new Int32Array(4096);
let tokCjk = new Uint8Array(4096);

function grow(n: number): void {
  if (n < tokHash.length) return;
  const size = n * 2;
  const copy = <T extends Int32Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
  tokHash = copy(tokHash, new Int32Array(size));
  tokStart = copy(tokStart, new Int32Array(size));
  tokEnd = copy(tokEnd, new Int32Array(size));
  tokCjk = copy(tokCjk, new Uint8Array(size));
}

/** Reads the tokens of lower-case `s` into the tok* arrays; returns how many. */
function tokenize(s: string): number {
  let n = 0;
  let start = -1;
  let h = 0;
  let number = false;
  const len = s.length;
  for (let k = 0; k <= len; k++) {
    const code = k < len ? s.charCodeAt(k) : 32;
    const cls = classes[code]!;
    if (cls === LETTER || cls === DIGIT) {
      if (start < 0) {
        start = k;
        h = 0x811c9dc5;
        number = false;
      }
      h = Math.imul(h ^ code, 0x01000193);
      if (cls === DIGIT) number = true;
      continue;
    }
    if (start >= 0) {
      grow(n + 2);
      tokHash[n] = number ? 0 : h | 1;
      tokStart[n] = start;
      tokEnd[n] = k;
      tokCjk[n++] = 0;
      start = -1;
    }
    if (cls === CJK) {
      grow(n + 1);
      tokHash[n] = Math.imul(0x811c9dc5 ^ code, 0x01000193) | 1;
      tokStart[n] = k;
      tokEnd[n] = k + 1;
      tokCjk[n++] = 1;
    }
  }
  return n;
}

/** The text as a list of lower-case tokens; markup and punctuation only separate them. */
export function tokens(text: string): string[] {
  const s = text.toLowerCase();
  const n = tokenize(s);
  return Array.from({ length: n }, (_, i) => s.slice(tokStart[i]!, tokEnd[i]!));
}

/** Source text as a reader sees it: no component tags, no link targets. */
const readable = (source: string) => source.replace(/<[^>\n]*>/g, ' ').replace(/\]\([^)\n]*\)/g, ' ');

const P = 0x01000193;
/** Reused between calls: the token ids, prefix hashes and powers of one text. */
let ids = new Int32Array(4096);
let prefix = new Int32Array(4097);
let power = new Int32Array(4097);

/**
 * Internal runs, each with the file it comes from. Runs are found by a rolling hash over token
 * hashes (mod 2^32, with Math.imul) and confirmed by their text, so a page is read in one pass.
 *
 * Only tokens of internal text count. A token that no secret uses, or any number (prices and
 * dates on a page come from market facts and formatting, which no source text spells the same
 * way), ends a run, so most public text is passed over token by token.
 */
export class Secrets {
  readonly runs = new Map<string, string>();
  private readonly vocabulary = new Set<number>();
  private readonly hashes = new Set<number>();

  add(source: string, text: string): void {
    const s = readable(text).toLowerCase();
    const n = tokenize(s);
    for (let k = 0; k < n; k++) if (tokHash[k] !== 0) this.vocabulary.add(tokHash[k]!);
    this.scan(s, n, (key, hash) => {
      if (!this.runs.has(key)) this.runs.set(key, source);
      this.hashes.add(hash);
      return false;
    }, true);
  }

  /** Forgets every run that `text` contains: it is public anyway. */
  forgetPublic(text: string): void {
    const s = readable(text).toLowerCase();
    this.scan(s, tokenize(s), (key) => {
      this.runs.delete(key);
      return false;
    });
  }

  /** The first secret run in any of the (lower-case) segments, if any. Runs never cross segments. */
  find(segments: readonly string[]): { key: string; source: string } | undefined {
    let found: { key: string; source: string } | undefined;
    for (const segment of segments) {
      // Too short to hold a run (eight words, or sixteen CJK characters).
      if (segment.length < 16) continue;
      this.scan(segment, tokenize(segment), (key) => {
        const source = this.runs.get(key);
        if (source !== undefined) found = { key, source };
        return found !== undefined;
      });
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Visits the runs among the `n` tokens just read from `s` whose hash is a secret run's (every
   * run when `all`), until `visit` returns true.
   */
  private scan(s: string, n: number, visit: (key: string, hash: number) => boolean, all = false): void {
    if (ids.length < n) {
      ids = new Int32Array(n * 2);
      prefix = new Int32Array(n * 2 + 1);
      power = new Int32Array(n * 2 + 1);
    }
    for (let k = 0; k < n; k++) ids[k] = tokHash[k] !== 0 && this.vocabulary.has(tokHash[k]!) ? tokHash[k]! : 0;
    // prefix[k] = hash of ids[0..k); hash(i, j) = prefix[j] - prefix[i] * P^(j-i)  (mod 2^32).
    power[0] = 1;
    prefix[0] = 0;
    for (let k = 0; k < n; k++) {
      prefix[k + 1] = (Math.imul(prefix[k]!, P) + ids[k]!) | 0;
      power[k + 1] = Math.imul(power[k]!, P);
    }
    // Two pointers: for each start i, j is the first end at which the run weighs RUN (a CJK
    // character weighs half a word).
    let j = 0;
    let weight = 0;
    for (let i = 0; i < n; i++) {
      if (ids[i] === 0) {
        j = i + 1;
        weight = 0;
        continue;
      }
      if (j < i) {
        j = i;
        weight = 0;
      }
      while (j < n && weight < RUN && ids[j] !== 0) weight += tokCjk[j++] ? 0.5 : 1;
      if (weight < RUN) {
        // A token that cannot be in a run (or the end) comes first: no run starts before it.
        i = j;
        j = i + 1;
        weight = 0;
        continue;
      }
      const hash = (prefix[j]! - Math.imul(prefix[i]!, power[j - i]!)) | 0;
      if (all || this.hashes.has(hash)) {
        let key = s.slice(tokStart[i]!, tokEnd[i]!);
        for (let k = i + 1; k < j; k++) key += ` ${s.slice(tokStart[k]!, tokEnd[k]!)}`;
        if (visit(key, hash)) return;
      }
      weight -= tokCjk[i] ? 0.5 : 1;
    }
  }
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/**
 * Every piece of internal text in a content root, minus what its public sources say too. Read as
 * text, never through the loader or the renderer.
 */
export function collectSecrets(root: string): Secrets {
  const secrets = new Secrets();
  const publicTexts: string[] = [];
  for (const [folder, { internalOnly }] of Object.entries(contentFolders)) {
    for (const file of walk(path.join(root, folder))) {
      if (!/\.mdx?$/i.test(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      if (internalOnly) {
        secrets.add(rel(root, file), text);
        continue;
      }
      const { blocks } = findInternalBlocks(text);
      const lines = text.split('\n');
      for (const b of blocks) {
        secrets.add(rel(root, file), lines.slice(b.open, b.close - 1).join('\n'));
        for (let i = b.open - 1; i < b.close; i++) lines[i] = '';
      }
      publicTexts.push(lines.join('\n'));
    }
  }
  // What the public site may show besides its pages: site and market data, UI strings.
  const data = [path.join(root, 'site.yaml'), ...walk(path.join(root, 'markets')), ...walk(path.join(root, 'locales')), ...walk(path.join(projectRoot, 'locales'))];
  for (const file of data) if (/\.(ya?ml|json)$/.test(file) && fs.existsSync(file)) publicTexts.push(fs.readFileSync(file, 'utf8'));
  for (const text of publicTexts) secrets.forgetPublic(text);
  return secrets;
}

// Binary files, and Pagefind's word index (`.pf_index`: single stemmed words, never text in
// order, so it cannot hold a run; its words are checked by the canary tests) and its WebAssembly.
const binary = /\.(png|jpe?g|gif|webp|avif|ico|svg|woff2?|ttf|otf|wasm|pdf|zip|pagefind|pf_index)$/i;

/** Tags that do not end a block of text: runs may go through them. */
const INLINE_TAG = /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)\b[^>]*>/gi;
const ATTRIBUTE = /=\s*(?:"([^"]*)"|'([^']*)')/g;
const decode = (s: string) =>
  s.includes('&#') ? s.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))) : s;

/**
 * A public file as lower-case segments of text that runs may not cross, so that a list of titles or a menu
 * cannot make up a run that no page says. HTML breaks at block elements, and the values of its
 * attributes (alt, title, content…) are segments of their own; JSON breaks between string values;
 * other text (Pagefind's records, decompressed; sitemaps; robots.txt) at sentence ends and blank
 * lines.
 */
function segmentsOf(file: string): string[] {
  let buf = fs.readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = zlib.gunzipSync(buf);
  const text = buf.toString('utf8').toLowerCase();
  if (/\.html?$/i.test(file)) {
    const out: string[] = [];
    for (const m of text.matchAll(ATTRIBUTE)) out.push(decode(m[1] ?? m[2]!));
    for (const part of text.replace(INLINE_TAG, ' ').split(/<[^>]*>/)) out.push(decode(part));
    return out;
  }
  if (/\.json$/i.test(file)) {
    try {
      const strings: string[] = [];
      JSON.parse(text, (_key, value: unknown) => {
        if (typeof value === 'string') strings.push(value);
        return value;
      });
      return strings;
    } catch {
      // Not JSON after all: read it as text.
    }
  }
  return text.split(/\n\s*\n|[.!?。！？](?:\s|$)|\\n|"\s*[,:}\]]/);
}

/** Scans every file of a built site for internal text; returns what leaked, one entry per file. */
export function scanForLeaks(secrets: Secrets, siteDir: string): Leak[] {
  const leaks: Leak[] = [];
  if (!secrets.runs.size) return leaks;
  for (const file of walk(siteDir)) {
    if (binary.test(file)) continue;
    const hit = secrets.find(segmentsOf(file));
    if (hit) leaks.push({ source: hit.source, file: rel(siteDir, file), excerpt: excerpt(hit.key) });
  }
  return leaks;
}

const excerpt = (key: string) => JSON.stringify(key.length > 60 ? `${key.slice(0, 57)}…` : key);

/** Checks a built public site against a content root; throws a readable error on any leak. */
export function checkWall(root: string, siteDir: string): { runs: number; files: number } {
  const secrets = collectSecrets(root);
  const leaks = scanForLeaks(secrets, siteDir);
  if (leaks.length) {
    const list = leaks.slice(0, 20).map((l) => `  ${l.file}: text from ${l.source}, ${l.excerpt}`);
    const more = leaks.length > 20 ? [`  …and ${leaks.length - 20} more files.`] : [];
    throw new Error(`Agent-only text was found in the public site:\n${[...list, ...more].join('\n')}\nThese words appear in no public content file, so they reached the page some other way. Nothing was published; please report this with the files named.`);
  }
  return { runs: secrets.runs.size, files: walk(siteDir).length };
}
