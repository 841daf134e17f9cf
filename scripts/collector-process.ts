/** The collector (scripts/collect.ts) as a child process on a free port, for the benchmark and the demo. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../src/content/root.ts';

/** Starts the collector with `args` (a free port is chosen) and resolves once it listens. */
export function spawnCollector(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [path.join(projectRoot, 'scripts/collect.ts'), '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'], env });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (c: Buffer) => {
      out += c;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve({ url: m[1]!, proc });
    });
    proc.on('exit', (code) => reject(new Error(`The collector stopped (${code}) before listening.`)));
  });
}
