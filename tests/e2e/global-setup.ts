/**
 * Builds the bundled sample content as both sites once for all browser tests (side by side) and
 * serves them, and the basic fixture's two sites from tests/helpers/sites.ts, on loopback ports,
 * the way a static host would.
 */
import type { TestProject } from 'vitest/node';
import type { Server } from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite, projectRoot } from '../helpers/build.ts';
import { serve } from '../../scripts/serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    publicUrl: string;
    internalUrl: string;
    publicDir: string;
    internalDir: string;
    fixtureUrl: string;
    fixtureInternalUrl: string;
  }
}

const url = (server: Server) => `http://127.0.0.1:${(server.address() as { port: number }).port}`;

export default async function setup(project: TestProject) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'signpost-sample-sites-'));
  const content = path.join(projectRoot, 'content');
  const built = await Promise.all((['public', 'internal'] as const).map((target) => buildSite(content, target, path.join(root, target))));
  for (const [i, r] of built.entries())
    if (r.status !== 0) throw new Error(`The ${i ? 'internal' : 'public'} build of the sample content failed:\n${r.output}`);
  const { basicPublicDir, basicInternalDir } = project.getProvidedContext();
  // The basic fixture has a feedback endpoint configured (the feedback form under CSP), and
  // canary strings in every kind of internal material (the wall, searched for real).
  const servers = await Promise.all([built[0]!.outDir, built[1]!.outDir, basicPublicDir, basicInternalDir].map((dir) => serve(dir)));
  project.provide('publicUrl', url(servers[0]!));
  project.provide('internalUrl', url(servers[1]!));
  project.provide('fixtureUrl', url(servers[2]!));
  project.provide('fixtureInternalUrl', url(servers[3]!));
  project.provide('publicDir', built[0]!.outDir);
  project.provide('internalDir', built[1]!.outDir);
  return async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    fs.rmSync(root, { recursive: true, force: true });
  };
}
