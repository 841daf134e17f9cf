/** One worker of the wall scan (wall-scan.ts `scanInParallel`): its share of a site's files. */
import { parentPort, workerData } from 'node:worker_threads';
import { collectSecrets, scanForLeaks } from './wall-scan.ts';

const { root, siteDir, files } = workerData as { root: string; siteDir: string; files: string[] };
const secrets = collectSecrets(root);
parentPort!.postMessage({ leaks: scanForLeaks(secrets, siteDir, files), runs: secrets.runs });
