/** Worker thread: reads and parses a share of the content files for the audit. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadEntries } from '../content/load.ts';
import { loadSite } from '../content/site.ts';
import { createI18n, loadStrings, translator } from '../i18n/index.ts';

const { root, files } = workerData as { root: string; files: string[] };
const { site } = loadSite(root);
const i18n = createI18n(loadStrings(root), site.defaultLanguage.code);
const result = loadEntries(root, files, 'internal', site, (lang) => translator(i18n, lang), { html: false });
parentPort!.postMessage(result);
