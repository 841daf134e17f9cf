/**
 * Hostile and mistaken content: links that would make the loader read what it must not, files
 * whose text must not be copied into error messages, and characters that change what text means.
 * Each case either fails with a clear error naming the file, or is shown not to leak (with a
 * positive control showing the canary is found where it should be).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ContentError, excerpt, formatProblems, type Problem } from '../../src/content/errors.ts';
import { collectContent, loadContent } from '../../src/content/load.ts';
import { contentRoot } from '../../src/content/root.ts';
import { loadLocaleOverrides } from '../../src/content/locales.ts';
import { loadSite } from '../../src/content/site.ts';
import { audit } from '../../src/audit/index.ts';
import { projectRoot } from '../helpers/build.ts';
import { tempContent } from '../helpers/content.ts';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

/** A copy of the basic fixture with `files` written and `links` (path → link target) created. */
function root(files: Record<string, string | Uint8Array | null> = {}, links: Record<string, string> = {}): string {
  const r = tempContent('basic', files);
  temps.push(r);
  for (const [rel, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(r, rel)), { recursive: true });
    fs.symlinkSync(target, path.join(r, rel));
  }
  return r;
}

function problemsOf(r: string, target: 'public' | 'internal' = 'internal'): Problem[] {
  try {
    loadContent(r, target);
  } catch (e) {
    if (e instanceof ContentError) return [...e.problems];
    throw e;
  }
  return [];
}

/** Every text a run could print or publish: the report, and the HTML of every loaded page. */
function everything(r: string, target: 'public' | 'internal'): string {
  const { content, problems } = collectContent(r, target);
  return `${formatProblems(problems)}\n${content.entries.map((e) => `${e.html} ${JSON.stringify(e.data)}`).join('\n')}`;
}

const article = (front: string, body = 'Text.') => `---\n${front}\n---\n\n${body}\n`;
const CULTURE = 'CANARY-CULTURE-8e0c';
/** A secret whose end must never appear in any message: only a short prefix may be quoted. */
const SECRET = `SECRET-START ${'k'.repeat(120)} SECRET-END`;

describe('raw HTML that must not run', () => {
  test('a <script> is refused, naming the file and line', () => {
    expect(problemsOf(root({ 'help/en/orders/evil.md': article('title: Evil\ndescription: D', '<script>alert(1)</script>') }))).toMatchObject([
      { code: 'HtmlNotAllowed', file: 'help/en/orders/evil.md', line: 6 },
    ]);
  });

  test('iframes are refused while the site lists no embeds (a build with embeds: tests/build/hardening.test.ts)', () => {
    const body = '<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>\n\n<iframe src="https://evil.example/x"></iframe>';
    expect(problemsOf(root({ 'help/en/orders/v.md': article('title: T\ndescription: D', body) }))).toMatchObject([
      { code: 'HtmlNotAllowed', line: 6 },
      { code: 'HtmlNotAllowed' },
    ]);
  });
});

describe('content is read, not followed', () => {
  test('the basic fixture loads cleanly for both sites (control)', () => {
    expect(problemsOf(root(), 'internal')).toEqual([]);
    expect(problemsOf(root(), 'public')).toEqual([]);
  });

  test('a folder link that would publish culture guides as help articles is refused, and nothing of them is loaded', () => {
    const r = root({}, { 'help/en/guides': '../../culture/en' });
    expect(problemsOf(r, 'public')).toMatchObject([{ code: 'SymbolicLink', file: 'help/en/guides' }]);
    expect(everything(r, 'public')).not.toContain(CULTURE);
    // Control: the canary is there for the internal site, from its real place.
    const internal = collectContent(r, 'internal');
    expect(internal.content.entries.find((e) => e.file === 'culture/en/de.md')?.html).toContain(CULTURE);
  });

  test('a file link to an SOP is refused instead of being silently dropped or read', () => {
    const r = root({}, { 'help/en/orders/where.mdx': '../../../sop/en/orders/where-is-my-order.mdx' });
    expect(problemsOf(r, 'public')).toMatchObject([
      { code: 'SymbolicLink', file: 'help/en/orders/where.mdx', message: expect.stringContaining('symbolic link') },
    ]);
    expect(problemsOf(r, 'public')[0]!.hint).toContain('copy the file into place, or point CONTENT_DIR at the real folder');
  });

  test('links in place of the data files are refused and never read', () => {
    const secretFile = path.join(root(), 'secret.txt');
    fs.writeFileSync(secretFile, `${SECRET}\n`);
    const r = root({ 'site.yaml': null }, { 'site.yaml': secretFile, 'markets/fr.yaml': secretFile, 'locales/de.json': secretFile });
    const p = problemsOf(r, 'public');
    expect(
      p
        .filter((x) => x.code === 'SymbolicLink')
        .map((x) => x.file)
        .sort(),
    ).toEqual(['locales/de.json', 'markets/fr.yaml', 'site.yaml']);
    expect(formatProblems(p)).not.toContain('SECRET');
  });

  test('a linked data folder (markets/, locales/) is refused as a whole', () => {
    const other = root();
    const r = root({ 'markets/de.yaml': null, 'markets/us.yaml': null }, { locales: path.join(other, 'help') });
    fs.rmdirSync(path.join(r, 'markets'));
    fs.symlinkSync(path.join(other, 'markets'), path.join(r, 'markets'));
    expect(
      problemsOf(r, 'public')
        .filter((x) => x.code === 'SymbolicLink')
        .map((x) => x.file)
        .sort(),
    ).toEqual(['locales', 'markets']);
  });

  test('links under sop/ and culture/ fail the internal site; the public site never reads those folders', () => {
    const r = root({}, { 'sop/en/copied': '../../help/en/orders', 'culture/en/fr.md': 'de.md' });
    expect(
      problemsOf(r, 'internal')
        .map((x) => [x.code, x.file])
        .sort(),
    ).toEqual([
      ['SymbolicLink', 'culture/en/fr.md'],
      ['SymbolicLink', 'sop/en/copied'],
    ]);
    expect(problemsOf(r, 'public')).toEqual([]);
  });

  test('a dangling link is reported too, but an editor lock file (.#name) is ignored', () => {
    const r = root({}, { 'help/en/orders/gone.md': '/nonexistent/file.md', 'help/en/orders/.#track-your-order.md': 'editor@host.1234:1700000000' });
    expect(problemsOf(r).map((x) => [x.code, x.file])).toEqual([['SymbolicLink', 'help/en/orders/gone.md']]);
  });

  test('the content root itself may be a link', () => {
    const r = root();
    const link = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'signpost-link-')), 'content');
    temps.push(path.dirname(link));
    fs.symlinkSync(r, link);
    expect(contentRoot({ CONTENT_DIR: link })).toBe(fs.realpathSync(r));
    expect(problemsOf(contentRoot({ CONTENT_DIR: link }))).toEqual([]);
  });

  test('the audit reports links like any other invalid content', () => {
    const r = root({}, { 'help/en/guides': '../../culture/en' });
    expect(audit(r, { today: '2026-11-24' }).findings).toContainEqual(
      expect.objectContaining({ kind: 'invalid-content', file: 'help/en/guides', severity: 'error' }),
    );
  });

  test('npm run validate reports links and exits 1', () => {
    const r = root({}, { 'help/en/guides': '../../culture/en' });
    const run = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/validate.ts')], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: r },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('help/en/guides  SymbolicLink');
  });
});

describe('error messages quote at most a short, escaped excerpt', () => {
  test('excerpt quotes, escapes control, line and bidi characters, and cuts at 60 characters', () => {
    expect(excerpt('a\nb\u0000c\u202Ed')).toBe('"a\\nb\\u0000c\\u202ed"');
    expect(excerpt('x'.repeat(100))).toBe(`"${'x'.repeat(60)}…"`);
    expect(excerpt('🙂'.repeat(61))).toBe(`"${'🙂'.repeat(60)}…"`);
    expect(excerpt(12)).toBe('12');
    expect(excerpt({ a: SECRET })).toBe('a mapping');
  });

  // Files that are really something else: each is a valid or broken YAML/JSON document whose
  // text would be copied into the message by the parser or by the schema's "got …".
  const impostors: Record<string, string> = {
    'a plain text file': `${SECRET}\n`,
    'a private key': `-----BEGIN PRIVATE KEY-----\n${SECRET}\n-----END PRIVATE KEY-----\n`,
    'a password file': `root:x:0:0:${SECRET}:/root:/bin/bash\n`,
    'broken YAML': `name: [${SECRET}\n`,
    'a YAML tag': `!${SECRET.replace(/ /g, '-')} x\n`,
    'a long unknown key': `${SECRET.replace(/ /g, '_')}: 1\n`,
    'a wrong value type': `name: Shop\ndue_soon_days: "${SECRET}"\n`,
  };

  test.each(Object.entries(impostors))('site.yaml holding %s fails without quoting it', (_, text) => {
    const r = root({ 'site.yaml': text });
    const report = formatProblems(problemsOf(r, 'public'));
    expect(report).toMatch(/site\.yaml(:\d+)* {2}(DataInvalid|YamlSyntax|UnknownKey)/);
    expect(report).not.toContain('SECRET-END');
    expect(report).not.toContain('kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk');
  });

  test('the schema still shows the start of a wrong value (control: the excerpt is there)', () => {
    const report = formatProblems(problemsOf(root({ 'site.yaml': `${SECRET}\n` }), 'public'));
    expect(report).toContain('(got "SECRET-START kkk');
  });

  test('frontmatter in a broken or foreign format fails without quoting it', () => {
    const p = problemsOf(
      root({
        'help/en/orders/a.md': `---\ntitle: T\ndescription: D\nreviewed: "${SECRET}"\n---\n`,
        'help/en/orders/b.md': `---\ntitle: !${SECRET.replace(/ /g, '-')} x\ndescription: D\n---\n`,
        'help/en/orders/c.md': `---\ntitle: T\ndescription: *${SECRET.replace(/ /g, '-')}\n---\n`,
        'help/en/orders/d.md': `---\n${SECRET.replace(/ /g, '_')}: T\ntitle: T\ndescription: D\n---\n`,
      }),
    );
    expect(p.map((x) => x.file).sort()).toEqual(['help/en/orders/a.md', 'help/en/orders/b.md', 'help/en/orders/c.md', 'help/en/orders/d.md']);
    expect(formatProblems(p)).not.toContain('SECRET-END');
  });

  test('a locale file that is not JSON is reported by line, never by quoting it', () => {
    const text = `\n\n${SECRET}\n`;
    // Control: JSON.parse's own message would have quoted the file.
    expect(() => JSON.parse(text)).toThrow(/SECRET/);
    const p = problemsOf(root({ 'locales/de.json': text }), 'public');
    expect(p).toMatchObject([{ code: 'LocaleInvalid', file: 'locales/de.json', line: 3 }]);
    expect(formatProblems(p)).not.toContain('SECRET');
  });

  test('a file name with control characters is shown escaped in the report', () => {
    const p = problemsOf(root({ 'help/en/orders/a\u001b[31mred.md': article('title: T\ndescription: D') }));
    expect(formatProblems(p)).toContain('"help/en/orders/a\\u001b[31mred.md"');
    expect(formatProblems(p)).not.toContain('\u001b');
  });
});

describe('YAML aliases', () => {
  test('a scalar alias in frontmatter is refused at its line', () => {
    expect(problemsOf(root({ 'help/en/orders/a.md': article('title: &t Track\ndescription: *t') }))).toMatchObject([
      { code: 'YamlAlias', file: 'help/en/orders/a.md', line: 3 },
    ]);
  });

  test('an anchor nothing refers to is refused too, in frontmatter and in data', () => {
    expect(problemsOf(root({ 'help/en/orders/a.md': article('title: &t Track\ndescription: D') }))).toMatchObject([{ code: 'YamlAlias', line: 2 }]);
    const site = fs.readFileSync(path.join(root(), 'site.yaml'), 'utf8');
    expect(problemsOf(root({ 'site.yaml': site.replace('name: Fixture Shop', 'name: &n Fixture Shop') }))).toMatchObject([
      { code: 'YamlAlias', file: 'site.yaml', line: 1 },
    ]);
  });

  test('a scalar alias in site data is refused at its line', () => {
    const site = fs.readFileSync(path.join(root(), 'site.yaml'), 'utf8');
    expect(problemsOf(root({ 'site.yaml': `x_anchor: &n Shop\n${site.replace('name: Fixture Shop', 'name: *n')}` }))).toMatchObject([
      { code: 'YamlAlias', file: 'site.yaml', line: 2 },
    ]);
  });
});

describe('control characters', () => {
  test('a NUL in an article fails naming the file and line', () => {
    expect(problemsOf(root({ 'help/en/orders/a.md': article('title: T\ndescription: D', 'One.\n\nTwo\u0000three.') }))).toMatchObject([
      { code: 'ControlCharacter', file: 'help/en/orders/a.md', line: 8, message: 'The file contains the control character U+0000 (NUL).' },
    ]);
  });

  test('a NUL in a title or in market data fails too', () => {
    const market = fs.readFileSync(path.join(root(), 'markets/de.yaml'), 'utf8');
    const p = problemsOf(root({ 'help/en/orders/a.md': article('title: "T\u0000"\ndescription: D'), 'markets/de.yaml': `${market}\n# \u001b[2J\n` }), 'public');
    expect(p.map((x) => [x.code, x.file, x.line])).toEqual(
      expect.arrayContaining([
        ['ControlCharacter', 'help/en/orders/a.md', 2],
        ['ControlCharacter', 'markets/de.yaml', market.split('\n').length + 1],
      ]),
    );
  });

  test('tab, form feed and Windows line ends are fine', () => {
    expect(problemsOf(root({ 'help/en/orders/a.md': article('title: T\ndescription: D', 'Tab\there.\r\n\fPage two.') }))).toEqual([]);
  });
});

describe('bidi controls ("Trojan Source")', () => {
  test('an override in a title fails naming the file and line', () => {
    expect(problemsOf(root({ 'help/en/orders/a.md': article('title: Refund \u202Eeerf\u202C\ndescription: D') }))).toMatchObject([
      { code: 'BidiControl', file: 'help/en/orders/a.md', line: 2, hint: expect.stringContaining('Trojan Source') },
    ]);
  });

  test('an isolate written as a YAML escape is caught as well', () => {
    expect(problemsOf(root({ 'help/en/orders/a.md': article('title: T\ndescription: "D \\u2066x\\u2069"') }))).toMatchObject([
      { code: 'BidiControl', line: 3 },
    ]);
  });

  test('an override in a file or folder name fails naming the path, escaped', () => {
    const p = problemsOf(
      root({ 'help/en/orders/invoice\u202Etxt.md': article('title: T\ndescription: D'), 'help/en/re\u2067turns/a.md': article('title: T\ndescription: D') }),
    );
    expect(p.map((x) => [x.code, x.file]).sort()).toEqual([
      ['BidiControl', 'help/en/orders/invoice\u202Etxt.md'],
      ['BidiControl', 'help/en/re\u2067turns'],
    ]);
    expect(formatProblems(p)).toContain('"help/en/orders/invoice\\u202etxt.md"');
  });

  test('in a site name and in a UI string', () => {
    const site = fs.readFileSync(path.join(root(), 'site.yaml'), 'utf8');
    const p = problemsOf(
      root({ 'site.yaml': site.replace('name: Fixture Shop', 'name: Fixture \u202EShop'), 'locales/de.json': '{ "fact.x": "a\u2068b" }' }),
      'public',
    );
    expect(p.map((x) => [x.code, x.file, x.line]).sort()).toEqual([
      ['BidiControl', 'locales/de.json', 1],
      ['BidiControl', 'site.yaml', 1],
    ]);
  });

  test('Arabic text with RLM/LRM marks is fine', () => {
    expect(problemsOf(root({ 'help/ar/orders/a.md': article('title: "تتبع الطلب \u200FKG-123\u200E"\ndescription: وصف') }))).toEqual([]);
  });
});

describe('locale overrides in the content root', () => {
  const strings = (json: object | string, lang = 'de') =>
    problemsOf(root({ [`locales/${lang}.json`]: typeof json === 'string' ? json : JSON.stringify(json, null, 2) }), 'public');

  test('known keys, fact labels, SOP area names and plural forms are accepted', () => {
    expect(
      strings({
        'search.title': 'Hilfe durchsuchen',
        'fact.my_fact': 'Mein Fakt',
        'sop.area.customs': 'Zoll',
        'audit.overdue_few': 'Überfällig seit {{count}} Tagen — {{owner}}',
      }),
    ).toEqual([]);
  });

  test('a file for a language the site does not have', () => {
    expect(strings({ 'fact.x': 'X' }, 'dee')).toMatchObject([
      { code: 'UnknownLanguage', file: 'locales/dee.json', message: '"dee" is not a language of this site. Did you mean "de"?' },
    ]);
  });

  test('an unknown key, with a did-you-mean and its line', () => {
    expect(strings({ 'fact.x': 'X', 'search.titel': 'Suche' })).toMatchObject([
      { code: 'LocaleInvalid', file: 'locales/de.json', line: 3, message: 'Signpost has no UI string "search.titel". Did you mean "search.title"?' },
    ]);
  });

  test('a prefix alone is not a key', () => {
    expect(strings({ 'fact.': 'X' })).toMatchObject([{ code: 'LocaleInvalid' }]);
  });

  test('nested objects and non-text values', () => {
    expect(strings({ search: { title: 'Suche' }, 'fact.x': 3 }).map((x) => x.message)).toEqual([
      'The value of "search" must be text, not a mapping; keys are flat ("fact.vat_rate": "VAT rate").',
      'The value of "fact.x" must be text, not 3; keys are flat ("fact.vat_rate": "VAT rate").',
    ]);
  });

  test('placeholders must match the English text', () => {
    expect(strings({ 'contact.title': 'Kontakt in {{markt}}', 'fact.x': 'X {{y}}' }).map((x) => x.message)).toEqual([
      'The text of "contact.title" has the placeholders "{{markt}}"; the English text has {{market}}.',
      'The text of "fact.x" has the placeholders "{{y}}"; the English text has none.',
    ]);
  });

  test('the file must be one JSON object', () => {
    expect(strings('["a"]')).toMatchObject([{ code: 'LocaleInvalid', message: 'The file must hold one JSON object of "key": "text" pairs.' }]);
  });

  test("the sample content's overrides are all valid", () => {
    const sample = path.join(projectRoot, 'content');
    expect(loadLocaleOverrides(sample, loadSite(sample).site).problems).toEqual([]);
  });
});
