/**
 * `npm run preview`: serves a built site the way a static host does (directory index.html,
 * the language's 404 page with status 404, the headers from `_headers` when present).
 *
 *   npm run preview -- [public|internal|both] [--port <n>]
 *
 * One site is served on --port (default 4321 for public, 4322 for internal); both sites, the
 * default, on --port for the public site and the next port for the agents' site.
 */
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import sirv from 'sirv';
import { projectRoot } from '../src/content/root.ts';
import { parseCommandLine, usageError } from './args.ts';

/** Rules from a Netlify/Cloudflare-style `_headers` file: path pattern → headers. */
function readHeaders(dir: string): { pattern: RegExp; headers: [string, string][] }[] {
  const file = path.join(dir, '_headers');
  if (!fs.existsSync(file)) return [];
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({
        pattern: new RegExp(
          `^${line
            .trim()
            .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')}$`,
        ),
        headers: [],
      });
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
  const usage = [
    'Usage: npm run preview -- [public|internal|both] [--port <n>]',
    '  One site is served on <n> (default 4321 public, 4322 internal); both (the default) serve',
    "  the public site on <n> and the agents' site on <n>+1 (default 4321 and 4322).",
  ].join('\n');
  const { positionals, values } = parseCommandLine({ allowPositionals: true, options: { port: { type: 'string' } } }, usage);
  if (positionals.length > 1) usageError(`Give one site, not ${positionals.length}.`, usage);
  const given = positionals[0] ?? 'both';
  const which =
    given === 'public' || given === 'internal' || given === 'both' ? given : usageError(`Unknown site "${given}". Use public, internal or both.`, usage);
  const base = values.port === undefined ? undefined : Number(values.port);
  if (base !== undefined && !(Number.isInteger(base) && base >= 1 && base <= 65534))
    usageError('--port takes a port number from 1 to 65534, e.g. --port 8080.', usage);
  const ports: Record<'public' | 'internal', number> =
    which === 'both' ? { public: base ?? 4321, internal: (base ?? 4321) + 1 } : { public: base ?? 4321, internal: base ?? 4322 };
  const targets: ('public' | 'internal')[] = which === 'both' ? ['public', 'internal'] : [which];
  for (const target of targets) {
    const dir = path.join(projectRoot, 'dist', target);
    if (!fs.existsSync(dir)) {
      console.error(`${dir} does not exist. Run npm run build first.`);
      process.exit(1);
    }
    const server = await serve(dir, ports[target]);
    const addr = server.address() as { port: number };
    console.log(`The ${target} site (dist/${target}) is at http://127.0.0.1:${addr.port}/`);
  }
}
