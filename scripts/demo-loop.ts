/**
 * `npm run demo:loop`: the knowledge loop on the sample site with real events. Starts a collector
 * on a fresh database (data/demo-collector.sqlite), sends it the sample searches and feedback of
 * docs/examples/sample-events.json through its HTTP API as the sites would, prints the insights,
 * builds the agents' site with them and serves it: open the Content health page it names.
 * Nothing is written to the database but through the API.
 */
import { spawnSync } from 'node:child_process';
import { spawnCollector } from './collector-process.ts';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/content/root.ts';
import { parseCommandLine } from './args.ts';

const usage = 'Usage: npm run demo:loop -- [--port 4322] [--no-serve]';
const { values } = parseCommandLine({ options: { port: { type: 'string', default: '4322' }, 'no-serve': { type: 'boolean', default: false } } }, usage);
const db = path.join(projectRoot, 'data', 'demo-collector.sqlite');
for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
const node = process.execPath;

// 1. The collector, as `npm run collect` starts it, on a free port.
const { url, proc: collector } = await spawnCollector(['--db', db, '--rate', '0']);
console.log(`Collector on ${url}, database ${path.relative(projectRoot, db)}`);

// 2. The sample events, through the API.
const sample = JSON.parse(fs.readFileSync(path.join(projectRoot, 'docs/examples/sample-events.json'), 'utf8')) as { events: object[]; feedback: object[] };
let sent = 0;
for (const batch of sample.events) {
  const r = await fetch(`${url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
  if (r.status !== 204) throw new Error(`The collector refused a batch: ${r.status} ${await r.text()}`);
  sent += (batch as { events: unknown[] }).events.length;
}
for (const answer of sample.feedback) {
  const r = await fetch(`${url}/v1/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(answer) });
  if (r.status !== 204) throw new Error(`The collector refused feedback: ${r.status} ${await r.text()}`);
}
console.log(`Sent ${sent} searches and ${sample.feedback.length} feedback answers.`);
collector.kill('SIGTERM');
await new Promise((r) => collector.on('exit', r));

// 3. What it tells editors, then the audit and the agents' site built with it.
spawnSync(node, [path.join(projectRoot, 'scripts/insights.ts'), '--db', db], { stdio: 'inherit' });
const env = { ...process.env, SIGNPOST_COLLECTOR_DB: db };
const built = spawnSync(node, [path.join(projectRoot, 'scripts/build.ts'), 'internal'], { stdio: 'inherit', env });
if (built.status !== 0) process.exit(built.status ?? 1);
if (values['no-serve']) process.exit(0);
console.log(`\nOpen http://127.0.0.1:${values.port}/en/health/ (Content health: searches, gaps, unhelpful pages). Ctrl-C to stop.`);
spawnSync(node, [path.join(projectRoot, 'scripts/serve.ts'), 'internal', '--port', values.port], { stdio: 'inherit' });
