/**
 * Files written next to the pages after a build: the sitemap (public site only, with hreflang
 * alternates from the route table) and robots.txt (the internal site disallows everything and
 * has no sitemap).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Content } from '../content/load.ts';
import type { Route } from '../content/routes.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Sitemap XML for the pages that are their own canonical version (no fallbacks, no 404). */
export function sitemapXml(siteUrl: string, routes: Route[]): string {
  const urls = routes
    .filter((r) => r.kind !== 'notFound' && r.kind !== 'search' && !('isFallback' in r && r.isFallback))
    .map((r) => {
      const alternates = r.alternates.map((a) => `    <xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(siteUrl + a.href)}"/>`);
      return [`  <url>`, `    <loc>${escapeXml(siteUrl + r.canonical)}</loc>`, ...alternates, `  </url>`].join('\n');
    });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

export function writeSiteFiles(dir: string, content: Content, routes: Route[]): void {
  const { site } = content;
  if (content.target === 'public') {
    fs.writeFileSync(path.join(dir, 'sitemap.xml'), sitemapXml(site.url, routes));
    fs.writeFileSync(path.join(dir, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${site.url}/sitemap.xml\n`);
  } else {
    fs.writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  }
}
