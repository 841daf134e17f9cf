/**
 * The output scan behind the renderer: every run of internal text, found in any public file, in
 * any form the site writes (HTML text and attributes, gzip'd search records, JSON), in Latin and
 * CJK scripts. Each absence has its positive control.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { tempContent } from '../helpers/content.ts';
import { tempDir } from '../helpers/temp.ts';
import { collectSecrets, scanForLeaks, checkWall, tokens } from '../../src/security/wall-scan.ts';

const SOP_SENTENCE = 'Agents may offer a goodwill voucher worth up to one tenth of the order when the customer threatens a chargeback';
const BLOCK_SENTENCE = 'Escalate to the night shift lead through the red phone line before promising any replacement parcel';
const ZH_SECRET = '客服人员可以在未经主管批准的情况下为老客户提供额外的补偿优惠券';
const ATTRIBUTE_SECRET = 'Escalate to the duty manager when the customer mentions a journalist or a lawyer';
const SHARED = 'You can return most items within the return window shown on the policy page of your market';

const root = tempContent('basic', {
  'sop/en/orders/goodwill.mdx': `---\ntitle: Goodwill\ndescription: D\nowner: support\nreviewed: 2026-11-01\n---\n\n${SOP_SENTENCE}.\n\nAs the policy says: ${SHARED}.\n`,
  'sop/en/orders/press.mdx': `---\ntitle: Press\ndescription: D\nowner: support\nreviewed: 2026-11-01\n---\n\n<Escalation team="pr" when="${ATTRIBUTE_SECRET}">\nCall them.\n</Escalation>\n`,
  'sop/zh-cn/orders/goodwill.mdx': `---\ntitle: 补偿\ndescription: D\nowner: support\nreviewed: 2026-11-01\n---\n\n${ZH_SECRET}。\n`,
  'help/en/orders/returns-note.md': `---\ntitle: Returns\ndescription: D\n---\n\n${SHARED}.\n\n<Internal>\n${BLOCK_SENTENCE}.\n</Internal>\n`,
});
const secrets = collectSecrets(root);

/** A site folder with the given files. */
function site(files: Record<string, string | Buffer>): string {
  const dir = tempDir('site');
  for (const [rel, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), data);
  }
  return dir;
}

const page = (body: string) =>
  `<!doctype html><html><head><title>T</title></head><body><nav><a href="/">Home</a></nav><main><p>${body}</p></main></body></html>`;

describe('the wall scan', () => {
  test('finds an SOP sentence in a public page, naming both files', () => {
    const leaks = scanForLeaks(
      secrets,
      site({ 'en/a/index.html': page(`Hello. ${SOP_SENTENCE}.`), 'en/b/index.html': page('Nothing here but ordinary words about parcels and returns today.') }),
    );
    expect(leaks).toEqual([{ source: 'sop/en/orders/goodwill.mdx', file: 'en/a/index.html', excerpt: expect.stringContaining('goodwill voucher') }]);
  });

  test('finds the text of an <Internal> block, and through inline markup and entities', () => {
    const marked = BLOCK_SENTENCE.replace('night shift', '<strong>night</strong> shift').replace('red phone', 'red&#x20;phone');
    expect(scanForLeaks(secrets, site({ 'x/index.html': page(marked) }))).toMatchObject([{ source: 'help/en/orders/returns-note.md' }]);
  });

  test('finds the text of a component attribute of an SOP (a title, a condition) in a page', () => {
    expect(scanForLeaks(secrets, site({ 'x/index.html': page(`When: ${ATTRIBUTE_SECRET}.`) }))).toMatchObject([{ source: 'sop/en/orders/press.mdx' }]);
  });

  test('finds internal text hidden in an attribute', () => {
    expect(scanForLeaks(secrets, site({ 'x/index.html': `<img alt="${SOP_SENTENCE}" src="a.png">` }))).toHaveLength(1);
  });

  test("finds internal text in gzip'd search records and in JSON", () => {
    const record = Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify({ url: '/x/', content: `Intro. ${SOP_SENTENCE}.` }))]);
    const leaks = scanForLeaks(
      secrets,
      site({ 'pagefind/fragment/en_1.pf_fragment': zlib.gzipSync(record), 'api/en.json': JSON.stringify({ items: [{ body: `${BLOCK_SENTENCE}\n\nMore.` }] }) }),
    );
    expect(leaks.map((l) => l.file).sort()).toEqual(['api/en.json', 'pagefind/fragment/en_1.pf_fragment']);
  });

  test('finds Chinese internal text without spaces', () => {
    expect(scanForLeaks(secrets, site({ 'zh-cn/x/index.html': page(`请注意：${ZH_SECRET.slice(2, 22)}。`) }))).toMatchObject([
      { source: 'sop/zh-cn/orders/goodwill.mdx' },
    ]);
    expect(scanForLeaks(secrets, site({ 'zh-cn/x/index.html': page(`请注意：${ZH_SECRET.slice(2, 12)}。`) }))).toEqual([]);
  });

  test('leaves alone what public content says too, and runs made up by lists of titles', () => {
    expect(scanForLeaks(secrets, site({ 'en/r/index.html': page(`${SHARED}.`) }))).toEqual([]);
    // Each item is public; together they spell a secret run only across item boundaries.
    const words = SOP_SENTENCE.split(' ');
    const list = `<ul>${words.map((w) => `<li>${w}</li>`).join('')}</ul>`;
    expect(scanForLeaks(secrets, site({ 'en/l/index.html': page(list) }))).toEqual([]);
  });

  test('numbers end a run: prices and dates come from market facts, not from the text', () => {
    expect(tokens('Refund ¥10,000 within 14 days — ٢٠٢٦')).toEqual(['refund', '·', 'within', '·', 'days', '·']);
    expect(tokens('<p>Two <b>words</b></p><p title="A title">x</p>', true)).toEqual(['·', 'two', 'words', '·', 'a', 'title', '·', 'x', '·']);
    expect(tokens('First sentence. Second "quoted" part\\nthird')).toEqual(['first', 'sentence', '·', 'second', '·', 'quoted', '·', 'part', '·', 'third']);
  });

  test('checkWall throws a readable error naming the files, and passes a clean site', async () => {
    const bad = site({ 'en/a/index.html': page(SOP_SENTENCE) });
    await expect(checkWall(root, bad)).rejects.toThrow(/en\/a\/index\.html: text from sop\/en\/orders\/goodwill\.mdx, "agents may offer/);
    expect((await checkWall(root, site({ 'en/a/index.html': page('Fine.') }))).runs).toBeGreaterThan(10);
  });

  test('in parallel, workers find the same leaks in a large site', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`en/p${i}/index.html`] = page(i === 17 || i === 38 ? SOP_SENTENCE : `Page ${i} about parcels.`);
    const dir = site(files);
    await expect(checkWall(root, dir, { parallel: true, filesPerWorker: 10 })).rejects.toThrow(/en\/p17\/index\.html[\s\S]*en\/p38\/index\.html/);
    fs.writeFileSync(path.join(dir, 'en/p17/index.html'), page('Clean.'));
    fs.writeFileSync(path.join(dir, 'en/p38/index.html'), page('Clean.'));
    expect((await checkWall(root, dir, { parallel: true, filesPerWorker: 10 })).files).toBe(40);
  });
});
