/**
 * What a Zendesk Guide export holds and how it is read: the Help Center API's records, as the
 * responses were saved (one response per JSON file, in a folder or a single file), merged by kind
 * and de-duplicated by id. A truncated or foreign file stops the import, naming it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ImportError } from '../plan.ts';

/** A Help Center category, as the API returns it (`GET /api/v2/help_center/categories`). */
export interface ZendeskCategory {
  id: number;
  name: string;
  description?: string | null;
  locale: string;
  source_locale?: string;
  position?: number;
  html_url?: string;
  outdated?: boolean;
}

/** A section; `parent_section_id` when it is nested in another section. */
export interface ZendeskSection {
  id: number;
  category_id: number;
  parent_section_id?: number | null;
  name: string;
  description?: string | null;
  locale: string;
  source_locale?: string;
  position?: number;
  html_url?: string;
}

/** An article in the locale it was requested in; its other languages are translations. */
export interface ZendeskArticle {
  id: number;
  section_id: number;
  title: string;
  /** HTML. */
  body?: string | null;
  locale: string;
  source_locale?: string;
  author_id?: number | null;
  draft?: boolean;
  label_names?: string[];
  position?: number;
  promoted?: boolean;
  /** The user segment that may see the article; `null` for everyone. */
  user_segment_id?: number | null;
  created_at?: string;
  updated_at?: string;
  edited_at?: string;
  html_url?: string;
  outdated?: boolean;
}

/** The text of an article, section or category in one locale (the source locale included). */
export interface ZendeskTranslation {
  id: number;
  source_id: number;
  /** `Article`, `Section` or `Category` (the documentation also writes them in lower case). */
  source_type: string;
  locale: string;
  title: string;
  /** Article: HTML body; section and category: their description. */
  body?: string | null;
  draft?: boolean;
  outdated?: boolean;
  updated_at?: string;
  html_url?: string;
}

export interface ZendeskUser {
  id: number;
  name?: string;
  email?: string | null;
}

/** A file attached to an article (`GET /api/v2/help_center/articles/{id}/attachments`). */
export interface ZendeskAttachment {
  id: number;
  article_id: number;
  file_name?: string;
  content_url: string;
  content_type?: string;
  inline?: boolean;
}

/** Every record of the saved responses, merged by key and deduplicated by id. */
export interface ZendeskExport {
  categories: ZendeskCategory[];
  sections: ZendeskSection[];
  articles: ZendeskArticle[];
  translations: ZendeskTranslation[];
  users: ZendeskUser[];
  article_attachments: ZendeskAttachment[];
}

type ExportKey = keyof ZendeskExport;

/** Response keys, with the singular a show endpoint (`GET …/articles/{id}`) answers with. */
const keys: [ExportKey, string][] = [
  ['categories', 'category'],
  ['sections', 'section'],
  ['articles', 'article'],
  ['translations', 'translation'],
  ['users', 'user'],
  ['article_attachments', 'article_attachment'],
];

/** The hint for a file that is not a response as the API sent it. */
export const resave = 'Save the response body of the Help Center API (…/api/v2/help_center/….json) again, as it came.';

/**
 * Reads one saved API response, or every `.json` file under a folder (sorted by path), and merges
 * them. Throws `ImportError` naming the file for a file that is not JSON, is cut short or is no
 * Help Center response, and naming the article for one whose section is not in the export.
 */
export function readZendeskExport(location: string): ZendeskExport {
  if (!fs.existsSync(location)) throw new ImportError(location, 'does not exist.', 'Give the folder of saved API responses, or one response file.');
  const files = fs.statSync(location).isDirectory()
    ? fs
        .readdirSync(location, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(location, f))
    : [location];
  if (!files.length) throw new ImportError(location, 'holds no .json files.', resave);
  const exp: ZendeskExport = { categories: [], sections: [], articles: [], translations: [], users: [], article_attachments: [] };
  const seen = new Map<string, string>();
  for (const file of files) {
    const data = parseJson(file, fs.readFileSync(file, 'utf8'));
    const found = typeof data === 'object' && data !== null && !Array.isArray(data) ? keys.filter(([many, one]) => many in data || one in data) : [];
    if (!found.length) throw new ImportError(file, `is not a Help Center API response: it has none of the keys ${keys.map(([k]) => k).join(', ')}.`, resave);
    const response = data as Record<string, unknown>;
    for (const [many, one] of found) {
      const records = many in response ? response[many] : [response[one]];
      if (!Array.isArray(records)) throw new ImportError(file, `\`${many}\` is not a list.`, resave);
      for (const record of records) {
        const id = (record as { id?: unknown } | null)?.id;
        if (typeof id !== 'number') throw new ImportError(file, `an entry of \`${many}\` has no numeric id.`, resave);
        if (seen.has(`${many}:${id}`)) continue;
        seen.set(`${many}:${id}`, file);
        (exp[many] as unknown[]).push(record);
      }
    }
  }
  checkSections(exp, (article) => seen.get(`articles:${article.id}`));
  return exp;
}

/** The parsed JSON of a file; a truncated or non-JSON file is an `ImportError` with its line. */
function parseJson(file: string, text: string): unknown {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(source);
  } catch (error) {
    if (!source.trim()) throw new ImportError(file, 'is empty.', resave);
    const message = (error as Error).message;
    // V8 gives the offset for most errors; an unexpected first token comes without one.
    const at = /position (\d+)/.exec(message)?.[1];
    const position = at === undefined ? source.length - source.trimStart().length : Number(at);
    const end = source.trimEnd().length;
    const lineAt = (offset: number) => source.slice(0, offset).split('\n').length;
    if (end > 0 && (/end of JSON input|Unterminated/.test(message) || position >= end))
      throw new ImportError(file, `ends early at line ${lineAt(end)}: the export is truncated, save the response again.`);
    throw new ImportError(file, `is not JSON (${message.replace(/\s*\(line \d+ column \d+\)$/, '')}) at line ${lineAt(position)}.`, resave);
  }
}

/** Throws for an article whose section the export does not hold (`from` names the file it came from). */
export function checkSections(exp: ZendeskExport, from: (article: ZendeskArticle) => string | undefined): void {
  const sections = new Set(exp.sections.map((s) => s.id));
  for (const a of exp.articles) {
    if (sections.has(a.section_id)) continue;
    const file = from(a);
    throw new ImportError(
      articleItem(a),
      `is in section ${a.section_id}, which is not in the export${file ? ` (article read from ${file})` : ''}.`,
      'Save the sections response too (…/help_center/sections.json), with every page of it.',
    );
  }
}

/** An article as messages name it: `article 360001 "Track your order"`. */
export const articleItem = (a: ZendeskArticle) => `article ${a.id} "${a.title}"`;
