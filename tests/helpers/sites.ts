/**
 * Global setup of the build and e2e projects: builds the `basic` fixture as both sites once per
 * run, the two builds side by side, and provides their folders (and the internal build's output,
 * which carries the audit summary). Both projects get the same two builds: the first project to
 * start builds them, the other waits for the same promise, and the last to finish removes them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, fixture, type BuildResult } from './build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    basicPublicDir: string;
    basicInternalDir: string;
    basicInternalOutput: string;
  }
}

/** Strings the `basic` fixture plants in SOPs, culture guides, replies and `<Internal>` blocks: never on the public site. */
export const CANARIES = [
  'CANARY-INTERNAL-MD-7f3a',
  'CANARY-INTERNAL-MDX-91c2',
  'CANARY-SOP-TITLE-5d1e',
  'CANARY-SOP-BODY-2b8f',
  'CANARY-REPLY-DE-44aa',
  'CANARY-CULTURE-8e0c',
];

/** The date the shared fixture builds are made for (review banners and the audit depend on it). */
export const BASIC_TODAY = '2027-06-01';

interface Shared {
  users: number;
  root: string;
  sites: Promise<[BuildResult, BuildResult]>;
}
const KEY = Symbol.for('signpost.tests.basic-sites');
const store = globalThis as { [KEY]?: Shared };

export default async function setup(project: TestProject) {
  if (!store[KEY]) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'signpost-basic-sites-'));
    const env = { SIGNPOST_TODAY: BASIC_TODAY };
    const sites = Promise.all([
      buildSite(fixture('basic'), 'public', path.join(root, 'public'), env),
      buildSite(fixture('basic'), 'internal', path.join(root, 'internal'), env),
    ]);
    store[KEY] = { users: 0, root, sites };
  }
  const shared = store[KEY];
  shared.users++;
  const [pub, internal] = await shared.sites;
  for (const r of [pub, internal]) if (r.status !== 0) throw new Error(`A build of the basic fixture failed:\n${r.output}`);
  project.provide('basicPublicDir', pub.outDir);
  project.provide('basicInternalDir', internal.outDir);
  project.provide('basicInternalOutput', internal.output);
  return () => {
    if (--shared.users > 0) return;
    fs.rmSync(shared.root, { recursive: true, force: true });
    delete store[KEY];
  };
}
