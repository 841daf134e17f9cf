/**
 * Writes an import plan (plan.ts) into a content root, all or nothing: every page path is checked
 * first (a valid Signpost path, no two items on one path, no existing file unless `force`), then
 * the pages are written, then site data. The report says what was written and lists every note by
 * kind, so nothing that could not be carried over is lost silently.
 *
 * site.yaml: a content root without one gets one made from the plan (languages, categories with
 * their sections). An existing site.yaml is kept; with `force` the plan's missing languages and
 * categories are added to it (its comments are not kept: js-yaml writes data, not layout). When
 * the written pages hold links that lead nowhere, `allowBrokenLinks` adds `links: warn` to a
 * site.yaml the import made, so the site builds while the team fixes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { formatSource } from '../content/frontmatter.ts';
import { parseEntryPath } from '../content/paths.ts';
import { ImportError, type ImportedCategory, type ImportPlan, type NoteKind, type ReportNote } from './plan.ts';

export interface WriteOptions {
  /** Overwrite files that exist (and add to an existing site.yaml). */
  force?: boolean;
}

export interface WriteResult {
  /** Pages written, relative to the content root. */
  written: string[];
  /** What happened to site.yaml. */
  site: 'written' | 'kept' | 'updated';
}

/** Writes `plan` under `root`; throws `ImportError` before writing anything when a path is invalid, shared or taken. */
export function writeImport(root: string, plan: ImportPlan, options: WriteOptions = {}): WriteResult {
  const byPath = new Map<string, string>();
  for (const page of plan.pages) {
    const where = parseEntryPath(page.path);
    if (typeof where === 'string' || where.type !== 'help' || page.path.split('/').includes('..'))
      throw new ImportError(page.item, `would be written to ${page.path}, which is not a help article path.`, typeof where === 'string' ? where : undefined);
    // .md and .mdx of one name are one page.
    const key = page.path.replace(/\.mdx?$/, '');
    const other = byPath.get(key);
    if (other !== undefined)
      throw new ImportError(page.item, `and ${other} would both be written to ${page.path}.`, 'Give one of them another slug in the mapping file (`slugs:`).');
    byPath.set(key, page.item);
  }
  const existing = plan.pages.map((p) => p.path).filter((p) => fs.existsSync(path.join(root, p)));
  if (existing.length && !options.force) {
    const shown = existing.slice(0, 5).join(', ');
    throw new ImportError(
      root,
      `${existing.length} of the files to write already exist (${shown}${existing.length > 5 ? ', …' : ''}).`,
      'Import into an empty content root, or pass --force to overwrite them.',
    );
  }

  for (const page of plan.pages) {
    const file = path.join(root, page.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, formatSource(page.data, `\n${page.body.trim()}\n`));
  }
  const site = writeSite(root, plan, options.force === true);
  return { written: plan.pages.map((p) => p.path), site };
}

/** Site data as YAML, with the core schema the loader reads it with. */
const dumpYaml = (data: unknown) => jsyaml.dump(data, { schema: jsyaml.CORE_SCHEMA, lineWidth: -1, noRefs: true });

/** The site.yaml categories of a plan: names, descriptions and sections as the schema takes them. */
function categoryData(c: ImportedCategory): Record<string, unknown> {
  return {
    id: c.id,
    names: c.names,
    ...(c.descriptions && Object.keys(c.descriptions).length ? { descriptions: c.descriptions } : {}),
    ...(c.sections?.length ? { sections: c.sections.map((s) => ({ id: s.id, names: s.names })) } : {}),
  };
}

function writeSite(root: string, plan: ImportPlan, force: boolean): WriteResult['site'] {
  const file = path.join(root, 'site.yaml');
  const { site } = plan;
  if (!fs.existsSync(file)) {
    const data: Record<string, unknown> = {
      ...(site.name ? { name: site.name } : {}),
      default_language: site.default_language,
      languages: site.languages.map((code) => ({ code })),
      ...(site.categories.length ? { categories: site.categories.map(categoryData) } : {}),
    };
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(file, `# Made by \`npm run import -- ${plan.source}\`. See docs/authoring.md ("Site data").\n${dumpYaml(data)}`);
    return 'written';
  }
  if (!force) return 'kept';
  const data = (jsyaml.load(fs.readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;
  const languages = (data.languages as { code: string }[] | undefined) ?? [];
  for (const code of site.languages) if (!languages.some((l) => l.code === code)) languages.push({ code });
  const categories = (data.categories as { id: string }[] | undefined) ?? [];
  for (const c of site.categories) if (!categories.some((k) => k.id === c.id)) categories.push(categoryData(c) as { id: string });
  const updated = { ...data, languages, ...(categories.length ? { categories } : {}) };
  fs.writeFileSync(file, dumpYaml(updated));
  return 'updated';
}

/** Adds `links: warn` to site.yaml (one the import wrote): the pages are published while their broken links are fixed. */
export function allowBrokenLinks(root: string): void {
  fs.appendFileSync(
    path.join(root, 'site.yaml'),
    '# Some imported links lead nowhere: they are published, and reported by the build and the audit,\n# until they are fixed. Then remove this line (the default is links: error).\nlinks: warn\n',
  );
}

const headings: Record<NoteKind, string> = {
  unsupported: 'Not converted as it was',
  'missing-translation': 'Missing or outdated translations',
  'dead-link': 'Links that lead nowhere',
  download: 'Images and attachments to download',
  dropped: 'Fields left out',
  skipped: 'Items left out',
  owner: 'Authors without an owner',
};

/**
 * The import report: what was written, what loading it found (`brokenLinks`: links the build
 * reports; `linksWarn`: whether site.yaml got `links: warn` for them), then every note grouped by
 * kind, in the order the plan made them.
 */
export function formatReport(plan: ImportPlan, site: WriteResult['site'], loaded: { brokenLinks: number; linksWarn: boolean }): string {
  const counts = (Object.keys(headings) as NoteKind[]).map((k) => [k, plan.notes.filter((n) => n.kind === k)] as const);
  const languages = [...new Set(plan.pages.map((p) => p.path.split('/')[1]!))].sort();
  const lines = [
    `# Import report (${plan.source})`,
    '',
    `- Pages written: ${plan.pages.length} in ${languages.length} language${languages.length === 1 ? '' : 's'} (${languages.join(', ')})`,
    `- Categories: ${plan.site.categories.length}`,
    `- site.yaml: ${site === 'written' ? 'written' : site === 'updated' ? 'languages and categories added' : 'kept as it was (pass --force to add the languages and categories below)'}`,
    ...counts.filter(([, notes]) => notes.length).map(([k, notes]) => `- ${headings[k]}: ${notes.length}`),
    ...(loaded.brokenLinks
      ? [
          `- Links the build finds broken: ${loaded.brokenLinks}${loaded.linksWarn ? ' (site.yaml has `links: warn`: published and reported until fixed; `npm run validate` lists them)' : ' (`npm run validate` lists them)'}`,
        ]
      : []),
  ];
  if (site === 'kept') {
    lines.push(
      '',
      '## Site data this import uses',
      '',
      '```yaml',
      dumpYaml({ languages: plan.site.languages, categories: plan.site.categories.map(categoryData) }).trim(),
      '```',
    );
  }
  for (const [kind, notes] of counts) {
    if (!notes.length) continue;
    lines.push('', `## ${headings[kind]}`, '');
    for (const n of notes) lines.push(`- ${noteLine(n)}`);
  }
  return `${lines.join('\n')}\n`;
}

const noteLine = (n: ReportNote) => `**${n.item}**${n.path ? ` (${n.path})` : ''}: ${n.detail}${n.url ? ` <${n.url}>` : ''}`;
