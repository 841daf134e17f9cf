/**
 * `npm run translations`: hands pages to a translation management system (TMS) as XLIFF 2.0 and
 * writes what comes back into the content root.
 *
 *   npm run translations -- export --lang ja [--stale] [--missing] [--internal] [--out file.xlf]
 *   npm run translations -- import file.xlf
 *
 * Export: pages of the default language whose `--lang` version is missing (no file) or stale (the
 * audit's `translation-stale`); neither flag means both. `<Internal>` blocks only with `--internal`.
 * Import: every file of the XLIFF is checked on its own (targets present, protected codes intact,
 * source unchanged since the export) and written only when all of its units pass; the others are
 * reported. Units without a target are errors (a half-translated page is never written).
 * Exit code: 0 when everything was done, 1 when something was refused, 2 on bad arguments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collectContent, type Entry } from '../src/content/load.ts';
import { formatSource, readSource } from '../src/content/frontmatter.ts';
import { parseEntryPath } from '../src/content/paths.ts';
import { contentRoot } from '../src/content/root.ts';
import { runChecks, translationSources } from '../src/audit/index.ts';
import { readHistory } from '../src/audit/git.ts';
import { todayUtc } from '../src/audit/dates.ts';
import { parseCommandLine, usageError } from './args.ts';
import {
  applyUnits,
  bodyUnits,
  checkTarget,
  codesOf,
  fieldUnit,
  fromValue,
  fromXliff,
  textOf,
  toValue,
  toXliff,
  type Piece,
  type Unit,
  type XDoc,
} from '../src/translations/xliff.ts';

const usage =
  'Usage: npm run translations -- export --lang <lang> [--stale] [--missing] [--internal] [--out file.xlf]\n       npm run translations -- import <file.xlf>';

export interface ExportOptions {
  lang: string;
  stale?: boolean;
  missing?: boolean;
  internal?: boolean;
  today?: string;
}

/** A page's file and its units, read from the content root. */
function readUnits(root: string, entry: Entry): { data: Record<string, unknown>; body: string; units: Unit[] } {
  const src = readSource(fs.readFileSync(path.join(root, entry.file)), entry.file);
  if (Array.isArray(src)) throw new Error(`${entry.file}: ${src[0]?.message}`);
  const units = [
    fieldUnit('title', String(src.data.title ?? '')),
    fieldUnit('description', String(src.data.description ?? '')),
    ...bodyUnits(src.body, entry.format),
  ];
  return { data: src.data, body: src.body, units };
}

/** Where the `lang` version of a default-language file goes: the same path with the language segment swapped. */
function translationPath(file: string, lang: string): string {
  const parsed = parseEntryPath(file);
  if (typeof parsed === 'string') throw new Error(`${file}: ${parsed}`);
  const parts = file.split('/');
  parts[parsed.type === 'policy' ? 2 : 1] = lang;
  return parts.join('/');
}

function loadFor(root: string, lang: string) {
  const { content, problems } = collectContent(root, 'internal', { html: false });
  const { site } = content;
  const def = site.defaultLanguage.code;
  if (!site.langByCode.has(lang))
    throw new Error(
      `${lang} is not a language of this site; site.yaml lists ${[...site.langByCode.keys()].join(', ')}. Add it there first, or pick one of those.`,
    );
  if (lang === def) throw new Error(`${lang} is the default language, the one translations are made from. Pick another language.`);
  return { content, problems, def };
}

/** The XLIFF 2.0 text for the pages that need a `lang` version. */
export async function exportXliff(root: string, opts: ExportOptions): Promise<{ xml: string; pages: number; units: number }> {
  const lang = opts.lang.toLowerCase();
  const { content, problems, def } = loadFor(root, lang);
  const both = !opts.stale && !opts.missing;
  const findings = runChecks({ today: opts.today ?? todayUtc(), content, problems, history: readHistory(root, translationSources(content)) });
  const stale = new Map(findings.filter((f) => f.kind === 'translation-stale' && f.lang === lang).map((f) => [f.route, f]));
  const doc: XDoc = { sourceLanguage: def, targetLanguage: lang, resources: {} };
  let count = 0;
  for (const route of [...content.byRoute.keys()].sort()) {
    const langs = content.byRoute.get(route)!;
    const source = langs.get(def);
    if (!source) continue;
    const existing = langs.get(lang);
    const finding = stale.get(route);
    const reason = !existing ? (both || opts.missing) && 'missing' : finding && (both || opts.stale) && `stale: ${finding.message}`;
    if (!reason) continue;
    const { units } = readUnits(root, source);
    const old = existing ? readUnits(root, existing) : undefined;
    const oldById = new Map(old?.units.map((u) => [u.id, u]));
    const notes = [
      `owner: ${source.owner ?? 'none named'}`,
      `markets: ${source.allMarkets ? 'all' : source.markets.join(', ')}`,
      `reason: ${reason}`,
      `file: ${source.file} -> ${translationPath(source.file, lang)}`,
    ];
    const file: XDoc['resources'][string] = {};
    for (const u of units) {
      if (u.internal && !opts.internal) continue;
      // The current translation is the target where it has the same unit with the same codes.
      const prev = oldById.get(u.id);
      const target = prev && prev.internal === u.internal && codesOf(prev.pieces).join('\n') === codesOf(u.pieces).join('\n') ? prev.pieces : undefined;
      file[u.id] = {
        source: toValue(u.pieces),
        ...(target ? { target: toValue(target) } : {}),
        note: u.internal ? [...notes, 'internal: agent-only text (<Internal>); never shown to customers'] : notes,
      };
      count++;
    }
    doc.resources[route.replaceAll('/', '.')] = file;
  }
  return { xml: await toXliff(doc), pages: Object.keys(doc.resources).length, units: count };
}

/** What an import did: the files written and, per refused file, why. */
export interface ImportResult {
  written: string[];
  errors: string[];
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Writes the translations of an XLIFF 2.0 text into the content root (`today` for `translated`). */
export async function importXliff(root: string, xml: string, today = todayUtc()): Promise<ImportResult> {
  const doc = await fromXliff(xml);
  const lang = (doc.targetLanguage ?? '').toLowerCase();
  if (!lang) throw new Error('The XLIFF file names no target language (trgLang).');
  const { content, def } = loadFor(root, lang);
  if ((doc.sourceLanguage ?? '').toLowerCase() !== def)
    throw new Error(`The XLIFF file is translated from ${doc.sourceLanguage}, but this site's default language is ${def}.`);
  const result: ImportResult = { written: [], errors: [] };
  for (const [fileId, xunits] of Object.entries(doc.resources)) {
    const route = fileId.replaceAll('.', '/');
    const source = content.byRoute.get(route)?.get(def);
    if (!source) {
      result.errors.push(`file ${fileId}: no ${def} page at ${route} in the content root; was it moved or deleted since the export?`);
      continue;
    }
    try {
      const out = translationPath(source.file, lang);
      const { data, body, units } = readUnits(root, source);
      const byId = new Map(units.map((u) => [u.id, u]));
      const targets = new Map<string, Piece[]>();
      const errors: string[] = [];
      for (const [id, x] of Object.entries(xunits)) {
        const unit = byId.get(id);
        if (!unit) errors.push(`unit ${id} is not in ${source.file} any more; export again`);
        else if (fold(textOf(fromValue(x.source))) !== fold(textOf(unit.pieces)))
          errors.push(`unit ${id}: ${source.file} changed since the export; export again`);
        else if (x.target === undefined) errors.push(`unit ${id} has no target`);
        else {
          const checked = checkTarget(unit.pieces, fromValue(x.target));
          if (typeof checked === 'string') errors.push(`unit ${id}: ${checked}`);
          else targets.set(id, checked);
        }
      }
      for (const field of ['title', 'description'] as const) if (!targets.has(field) && !errors.length) errors.push(`unit ${field} is missing`);
      if (errors.length) {
        result.errors.push(...errors.map((e) => `${out}: ${e}; nothing written for this file`));
        continue;
      }
      const front: Record<string, unknown> = { ...data, title: textOf(targets.get('title')!), description: textOf(targets.get('description')!) };
      delete front.translated;
      front.translated = today;
      const text = formatSource(front, applyUnits(body, units, targets));
      writeInside(root, out, lang, route, text);
      result.written.push(out);
    } catch (e) {
      result.errors.push(`file ${fileId}: ${(e as Error).message}`);
    }
  }
  return result;
}

/** Writes `rel` under `root`, refusing any path that is not the `lang` version of `route` inside the root. */
function writeInside(root: string, rel: string, lang: string, route: string, text: string): void {
  const parsed = parseEntryPath(rel);
  if (typeof parsed === 'string' || parsed.lang !== lang || parsed.route !== route || rel.split('/').includes('..'))
    throw new Error(`refusing to write ${rel}: it is not the ${lang} version of ${route}`);
  const full = path.resolve(root, rel);
  if (!full.startsWith(root + path.sep)) throw new Error(`refusing to write ${rel}: it is outside the content root`);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  // Links are never followed below the root (tree.ts): a folder or file that is one is refused.
  if (!fs.realpathSync(path.dirname(full)).startsWith(root + path.sep)) throw new Error(`refusing to write ${rel}: its folder leads outside the content root`);
  if (fs.existsSync(full) && fs.lstatSync(full).isSymbolicLink()) throw new Error(`refusing to write ${rel}: it is a symbolic link`);
  fs.writeFileSync(full, text);
}

/** Runs the command as `npm run translations -- …` does; returns the exit code. */
export async function main(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseCommandLine(
    {
      args,
      allowPositionals: true,
      options: {
        lang: { type: 'string' },
        stale: { type: 'boolean' },
        missing: { type: 'boolean' },
        internal: { type: 'boolean' },
        out: { type: 'string' },
      },
    },
    usage,
  );
  const [command, file, ...rest] = positionals;
  if (rest.length) usageError(`Unexpected argument ${rest[0]}.`, usage);
  try {
    const root = contentRoot(env);
    if (command === 'export') {
      if (!values.lang) usageError('export needs --lang <lang>.', usage);
      if (file) usageError(`Unexpected argument ${file}; write the file name with --out.`, usage);
      const { xml, pages, units } = await exportXliff(root, { lang: values.lang, stale: values.stale, missing: values.missing, internal: values.internal });
      if (values.out) {
        fs.writeFileSync(values.out, xml);
        console.error(`Wrote ${values.out}: ${pages} pages, ${units} units.`);
      } else process.stdout.write(`${xml}\n`);
      return 0;
    }
    if (command === 'import') {
      if (!file) usageError('import needs the XLIFF file to read.', usage);
      const { written, errors } = await importXliff(root, fs.readFileSync(file, 'utf8'));
      for (const w of written) console.log(`wrote ${w}`);
      for (const e of errors) console.error(e);
      return errors.length ? 1 : 0;
    }
    return usageError(command ? `Unknown command ${command}.` : 'Name a command: export or import.', usage);
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
