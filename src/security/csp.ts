/**
 * The Content-Security-Policy both sites run under. Scripts: only the site's own files (Astro
 * adds the hash of anything inline) and `'wasm-unsafe-eval'`, which Pagefind needs to start its
 * WebAssembly search; never `'unsafe-inline'` or `'unsafe-eval'`. Everything else: the site
 * itself, plus the collector or feedback endpoint and the embed hosts named in site.yaml.
 */
import type { SiteModel } from '../content/site.ts';

const origin = (url: string) => new URL(url).origin;

/** Directives other than script-src/style-src (Astro writes those, with hashes). */
export function cspDirectives(site: Pick<SiteModel, 'feedbackEndpoint' | 'embeds' | 'collector'>): string[] {
  // The feedback endpoint and the collector (which receives feedback and search events): exactly their origins.
  const others = [...new Set([site.feedbackEndpoint, site.collector].filter((u): u is string => !!u).map(origin))];
  const feedback = others.map((o) => ` ${o}`).join('');
  const frames = site.embeds.length ? site.embeds.map(origin).join(' ') : "'none'";
  return [
    "default-src 'self'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    `connect-src 'self'${feedback}`,
    `form-action 'self'${feedback}`,
    `frame-src ${frames}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "manifest-src 'self'",
  ];
}

export const scriptResources = ["'self'", "'wasm-unsafe-eval'"];
export const styleResources = ["'self'"];

/** Security headers for hosts that read a `_headers` file (Netlify, Cloudflare Pages…). */
export function headersFile(policy: string, internal: boolean): string {
  const lines = [
    '/*',
    `  Content-Security-Policy: ${policy}; frame-ancestors 'none'`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    '  Cross-Origin-Opener-Policy: same-origin',
    '  X-Frame-Options: DENY',
    '  Strict-Transport-Security: max-age=31536000; includeSubDomains',
  ];
  if (internal) lines.push('  X-Robots-Tag: noindex, nofollow', '  Cache-Control: no-store');
  lines.push('/_astro/*', '  Cache-Control: public, max-age=31536000, immutable');
  return `${lines.join('\n')}\n`;
}
