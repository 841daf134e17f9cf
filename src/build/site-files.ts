/**
 * Files written next to the pages after a build: `_headers` (the security headers, with the CSP
 * collected from the pages), `_redirects` (each language's 404 page), the sitemap (public site
 * only, with hreflang alternates from the route table), robots.txt (the internal site
 * disallows everything and has no sitemap). The exports for machines are written by src/exports.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Content } from '../content/load.ts';
import type { Route } from '../content/routes.ts';
import { headersFile } from '../security/csp.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Sitemap XML for the pages that are their own canonical version (no fallbacks, no 404), and for
 * the root language picker, which the language homes name as their x-default (routes.ts).
 */
export function sitemapXml(siteUrl: string, routes: Route[]): string {
  const entry = (loc: string, alternates: Route['alternates']) =>
    [
      `  <url>`,
      `    <loc>${escapeXml(siteUrl + loc)}</loc>`,
      ...alternates.map((a) => `    <xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(siteUrl + a.href)}"/>`),
      `  </url>`,
    ].join('\n');
  const home = routes.find((r) => r.kind === 'home');
  const urls = [
    ...(home ? [entry('/', home.alternates)] : []),
    ...routes.filter((r) => r.kind !== 'notFound' && r.kind !== 'search' && !('isFallback' in r && r.isFallback)).map((r) => entry(r.canonical, r.alternates)),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

/** The `<head>` of an HTML file, read in small pieces: the policy is there, the body is not needed. */
function readHead(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16384);
    let text = '';
    for (let pos = 0; ; ) {
      const n = fs.readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) return text;
      text += buf.toString('utf8', 0, n);
      pos += n;
      const end = text.indexOf('</head>');
      if (end >= 0) return text.slice(0, end);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The union of every page's CSP <meta> (pages differ only in script and style hashes), for _headers. */
function collectPolicy(dir: string): string | undefined {
  const hashes = { script: new Set<string>(), style: new Set<string>() };
  const seen = new Set<string>();
  let base: string | undefined;
  const visit = (d: string) => {
    // In name order, so the policy is the same bytes however the folder came about (a merge of shards).
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'pagefind' && e.name !== '_astro') visit(p);
      } else if (e.name.endsWith('.html')) {
        const m = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(readHead(p));
        if (!m || seen.has(m[1]!)) continue;
        seen.add(m[1]!);
        const policy = m[1]!.replace(/&#39;/g, "'");
        for (const part of policy.split(';').map((x) => x.trim())) {
          const [name, ...values] = part.split(/\s+/);
          if (name === 'script-src' || name === 'style-src') {
            for (const v of values) if (v.startsWith("'sha")) hashes[name === 'script-src' ? 'script' : 'style'].add(v);
          }
        }
        base ??= policy;
      }
    }
  };
  visit(dir);
  if (!base) return undefined;
  return base
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, ...values] = part.split(/\s+/);
      if (name !== 'script-src' && name !== 'style-src') return part;
      const kind = name === 'script-src' ? 'script' : 'style';
      return [name, ...values.filter((v) => !v.startsWith("'sha")), ...hashes[kind]].join(' ');
    })
    .join('; ');
}

/**
 * Writes `_headers` from the pages in `dir`. A shard sees only its own pages, so the merge
 * (src/build/merge.ts) writes it again over the joined site.
 */
export function writeHeaders(dir: string, internal: boolean): void {
  const policy = collectPolicy(dir);
  if (policy) fs.writeFileSync(path.join(dir, '_headers'), headersFile(policy, internal));
}

/** Writes `_headers`, `_redirects`, robots.txt and (public site) sitemap.xml into the finished site in `dir`. */
export function writeSiteFiles(dir: string, content: Content, routes: Route[]): void {
  const { site } = content;
  writeHeaders(dir, content.target === 'internal');
  // Each language's own 404 page, for hosts that read _redirects (Netlify and others).
  fs.writeFileSync(path.join(dir, '_redirects'), `${site.languages.map((l) => `/${l.code}/*  /${l.code}/404/  404`).join('\n')}\n`);
  if (content.target === 'public') {
    fs.writeFileSync(path.join(dir, 'sitemap.xml'), sitemapXml(site.url, routes));
    fs.writeFileSync(path.join(dir, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${site.url}/sitemap.xml\n`);
  } else {
    fs.writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  }
}
