/**
 * The exports for machines in the real output of the `basic` fixture, built as both sites:
 * Markdown twins, llms-full.txt and the JSON export, validated against the committed JSON Schemas
 * (schemas/export-*.schema.json) with an independent validator, and scanned for agent-only text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import yaml from 'js-yaml';
import { describe, expect, inject, test } from 'vitest';
import { fixture, projectRoot, walk } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';
import { CANARIES } from '../helpers/sites.ts';
import { loadContent } from '../../src/content/load.ts';
import { buildRoutes } from '../../src/content/routes.ts';
import { writeExports } from '../../src/exports/index.ts';

const pub = inject('basicPublicDir');
const internal = inject('basicInternalDir');
const SITE = 'https://help.fixture.example';
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const json = <T = unknown>(dir: string, file: string) => JSON.parse(read(dir, file)) as T;
const local = (dir: string, url: string) => path.join(dir, new URL(url).pathname);

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validator = (name: string) => ajv.compile(JSON.parse(fs.readFileSync(path.join(projectRoot, 'schemas', `${name}.schema.json`), 'utf8')));
const schemas = {
  root: validator('export-root'),
  index: validator('export-index'),
  record: validator('export-record'),
  internalRecord: validator('export-record-internal'),
};

interface Record {
  id: string;
  type: string;
  lang: string;
  url: string;
  canonical: string;
  markdown_url: string;
  body?: string;
  translation: { status: string; source_lang: string; source_url: string };
  facts: { [market: string]: { [name: string]: { text: string } } };
  owner?: string;
  audit?: { status: string; findings: { kind: string }[] };
  replies?: { lang: string; title?: string; body: string }[];
  decisions?: { situation: string; action: string }[];
  escalation?: string;
}
interface Index {
  count: number;
  parts: { url: string; count: number; bytes: number }[];
  markets: { id: string; facts: { [name: string]: { text: string } } }[];
}

/** Every record of a language, read through its index, each part checked against its stated size. */
function records(dir: string, lang: string): Record[] {
  const index = json<Index>(dir, `api/${lang}/index.json`);
  const all = index.parts.flatMap((p) => {
    expect(fs.statSync(local(dir, p.url)).size).toBe(p.bytes);
    const list = JSON.parse(fs.readFileSync(local(dir, p.url), 'utf8')) as Record[];
    expect(list).toHaveLength(p.count);
    return list;
  });
  expect(all).toHaveLength(index.count);
  return all;
}
const errors = (v: ReturnType<typeof validator>, data: unknown) => (v(data) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('the JSON export', () => {
  test('every file of both sites validates against its committed JSON Schema', () => {
    for (const [dir, recordSchema] of [
      [pub, schemas.record],
      [internal, schemas.internalRecord],
    ] as const) {
      const root = json<{ languages: { lang: string; url: string }[] }>(dir, 'api/index.json');
      expect(errors(schemas.root, root)).toEqual([]);
      expect(root.languages.map((l) => l.lang)).toEqual(['en', 'de', 'ar', 'ja', 'zh-cn']);
      for (const { lang, url } of root.languages) {
        expect(url).toBe(`${SITE}/api/${lang}/index.json`);
        expect(errors(schemas.index, json(dir, `api/${lang}/index.json`)), lang).toEqual([]);
        for (const r of records(dir, lang)) expect(errors(recordSchema, r), `${lang} ${r.id}`).toEqual([]);
      }
    }
  });

  test('the public schema refuses a record of the agents’ export', () => {
    const sop = records(internal, 'en').find((r) => r.type === 'sop')!;
    expect(errors(schemas.record, sop).join('\n')).toMatch(/additional properties|must be equal to one of the allowed values/);
  });

  test('a public record has the page’s text with its facts resolved for the market, and no owner or audit state', () => {
    const de = records(pub, 'de').find((r) => r.id === 'policies/de/returns')!;
    expect(de.translation.status).toBe('current');
    expect(de.body).toContain('Sie können innerhalb von 14 Tage widerrufen');
    expect(de.facts.de!.withdrawal_days!.text).toBe('14 Tage');
    expect(de.facts.de!.delivery_days!.text).toBe('2–4 Tage');
    expect(de).not.toHaveProperty('owner');
    expect(de).not.toHaveProperty('audit');
    expect(read(pub, 'api/de/entries-0001.json')).not.toMatch(/legal-fixture|senior-support/);
  });

  test('a fallback is marked as such, has no body, and points to the text it shows', () => {
    const fallback = records(pub, 'de').find((r) => r.id === 'help/returns/start-a-return')!;
    expect(fallback.translation).toEqual({ status: 'fallback', source_lang: 'en', source_url: `${SITE}/en/help/returns/start-a-return/` });
    expect(fallback.url).toBe(`${SITE}/de/help/returns/start-a-return/`);
    expect(fallback.canonical).toBe(`${SITE}/en/help/returns/start-a-return/`);
    expect(fallback.markdown_url).toBe(`${SITE}/en/help/returns/start-a-return/index.md`);
    expect(fallback).not.toHaveProperty('body');
    // The original is the source of its own record.
    expect(records(pub, 'en').find((r) => r.id === 'help/returns/start-a-return')!.translation.status).toBe('source');
  });

  test('each language’s index lists every market with its facts in that language', () => {
    const ja = json<Index>(pub, 'api/ja/index.json');
    expect(ja.markets.map((m) => m.id)).toEqual(['de', 'us']);
    expect(ja.markets[0]!.facts.withdrawal_days!.text).toBe('14 日');
    // Holidays too, so a bot can tell whether a parcel moves tomorrow; a name missing in a language is in English.
    expect(json<{ markets: { holidays?: unknown[] }[] }>(pub, 'api/de/index.json').markets[0]!.holidays).toEqual([
      { date: '2026-12-24', name: 'Heiligabend', deliveries: true, support: false, approximate: false },
      { date: '2026-12-25', name: '1. Weihnachtstag', deliveries: false, support: false, approximate: false },
      { date: '2026-12-26', name: '2. Weihnachtstag', deliveries: false, support: false, approximate: false },
    ]);
    expect((ja.markets[0] as { holidays?: { name: string }[] }).holidays?.[1]?.name).toBe('Christmas Day');
  });

  test('an agents’ record carries owner, audit state, escalation, decisions and the replies in their languages', () => {
    const sop = records(internal, 'en').find((r) => r.id === 'sop/orders/where-is-my-order')!;
    expect(sop.owner).toBe('senior-support');
    expect(sop.escalation).toBe('logistics');
    expect(sop.decisions).toEqual([{ situation: 'The parcel is held at customs', action: 'Explain the customs process.' }]);
    expect(sop.replies).toEqual([
      { lang: 'de', title: 'Paket unterwegs', body: 'Guten Tag, Ihr Paket ist unterwegs. CANARY-REPLY-DE-44aa' },
      { lang: 'en', title: 'Parcel on its way', body: 'Hello, your parcel is on its way.' },
    ]);
    // The fixture is built for 2027-06-01: its pages reviewed in 2026 are overdue and must not be quoted as they stand.
    expect(sop.audit!.status).toBe('outdated');
    expect(sop.audit!.findings.map((f) => f.kind)).toContain('review-overdue');
  });
});

describe('Markdown twins and llms-full.txt', () => {
  test('a twin of an MDX policy has its metadata and its facts resolved, and no component tag', () => {
    const twin = read(pub, 'de/policies/de/returns/index.md');
    const [, front, body] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(twin)!;
    expect(yaml.load(front!)).toMatchObject({
      title: 'Widerrufsrecht',
      lang: 'de',
      type: 'policy',
      url: `${SITE}/de/policies/de/returns/`,
      markets: ['de'],
      reviewed: '2026-11-01',
      effective: '2026-01-01',
      translation: 'current',
    });
    expect(body).toBe(
      '# Widerrufsrecht\n\n## Widerrufsfrist\n\nSie können innerhalb von 14 Tage widerrufen. Die Mehrwertsteuer beträgt 19\u00a0%, die Lieferung dauert 2–4 Tage.\n',
    );
    expect(twin).not.toMatch(/<Fact|<\/?[A-Z]/);
  });

  test('every page that is its own text has a twin, linked from the page; a fallback page links to its source’s twin', () => {
    const page = read(pub, 'de/help/orders/track-your-order/index.html');
    expect(page).toContain(`<link rel="alternate" type="text/markdown" href="${SITE}/de/help/orders/track-your-order/index.md">`);
    expect(fs.existsSync(path.join(pub, 'de/help/orders/track-your-order/index.md'))).toBe(true);
    const fallback = read(pub, 'de/help/returns/start-a-return/index.html');
    expect(fallback).toContain(`<link rel="alternate" type="text/markdown" href="${SITE}/en/help/returns/start-a-return/index.md">`);
    expect(fs.existsSync(path.join(pub, 'de/help/returns/start-a-return/index.md'))).toBe(false);
    for (const r of records(pub, 'en')) expect(fs.existsSync(local(pub, r.markdown_url)), r.id).toBe(true);
  });

  test('llms-full.txt holds the language’s own pages with URL, markets and review date, and no fallback', () => {
    const de = read(pub, 'de/llms-full.txt');
    expect(de).toMatch(/^# Fixture Shop\n\n> \S/);
    expect(de).toContain(
      '# Widerrufsrecht\n\nSeite: https://help.fixture.example/de/policies/de/returns/\nMärkte: Deutschland\nZuletzt geprüft am 1. November 2026\n',
    );
    expect(de).toContain('innerhalb von 14 Tage widerrufen');
    expect(de).not.toContain('start-a-return');
    const list = read(pub, 'de/llms.txt');
    expect(list).toContain(`\n## Volltext und Daten\n\n- [Alle Seiten dieser Sprache in einer Textdatei](${SITE}/de/llms-full.txt)\n`);
    expect(list).toContain(`(${SITE}/api/de/index.json)`);
  });

  test('no export of the public site holds agent-only text, while the agents’ exports hold all of it', () => {
    const exported = (dir: string) => walk(dir).filter((f) => /\.md$|llms(-full)?\.txt$|[\\/]api[\\/]/.test(f));
    const publicFiles = exported(pub);
    expect(publicFiles.length).toBeGreaterThan(20);
    for (const f of publicFiles) {
      const text = fs.readFileSync(f, 'utf8');
      for (const c of CANARIES) expect(text.includes(c), `${c} in ${path.relative(pub, f)}`).toBe(false);
      expect(text, path.relative(pub, f)).not.toMatch(/\/sop\/|\/culture\//);
    }
    const agents = exported(internal)
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    for (const c of CANARIES) expect(agents, c).toContain(c);
    expect(read(internal, 'en/llms-full.txt')).toContain('CANARY-CULTURE-8e0c');
  });
});

test('a large export is split into parts of bounded size, listed in order by the index', () => {
  const dir = tempDir('exports-parts');
  const content = loadContent(fixture('basic'), 'public');
  const bound = 2200;
  writeExports(dir, content, buildRoutes(content), [], { partBytes: bound });
  const index = json<Index>(dir, 'api/en/index.json');
  expect(index.parts.length).toBeGreaterThanOrEqual(2);
  expect(index.parts.some((p) => p.count > 1)).toBe(true);
  index.parts.forEach((p, i) => {
    expect(p.url).toBe(`${SITE}/api/en/entries-${String(i + 1).padStart(4, '0')}.json`);
    // A part passes the bound only when it holds one record larger than the bound.
    if (p.count > 1) expect(p.bytes).toBeLessThanOrEqual(bound);
  });
  const all = records(dir, 'en');
  expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  for (const r of all) expect(errors(schemas.record, r), r.id).toEqual([]);
});
