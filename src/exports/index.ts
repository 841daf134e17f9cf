/**
 * Answers for machines, written after a build into the site folder, from the content and routes of
 * that site only (the public build never loaded agent-only material, so its exports cannot hold any):
 *
 * - `/llms.txt`, `/<lang>/llms.txt` (llms.ts) and `/<lang>/llms-full.txt`, the full text of the
 *   language's own pages;
 * - a Markdown twin of every page that is its own text, at `<page>/index.md` (twins.ts); on the
 *   agents' site also its JSON record at `<page>/index.json`, which the answer desk reads for the
 *   few pages a pasted message matches (replies, facts) instead of a whole export part;
 * - `/api/index.json` → `/api/<lang>/index.json` → `entries-NNNN.json`, one record per page of
 *   the language, fallbacks marked (records.ts, json.ts; JSON Schemas in schemas/).
 *
 * Each language is written in one pass over its pages: each body is converted to Markdown once and
 * goes straight to its twin, the full text and the JSON part, so nothing site-sized is held.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Content } from '../content/load.ts';
import type { Language } from '../content/site.ts';
import type { EntryRoute, Route } from '../content/routes.ts';
import type { Finding } from '../audit/types.ts';
import { translations } from '../audit/checks/translations.ts';
import { translationSources } from '../audit/index.ts';
import { readHistory } from '../audit/git.ts';
import { typesFor } from '../content/types.ts';
import { holidaysIn } from '../content/hours.ts';
import { llmsFiles, summary } from './llms.ts';
import { exportFact, exportRecord, type ExportSource } from './records.ts';
import { fullSection, twinText } from './twins.ts';
import { PART_BYTES, PartWriter } from './json.ts';

/** What was written for one language, for the build log and the benchmark. */
export interface LanguageExport {
  lang: string;
  records: number;
  twins: number;
  twinBytes: number;
  fullBytes: number;
  jsonBytes: number;
}

/** Writes a file next to its page; the folder is made only when there is none (exports written outside a build). */
function writeBeside(file: string, text: string): void {
  try {
    fs.writeFileSync(file, text);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

/** Translations whose source changed after them: from the audit on the agents' site, from the same check here on the public one. */
function staleTranslations(content: Content, findings: readonly Finding[]): Set<string> {
  const stale =
    content.target === 'internal'
      ? findings
      : translations({ content, problems: [], today: '', history: readHistory(content.site.root, translationSources(content)) });
  return new Set(stale.filter((f) => f.kind === 'translation-stale').map((f) => `${f.route}\0${f.lang}`));
}

/** Pages in reading order: help by topic, policies by market, then procedures and culture guides. */
function readingOrder(content: Content, routes: EntryRoute[]): EntryRoute[] {
  const types = typesFor(content.target).map((s) => s.type as string);
  const rank = (r: EntryRoute) => [
    types.indexOf(r.entry.type),
    r.category ? content.site.categories.indexOf(r.category) : r.market ? content.site.markets.indexOf(r.market) : 0,
  ];
  return routes
    .map((r) => ({ r, k: rank(r) }))
    .sort((a, b) => a.k[0]! - b.k[0]! || a.k[1]! - b.k[1]!)
    .map((x) => x.r);
}

/**
 * Writes every export of a built site into `dir`; returns what each language got. `languages` are
 * the ones whose files to write (a shard's, src/build/shard.ts); the site-wide files (`/llms.txt`,
 * `/api/index.json`) are always written, the same in every shard.
 */
export function writeExports(
  dir: string,
  content: Content,
  routes: readonly Route[],
  findings: readonly Finding[],
  { partBytes = PART_BYTES, languages = content.site.languages }: { partBytes?: number; languages?: readonly Language[] } = {},
): LanguageExport[] {
  const { site } = content;
  for (const l of languages) fs.mkdirSync(path.join(dir, l.code), { recursive: true });
  for (const [file, text] of llmsFiles(content, routes, languages)) fs.writeFileSync(path.join(dir, file), text);
  const src: ExportSource = { content, findings, stale: staleTranslations(content, findings) };
  const out: LanguageExport[] = [];
  for (const lang of languages) {
    const stats: LanguageExport = { lang: lang.code, records: 0, twins: 0, twinBytes: 0, fullBytes: 0, jsonBytes: 0 };
    const mine = readingOrder(
      content,
      routes.filter((r): r is EntryRoute => 'entry' in r && r.lang.code === lang.code),
    );
    const json = new PartWriter(path.join(dir, 'api', lang.code), `${site.url}/api/${lang.code}/`, partBytes);
    const full = fs.openSync(path.join(dir, lang.code, 'llms-full.txt'), 'w');
    try {
      const head = `# ${site.name}\n\n> ${summary(content, lang.code)}\n`;
      fs.writeSync(full, head);
      stats.fullBytes += Buffer.byteLength(head);
      for (const route of mine) {
        const record = exportRecord(route, src);
        json.add(record);
        if (route.isFallback) continue;
        const twin = twinText(record);
        writeBeside(path.join(dir, route.path, 'index.md'), twin);
        if (content.target === 'internal') fs.writeFileSync(path.join(dir, route.path, 'index.json'), JSON.stringify(record));
        stats.twins++;
        stats.twinBytes += Buffer.byteLength(twin);
        const section = `\n${fullSection(record, content)}`;
        fs.writeSync(full, section);
        stats.fullBytes += Buffer.byteLength(section);
      }
    } finally {
      fs.closeSync(full);
    }
    const parts = json.close();
    stats.records = json.total;
    stats.jsonBytes = parts.reduce((n, p) => n + p.bytes, 0);
    const index = {
      site: { name: site.name, url: site.url, kind: content.target },
      lang: lang.code,
      count: json.total,
      parts,
      markets: site.markets.map((m) => ({
        id: m.id,
        name: m.name(lang.code),
        languages: m.languages,
        currency: m.currency,
        facts: Object.fromEntries(Object.entries(m.facts).map(([name, f]) => [name, exportFact(content, m.id, f, lang.code)])),
        ...(m.holidays ? { holidays: holidaysIn(m, lang.code) } : {}),
      })),
    };
    fs.writeFileSync(path.join(dir, 'api', lang.code, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
    out.push(stats);
  }
  const root = {
    site: { name: site.name, url: site.url, kind: content.target },
    languages: site.languages.map((l) => ({ lang: l.code, name: l.name, url: `${site.url}/api/${l.code}/index.json` })),
  };
  fs.writeFileSync(path.join(dir, 'api', 'index.json'), `${JSON.stringify(root, null, 2)}\n`);
  return out;
}
