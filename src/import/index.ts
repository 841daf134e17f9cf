/**
 * `npm run import`: brings an existing help center into a content root.
 *
 *   zendesk <export>   Zendesk Guide, from Help Center API responses saved as JSON (zendesk.ts)
 *   markdown <folder>  a Markdown/MDX docs site: Docusaurus, Starlight, VitePress (markdown.ts)
 *
 * The mapping file (`--map mapping.yaml`) settles what the source cannot say: which site language
 * a source locale is, who owns an author's articles, and a slug for an item that would share a
 * path with another. A content root that already has a site.yaml lends its languages and default
 * language, so a locale the site does not have is an error instead of a new language.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from '../schemas/z.ts';
import { langTag } from '../schemas/fields.ts';
import { formatProblems, type Problem } from '../content/errors.ts';
import { parseYaml } from '../content/yaml.ts';
import { validate } from '../content/validate.ts';
import { collectContent } from '../content/load.ts';
import { ImportError, type ImportOptions, type ImportPlan } from './plan.ts';
import { planZendesk, readZendeskExport } from './zendesk/index.ts';
import { planMarkdown } from './markdown.ts';
import { allowBrokenLinks, formatReport, writeImport, type WriteResult } from './write.ts';

export { ImportError } from './plan.ts';

/** What the mapping file may hold. */
export const mappingSchema = z.strictObject({
  /** Source locale (`en-us`) or language folder → site language (`en`). */
  locales: z.record(z.string().min(1), langTag).default({}),
  /** Zendesk user id or e-mail, or a docs author → owner. */
  owners: z.record(z.string().min(1), z.string().trim().min(1)).default({}),
  /** Zendesk article id or docs file path → the slug to use instead of one made from the title. */
  slugs: z.record(z.string().min(1), z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a slug such as track-your-order' })).default({}),
  /** The site's default language, when the content root has no site.yaml to say it. */
  default_language: langTag.optional(),
});

export type Source = 'zendesk' | 'markdown';

export interface ImportRequest {
  source: Source;
  /** The export (file or folder) or the docs folder. */
  from: string;
  /** The content root to write into; made when it does not exist. */
  to: string;
  /** The mapping file, if any. */
  map?: string;
  drafts?: boolean;
  force?: boolean;
}

export interface ImportResult extends WriteResult {
  plan: ImportPlan;
  /** The report, as Markdown. */
  report: string;
  /** What loading the written content root found: errors, and broken links published as warnings. */
  problems: Problem[];
  warnings: Problem[];
}

/** Reads the mapping file; an invalid one is an `ImportError` naming the file, line and field. */
export function readMapping(file: string): z.output<typeof mappingSchema> {
  const text = readText(file);
  const parsed = parseYaml(text, file);
  const data = Array.isArray(parsed) ? parsed : validate(mappingSchema, parsed.data ?? {}, file, parsed.keyLines, 'DataInvalid');
  if (Array.isArray(data)) throw new ImportError(file, `is not a valid mapping file:\n\n${formatProblems(data)}`);
  return data;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ImportError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
}

/** The languages an existing content root's site.yaml declares, so the import maps onto them. */
function siteLanguages(root: string): Pick<ImportOptions, 'languages' | 'defaultLanguage'> {
  const file = path.join(root, 'site.yaml');
  if (!fs.existsSync(file)) return {};
  const parsed = parseYaml(readText(file), 'site.yaml');
  if (Array.isArray(parsed)) throw new ImportError(file, `cannot be read:\n\n${formatProblems(parsed)}`);
  const data = (parsed.data ?? {}) as { languages?: { code?: unknown }[]; default_language?: unknown };
  const languages = Array.isArray(data.languages) ? data.languages.map((l) => String(l.code)) : undefined;
  return {
    ...(languages?.length ? { languages } : {}),
    ...(typeof data.default_language === 'string' ? { defaultLanguage: data.default_language } : {}),
  };
}

/** Plans the import, writes it and loads the result as the build would. Throws `ImportError` on input it cannot use. */
export function runImport(request: ImportRequest): ImportResult {
  if (!fs.existsSync(request.from)) throw new ImportError(request.from, 'does not exist.');
  const mapping = request.map ? readMapping(request.map) : mappingSchema.parse({});
  const known = siteLanguages(request.to);
  const options: ImportOptions = {
    locales: mapping.locales,
    owners: mapping.owners,
    slugs: mapping.slugs,
    drafts: request.drafts === true,
    ...known,
    ...(known.defaultLanguage ? {} : mapping.default_language ? { defaultLanguage: mapping.default_language } : {}),
  };
  const plan = request.source === 'zendesk' ? planZendesk(readZendeskExport(request.from), options) : planMarkdown(request.from, options);
  fs.mkdirSync(request.to, { recursive: true });
  const written = writeImport(request.to, plan, { force: request.force === true });
  let loaded = collectContent(request.to, 'internal', { html: false });
  // Links the source itself published broken: a site.yaml of the import's own lets the site build with them, reported.
  const broken = loaded.problems.filter((p) => p.code === 'BrokenLink').length;
  const linksWarn = broken > 0 && written.site === 'written';
  if (linksWarn) {
    allowBrokenLinks(request.to);
    loaded = collectContent(request.to, 'internal', { html: false });
  }
  const report = formatReport(plan, written.site, { brokenLinks: broken || loaded.warnings.length, linksWarn });
  return { ...written, plan, report, problems: loaded.problems, warnings: loaded.warnings };
}
