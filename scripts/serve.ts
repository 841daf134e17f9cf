/**
 * `npm run preview`: serves a built site the way a static host does (directory index.html,
 * the language's 404 page with status 404, the headers from `_headers` when present).
 * Usage: node scripts/serve.ts [public|internal|both] [--port 4321]
 */
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import sirv from 'sirv';
import { projectRoot } from '../src/content/root.ts';

/** Rules from a Netlify/Cloudflare-style `_headers` file: path pattern → headers. */
function readHeaders(dir: string): { pattern: RegExp; headers: [string, string][] }[] {
  const file = path.join(dir, '_headers');
  if (!fs.existsSync(file)) return [];
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`), headers: [] });
    } else {
      const i = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}

/** Starts a server for `dir` and resolves with it once listening. */
export function serve(dir: string, port = 0, host = '127.0.0.1'): Promise<http.Server> {
  const files = sirv(dir, { dev: false, etag: true, dotfiles: false, extensions: ['html'] });
  const rules = readHeaders(dir);
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0]!;
    for (const rule of rules) if (rule.pattern.test(url)) for (const [k, v] of rule.headers) res.setHeader(k, v);
    files(req, res, () => {
      const lang = /^\/([a-z0-9-]+)\//.exec(req.url ?? '')?.[1];
      const candidates = [lang && path.join(dir, lang, '404', 'index.html'), path.join(dir, '404.html')].filter(Boolean) as string[];
      const page = candidates.find((p) => fs.existsSync(p));
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page ? fs.readFileSync(page) : 'Not found');
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv[2] ?? 'both';
  const targets = which === 'both' ? ['public', 'internal'] : [which];
  const portArg = process.argv.indexOf('--port');
  for (const target of targets) {
    if (target !== 'public' && target !== 'internal') {
      console.error(`Unknown site "${target}". Use public, internal or both.`);
      process.exit(2);
    }
    const port = portArg > 0 && targets.length === 1 ? Number(process.argv[portArg + 1]) : target === 'internal' ? 4322 : 4321;
    const dir = path.join(projectRoot, 'dist', target);
    if (!fs.existsSync(dir)) {
      console.error(`${dir} does not exist. Run npm run build first.`);
      process.exit(1);
    }
    const server = await serve(dir, port);
    const addr = server.address() as { port: number };
    console.log(`The ${target} site (dist/${target}) is at http://127.0.0.1:${addr.port}/`);
  }
}
