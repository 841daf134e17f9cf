/** The collector as a real process on a free port with a real SQLite file (scripts/collect.ts). */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fixture, projectRoot } from './build.ts';
import { tempDir } from './temp.ts';

export interface RunningCollector {
  url: string;
  db: string;
  proc: ChildProcess;
  output: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts `npm run collect` (through Node directly) with the basic fixture's site and waits until it listens. */
export function startCollector(args: string[] = [], db = path.join(tempDir('collector'), 'events.sqlite')): Promise<RunningCollector> {
  const proc = spawn(process.execPath, [path.join(projectRoot, 'scripts/collect.ts'), '--port', '0', '--db', db, ...args], {
    cwd: projectRoot,
    env: { ...process.env, CONTENT_DIR: fixture('basic') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        resolve({
          url: m[1]!,
          db,
          proc,
          output: () => out,
          stop: (signal = 'SIGTERM') => {
            proc.kill(signal);
            return exited;
          },
        });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (c: Buffer) => {
      out += c.toString();
    });
    proc.on('exit', (code) => reject(new Error(`The collector exited (${code}) before listening:\n${out}`)));
  });
}
