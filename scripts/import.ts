/**
 * `npm run import -- zendesk <export> | markdown <folder> [--out <content root>] [--map mapping.yaml]
 * [--drafts] [--force] [--report import-report.md]`: see src/import/index.ts and docs/importing.md.
 * Writes into `--out`, else `CONTENT_DIR`; one of them is required so an import never lands in
 * the bundled sample content by accident. Exit code: 0 when imported (the report lists what was
 * not carried over), 1 when the input was refused or the imported content has errors, 2 on bad
 * arguments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatProblems } from '../src/content/errors.ts';
import { ImportError, runImport, type Source } from '../src/import/index.ts';
import { parseCommandLine, usageError } from './args.ts';

const usage = `Usage: npm run import -- zendesk <export file or folder> [options]
       npm run import -- markdown <docs folder> [options]
Options:
  --out <folder>     content root to write into (default: CONTENT_DIR; one of them is required)
  --map <file>       mapping file: locales, owners, slugs, default_language (docs/importing.md)
  --drafts           import drafts too
  --force            overwrite existing files and add to an existing site.yaml
  --report <file>    where to write the report (default: import-report.md)`;

const { values, positionals } = parseCommandLine(
  {
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      map: { type: 'string' },
      drafts: { type: 'boolean' },
      force: { type: 'boolean' },
      report: { type: 'string', default: 'import-report.md' },
    },
  },
  usage,
);
const [source, from, ...rest] = positionals;
if (source !== 'zendesk' && source !== 'markdown') usageError(source ? `Unknown source "${source}".` : 'Say what to import.', usage);
if (!from || rest.length) usageError(from ? `Unexpected argument "${rest[0]}".` : `Name the ${source === 'zendesk' ? 'export' : 'folder'} to import.`, usage);
const to = values.out ?? process.env.CONTENT_DIR;
if (!to) usageError('Say where to import to: --out <folder> or CONTENT_DIR=<folder>.', usage);

try {
  const started = performance.now();
  const result = runImport({
    source: source as Source,
    from: path.resolve(from),
    to: path.resolve(to),
    ...(values.map ? { map: path.resolve(values.map) } : {}),
    drafts: values.drafts,
    force: values.force,
  });
  fs.writeFileSync(values.report, result.report);
  const languages = new Set(result.written.map((f) => f.split('/')[1])).size;
  console.log(
    `Imported ${result.written.length} pages in ${languages} languages into ${path.resolve(to)} in ${Math.round(performance.now() - started)} ms; site.yaml ${result.site}.`,
  );
  const counts = Object.entries(Object.groupBy(result.plan.notes, (n) => n.kind)).map(([k, v]) => `${k} ${v?.length}`);
  console.log(`Report: ${path.resolve(values.report)}${counts.length ? ` (${counts.join(', ')})` : ''}.`);
  if (result.warnings.length)
    console.log(`${result.warnings.length} broken links are published as warnings (links: warn in site.yaml); the report lists them.`);
  if (result.problems.length) {
    console.error(`\nThe imported content has problems the build would refuse:\n\n${formatProblems(result.problems)}`);
    if (result.problems.every((p) => p.code === 'BrokenLink'))
      console.error('\nTo publish while the links are fixed, add `links: warn` to site.yaml: the build and the audit then report them as warnings.');
    process.exitCode = 1;
  }
} catch (e) {
  if (!(e instanceof ImportError)) throw e;
  console.error(`Import refused, nothing was written.\n${e.message}`);
  process.exitCode = 1;
}
