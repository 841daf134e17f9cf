import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { collectContent } from '../../src/content/load.ts';
import { fromXliff, toXliff, type XDoc } from '../../src/translations/xliff.ts';
import { exportXliff, importXliff } from '../../scripts/translations.ts';
import { tempDir } from '../helpers/temp.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/basic');

/** A fresh copy of the basic fixture, with a list item, a quote, a link and a placeholder added to one page. */
function copyFixture(): string {
  const root = path.join(tempDir('translations'), 'content');
  fs.cpSync(fixture, root, { recursive: true });
  const file = path.join(root, 'help/en/returns/start-a-return.mdx');
  fs.appendFileSync(
    file,
    '\n- Quote your [order number] and see [tracking](../orders/track-your-order.md).\n\n> Keep the **receipt**\n> with the parcel.\n\nCount the days from\n  <Fact name="withdrawal_days" market="de" /> back, not from\n*today*.\n',
  );
  return root;
}

type Value = XDoc['resources'][string][string]['source'];

/** Prefixes every text of a value with "JA:", keeping the inline codes where they are. */
function fill(value: Value): Value {
  if (typeof value === 'string') return `JA:${value}`;
  return ['JA:', ...(value ?? [])];
}

async function translated(root: string, edit?: (doc: XDoc) => void): Promise<string> {
  const doc = await fromXliff((await exportXliff(root, { lang: 'ja' })).xml);
  for (const units of Object.values(doc.resources)) for (const u of Object.values(units)) u.target = fill(u.source);
  edit?.(doc);
  return toXliff(doc);
}

describe('translations via XLIFF', () => {
  test('a round trip writes valid Japanese pages with codes, links and placeholders intact', async () => {
    const root = copyFixture();
    const { written, errors } = await importXliff(root, await translated(root), '2030-01-02');
    expect(errors).toEqual([]);
    expect(written).toContain('help/ja/returns/start-a-return.mdx');
    const { problems } = collectContent(root, 'internal');
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([]);
    const page = fs.readFileSync(path.join(root, 'help/ja/returns/start-a-return.mdx'), 'utf8');
    expect(page).toContain('title: JA:Start a return');
    expect(page).toContain('translated: 2030-01-02');
    expect(page).toContain('JA:Customers in Germany can withdraw within <Fact name="withdrawal_days" market="de" />.');
    expect(page).toContain('- JA:Quote your [order number] and see [tracking](../orders/track-your-order.md).');
    expect(page).toContain('> JA:Keep the **receipt**\n> with the parcel.');
    expect(page).toContain('## JA:How do I send it?');
    // A soft line break next to an inline code stays a space (the XLIFF package drops a break and its indent there).
    expect(page).toContain('JA:Count the days from <Fact name="withdrawal_days" market="de" /> back, not from *today*.');
    const policy = fs.readFileSync(path.join(root, 'policies/de/ja/returns.mdx'), 'utf8');
    expect(policy).toContain('<Fact name="low_value_threshold" />');
  });

  test('a target with a dropped protected code is refused, naming the unit, and nothing is written for that file', async () => {
    const root = copyFixture();
    const xml = await translated(root, (doc) => {
      doc.resources['policies.de.returns']!.b2!.target = 'JA: no facts here';
    });
    const { errors, written } = await importXliff(root, xml);
    expect(errors).toEqual([expect.stringContaining('policies/de/ja/returns.mdx: unit b2: protected code 1 (<Fact name="withdrawal_days" />) was dropped')]);
    expect(written).not.toContain('policies/de/ja/returns.mdx');
    expect(fs.existsSync(path.join(root, 'policies/de/ja/returns.mdx'))).toBe(false);
  });

  test('a target with an altered protected code is refused, naming the unit', async () => {
    const root = copyFixture();
    const altered = await translated(root, (doc) => {
      doc.resources['policies.de.returns']!.b2!.target = [
        'JA: ',
        { Standalone: { id: '1', disp: '<Fact name="withdrawal_days" />' } },
        ' ',
        { Standalone: { id: '2', disp: '<Fact name="other" />' } },
      ];
    });
    const { errors } = await importXliff(root, altered);
    expect(errors.join('\n')).toMatch(/policies\/de\/ja\/returns\.mdx: unit b2: protected code 2 .* was changed/);
  });

  test('<Internal> blocks are left out of the export unless asked for, then marked', async () => {
    const root = copyFixture();
    const without = (await exportXliff(root, { lang: 'ja' })).xml;
    expect(without).not.toContain('CANARY-INTERNAL');
    const withInternal = (await exportXliff(root, { lang: 'ja', internal: true })).xml;
    expect(withInternal).toContain('CANARY-INTERNAL-MDX-91c2');
    expect(withInternal).toMatch(/<note>internal: agent-only text/);
  });

  test('a language the site does not have is a clear error', async () => {
    const root = copyFixture();
    await expect(exportXliff(root, { lang: 'xx' })).rejects.toThrow('xx is not a language of this site; site.yaml lists en, de, ar, ja, zh-cn.');
  });
});
