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

/** Starts a server for `dir` and resolves with it once listening. */
export function serve(dir: string, port = 0, host = '127.0.0.1'): Promise<http.Server> {
  const files = sirv(dir, { dev: false, etag: true, dotfiles: false, extensions: ['html'] });
  const server = http.createServer((req, res) => {
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
