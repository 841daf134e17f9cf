/**
 * Reproducible builds and hostile input in real builds (refusals that need no build:
 * tests/unit/hostile-input.test.ts; pathological input: tests/unit/robustness.test.ts).
 * Four builds for the whole file, side by side: the basic fixture again, copies of it (outside git)
 * as it is and with one file in CRLF with a BOM, and one content root holding every hostile page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { buildSite, fixture, hashTree, read, type BuildResult } from '../helpers/build.ts';
import { tempContent } from '../helpers/content.ts';
import { BASIC_TODAY } from '../helpers/sites.ts';

const env = { SIGNPOST_TODAY: BASIC_TODAY };
const track = 'help/en/orders/track-your-order.md';
const site = fs.readFileSync(path.join(fixture('basic'), 'site.yaml'), 'utf8');
// The page with a markup title is in another category, so that no other hostile page lists it
// (escaped, inert) among its related articles.
const hostile = {
  'help/en/orders/evil.md':
    '---\ntitle: Evil\ndescription: D\n---\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<a href="JaVaScRiPt:alert(4)">x</a>\n',
  'help/en/returns/x.md': '---\ntitle: "<img src=x onerror=alert(1)> Title"\ndescription: "<b>bold</b>"\n---\n\nBody.\n',
  'help/en/orders/v.md':
    '---\ntitle: T\ndescription: D\n---\n\n<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>\n\n<iframe src="https://evil.example/x"></iframe>\n',
  'site.yaml': `${site}embeds: [https://www.youtube-nocookie.com]\n`,
};

let again: BuildResult;
let crlf: BuildResult;
let copy: BuildResult;
let evil: BuildResult;
beforeAll(async () => {
  const text = fs.readFileSync(path.join(fixture('basic'), track), 'utf8');
  [again, crlf, copy, evil] = await Promise.all([
    buildSite(fixture('basic'), 'internal', undefined, env),
    buildSite(tempContent('basic', { [track]: `\uFEFF${text.replace(/\n/g, '\r\n')}` }), 'public', undefined, env),
    buildSite(tempContent('basic', {}), 'public', undefined, env),
    buildSite(tempContent('basic', hostile), 'public', undefined, env),
  ]);
  for (const r of [again, crlf, copy, evil]) expect(r.status, r.output).toBe(0);
});

describe('reproducible builds', () => {
  test('two clean builds of the same content give byte-identical output', () => {
    const first = hashTree(inject('basicInternalDir'));
    expect(Object.keys(first).length).toBeGreaterThan(50);
    expect(hashTree(again.outDir)).toEqual(first);
  });

  test('LF, CRLF and BOM versions of a file build the same site, byte for byte', () => {
    expect(read(crlf.outDir, 'en/help/orders/track-your-order/index.html')).toContain('Every order gets a tracking number by email.');
    // Both copies are outside git: translation state comes from the same dates (exports/records.ts).
    expect(hashTree(crlf.outDir)).toEqual(hashTree(copy.outDir));
  });

  test('content outside git builds the same pages as in git; only the translation state may differ', () => {
    const inGit = hashTree(inject('basicPublicDir'));
    const outside = hashTree(copy.outDir);
    expect(Object.keys(outside).sort()).toEqual(Object.keys(inGit).sort());
    const differ = Object.keys(inGit).filter((f) => inGit[f] !== outside[f]);
    expect(differ.filter((f) => f.endsWith('.html'))).toEqual([]);
  });
});

describe('hostile content', () => {
  test('an event handler and a javascript: URL never reach the page', () => {
    const page = read(evil.outDir, 'en/help/orders/evil/index.html');
    const body = page.slice(page.indexOf('<main'));
    expect(body).toContain('<img src="x"');
    expect(body).not.toMatch(/alert\(|onerror|javascript:/i);
  });

  test('a title with markup is shown as text everywhere, including search metadata', () => {
    const page = read(evil.outDir, 'en/help/returns/x/index.html');
    // In attribute values (<meta content="…">) markup is inert text; as content it is escaped.
    expect(page.replace(/="[^"]*"/g, '=""')).not.toMatch(/<img src=x|<b>bold/);
    expect(page).toContain('<h1 data-pagefind-meta="title">&lt;img src=x onerror=alert(1)&gt; Title</h1>');
    expect(page).toContain('<title>&lt;img src=x onerror=alert(1)&gt; Title');
  });

  test('with embeds listed, iframes are kept only from the listed origins', () => {
    const page = read(evil.outDir, 'en/help/orders/v/index.html');
    expect(page).toContain('<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video">');
    expect(page).not.toContain('evil.example');
    expect(page).toMatch(/frame-src https:\/\/www\.youtube-nocookie\.com/);
  });
});
