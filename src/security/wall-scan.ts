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
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { contentTypes } from '../content/types.ts';
import { walkFiles } from '../content/tree.ts';
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
// Text is read in one pass, one UTF-16 unit at a time through a table of classes, hashing tokens
// as it goes: no regular expression, no string per token or per piece of text, since a large site
// is hundreds of megabytes.
const SEPARATOR = 0;
const LETTER = 1;
const CJK = 2;
const DIGIT = 3;
/** Ends a sentence when followed by white space: runs of source text stay within a sentence. */
const STOP = 4;
const classes = new Uint8Array(0x10000);
{
  const cjk = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]/;
  const stop = /[.!?\u3002\uff01\uff1f\u061f\u06d4]/;
  const punct = /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\uff00-\uff65\u060c\u061b\u061f\u066a-\u066d\u06d4]/;
  // ASCII, Arabic-Indic and Persian digits: a token with one is a number.
  const digit = /[0-9\u0660-\u0669\u06f0-\u06f9]/;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    classes[c] = cjk.test(ch) ? CJK : stop.test(ch) ? STOP : punct.test(ch) ? SEPARATOR : digit.test(ch) ? DIGIT : LETTER;
  }
}

/**
 * The tokens of the last text read: hash (0 for a break: a number, or the edge of a block of
 * text, which no run crosses), start offset, CJK or not.
 */
let tokHash = new Int32Array(1 << 16);
let tokStart = new Int32Array(1 << 16);
let tokCjk = new Uint8Array(1 << 16);
let count = 0;

function push(hash: number, start: number, cjk: number): void {
  if (count === tokHash.length) {
    const grow = <T extends Int32Array | Uint8Array>(a: T, b: T) => {
      b.set(a);
      return b;
    };
    tokHash = grow(tokHash, new Int32Array(count * 2));
    tokStart = grow(tokStart, new Int32Array(count * 2));
    tokCjk = grow(tokCjk, new Uint8Array(count * 2));
  }
  // Two breaks in a row are one.
  if (hash === 0 && count > 0 && tokHash[count - 1] === 0) return;
  tokHash[count] = hash;
  tokStart[count] = start;
  tokCjk[count++] = cjk;
}

/** Tags that do not end a block of text: runs may go through them. */
const inlineTags = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

/**
 * Reads lower-case `s` into tokens. As `html`, tags end blocks of text (inline ones do not), the
 * quoted values of attributes (alt, title, content…) and comments are blocks of their own, and
 * numeric character references are read as the character. As text (sources, Pagefind records,
 * JSON, sitemaps), blocks end at sentence ends, blank lines, quotes and `\n` escapes. One loop,
 * no closures: this is the hot path of the scan.
 */
function tokenize(s: string, html: boolean): number {
  count = 0;
  let start = -1;
  let h = 0;
  let number = false;
  /** Inside a tag: 0 outside, 1 between attributes, or the quote of the value being read. */
  let tag = 0;
  /** Inside a comment: its end. */
  let commentEnd = -1;
  const len = s.length;
  for (let k = 0; k < len; k++) {
    let code = s.charCodeAt(k);
    const at = k;
    if (html) {
      if (k === commentEnd) {
        if (start >= 0) push(number ? 0 : h | 1, start, 0);
        start = -1;
        push(0, k, 0);
        commentEnd = -1;
        k += 2;
        continue;
      }
      if (tag === 1) {
        // Between attributes: skip to the end of the tag or the next quoted value.
        while (code !== 62 /* > */ && code !== 34 && code !== 39 && k < len) code = s.charCodeAt(++k);
        if (code === 62) tag = 0;
        else if (k < len) {
          push(0, k, 0);
          tag = code;
        }
        continue;
      }
      if (tag !== 0 && code === tag) {
        if (start >= 0) push(number ? 0 : h | 1, start, 0);
        start = -1;
        push(0, k, 0);
        tag = 1;
        continue;
      }
      if (tag === 0 && commentEnd < 0 && code === 60 /* < */) {
        if (start >= 0) push(number ? 0 : h | 1, start, 0);
        start = -1;
        push(0, k, 0);
        if (s.startsWith('!--', k + 1)) {
          // A comment is a block of its own, read as text.
          const close = s.indexOf('-->', k + 4);
          commentEnd = close < 0 ? len : close;
          k += 3;
          continue;
        }
        let n = k + 1;
        if (s.charCodeAt(n) === 47 /* / */) n++;
        const nameStart = n;
        for (let c = s.charCodeAt(n); (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45; c = s.charCodeAt(++n));
        // An inline tag does not end the block: take back the break just pushed.
        if (inlineTags.has(s.slice(nameStart, n)) && tokHash[count - 1] === 0 && tokStart[count - 1] === k) count--;
        tag = 1;
        k = n - 1;
        continue;
      }
      if (code === 38 /* & */ && s.charCodeAt(k + 1) === 35 /* # */) {
        const semi = s.indexOf(';', k);
        if (semi > k && semi - k <= 10) {
          const hex = s.charCodeAt(k + 2) === 120 /* x */;
          const cp = parseInt(s.slice(k + (hex ? 3 : 2), semi), hex ? 16 : 10);
          code = Number.isNaN(cp) || cp > 0xffff ? 32 : cp;
          k = semi;
        }
      }
    } else {
      const next = k + 1 < len ? s.charCodeAt(k + 1) : 32;
      if (
        (classes[code] === STOP && (next === 32 || next === 10 || next === 9 || next === 13 || next === 0xa0 || next === 0x3000)) ||
        code === 34 ||
        (code === 10 && next === 10)
      ) {
        if (start >= 0) push(number ? 0 : h | 1, start, 0);
        start = -1;
        push(0, k, 0);
        continue;
      }
      if (code === 92 /* \ */ && k + 1 < len) {
        // JSON escapes: \uXXXX is the character; \n, \r, \t end a block; \" \\ \/ separate.
        const cp = next === 117 /* u */ ? parseInt(s.slice(k + 2, k + 6), 16) : NaN;
        if (!Number.isNaN(cp)) {
          code = cp;
          k += 5;
        } else {
          if (start >= 0) push(number ? 0 : h | 1, start, 0);
          start = -1;
          if (next === 110 || next === 114 || next === 116) push(0, k, 0);
          k++;
          continue;
        }
      }
    }
    const cls = classes[code]!;
    if (cls === LETTER || cls === DIGIT) {
      if (start < 0) {
        start = at;
        h = 0x811c9dc5;
        number = false;
      }
      h = Math.imul(h ^ code, 0x01000193);
      if (cls === DIGIT) number = true;
      continue;
    }
    if (start >= 0) push(number ? 0 : h | 1, start, 0);
    start = -1;
    if (cls === CJK) push(Math.imul(0x811c9dc5 ^ code, 0x01000193) | 1, at, 1);
  }
  if (start >= 0) push(number ? 0 : h | 1, start, 0);
  return count;
}

/**
 * The text as the scan sees it: lower-case words, with `·` where a run must stop (a number, the
 * edge of a block of text). For tests and for explaining a finding.
 */
export function tokens(text: string, html = false): string[] {
  const s = text.toLowerCase();
  const n = tokenize(s, html);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (tokHash[i] === 0) out.push('·');
    else if (tokCjk[i]) out.push(s[tokStart[i]!]!);
    else {
      let e = tokStart[i]! + 1;
      while (e < s.length && classes[s.charCodeAt(e)] === LETTER) e++;
      out.push(s.slice(tokStart[i]!, e));
    }
  }
  return out;
}

/**
 * Source text as a reader sees it: no link targets, and of each tag only its quoted attribute
 * values, each a block of its own (`<Reply title="…">`, `<Decision if="…">` print those).
 */
const readable = (source: string) =>
  source.replace(/<[^>\n]*>/g, (tag) => ` "${[...tag.matchAll(/"([^"\n]*)"/g)].map((m) => m[1]).join('" "')}" `).replace(/\]\([^)\n]*\)/g, ' ');

const P = 0x01000193;
/** P^n for every length a run can have (at most 2 × RUN tokens, all CJK). */
const POWER = new Int32Array(2 * RUN + 1);
POWER[0] = 1;
for (let n = 1; n < POWER.length; n++) POWER[n] = Math.imul(POWER[n - 1]!, P);
/** Reused between calls: prefix hashes of one text. */
let prefix = new Int32Array(1 << 16);

/**
 * A set of 32-bit integers in one typed array (open addressing): the scan asks it once per token
 * and once per window, several times faster than a `Set<number>`.
 */
class IntSet {
  private keys = new Int32Array(1 << 12);
  private size = 0;
  private zero = false;

  add(key: number): void {
    if (key === 0) {
      this.zero = true;
      return;
    }
    if (this.size * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (this.keys[i] !== 0) {
      if (this.keys[i] === key) return;
      i = (i + 1) & mask;
    }
    this.keys[i] = key;
    this.size++;
  }

  has(key: number): boolean {
    if (key === 0) return this.zero;
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const v = keys[i];
      if (v === key) return true;
      if (v === 0) return false;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Int32Array(old.length * 2);
    this.size = 0;
    for (const k of old) if (k !== 0) this.add(k);
  }
}

/** A secret run: where it comes from, its words, and its tokens' hashes to confirm a match. */
interface Run {
  source: string;
  text: string;
  tokens: Int32Array;
}

/**
 * Internal runs, by their rolling hash over token hashes (mod 2^32, with Math.imul); a match is
 * confirmed token by token, so a page is read in one pass and no string is made for it.
 *
 * Only tokens of internal text count. A token that no secret uses, or any number (prices and
 * dates on a page come from market facts and formatting, which no source text spells the same
 * way), ends a run, so most public text is passed over token by token.
 */
export class Secrets {
  private readonly byHash = new Map<number, Run[]>();
  /** Hashes of runs ever added (a run forgotten later stays: `byHash` confirms). */
  private readonly runHashes = new IntSet();
  private readonly vocabulary = new IntSet();
  private size = 0;

  /** How many runs of internal text there are. */
  get runs(): number {
    return this.size;
  }

  add(source: string, text: string): void {
    const s = readable(text).toLowerCase();
    const n = tokenize(s, false);
    for (let k = 0; k < n; k++) if (tokHash[k] !== 0) this.vocabulary.add(tokHash[k]!);
    this.scan(
      n,
      (i, j, hash) => {
        const list = this.byHash.get(hash) ?? [];
        if (list.some((r) => same(r.tokens, i, j))) return false;
        if (!list.length) this.byHash.set(hash, list);
        list.push({ source, text: words(s, i, j), tokens: tokHash.slice(i, j) });
        this.runHashes.add(hash);
        this.size++;
        return false;
      },
      true,
    );
  }

  /** Forgets every run that `text` contains: it is public anyway. */
  forgetPublic(text: string): void {
    const s = readable(text).toLowerCase();
    this.scan(tokenize(s, false), (i, j, hash) => {
      const list = this.byHash.get(hash)!;
      const at = list.findIndex((r) => same(r.tokens, i, j));
      if (at >= 0) {
        list.splice(at, 1);
        this.size--;
        if (!list.length) this.byHash.delete(hash);
      }
      return false;
    });
  }

  /** The first secret run in `text` (HTML or not), if any. */
  find(text: string, html: boolean): Run | undefined {
    let found: Run | undefined;
    this.scan(tokenize(text.toLowerCase(), html), (i, j, hash) => {
      found = this.byHash.get(hash)!.find((r) => same(r.tokens, i, j));
      return found !== undefined;
    });
    return found;
  }

  /**
   * Visits the runs among the `n` tokens just read whose hash is a secret run's (every run when
   * `all`), until `visit` returns true.
   */
  private scan(n: number, visit: (i: number, j: number, hash: number) => boolean, all = false): void {
    if (prefix.length <= n) prefix = new Int32Array(n * 2 + 1);
    // Tokens outside the vocabulary become breaks (0). prefix[k] = hash of tokens [0..k);
    // hash(i, j) = prefix[j] - prefix[i] * P^(j-i)  (mod 2^32).
    const vocabulary = this.vocabulary;
    const runHashes = this.runHashes;
    prefix[0] = 0;
    for (let k = 0; k < n; k++) {
      let t = tokHash[k]!;
      if (t !== 0 && !all && !vocabulary.has(t)) tokHash[k] = t = 0;
      prefix[k + 1] = (Math.imul(prefix[k]!, P) + t) | 0;
    }
    // Two pointers: for each start i, j is the first end at which the run weighs RUN (a CJK
    // character weighs half a word).
    let j = 0;
    let weight = 0;
    for (let i = 0; i < n; i++) {
      if (tokHash[i] === 0) {
        j = i + 1;
        weight = 0;
        continue;
      }
      if (j < i) {
        j = i;
        weight = 0;
      }
      while (j < n && weight < RUN && tokHash[j] !== 0) weight += tokCjk[j++] ? 0.5 : 1;
      if (weight < RUN) {
        // A break (or the end) comes first: no run starts before it.
        i = j;
        j = i + 1;
        weight = 0;
        continue;
      }
      const hash = (prefix[j]! - Math.imul(prefix[i]!, POWER[j - i]!)) | 0;
      if ((all || (runHashes.has(hash) && this.byHash.has(hash))) && visit(i, j, hash)) return;
      weight -= tokCjk[i] ? 0.5 : 1;
    }
  }
}

/** Whether tokens [i..j) just read are `run`. */
function same(run: Int32Array, i: number, j: number): boolean {
  if (run.length !== j - i) return false;
  for (let k = 0; k < run.length; k++) if (run[k] !== tokHash[i + k]) return false;
  return true;
}

/** The words of tokens [i..j) of `s`, for messages. */
function words(s: string, i: number, j: number): string {
  const end = j < count ? tokStart[j]! : s.length;
  return s
    .slice(tokStart[i]!, end)
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
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
  const publicFiles: string[] = [];
  /** A public source's text with its `<Internal>` blocks blanked out, after adding each block to the secrets when `add`. */
  const publicText = (file: string, add: boolean) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const { blocks } = findInternalBlocks(text);
    if (!blocks.length) return text;
    const lines = text.split('\n');
    for (const b of blocks) {
      if (add) secrets.add(file, lines.slice(b.open, b.close - 1).join('\n'));
      for (let i = b.open - 1; i < b.close; i++) lines[i] = '';
    }
    return lines.join('\n');
  };
  // First every secret, then what public text says anyway. The public sources are read twice, one
  // at a time, rather than held: at 100,000 pages they are over a gigabyte of text.
  // The loader's walk: it never follows a link (the build has already refused any).
  for (const { folder, internalOnly } of contentTypes) {
    for (const file of walkFiles(root, folder, [])) {
      if (!/\.mdx?$/i.test(file)) continue;
      if (internalOnly) secrets.add(file, fs.readFileSync(path.join(root, file), 'utf8'));
      else {
        publicText(file, true);
        publicFiles.push(file);
      }
    }
  }
  for (const file of publicFiles) secrets.forgetPublic(publicText(file, false));
  // What the public site may show besides its pages: site and market data, UI strings.
  const data = [
    path.join(root, 'site.yaml'),
    ...walk(path.join(root, 'markets')),
    ...walk(path.join(root, 'locales')),
    ...walk(path.join(projectRoot, 'locales')),
  ];
  for (const file of data) if (/\.(ya?ml|json)$/.test(file) && fs.existsSync(file)) secrets.forgetPublic(fs.readFileSync(file, 'utf8'));
  return secrets;
}

// Binary files, and Pagefind's word index (`.pf_index`: single stemmed words, never text in
// order, so it cannot hold a run; its words are checked by the canary tests) and its WebAssembly.
const binary = /\.(png|jpe?g|gif|webp|avif|ico|svg|woff2?|ttf|otf|wasm|pdf|zip|pagefind|pf_index)$/i;

/** Scans every file of a built site for internal text; returns what leaked, one entry per file. */
export function scanForLeaks(secrets: Secrets, siteDir: string, files: readonly string[] = scannable(siteDir)): Leak[] {
  const leaks: Leak[] = [];
  if (!secrets.runs) return leaks;
  for (const file of files) {
    let buf = fs.readFileSync(file);
    if (buf[0] === 0x1f && buf[1] === 0x8b) buf = zlib.gunzipSync(buf);
    const hit = secrets.find(buf.toString('utf8'), /\.html?$/i.test(file));
    if (hit) leaks.push({ source: hit.source, file: rel(siteDir, file), excerpt: excerpt(hit.text) });
  }
  return leaks;
}

/** The files of a site the scan reads. */
const scannable = (siteDir: string) => walk(siteDir).filter((f) => !binary.test(f));

const excerpt = (key: string) => JSON.stringify(key.length > 60 ? `${key.slice(0, 57)}…` : key);

/**
 * Scans a site on every core: each worker reads the content root's internal text itself (a
 * fraction of a second) and scans its share of the files. Small sites are scanned in this thread.
 */
async function scanInParallel(root: string, siteDir: string, filesPerWorker: number): Promise<{ leaks: Leak[]; runs: number }> {
  const files = scannable(siteDir);
  const workers = Math.min(os.availableParallelism(), Math.ceil(files.length / filesPerWorker));
  if (workers < 2) {
    const secrets = collectSecrets(root);
    return { leaks: scanForLeaks(secrets, siteDir, files), runs: secrets.runs };
  }
  const shares = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<{ leaks: Leak[]; runs: number }>((resolve, reject) => {
          const worker = new Worker(new URL('./wall-worker.ts', import.meta.url), { workerData: { root, siteDir, files: share } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`The wall scan stopped (exit code ${code}).`)));
        }),
    ),
  );
  const leaks = results.flatMap((r) => r.leaks).sort((a, b) => a.file.localeCompare(b.file));
  return { leaks, runs: results[0]!.runs };
}

/**
 * Checks a built public site against a content root; throws a readable error on any leak.
 * `parallel` uses worker threads (plain Node processes such as `npm run build`; not inside Astro),
 * one per `filesPerWorker` files up to one per core.
 */
export async function checkWall(
  root: string,
  siteDir: string,
  options: { parallel?: boolean; filesPerWorker?: number } = {},
): Promise<{ runs: number; files: number }> {
  let leaks: Leak[];
  let runs: number;
  if (options.parallel) ({ leaks, runs } = await scanInParallel(root, siteDir, options.filesPerWorker ?? 2000));
  else {
    const secrets = collectSecrets(root);
    leaks = scanForLeaks(secrets, siteDir);
    runs = secrets.runs;
  }
  if (leaks.length) {
    const list = leaks.slice(0, 20).map((l) => `  ${l.file}: text from ${l.source}, ${l.excerpt}`);
    const more = leaks.length > 20 ? [`  …and ${leaks.length - 20} more files.`] : [];
    throw new Error(
      `Agent-only text was found in the public site:\n${[...list, ...more].join('\n')}\nThese words appear in no public content file, so they reached the page some other way. Nothing was published; please report this with the files named.`,
    );
  }
  return { runs, files: walk(siteDir).length };
}
