/**
 * `npm run insights -- --db data/collector.sqlite [--since 30d] [--lang de] [--market de] [--format text|json|markdown]`:
 * what readers searched for and did not find, which pages did not help and who owns them, and
 * synonyms to add, from the collector's database (src/collector/insights.ts): the SQLite file, or
 * PostgreSQL when `DATABASE_URL` is set.
 */
import fs from 'node:fs';
import { nowSeconds } from '../src/collector/store.ts';
import { openEventStore } from '../src/collector/open.ts';
import { insights, type Insights } from '../src/collector/insights.ts';
import { collectContent } from '../src/content/load.ts';
import { contentRoot } from '../src/content/root.ts';
import { parseCommandLine, usageError } from './args.ts';

const usage =
  'Usage: npm run insights -- [--db data/collector.sqlite] [--since 30d] [--lang <lang>] [--market <market>] [--site public|internal] [--format text|json|markdown]';
const { values } = parseCommandLine(
  {
    options: {
      db: { type: 'string', default: 'data/collector.sqlite' },
      since: { type: 'string', default: '30d' },
      lang: { type: 'string' },
      market: { type: 'string' },
      site: { type: 'string' },
      format: { type: 'string', default: 'text' },
      today: { type: 'string' },
      limit: { type: 'string', default: '20' },
    },
  },
  usage,
);
const since = /^(\d+)([dw])$/.exec(values.since);
if (!since || Number(since[1]) < 1) usageError(`--since takes a number of days or weeks such as 30d or 4w, not "${values.since}".`, usage);
const days = Number(since[1]) * (since[2] === 'w' ? 7 : 1);
if (!['text', 'json', 'markdown'].includes(values.format)) usageError(`--format is text, json or markdown, not "${values.format}".`, usage);
const databaseUrl = process.env.DATABASE_URL || undefined;
if (!databaseUrl && !fs.existsSync(values.db)) usageError(`${values.db} does not exist: start the collector with npm run collect -- --db ${values.db}.`, usage);

// Owners from the content root, when it loads: "who should fix this page".
let owner: ((page: string, lang: string) => string | undefined) | undefined;
try {
  const { content } = collectContent(contentRoot(), 'internal', { html: false });
  owner = (page, lang) => {
    const langs = content.byRoute.get(page);
    return (langs?.get(lang) ?? langs?.get(content.site.defaultLanguage.code))?.owner;
  };
} catch {
  owner = undefined;
}

if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) usageError(`--today takes a date written YYYY-MM-DD, not "${values.today}".`, usage);
const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 1) usageError(`--limit takes a whole number, not "${values.limit}".`, usage);
// Up to the end of --today (the audit and the build pass theirs), else up to now.
const now = values.today ? Date.parse(`${values.today}T23:59:59Z`) / 1000 : nowSeconds();
const store = await openEventStore({ db: values.db, databaseUrl });
const report = await insights(store, { days, now, limit, filter: { lang: values.lang, market: values.market, site: values.site }, owner });
await store.close();
console.log(values.format === 'json' ? JSON.stringify(report, null, 2) : values.format === 'markdown' ? markdown(report) : text(report));

function change(now: number, before: number): string {
  if (!before) return now ? '(new)' : '';
  const pct = Math.round((100 * (now - before)) / before);
  return `(${pct >= 0 ? '+' : ''}${pct} % on the previous ${days} days)`;
}

function text(r: Insights): string {
  const t = r.totals;
  const list = (title: string, rows: { query: string; lang: string; count: number }[]) =>
    `${title}\n${rows.length ? rows.map((q) => `  ${String(q.count).padStart(5)}  ${q.lang.padEnd(6)} ${q.query}`).join('\n') : '  none'}`;
  return [
    `Searches and feedback, ${r.period.from} to ${r.period.to}${r.filter.lang ? `, language ${r.filter.lang}` : ''}${r.filter.market ? `, market ${r.filter.market}` : ''}`,
    `  ${t.searches} searches ${change(t.searches, t.previous.searches)}; ${Math.round(100 * t.zeroResultRate)} % found nothing (before: ${Math.round(100 * t.previous.zeroResultRate)} %)`,
    `  ${t.feedback} answers to "Was this helpful?", ${Math.round(100 * t.helpfulRate)} % yes (before: ${Math.round(100 * t.previous.helpfulRate)} %)`,
    '',
    list('Top searches', r.topQueries),
    '',
    list('Searches that found nothing (write or retitle a page, or add a synonym)', r.zeroResults),
    '',
    list('Searches with results but no click (check titles and descriptions)', r.noClick),
    '',
    `Synonyms suggested by reformulations (add to search/<lang>.yaml under synonyms:)\n${
      r.synonyms.length
        ? r.synonyms.map((s) => `  ${s.lang}: ${s.yaml.trim()}   (${s.count}×: "${s.from}" found nothing, then "${s.to}")`).join('\n')
        : '  none'
    }`,
    '',
    `Least helpful pages\n${
      r.unhelpful.length
        ? r.unhelpful
            .map(
              (p) =>
                `  ${Math.round(100 * p.helpful)} % helpful (${p.yes} yes, ${p.no} no)  ${p.lang}/${p.page}  owner: ${p.owner ?? 'none'}${
                  Object.keys(p.reasons).length
                    ? `\n      reasons: ${Object.entries(p.reasons)
                        .map(([k, v]) => `${k} ${v}`)
                        .join(', ')}`
                    : ''
                }${p.comments.map((c) => `\n      “${c}”`).join('')}`,
            )
            .join('\n')
        : '  none'
    }`,
  ].join('\n');
}

function markdown(r: Insights): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
  const table = (rows: { query: string; lang: string; count: number }[]) =>
    rows.length
      ? `| Searches | Language | Query |\n| ---: | --- | --- |\n${rows.map((q) => `| ${q.count} | ${q.lang} | ${cell(q.query)} |`).join('\n')}`
      : '_None._';
  const t = r.totals;
  return [
    `## Searches and feedback, ${r.period.from} to ${r.period.to}`,
    '',
    `${t.searches} searches ${change(t.searches, t.previous.searches)}, ${Math.round(100 * t.zeroResultRate)} % with no result; ${t.feedback} feedback answers, ${Math.round(100 * t.helpfulRate)} % helpful.`,
    '',
    '### Searches that found nothing',
    '',
    table(r.zeroResults),
    '',
    '### Searches with results but no click',
    '',
    table(r.noClick),
    '',
    '### Synonyms to consider',
    '',
    r.synonyms.length ? `\`\`\`yaml\n${r.synonyms.map((s) => `# ${s.lang}: ${s.count}×\n${s.yaml}`).join('\n')}\n\`\`\`` : '_None._',
    '',
    '### Least helpful pages',
    '',
    r.unhelpful.length
      ? `| Helpful | Page | Owner | Reasons |\n| ---: | --- | --- | --- |\n${r.unhelpful
          .map(
            (p) =>
              `| ${Math.round(100 * p.helpful)} % (${p.yes}/${p.yes + p.no}) | ${p.lang}/${p.page} | ${p.owner ?? '–'} | ${cell(
                Object.entries(p.reasons)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(', '),
              )} |`,
          )
          .join('\n')}`
      : '_None._',
    '',
  ].join('\n');
}
