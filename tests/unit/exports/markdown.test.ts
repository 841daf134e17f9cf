/**
 * Rendered pages as Markdown (src/content/render/markdown.ts): each snippet goes through the real
 * renderer, which writes the Markdown from the same tree as the HTML.
 */
import { describe, expect, test } from 'vitest';
import { render } from '../../helpers/render.ts';

const md = (body: string, opts: Parameters<typeof render>[1] = {}) => {
  const r = render(body, opts);
  expect(r.problems).toEqual([]);
  return r.markdown!.body;
};

describe('Markdown twins of rendered pages', () => {
  test('a <Fact> reads as its value for the market, in the language of the text', () => {
    expect(md('You have <Fact name="withdrawal_days" market="de" /> to withdraw.')).toBe('You have 14 days to withdraw.');
    expect(md('Sie haben <Fact name="withdrawal_days" market="de" />.', { lang: 'de' })).toBe('Sie haben 14 Tage.');
  });

  test('the page cites each fact it shows once, with its market', () => {
    const r = render(
      '<Fact name="withdrawal_days" market="de" /> and <Fact name="withdrawal_days" market="de" />, <Fact name="low_value_threshold" market="de" />',
    );
    expect(r.facts).toEqual([
      { market: 'de', name: 'withdrawal_days' },
      { market: 'de', name: 'low_value_threshold' },
    ]);
  });

  test('links become absolute, resolved against the page', () => {
    expect(md('## Top\n\nSee [tracking](track-your-order.md) and [the top](#top).')).toBe(
      '## Top\n\nSee [tracking](https://help.fixture.example/en/help/orders/track-your-order/) and [the top](https://help.fixture.example/en/help/orders/test/#top).',
    );
  });

  test('a callout is a block quote led by its label; no component tag is left', () => {
    const out = md('<Callout type="warning">Keep the receipt.</Callout>');
    expect(out).toBe('> **Warning**\n>\n> Keep the receipt.');
  });

  test('tables stay tables', () => {
    expect(md('| Market | Days |\n| --- | --- |\n| DE | 14 |')).toBe('| Market | Days |\n| --- | --- |\n| DE | 14 |');
  });

  test('<Internal> text is absent from the public page’s Markdown and an agent note on the internal one', () => {
    const body = 'Public text.\n\n<Internal>\nAgent-only CANARY-MD-TWIN.\n</Internal>';
    expect(md(body)).toBe('Public text.');
    expect(md(body, { target: 'internal' })).toBe('Public text.\n\n> **Agent note**\n>\n> Agent-only CANARY-MD-TWIN.');
  });

  test('a reply keeps its placeholders unescaped and is led by its language and title', () => {
    const out = md('<Reply lang="de" title="Erstattung">\nHallo [customer name], Ihr Link: [hier](https://example.com/x).\n</Reply>', {
      target: 'internal',
      file: 'sop/en/orders/test.mdx',
    });
    expect(out).toBe('> **Deutsch** · Erstattung\n>\n> Hallo [customer name], Ihr Link: [hier](https://example.com/x).');
  });

  test('a decision keeps its condition in bold', () => {
    const out = md('<Decision if="The parcel is held at customs">\nCall the carrier.\n</Decision>', { target: 'internal', file: 'sop/en/orders/test.mdx' });
    expect(out).toBe('**If:** The parcel is held at customs\n\nCall the carrier.');
  });
});
