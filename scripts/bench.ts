/**
 * `npm run bench -- --pages 1000`: how Signpost scales. Generates a synthetic content root of
 * `--pages` help articles spread over 8 languages (plus policies and SOPs), makes it a git
 * repository, then measures the public build, the internal build and the audit, each in its own
 * process: wall time per phase, pages per second, peak memory of the whole process tree, output
 * and search-bundle size, the gzip weight of a typical article page, and what one search transfers.
 * Writes bench-out/bench-<pages>.json and refreshes docs/performance.md.
 *
 *   npm run bench -- --pages 1000 [--pages 5000 …] [--no-browser] [--starlight]
 *   npm run bench -- --pathological
 *   npm run bench -- --frontmatter [--pages 1000 …]
 *   npm run bench -- --search
 *   npm run bench -- --desk [--pages 1000 …]
 *   npm run bench -- --dev [--pages 5000 …]
 *   npm run bench -- --import [--pages 2100 …]
 *   npm run bench -- --scale --pages 50000 [--pages 100000 …] [--languages 20] [--public-only]
 *
 * Every run also times frontmatter parsing alone ("frontmatter: N files in X ms"), on each
 * generated corpus; --frontmatter does only that, on the sample content and on each corpus,
 * without building anything.
 *
 * Every run with a browser also measures search (scripts/bench/search.ts): what the first search
 * transfers, keystroke-to-results time, and top-1/top-5 on queries derived from the corpus, with
 * the search layer and with Pagefind alone. --search does only the quality part, on the sample
 * content and its query set (tests/fixtures/search/sample-queries.yaml).
 *
 * --desk times the agents' answer desk (scripts/bench/desk.ts) on the sample's agents' site with
 * the messages of tests/fixtures/desk/messages.yaml: first and warm answers, what the first answer
 * transfers, and how often the expected procedure comes first and in the first three; with
 * --pages, also on the agents' site of each generated corpus (time and transfer only: the sample's
 * messages are not about a generated shop).
 *
 * --dev times the editors' live preview (scripts/bench/dev.ts): the dev server on a copy of the
 * sample content, and with --pages of each generated corpus, from a saved title to the open page.
 *
 * --import times `npm run import` (scripts/bench/import.ts) on each generated corpus saved as a
 * Zendesk Guide export and as a Starlight docs site, then `npm run validate` and the public build
 * of what it wrote: the size of a real migration, end to end.
 *
 * With --starlight, the same help articles are also built by Starlight in the same run, on the
 * same machine, as the reference the targets in docs/performance.md are set against.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseCommandLine, usageError } from './args.ts';
import { frontmatterLine, timeFrontmatter } from './bench/frontmatter.ts';
import { benchLanguages, generate, makeRepo } from './bench/generate.ts';
import { dirSize, measure } from './bench/measure.ts';
import { corpusQueries, measureSearch, type SearchFigures } from './bench/search.ts';
import { readQueries, runQueries, score } from './bench/search-quality.ts';
import { pathologicalTable, runPathological } from './bench/pathological.ts';
import { benchCollector, collectorTable } from './bench/collector.ts';
import { convertCorpus, prepareStarlight } from './bench/starlight.ts';
import { contentRoot, projectRoot } from '../src/content/root.ts';
import { measureDesk, readMessages, type DeskFigures } from './bench/desk.ts';
import { measureDev, type DevFigures } from './bench/dev.ts';
import { starlightSite, zendeskExport } from './bench/import.ts';
import { benchScale, type ScaleResult, scaleTable } from './bench/scale.ts';

const usage =
  'Usage: npm run bench -- [--pages <n> …] [--no-browser] [--starlight] | --pathological | --frontmatter [--pages <n> …] | --search | --desk [--pages <n> …] | --dev [--pages <n> …] | --import [--pages <n> …] | --collector [--seconds 60] | --scale --pages <n> … [--languages 20] [--public-only]';
const { values } = parseCommandLine(
  {
    options: {
      pages: { type: 'string', multiple: true },
      'no-browser': { type: 'boolean' },
      starlight: { type: 'boolean' },
      pathological: { type: 'boolean' },
      frontmatter: { type: 'boolean' },
      search: { type: 'boolean' },
      desk: { type: 'boolean' },
      dev: { type: 'boolean' },
      import: { type: 'boolean' },
      collector: { type: 'boolean' },
      scale: { type: 'boolean' },
      languages: { type: 'string' },
      'public-only': { type: 'boolean' },
      seconds: { type: 'string' },
    },
  },
  usage,
);
const sizes = (values.pages ?? ['1000']).map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 8)) usageError('--pages takes a whole number of help pages (at least 8), e.g. --pages 1000', usage);
const out = path.join(projectRoot, 'bench-out');
const node = process.execPath;

const pct = (x: number) => `${Math.round(100 * x)} %`;
const gz = (buf: Buffer | string) => zlib.gzipSync(buf, { level: 9 }).length;
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
/** Sizes in MB of each language's exports on a built site: its Markdown twins, llms-full.txt and JSON. */
function exportSizes(site: string): Record<string, { twins: number; full: number; json: number }> {
  const mb = (bytes: number) => Math.round(bytes / 104857.6) / 10;
  const twins = (dir: string): number =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .reduce((n, e) => n + (e.isDirectory() ? twins(path.join(dir, e.name)) : e.name === 'index.md' ? fs.statSync(path.join(dir, e.name)).size : 0), 0);
  const out: Record<string, { twins: number; full: number; json: number }> = {};
  for (const lang of fs.readdirSync(path.join(site, 'api')).filter((d) => !d.endsWith('.json'))) {
    out[lang] = {
      twins: mb(twins(path.join(site, lang))),
      full: mb(fs.statSync(path.join(site, lang, 'llms-full.txt')).size),
      json: mb(dirSize(path.join(site, 'api', lang))),
    };
  }
  return out;
}

function progress(label: string): () => void {
  const started = Date.now();
  process.stdout.write(`  ${label}…`);
  const timer = setInterval(() => process.stdout.write(` ${Math.round((Date.now() - started) / 1000)}s`), 10_000);
  return () => {
    clearInterval(timer);
    process.stdout.write(` done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  };
}

/** Gzip bytes of an article page and the CSS and JS it loads before any interaction. */
function pageWeight(dir: string, page: string): { html: number; css: number; js: number; total: number } {
  const html = fs.readFileSync(path.join(dir, page, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  let css = 0;
  let js = 0;
  const seen = new Set<string>();
  const addJs = (src: string) => {
    if (seen.has(src)) return;
    seen.add(src);
    const text = fs.readFileSync(path.join(dir, src));
    js += gz(text);
    for (const m of text.toString('utf8').matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) addJs(path.posix.join(path.posix.dirname(src), m[1]!));
  };
  for (const a of assets) {
    if (a.endsWith('.css')) css += gz(fs.readFileSync(path.join(dir, a)));
    else if (a.endsWith('.js')) addJs(a);
  }
  const h = gz(html);
  return { html: h, css, js, total: h + css + js };
}

/** Search figures in Chromium (scripts/bench/search.ts), or undefined without a browser. */
async function searchFigures(dir: string, corpus: string): Promise<SearchFigures | undefined> {
  if (values['no-browser'] || !fs.existsSync('/usr/bin/chromium')) return undefined;
  const { serve } = await import('./serve.ts');
  const { launch } = await import('../tests/helpers/browser.ts');
  const server = await serve(dir);
  const browser = await launch();
  try {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const words = ['order', 'refund', 'delivery time', 'customs', 'parcel', 'return label', 'payment', 'warranty', 'invoice', 'account'];
    return await measureSearch(browser, base, corpusQueries(corpus), [...words, ...words.map((w) => `${w}s`)]);
  } finally {
    await browser.close();
    server.close();
  }
}

/** An empty render cache (src/build/render-cache.ts): the build figures are of builds that render every page. */
function emptyCache(): string {
  const dir = path.join(out, 'render-cache');
  fs.rmSync(dir, { recursive: true, force: true });
  return dir;
}

interface PhaseResult {
  seconds: number;
  peakRssMb: number;
  pages: number;
  pagesPerSecond: number;
  phases: Record<string, number>;
}

async function buildTarget(corpus: string, target: 'public' | 'internal', dist: string): Promise<PhaseResult> {
  const timings = path.join(out, `timings-${target}.json`);
  const done = progress(`${target} build`);
  const r = await measure(
    node,
    [path.join(projectRoot, 'scripts/build.ts'), target],
    {
      ...process.env,
      CONTENT_DIR: corpus,
      SIGNPOST_TARGET: target,
      SIGNPOST_OUT_DIR: dist,
      SIGNPOST_TIMINGS: timings,
      SIGNPOST_TODAY: '2026-11-24',
      SIGNPOST_CACHE_DIR: emptyCache(),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    projectRoot,
  );
  done();
  if (r.code !== 0) throw new Error(`The ${target} build failed:\n${r.output.slice(-3000)}`);
  const t = JSON.parse(fs.readFileSync(timings, 'utf8')) as Record<string, number>;
  return {
    seconds: r.seconds,
    peakRssMb: r.peakRssMb,
    pages: t.pages!,
    pagesPerSecond: Math.round(t.pages! / r.seconds),
    phases: { load: t.load!, render: t.render!, index: t.index!, wall: t.wall ?? 0, lexicon: t.lexicon ?? 0, exports: t.exports ?? 0 },
  };
}

const machine = `${os.cpus()[0]?.model.trim()} · ${os.availableParallelism()} cores · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version} · ${os.platform()} ${os.release()}`;
fs.mkdirSync(out, { recursive: true });

/** Builds the sample content as one site into bench-out/sample-dist; returns the site's folder. */
async function buildSample(target: 'public' | 'internal'): Promise<string> {
  const dist = path.join(out, 'sample-dist');
  fs.rmSync(dist, { recursive: true, force: true });
  const done = progress(`sample ${target} build`);
  const r = await measure(
    node,
    [path.join(projectRoot, 'scripts/build.ts'), target, '--out-dir', dist],
    { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    projectRoot,
  );
  done();
  if (r.code !== 0) throw new Error(`The sample build failed:\n${r.output.slice(-3000)}`);
  return path.join(dist, target);
}

/** Replaces the `<!-- name:start -->…<!-- name:end -->` section of docs/performance.md, dated; false if it has none. */
function writeDocSection(name: string, body: string): boolean {
  const doc = path.join(projectRoot, 'docs/performance.md');
  const [before, rest] = fs.readFileSync(doc, 'utf8').split(`<!-- ${name}:start -->`);
  if (rest === undefined) return false;
  const after = rest.split(`<!-- ${name}:end -->`)[1] ?? '';
  fs.writeFileSync(
    doc,
    `${before}<!-- ${name}:start -->\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\n${body}\n<!-- ${name}:end -->${after}`,
  );
  return true;
}

// --pathological: only the hostile-file timings (scripts/bench/pathological.ts), written to
// bench-out/pathological.json and to their section of docs/performance.md.
if (values.pathological) {
  const sizesKb = [50, 100, 200, 400, 1000];
  console.log(`\nPathological files: time to render or refuse one file, by shape, at ${sizesKb.join(' / ')} KB`);
  const rows = runPathological(sizesKb, (row) =>
    console.log(`  ${row.shape.padEnd(34)} ${row.results.map((r) => `${r.seconds.toFixed(2)} s ${r.outcome}`.padEnd(22)).join(' ')}`),
  );
  fs.writeFileSync(path.join(out, 'pathological.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`);
  if (writeDocSection('pathological', pathologicalTable(rows))) console.log('\nWrote docs/performance.md and bench-out/pathological.json');
  process.exit(0);
}

// --collector: the collector under sustained load (scripts/bench/collector.ts), written to
// bench-out/collector.json and to its section of docs/performance.md.
if (values.collector) {
  const seconds = Number(values.seconds ?? 60);
  if (!Number.isInteger(seconds) || seconds < 1) usageError('--seconds takes a whole number of seconds, e.g. --seconds 60', usage);
  const runs: { name: string; f: Awaited<ReturnType<typeof benchCollector>> }[] = [];
  let done = progress(`collector on SQLite under load for ${seconds} s`);
  runs.push({ name: 'SQLite (node:sqlite, WAL)', f: await benchCollector(seconds) });
  done();
  // PostgreSQL too when DATABASE_URL names a server (on the same machine, sharing its 2 cores).
  if (process.env.DATABASE_URL) {
    done = progress(`collector on PostgreSQL under load for ${seconds} s`);
    runs.push({ name: 'PostgreSQL (pg, same machine)', f: await benchCollector(seconds, 32, 10, process.env.DATABASE_URL) });
    done();
  }
  const table = collectorTable(runs);
  console.log(`\n${table}`);
  fs.writeFileSync(path.join(out, 'collector.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, runs }, null, 2)}\n`);
  if (writeDocSection('collector', table)) console.log('\nWrote docs/performance.md and bench-out/collector.json');
  process.exit(0);
}

// --frontmatter: only the frontmatter timings, on the sample content and on each corpus.
if (values.frontmatter) {
  console.log(`\nFrontmatter split and parse (median of 5 runs, files already in memory)`);
  console.log(`  ${contentRoot()}: ${frontmatterLine(timeFrontmatter(contentRoot()))}`);
  for (const pages of sizes) {
    const corpus = path.join(out, `corpus-${pages}`);
    generate({ pages: Math.ceil(pages / benchLanguages.length), out: corpus });
    console.log(`  ${pages} pages corpus: ${frontmatterLine(timeFrontmatter(corpus))}`);
  }
  process.exit(0);
}

// --search: search quality on the sample content and its query set, the layer against Pagefind
// alone, written to bench-out/search-sample.json and to its section of docs/performance.md.
if (values.search) {
  const site = await buildSample('public');
  const queries = readQueries(path.join(projectRoot, 'tests/fixtures/search/sample-queries.yaml'));
  const { serve } = await import('./serve.ts');
  const { launch } = await import('../tests/helpers/browser.ts');
  const server = await serve(site);
  const browser = await launch();
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const layer = score(await runQueries(browser, base, queries));
  const alone = (await measureSearch(browser, base, queries, ['order', 'refund'])).quality!.pagefind;
  await browser.close();
  server.close();
  const row = (name: string, a: { top1: number; top5: number; queries: number }, b?: { top1: number; top5: number }) =>
    `| ${name} | ${a.queries} | ${pct(a.top1)} / ${pct(a.top5)} |${b ? ` ${pct(b.top1)} / ${pct(b.top5)} |` : ''}`;
  const lines = [
    '| Query set | Queries | Top-1 / top-5 with the layer |',
    '| --- | --- | --- |',
    row('All', layer.all),
    ...Object.entries(layer.byLang).map(([k, v]) => row(`Language: ${k}`, v)),
    ...Object.entries(layer.byKind).map(([k, v]) => row(`Kind: ${k}`, v)),
    '',
    `Pagefind alone on the same queries (every word the site has is required; no correction, synonyms or stop words): ${pct(alone.top1)} / ${pct(alone.top5)}.`,
  ];
  console.log(`\n${lines.join('\n')}`);
  fs.writeFileSync(path.join(out, 'search-sample.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, layer, pagefind: alone }, null, 2)}\n`);
  writeDocSection('search', lines.join('\n'));
  process.exit(0);
}

// --dev: the live preview, on the sample content and (with --pages) on generated corpora, written
// to bench-out/dev.json and to its section of docs/performance.md.
if (values.dev) {
  const { launch } = await import('../tests/helpers/browser.ts');
  const browser = await launch();
  const copy = (from: string) => {
    const to = path.join(out, `dev-${path.basename(from)}`);
    fs.rmSync(to, { recursive: true, force: true });
    fs.cpSync(from, to, { recursive: true });
    return to;
  };
  const rows: [string, DevFigures][] = [];
  let done = progress('dev server on the sample content');
  rows.push(['Sample', await measureDev(browser, copy(contentRoot()), 'help/en/orders/track-your-order.mdx', '/en/help/orders/track-your-order/')]);
  done();
  for (const pages of values.pages ? sizes : []) {
    const corpus = path.join(out, `corpus-${pages}`);
    generate({ pages: Math.ceil(pages / benchLanguages.length), out: corpus });
    const first = fs.readdirSync(path.join(corpus, 'help/en'), { recursive: true, encoding: 'utf8' }).find((f) => /\.mdx?$/.test(f))!;
    const route = first.replace(/\.mdx?$/, '');
    done = progress(`dev server on ${pages} help pages`);
    rows.push([`Generated, ${pages.toLocaleString('en')} help pages`, await measureDev(browser, copy(corpus), `help/en/${first}`, `/en/help/${route}/`)]);
    done();
  }
  await browser.close();
  const lines = [
    '| Content | Server start to first page | Save to updated page (median / slowest of 5) |',
    '| --- | --- | --- |',
    ...rows.map(([name, f]) => `| ${name} | ${(f.startMs / 1000).toFixed(1)} s | ${f.saveToPageMs.p50} / ${f.saveToPageMs.max} ms |`),
  ];
  console.log(`\n${lines.join('\n')}`);
  fs.writeFileSync(path.join(out, 'dev.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`);
  writeDocSection('dev', lines.join('\n'));
  process.exit(0);
}

// --import: npm run import on generated corpora saved as a Zendesk export and as a Starlight site,
// then validate and the public build of the result; bench-out/import.json and docs/performance.md.
// --scale: a large site built every way (scripts/bench/scale.ts), written to bench-out/scale-<pages>.json
// and, with every size measured so far, to the "scale" section of docs/performance.md.
if (values.scale) {
  const languages = Number(values.languages ?? 20);
  if (!Number.isInteger(languages) || languages < 1 || languages > 20) usageError('--languages takes 1 to 20.', usage);
  for (const pages of sizes) {
    console.log(`\nLarge site: ${pages} help pages in ${languages} languages`);
    const result = await benchScale(out, pages, languages, (line) => console.log(`  ${line}`), values['public-only']);
    fs.writeFileSync(path.join(out, `scale-${pages}.json`), `${JSON.stringify({ date: new Date().toISOString(), machine, ...result }, null, 2)}\n`);
  }
  const all = fs
    .readdirSync(out)
    .filter((f) => /^scale-\d+\.json$/.test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(out, f), 'utf8')) as ScaleResult)
    .sort((a, b) => a.pages - b.pages);
  const body = scaleTable(all);
  console.log(`\n${body}`);
  writeDocSection('scale', body);
  process.exit(0);
}

if (values.import) {
  const rows: string[] = [];
  const json: object[] = [];
  for (const pages of sizes) {
    const corpus = path.join(out, `corpus-${pages}`);
    let done = progress(`generating ${pages} help pages and saving them as Zendesk and Starlight sources`);
    generate({ pages: Math.ceil(pages / benchLanguages.length), out: corpus });
    const sources = [
      { kind: 'zendesk', dir: path.join(out, `zendesk-${pages}`), what: '' },
      { kind: 'markdown', dir: path.join(out, `starlight-${pages}`), what: '' },
    ];
    const z = zendeskExport(corpus, sources[0]!.dir);
    sources[0]!.what = `Zendesk export: ${z.articles.toLocaleString('en')} articles, ${z.translations.toLocaleString('en')} translations`;
    const st = starlightSite(corpus, sources[1]!.dir);
    sources[1]!.what = `Starlight site: ${st.pages.toLocaleString('en')} pages, ${st.topLevel} directly under a language`;
    done();
    for (const source of sources) {
      const root = path.join(out, `imported-${source.kind}-${pages}`);
      fs.rmSync(root, { recursive: true, force: true });
      const report = path.join(out, `import-${source.kind}-${pages}.md`);
      done = progress(`npm run import -- ${source.kind}`);
      const imported = await measure(
        node,
        [path.join(projectRoot, 'scripts/import.ts'), source.kind, source.dir, '--out', root, '--report', report],
        process.env,
        projectRoot,
      );
      done();
      if (imported.code !== 0) throw new Error(`The import failed:\n${imported.output.slice(-3000)}`);
      done = progress('npm run validate');
      const validated = await measure(node, [path.join(projectRoot, 'scripts/validate.ts')], { ...process.env, CONTENT_DIR: root }, projectRoot);
      done();
      if (validated.code !== 0) throw new Error(`The imported content does not validate:\n${validated.output.slice(-3000)}`);
      const built = await buildTarget(root, 'public', path.join(out, `dist-imported-${source.kind}-${pages}`));
      const warnings = /(\d+) warnings/.exec(validated.output)?.[1] ?? '0';
      const written = /Imported (\d+) pages/.exec(imported.output)?.[1] ?? '?';
      rows.push(
        `| ${source.what} | ${Number(written).toLocaleString('en')} | ${imported.seconds.toFixed(1)} s · ${imported.peakRssMb} MB | ${validated.seconds.toFixed(1)} s (${warnings} broken links as warnings) | ${built.seconds.toFixed(1)} s · ${built.pages.toLocaleString('en')} pages · ${built.peakRssMb} MB |`,
      );
      json.push({
        pages,
        source: source.what,
        written: Number(written),
        import: { seconds: imported.seconds, peakRssMb: imported.peakRssMb },
        validate: { seconds: validated.seconds, warnings: Number(warnings) },
        build: built,
      });
    }
  }
  const lines = [
    '| Source | Files written | `npm run import` (wall · peak memory) | `npm run validate` | Public build of the result |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ];
  console.log(`\n${lines.join('\n')}`);
  fs.writeFileSync(path.join(out, 'import.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, runs: json }, null, 2)}\n`);
  writeDocSection('import', lines.join('\n'));
  process.exit(0);
}

// --desk: the answer desk on the sample's agents' site (and, with --pages, on generated corpora),
// written to bench-out/desk.json and to its section of docs/performance.md.
if (values.desk) {
  const messages = readMessages(path.join(projectRoot, 'tests/fixtures/desk/messages.yaml'));
  const { serve } = await import('./serve.ts');
  const { launch } = await import('../tests/helpers/browser.ts');
  const browser = await launch();
  const run = async (dist: string, lang = 'en'): Promise<DeskFigures> => {
    const server = await serve(dist);
    try {
      return await measureDesk(browser, `http://127.0.0.1:${(server.address() as { port: number }).port}`, messages, lang);
    } finally {
      server.close();
    }
  };
  const sample = await buildSample('internal');
  const rows: [string, DeskFigures][] = [
    ['Sample, agent in English', await run(sample)],
    ['Sample, agent in Chinese', await run(sample, 'zh-cn')],
  ];
  for (const pages of values.pages ? sizes : []) {
    const corpus = path.join(out, `corpus-${pages}`);
    const dist = path.join(out, `dist-${pages}`);
    fs.rmSync(dist, { recursive: true, force: true });
    generate({ pages: Math.ceil(pages / benchLanguages.length), out: corpus });
    makeRepo(corpus);
    const built = await buildTarget(corpus, 'internal', path.join(dist, 'internal'));
    rows.push([
      `Generated, ${pages.toLocaleString('en')} help pages (${built.pages.toLocaleString('en')} pages on the agents' site)`,
      await run(path.join(dist, 'internal')),
    ]);
  }
  await browser.close();
  const lines = [
    '| Site | First answer | Warm answer (p50 / p95) | First answer transfers | Expected procedure first / in the first three |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      ([name, f], i) =>
        `| ${name} | ${f.firstMs} ms | ${f.warmMs.p50} / ${f.warmMs.p95} ms | ${f.transferKb} KB | ${i < 2 ? `${f.top1} / ${f.top3} of ${f.messages}` : 'not applicable'} |`,
    ),
  ];
  console.log(`\n${lines.join('\n')}`);
  fs.writeFileSync(path.join(out, 'desk.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`);
  writeDocSection('desk', lines.join('\n'));
  process.exit(0);
}

for (const pages of sizes) {
  console.log(`\nSignpost benchmark: ${pages} help pages (${Math.ceil(pages / benchLanguages.length)} per language × ${benchLanguages.length} languages)`);
  const corpus = path.join(out, `corpus-${pages}`);
  const dist = path.join(out, `dist-${pages}`);
  fs.rmSync(dist, { recursive: true, force: true });
  let done = progress('generating content');
  const files = generate({ pages: Math.ceil(pages / benchLanguages.length), out: corpus });
  makeRepo(corpus);
  done();
  const frontmatter = timeFrontmatter(corpus);
  console.log(`  ${frontmatterLine(frontmatter)}`);
  let starlight: { seconds: number; peakRssMb: number; pages: number; medianPageKb: number } | undefined;
  if (values.starlight) {
    done = progress('Starlight: install and convert');
    const astroVersion = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;
    const sl = prepareStarlight(path.join(out, 'starlight'), astroVersion);
    convertCorpus(corpus, sl);
    done();
    done = progress('Starlight build');
    const slOut = path.join(dist, 'starlight');
    const r = await measure(
      node,
      [path.join(sl, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'],
      { ...process.env, STARLIGHT_OUT_DIR: slOut, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '--max-old-space-size=16384' },
      sl,
    );
    done();
    if (r.code !== 0) throw new Error(`The Starlight build failed:\n${r.output.slice(-3000)}`);
    const pagesBuilt = fs
      .readdirSync(slOut, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('index.html'));
    const sizes = pagesBuilt
      .filter((f) => f.includes('/orders/'))
      .slice(0, 25)
      .map((f) => fs.statSync(path.join(slOut, f)).size)
      .sort((a, b) => a - b);
    starlight = {
      seconds: Math.round(r.seconds * 10) / 10,
      peakRssMb: r.peakRssMb,
      pages: pagesBuilt.length,
      medianPageKb: kb(sizes[Math.floor(sizes.length / 2)] ?? 0),
    };
  }
  const pub = await buildTarget(corpus, 'public', path.join(dist, 'public'));
  const internal = await buildTarget(corpus, 'internal', path.join(dist, 'internal'));
  // Both sites as `npm run build` builds them: side by side on a machine with more than one core.
  done = progress('both sites (npm run build)');
  const both = await measure(
    node,
    [path.join(projectRoot, 'scripts/build.ts'), '--out-dir', path.join(dist, 'both')],
    { ...process.env, CONTENT_DIR: corpus, SIGNPOST_TODAY: '2026-11-24', SIGNPOST_CACHE_DIR: emptyCache(), ASTRO_TELEMETRY_DISABLED: '1' },
    projectRoot,
  );
  done();
  if (both.code !== 0) throw new Error(`npm run build failed:\n${both.output.slice(-3000)}`);
  fs.rmSync(path.join(dist, 'both'), { recursive: true, force: true });
  done = progress('audit (cold, then cached)');
  const audit = await measure(
    node,
    [path.join(projectRoot, 'scripts/audit.ts'), '--no-cache', '--format', 'json', '--today', '2026-11-24', '--fail-on', 'none'],
    { ...process.env, CONTENT_DIR: corpus },
    projectRoot,
  );
  await measure(
    node,
    [path.join(projectRoot, 'scripts/audit.ts'), '--format', 'json', '--today', '2026-11-24', '--fail-on', 'none'],
    { ...process.env, CONTENT_DIR: corpus },
    projectRoot,
  );
  const auditWarm = await measure(
    node,
    [path.join(projectRoot, 'scripts/audit.ts'), '--format', 'json', '--today', '2026-11-24', '--fail-on', 'none'],
    { ...process.env, CONTENT_DIR: corpus },
    projectRoot,
  );
  done();
  const findings = (JSON.parse(audit.output) as { findings: { kind: string }[] }).findings.length;
  const publicDir = path.join(dist, 'public');
  const articles = fs
    .readdirSync(path.join(publicDir, 'en/help/orders'))
    .filter((d) => d.startsWith('article-'))
    .sort();
  const weights = articles
    .slice(0, 25)
    .map((a) => pageWeight(publicDir, `en/help/orders/${a}`))
    .sort((a, b) => a.total - b.total);
  const typical = weights[Math.floor(weights.length / 2)]!;
  done = progress('search in Chromium');
  const search = await searchFigures(publicDir, corpus);
  done();
  const medianHtml = articles
    .slice(0, 25)
    .map((a) => fs.statSync(path.join(publicDir, 'en/help/orders', a, 'index.html')).size)
    .sort((a, b) => a - b);
  const result = {
    date: new Date().toISOString(),
    machine,
    pages,
    files,
    frontmatter,
    public: pub,
    internal,
    starlight: starlight ?? null,
    medianArticleHtmlKb: kb(medianHtml[Math.floor(medianHtml.length / 2)]!),
    bothBuildsSeconds: Math.round(both.seconds * 10) / 10,
    bothPeakRssMb: both.peakRssMb,
    oneAfterOtherSeconds: Math.round((pub.seconds + internal.seconds) * 10) / 10,
    audit: {
      seconds: Math.round(audit.seconds * 100) / 100,
      cachedSeconds: Math.round(auditWarm.seconds * 100) / 100,
      peakRssMb: audit.peakRssMb,
      files,
      findings,
    },
    size: {
      publicMb: Math.round(dirSize(publicDir) / 1048576),
      internalMb: Math.round(dirSize(path.join(dist, 'internal')) / 1048576),
      searchBundleMb: Math.round(dirSize(path.join(publicDir, 'pagefind')) / 104857.6) / 10,
      exports: exportSizes(publicDir),
    },
    typicalArticleKb: { html: kb(typical.html), css: kb(typical.css), js: kb(typical.js), total: kb(typical.total) },
    searchTransferKb: search?.transfer.totalKb ?? null,
    search: search ?? null,
  };
  fs.writeFileSync(path.join(out, `bench-${pages}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${table([result])}`);
}

// biome-ignore lint/suspicious/noExplicitAny: the results are read back from JSON written by this script.
type Result = Record<string, any>;
function table(results: Result[]): string {
  const rows: [string, (r: Result) => string][] = [
    ['Pages built (public / internal)', (r) => `${r.public.pages} / ${r.internal.pages}`],
    ['Public build', (r) => `${r.public.seconds.toFixed(1)} s (${r.public.pagesPerSecond} pages/s)`],
    [
      '  content loading · rendering · search index · wall scan',
      (r) =>
        `${(r.public.phases.load / 1000).toFixed(1)} · ${(r.public.phases.render / 1000).toFixed(1)} · ${(r.public.phases.index / 1000).toFixed(1)} · ${((r.public.phases.wall ?? 0) / 1000).toFixed(1)} s`,
    ],
    ['  peak memory (process tree)', (r) => `${r.public.peakRssMb} MB`],
    ['Internal build', (r) => `${r.internal.seconds.toFixed(1)} s (${r.internal.pagesPerSecond} pages/s), ${r.internal.peakRssMb} MB`],
    [
      'Both sites, `npm run build` (side by side; × the public build; peak memory)',
      (r) =>
        r.bothPeakRssMb
          ? `${r.bothBuildsSeconds} s (${(r.bothBuildsSeconds / r.public.seconds).toFixed(2)}×), ${r.bothPeakRssMb} MB; one after the other: ${r.oneAfterOtherSeconds} s`
          : `${r.bothBuildsSeconds} s, one after the other`,
    ],
    ['Frontmatter split and parse, all content files', (r) => (r.frontmatter ? `${r.frontmatter.ms} ms (${r.frontmatter.files} files)` : '–')],
    [
      'Audit of all files, git history included',
      (r) => `${r.audit.seconds} s cold, ${r.audit.cachedSeconds} s cached (${r.audit.files} files, ${r.audit.findings} findings)`,
    ],
    [
      'Exports for machines: twins, llms-full.txt, JSON (share of the build)',
      (r) =>
        r.public.phases.exports
          ? `public ${(r.public.phases.exports / 1000).toFixed(2)} s (${((100 * r.public.phases.exports) / 1000 / r.public.seconds).toFixed(1)} %) · internal ${(r.internal.phases.exports / 1000).toFixed(2)} s (${((100 * r.internal.phases.exports) / 1000 / r.internal.seconds).toFixed(1)} %)`
          : '–',
    ],
    [
      'Public exports per language, MB (twins + llms-full.txt + JSON)',
      (r) =>
        r.size.exports
          ? Object.entries(r.size.exports as Record<string, { twins: number; full: number; json: number }>)
              .map(([lang, s]) => `${lang} ${s.twins} + ${s.full} + ${s.json}`)
              .join(' · ')
          : '–',
    ],
    ['Output size (public / internal)', (r) => `${r.size.publicMb} MB / ${r.size.internalMb} MB`],
    ['Search bundle (public)', (r) => `${r.size.searchBundleMb} MB`],
    [
      'Typical article page, gzip (HTML + CSS + JS)',
      (r) => `${r.typicalArticleKb.total} KB (${r.typicalArticleKb.html} + ${r.typicalArticleKb.css} + ${r.typicalArticleKb.js})`,
    ],
    [
      'One search, transferred (library + index + lexicon)',
      (r) => (r.searchTransferKb === null ? 'not measured' : `${r.searchTransferKb} KB${r.search ? ` (lexicon ${r.search.transfer.lexiconKb} KB)` : ''}`),
    ],
    [
      'Search lexicons built (share of the public build)',
      (r) =>
        r.public.phases.lexicon
          ? `${(r.public.phases.lexicon / 1000).toFixed(2)} s (${((100 * r.public.phases.lexicon) / 1000 / r.public.seconds).toFixed(1)} %)`
          : '–',
    ],
    [
      'Keystroke → results, search page · suggestions (p50 / p95)',
      (r) => (r.search ? `${r.search.searchMs.p50} / ${r.search.searchMs.p95} ms · ${r.search.suggestMs.p50} / ${r.search.suggestMs.p95} ms` : '–'),
    ],
    [
      'Generated queries, top-1 / top-5: layer vs Pagefind alone',
      (r) =>
        r.search?.quality
          ? `${pct(r.search.quality.layer.top1)} / ${pct(r.search.quality.layer.top5)} vs ${pct(r.search.quality.pagefind.top1)} / ${pct(r.search.quality.pagefind.top5)} (${r.search.quality.queries} queries)`
          : '–',
    ],
    ['Median article HTML, uncompressed', (r) => `${r.medianArticleHtmlKb ?? '–'} KB`],
    [
      'Starlight, same articles, same run',
      (r) =>
        r.starlight
          ? `${r.starlight.seconds} s, ${r.starlight.peakRssMb} MB, ${r.starlight.pages} pages, median page ${r.starlight.medianPageKb} KB`
          : 'not run',
    ],
    [
      'Signpost public build vs Starlight',
      (r) =>
        r.starlight
          ? `${(r.starlight.seconds / r.public.seconds).toFixed(1)}× faster, ${Math.round((100 * r.public.peakRssMb) / r.starlight.peakRssMb)} % of its peak memory`
          : '–',
    ],
    ['Both Signpost builds vs one Starlight build', (r) => (r.starlight ? `${r.bothBuildsSeconds} s vs ${r.starlight.seconds} s` : '–')],
  ];
  const head = `| | ${results.map((r) => `${r.pages} pages`).join(' | ')} |\n| --- | ${results.map(() => '---').join(' | ')} |`;
  return `${head}\n${rows.map(([label, f]) => `| ${label} | ${results.map(f).join(' | ')} |`).join('\n')}`;
}

// docs/performance.md keeps the latest figures of every size that has been run.
const all = fs
  .readdirSync(out)
  .filter((f) => /^bench-\d+\.json$/.test(f))
  .map((f) => JSON.parse(fs.readFileSync(path.join(out, f), 'utf8')) as Result)
  .sort((a, b) => a.pages - b.pages);
const doc = path.join(projectRoot, 'docs/performance.md');
const intro = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8').split('<!-- bench:start -->')[0] : '# Performance\n\n';
fs.writeFileSync(
  doc,
  `${intro}<!-- bench:start -->\nMeasured ${all
    .map((r) => r.date.slice(0, 10))
    .sort()
    .at(
      -1,
    )} on ${machine}.\n\n${table(all)}\n<!-- bench:end -->\n${fs.existsSync(doc) ? (fs.readFileSync(doc, 'utf8').split('<!-- bench:end -->\n')[1] ?? '') : ''}`,
);
console.log(`\nWrote ${path.relative(projectRoot, doc)} and bench-out/bench-*.json`);
