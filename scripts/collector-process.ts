/** The collector (scripts/collect.ts) as a child process on a free port: for the benchmark, the demo and the tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../src/content/root.ts';

export interface CollectorProcess {
  url: string;
  proc: ChildProcess;
  /** What it printed (stdout, and stderr when `captureErrors`). */
  output: () => string;
}

/**
 * Starts the collector with `args` (a free port is chosen) and resolves once it listens. Its errors
 * go to this process's stderr, or into `output()` with `captureErrors`.
 */
export function spawnCollector(args: string[], env: NodeJS.ProcessEnv = process.env, options: { captureErrors?: boolean } = {}): Promise<CollectorProcess> {
  const proc = spawn(process.execPath, [path.join(projectRoot, 'scripts/collect.ts'), '--port', '0', ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', options.captureErrors ? 'pipe' : 'inherit'],
    env,
  });
  let out = '';
  proc.stderr?.on('data', (c: Buffer) => {
    out += c;
  });
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (c: Buffer) => {
      out += c;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve({ url: m[1]!, proc, output: () => out });
    });
    proc.on('exit', (code) => reject(new Error(`The collector stopped (${code}) before listening:\n${out}`)));
  });
}
