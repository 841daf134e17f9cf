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

// Character classes written out (not \\p{…}): three times faster on the hundreds of megabytes of a
// large site. CJK ideographs, kana and hangul are one token per character; anything else that is
// not space or punctuation (ASCII, Latin-1, general, CJK and Arabic punctuation) makes up words.
const CJK = '\\u2e80-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff66-\\uff9f';
const PUNCT = '\\s!-\\/:-@\\[-`{-~\\u00a0-\\u00bf\\u2000-\\u206f\\u3000-\\u303f\\uff00-\\uff65\\u060c\\u061b\\u061f\\u066a-\\u066d\\u06d4';
/** A word, or one CJK character. */
const TOKEN = new RegExp(`[${CJK}]|[^${PUNCT}${CJK}]+`, 'g');
/** Digits (ASCII, Arabic-Indic, Persian): a token with one is a number. */
const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/;
const weight = (token: string) => (token.length === 1 && token.charCodeAt(0) >= 0x2e80 ? 0.5 : 1);

/** The text as a list of lower-case tokens; markup and punctuation only separate them. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

/**
 * Calls `visit(i, j)` for every run t[i..j) until it returns true. A run never includes a token
 * with a digit: numbers, dates and prices on a page come from market facts and formatting, which
 * no source text spells the same way.
 */
function eachRun(t: readonly string[], visit: (i: number, j: number) => boolean): void {
  let j = 0;
  let sum = 0;
  for (let i = 0; i < t.length; i++) {
    if (j < i) {
      j = i;
      sum = 0;
    }
    while (j < t.length && sum < RUN && !DIGIT.test(t[j]!)) sum += weight(t[j++]!);
    if (sum < RUN) {
      // Not enough before the end or a number: start again after it.
      i = j;
      j = i + 1;
      sum = 0;
      continue;
    }
    if (visit(i, j)) return;
    sum -= weight(t[i]!);
  }
}

/** Source text as a reader sees it: no component tags, no link targets. */
const readable = (source: string) => source.replace(/<[^>\n]*>/g, ' ').replace(/\]\([^)\n]*\)/g, ' ');

/**
 * Internal runs, each with the file it comes from. Runs are found by a rolling hash over token
 * ids (mod 2^32, with Math.imul) and confirmed by their text, so a page is read in one pass.
 */
export class Secrets {
  readonly runs = new Map<string, string>();
  private readonly ids = new Map<string, number>();
  private readonly hashes = new Set<number>();
  private seed = 0x9e3779b9;
  private readonly seen = new Set<string>();

  private id(token: string, add: boolean): number | undefined {
    let id = this.ids.get(token);
    if (id === undefined && add) {
      // A fixed sequence (xorshift) keeps two runs over the same content identical.
      this.seed ^= this.seed << 13;
      this.seed ^= this.seed >>> 17;
      this.seed ^= this.seed << 5;
      id = this.seed | 0;
      this.ids.set(token, id);
    }
    return id;
  }

  add(source: string, text: string): void {
    const t = tokens(readable(text));
    for (const w of t) this.id(w, true);
    this.scan(t, (key, hash) => {
      if (!this.runs.has(key)) this.runs.set(key, source);
      this.hashes.add(hash);
      return false;
    }, true);
  }

  /** Forgets every run that `text` contains: it is public anyway. */
  forgetPublic(text: string): void {
    this.scan(tokens(readable(text)), (key) => {
      this.runs.delete(key);
      return false;
    });
  }

  /** The first secret run in any of the segments, if any. Runs never cross segments. */
  find(segments: readonly string[]): { key: string; source: string } | undefined {
    let found: { key: string; source: string } | undefined;
    for (const segment of segments) {
      // Page chrome (menus, footers, labels) repeats on every page: read each short text once.
      if (segment.length < 400) {
        if (this.seen.has(segment)) continue;
        this.seen.add(segment);
      }
      this.scan(tokens(segment), (key) => {
        const source = this.runs.get(key);
        if (source !== undefined) found = { key, source };
        return found !== undefined;
      });
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Visits the runs of `t` whose hash is a secret run's (all runs when `all`). A token that no
   * secret contains ends a run, so most public text is passed over token by token.
   */
  private scan(t: readonly string[], visit: (key: string, hash: number) => boolean, all = false): void {
    let start = 0;
    for (let k = 0; k <= t.length; k++) {
      const id = k < t.length ? this.id(t[k]!, false) : undefined;
      if (id !== undefined) continue;
      if (k - start > 0 && this.piece(t, start, k, visit, all)) return;
      start = k + 1;
    }
  }

  /** Runs within t[from..to), where every token has an id. */
  private piece(t: readonly string[], from: number, to: number, visit: (key: string, hash: number) => boolean, all: boolean): boolean {
    const part = t.slice(from, to);
    // prefix[k] = hash of part[0..k); hash(i, j) = prefix[j] - prefix[i] * P^(j-i)  (mod 2^32).
    const prefix = new Int32Array(part.length + 1);
    const power = new Int32Array(part.length + 1);
    power[0] = 1;
    for (let k = 0; k < part.length; k++) {
      prefix[k + 1] = (Math.imul(prefix[k]!, P) + this.ids.get(part[k]!)!) | 0;
      power[k + 1] = Math.imul(power[k]!, P);
    }
    let stop = false;
    eachRun(part, (i, j) => {
      const hash = (prefix[j]! - Math.imul(prefix[i]!, power[j - i]!)) | 0;
      if (!all && !this.hashes.has(hash)) return false;
      stop = visit(part.slice(i, j).join(' '), hash);
      return stop;
    });
    return stop;
  }
}

const P = 0x01000193;

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

const binary = /\.(png|jpe?g|gif|webp|avif|ico|svg|woff2?|ttf|otf|wasm|pdf|zip)$/i;

/** Tags that do not end a block of text: runs may go through them. */
const inline = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);
const SEGMENT = '\u0000';

/**
 * A public file as segments of text that runs may not cross, so that a list of titles or a menu
 * cannot make up a run that no page says. HTML breaks at block elements and keeps the values of
 * attributes (alt, title, content…) as their own segments; JSON breaks between string values;
 * other text (Pagefind's records, decompressed; sitemaps; robots.txt) at sentence ends and blank
 * lines.
 */
function segmentsOf(file: string): string[] {
  let buf = fs.readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = zlib.gunzipSync(buf);
  const text = buf.toString('utf8');
  if (/\.html?$/i.test(file)) {
    return text
      .replace(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g, (_, _close: string, name: string, attrs: string) => {
        const values = [...attrs.matchAll(/=\s*"([^"]*)"|=\s*'([^']*)'/g)].map((m) => m[1] ?? m[2]);
        const brk = inline.has(name.toLowerCase()) ? ' ' : SEGMENT;
        return values.length ? `${brk}${SEGMENT}${values.join(SEGMENT)}${SEGMENT}${brk}` : brk;
      })
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .split(SEGMENT);
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
