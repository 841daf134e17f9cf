/** The post-build checks of scripts/build.ts, without a build (the builds: tests/build/atomic.test.ts). */
import { expect, test } from 'vitest';
import { afterBuild, type BuildTarget } from '../../scripts/build.ts';

test('post-build checks run in order with the target and its staging folder, and a throw stops them', async () => {
  const calls: string[] = [];
  const checks = [
    (t: BuildTarget, d: string) => void calls.push(`a:${t}:${d}`),
    () => {
      throw new Error('wall breached');
    },
    () => void calls.push('never'),
  ];
  await expect(afterBuild('public', '/x', checks)).rejects.toThrow('wall breached');
  expect(calls).toEqual(['a:public:/x']);
});
