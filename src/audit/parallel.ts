/**
 * Reading thousands of files is independent per file: split them over worker threads (one per
 * core) and hand the entries back; cross-file checks then run once on the main thread.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { listContentFiles, type Entry } from '../content/load.ts';
import type { Problem } from '../content/errors.ts';
import { projectRoot } from '../content/root.ts';

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 1500;

export async function readEntriesInParallel(root: string): Promise<{ entries: Entry[]; problems: Problem[] } | undefined> {
  const files = listContentFiles(root, 'internal').filter((f) => /\.(md|mdx)$/.test(f));
  const workers = Math.min(os.availableParallelism(), 8);
  if (files.length < PARALLEL_THRESHOLD || workers < 2) return undefined;
  const chunks = Array.from({ length: workers }, (_, i) => files.filter((_, j) => j % workers === i));
  const script = path.join(projectRoot, 'src/audit/worker.ts');
  const results = await Promise.all(chunks.map((chunk) => new Promise<{ entries: Entry[]; problems: Problem[] }>((resolve, reject) => {
    const w = new Worker(script, { workerData: { root, files: chunk } });
    w.once('message', resolve);
    w.once('error', reject);
  })));
  return { entries: results.flatMap((r) => r.entries), problems: results.flatMap((r) => r.problems) };
}
