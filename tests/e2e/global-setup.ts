/**
 * Builds the bundled sample content as both sites once for all browser tests and serves them on
 * loopback ports, the way a static host would.
 */
import type { TestProject } from 'vitest/node';
import type { Server } from 'node:http';
import { buildSite, projectRoot } from '../helpers/build.ts';
import { serve } from '../../scripts/serve.ts';
import path from 'node:path';

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

let servers: Server[] = [];

export default async function setup(project: TestProject) {
  const content = path.join(projectRoot, 'content');
  const urls: string[] = [];
  const dirs: string[] = [];
  for (const target of ['public', 'internal'] as const) {
    const result = buildSite(content, target);
    if (result.status !== 0) throw new Error(`The ${target} build of the sample content failed:\n${result.output}`);
    dirs.push(result.outDir);
    const server = await serve(result.outDir);
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
  }
  // The basic fixture has a feedback endpoint configured, for the feedback form under CSP.
  const fixtureBuild = buildSite(path.join(projectRoot, 'tests/fixtures/basic'), 'public');
  if (fixtureBuild.status !== 0) throw new Error(`The fixture build failed:\n${fixtureBuild.output}`);
  const fixtureServer = await serve(fixtureBuild.outDir);
  servers.push(fixtureServer);
  project.provide('fixtureUrl', `http://127.0.0.1:${(fixtureServer.address() as { port: number }).port}`);
  // …and canary strings in every kind of internal material, for the wall.
  const fixtureInternal = buildSite(path.join(projectRoot, 'tests/fixtures/basic'), 'internal');
  if (fixtureInternal.status !== 0) throw new Error(`The internal fixture build failed:\n${fixtureInternal.output}`);
  const fixtureInternalServer = await serve(fixtureInternal.outDir);
  servers.push(fixtureInternalServer);
  project.provide('fixtureInternalUrl', `http://127.0.0.1:${(fixtureInternalServer.address() as { port: number }).port}`);
  project.provide('publicUrl', urls[0]!);
  project.provide('internalUrl', urls[1]!);
  project.provide('publicDir', dirs[0]!);
  project.provide('internalDir', dirs[1]!);
  return async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    servers = [];
  };
}
