/**
 * The render cache in a real build: a second `npm run build` of unchanged content renders no body
 * again, and both builds publish the very bytes of a build without the cache (the build project's
 * shared `basic` build, made with the project's own cache).
 */
import { expect, inject, test } from 'vitest';
import { fixture, hashTree, runBuildScript } from '../helpers/build.ts';
import { BASIC_TODAY } from '../helpers/sites.ts';
import { tempDir } from '../helpers/temp.ts';

test('a rebuild takes every body from the cache and publishes the same bytes as a cold build', () => {
  const cache = tempDir('render-cache');
  const env = { SIGNPOST_TODAY: BASIC_TODAY, SIGNPOST_CACHE_DIR: cache };
  const cold = tempDir('cold');
  const first = runBuildScript(fixture('basic'), ['public', '--out-dir', cold], env);
  expect(first.status, first.stderr).toBe(0);
  const rendered = /Content: (\d+) bodies rendered, 0 unchanged ones from the render cache/.exec(first.stdout);
  expect(Number(rendered?.[1])).toBeGreaterThan(5);
  const warm = tempDir('warm');
  const second = runBuildScript(fixture('basic'), ['public', '--out-dir', warm], env);
  expect(second.status, second.stderr).toBe(0);
  expect(second.stdout).toContain(`Content: 0 bodies rendered, ${rendered![1]} unchanged ones from the render cache`);
  const whole = hashTree(inject('basicPublicDir'));
  expect(hashTree(`${cold}/public`)).toEqual(whole);
  expect(hashTree(`${warm}/public`)).toEqual(whole);
  // Without the cache, nothing is said about it, and the bytes are the same.
  const off = tempDir('off');
  const third = runBuildScript(fixture('basic'), ['public', '--out-dir', off], { SIGNPOST_TODAY: BASIC_TODAY, SIGNPOST_CACHE: 'off' });
  expect(third.stdout).not.toContain('render cache');
  expect(hashTree(`${off}/public`)).toEqual(whole);
});
