/** Reproducible builds and hostile input (pathological input: tests/unit/robustness.test.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, fixture, hashTree, read } from '../helpers/build.ts';
import { tempContent } from '../helpers/content.ts';
import { collectContent } from '../../src/content/load.ts';

/** The problems of the basic fixture with `files` changed, without building. */
const problemsOf = (files: Record<string, string>) => collectContent(tempContent('basic', files), 'internal').problems;

describe('reproducible builds', () => {
  test('two clean builds of the same content give byte-identical output', () => {
    const env = { SIGNPOST_TODAY: '2026-11-24' };
    const a = buildSite(fixture('basic'), 'internal', undefined, env);
    const b = buildSite(fixture('basic'), 'internal', undefined, env);
    expect(a.status, a.output).toBe(0);
    expect(b.status, b.output).toBe(0);
    const ha = hashTree(a.outDir);
    expect(Object.keys(ha).length).toBeGreaterThan(50);
    expect(hashTree(b.outDir)).toEqual(ha);
  });

  test('LF, CRLF and BOM versions of a file build the same page', () => {
    const text = fs.readFileSync(path.join(fixture('basic'), 'help/en/orders/track-your-order.md'), 'utf8');
    const crlf = buildSite(tempContent('basic', { 'help/en/orders/track-your-order.md': `\uFEFF${text.replace(/\n/g, '\r\n')}` }), 'public');
    const lf = buildSite(fixture('basic'), 'public');
    expect(crlf.status, crlf.output).toBe(0);
    expect(read(crlf.outDir, 'en/help/orders/track-your-order/index.html')).toBe(read(lf.outDir, 'en/help/orders/track-your-order/index.html'));
  });
});

describe('hostile content', () => {
  test('a <script> is refused; an event handler and a javascript: URL never reach the page', () => {
    const script = problemsOf({ 'help/en/orders/evil.md': '---\ntitle: Evil\ndescription: D\n---\n\n<script>alert(1)</script>\n' });
    expect(script).toMatchObject([{ code: 'HtmlNotAllowed', file: 'help/en/orders/evil.md', line: 6 }]);
    const root = tempContent('basic', {
      'help/en/orders/evil.md': '---\ntitle: Evil\ndescription: D\n---\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<a href="JaVaScRiPt:alert(4)">x</a>\n',
    });
    const r = buildSite(root, 'public');
    expect(r.status, r.output).toBe(0);
    const page = read(r.outDir, 'en/help/orders/evil/index.html');
    const body = page.slice(page.indexOf('<main'));
    expect(body).toContain('<img src="x"');
    expect(body).not.toMatch(/alert\(|onerror|javascript:/i);
  });

  test('a title with markup is shown as text everywhere, including search metadata', () => {
    const root = tempContent('basic', { 'help/en/orders/x.md': '---\ntitle: "<img src=x onerror=alert(1)> Title"\ndescription: "<b>bold</b>"\n---\n\nBody.\n' });
    const r = buildSite(root, 'public');
    expect(r.status, r.output).toBe(0);
    const page = read(r.outDir, 'en/help/orders/x/index.html');
    // In attribute values (<meta content="…">) markup is inert text; as content it is escaped.
    expect(page.replace(/="[^"]*"/g, '=""')).not.toMatch(/<img src=x|<b>bold/);
    expect(page).toContain('<h1 data-pagefind-meta="title">&lt;img src=x onerror=alert(1)&gt; Title</h1>');
    expect(page).toContain('<title>&lt;img src=x onerror=alert(1)&gt; Title');
  });

  test('iframes are refused unless embeds are listed, and kept only from the listed origins', () => {
    const body = '---\ntitle: T\ndescription: D\n---\n\n<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>\n\n<iframe src="https://evil.example/x"></iframe>\n';
    expect(problemsOf({ 'help/en/orders/v.md': body })).toMatchObject([{ code: 'HtmlNotAllowed', line: 6 }, { code: 'HtmlNotAllowed' }]);
    const site = fs.readFileSync(path.join(fixture('basic'), 'site.yaml'), 'utf8');
    const allowed = buildSite(tempContent('basic', { 'help/en/orders/v.md': body, 'site.yaml': `${site}embeds: [https://www.youtube-nocookie.com]\n` }), 'public');
    const page = read(allowed.outDir, 'en/help/orders/v/index.html');
    expect(page).toContain('<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video">');
    expect(page).not.toContain('evil.example');
    expect(page).toMatch(/frame-src https:\/\/www\.youtube-nocookie\.com/);
  });
});
