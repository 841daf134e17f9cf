/**
 * `npm run bench -- --scale --pages 50000 [--languages 20]`: a large site, built every way
 * `npm run build` builds one (docs/performance.md, "Large sites"). On a generated corpus of
 * `--pages` help articles over `--languages` languages, each run in its own process, wall time and
 * peak memory of the whole process tree:
 *
 * - the public site with an empty render cache, then again with nothing changed, then after one
 *   article was edited (the build cache: src/build/render-cache.ts);
 * - the internal site, and both sites side by side, with an empty cache;
 * - four shards one after another, each with an empty cache of its own as on its own CI runner,
 *   then their merge; the wall time on four runners is the longest shard plus the merge.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generate, makeRepo } from './generate.ts';
import { dirSize, measure } from './measure.ts';

export interface Run {
  seconds: number;
  peakRssMb: number;
  /** Phase timings of a single-site build (load, render, exports, index, wall), ms. */
  phases?: Record<string, number>;
}

export interface ScaleResult {
  /** Only the public site was built, once, with an empty cache (`--public-only`: a size too large to build every way in one sitting). */
  publicOnly?: boolean;
  pages: number;
  languages: number;
  files: number;
  builtPages: { public: number; internal: number };
  outputMb: { public: number; internal: number };
  publicCold: Run;
  publicUnchanged?: Run;
  publicOneEdit?: Run;
  internalCold?: Run;
  bothCold?: Run;
  shards?: Run[];
  merge?: Run;
}

const round = (r: { seconds: number; peakRssMb: number }) => ({ seconds: Math.round(r.seconds * 10) / 10, peakRssMb: r.peakRssMb });

/** Runs every build of the scale benchmark for one size; `say` reports progress. */
export async function benchScale(out: string, pages: number, languages: number, say: (line: string) => void, publicOnly = false): Promise<ScaleResult> {
  const node = process.execPath;
  const project = path.resolve(import.meta.dirname, '../..');
  const corpus = path.join(out, `scale-corpus-${pages}-${languages}`);
  const work = path.join(out, `scale-${pages}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  say(`generating ${pages} help pages in ${languages} languages`);
  const files = generate({ pages: Math.ceil(pages / languages), languages, out: corpus });
  makeRepo(corpus);
  const timings = path.join(work, 'timings.json');
  const build = async (label: string, args: string[], cache: string, fresh: boolean): Promise<Run> => {
    if (fresh) fs.rmSync(cache, { recursive: true, force: true });
    fs.rmSync(timings, { force: true });
    say(label);
    const r = await measure(
      node,
      [path.join(project, 'scripts/build.ts'), ...args],
      {
        ...process.env,
        CONTENT_DIR: corpus,
        SIGNPOST_TODAY: '2026-11-24',
        SIGNPOST_CACHE_DIR: cache,
        SIGNPOST_TIMINGS: timings,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      project,
    );
    if (r.code !== 0) throw new Error(`${label} failed:\n${r.output.slice(-3000)}`);
    const phases = args.length && fs.existsSync(timings) ? (JSON.parse(fs.readFileSync(timings, 'utf8')) as Record<string, number>) : undefined;
    const run = { ...round(r), ...(phases && args[0] !== '--shard' && args[0] !== '--merge' ? { phases } : {}) };
    say(`  ${run.seconds} s, ${run.peakRssMb} MB`);
    return run;
  };
  const cache = path.join(work, 'cache');
  const dist = path.join(work, 'dist');
  const publicCold = await build('public site, empty cache', ['public', '--out-dir', dist], cache, true);
  const builtPublic = JSON.parse(fs.readFileSync(timings, 'utf8')).pages as number;
  const outputPublic = Math.round(dirSize(path.join(dist, 'public')) / 1048576);
  const common = { pages, languages, files, builtPages: { public: builtPublic, internal: 0 }, outputMb: { public: outputPublic, internal: 0 }, publicCold };
  if (publicOnly) {
    fs.rmSync(work, { recursive: true, force: true });
    return { publicOnly, ...common };
  }
  const publicUnchanged = await build('public site again, nothing changed', ['public', '--out-dir', dist], cache, false);
  const article = fs
    .readdirSync(path.join(corpus, 'help/en/orders'))
    .filter((f) => f.endsWith('.md'))
    .sort()[0]!;
  fs.appendFileSync(path.join(corpus, 'help/en/orders', article), '\nOne sentence added by an editor.\n');
  const publicOneEdit = await build('public site after one article was edited', ['public', '--out-dir', dist], cache, false);
  const internalCold = await build('internal site, empty cache', ['internal', '--out-dir', dist], cache, true);
  const builtInternal = JSON.parse(fs.readFileSync(timings, 'utf8')).pages as number;
  const outputInternal = Math.round(dirSize(path.join(dist, 'internal')) / 1048576);
  fs.rmSync(dist, { recursive: true, force: true });
  const bothCold = await build('both sites side by side (npm run build), empty cache', ['--out-dir', dist], cache, true);
  fs.rmSync(dist, { recursive: true, force: true });
  const shards: Run[] = [];
  for (let i = 1; i <= 4; i++) {
    shards.push(
      await build(
        `shard ${i}/4, empty cache of its own`,
        ['--shard', `${i}/4`, '--out-dir', path.join(work, `shard-${i}`)],
        path.join(work, `cache-${i}`),
        true,
      ),
    );
  }
  const merge = await build('merge of the 4 shards', ['--merge', ...[1, 2, 3, 4].map((i) => path.join(work, `shard-${i}`)), '--out-dir', dist], cache, false);
  fs.rmSync(work, { recursive: true, force: true });
  return {
    ...common,
    publicUnchanged,
    publicOneEdit,
    builtPages: { public: builtPublic, internal: builtInternal },
    outputMb: { public: outputPublic, internal: outputInternal },
    internalCold,
    bothCold,
    shards,
    merge,
  };
}

const s = (r: Run | undefined) => (r ? `${r.seconds} s, ${(r.peakRssMb / 1024).toFixed(1)} GB` : 'not run');
const phase = (r: Run | undefined, name: string) => ((r?.phases?.[name] ?? 0) / 1000).toFixed(0);

/** The Markdown table of the scale runs, one column per size. */
export function scaleTable(results: readonly ScaleResult[]): string {
  const rows: [string, (r: ScaleResult) => string][] = [
    ['Help articles × languages (content files)', (r) => `${Math.ceil(r.pages / r.languages)} × ${r.languages} (${r.files})`],
    ['Pages built (public / internal)', (r) => `${r.builtPages.public} / ${r.builtPages.internal || '–'}`],
    ['Output (public / internal)', (r) => `${r.outputMb.public} MB / ${r.outputMb.internal ? `${r.outputMb.internal} MB` : '–'}`],
    ['Public site, empty cache (time, peak memory)', (r) => s(r.publicCold)],
    [
      '  loading · rendering · exports · search index · wall scan',
      (r) =>
        `${phase(r.publicCold, 'load')} · ${phase(r.publicCold, 'render')} · ${phase(r.publicCold, 'exports')} · ${phase(r.publicCold, 'index')} · ${phase(r.publicCold, 'wall')} s`,
    ],
    ['Public site again, nothing changed', (r) => (r.publicUnchanged ? `${s(r.publicUnchanged)} (loading ${phase(r.publicUnchanged, 'load')} s)` : 'not run')],
    ['Public site after editing one article', (r) => s(r.publicOneEdit)],
    ['Internal site, empty cache', (r) => s(r.internalCold)],
    [
      'Both sites side by side, empty cache (× public)',
      (r) => (r.bothCold ? `${s(r.bothCold)} (${(r.bothCold.seconds / r.publicCold.seconds).toFixed(2)}×)` : 'not run'),
    ],
    [
      '4 shards, each with an empty cache (each: time, peak)',
      (r) => r.shards?.map((x) => `${x.seconds} s ${(x.peakRssMb / 1024).toFixed(1)} GB`).join(' · ') ?? 'not run',
    ],
    ['Merge of the 4 shards', (r) => s(r.merge)],
    [
      'On 4 runners: longest shard + merge',
      (r) => (r.shards && r.merge ? `${(Math.max(...r.shards.map((x) => x.seconds)) + r.merge.seconds).toFixed(1)} s` : 'not run'),
    ],
  ];
  const head = `| | ${results.map((r) => `${r.pages} pages`).join(' | ')} |\n| --- | ${results.map(() => '---').join(' | ')} |`;
  return `${head}\n${rows.map(([label, f]) => `| ${label} | ${results.map(f).join(' | ')} |`).join('\n')}`;
}
