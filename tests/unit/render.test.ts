import { describe, expect, test } from 'vitest';
import { render } from '../helpers/render.ts';

describe('the wall inside a page', () => {
  test('the public build drops <Internal> blocks from MDX entirely', () => {
    const r = render('Hello\n\n<Internal>\nSECRET-1 [link](../returns/start-a-return.mdx)\n</Internal>\n\nBye');
    expect(r.html).not.toContain('SECRET-1');
    expect(r.html).toContain('Bye');
    expect(r.links).toHaveLength(0);
    expect(r.internalBlocks).toBe(1);
  });

  test('the public build drops <Internal> blocks from plain Markdown, including the Markdown inside', () => {
    const r = render('Hello\n\n<Internal>\n\nSECRET-2 **bold**\n\n- item\n\n</Internal>\n\nBye', { format: 'md' });
    expect(r.html).not.toMatch(/SECRET-2|internal|item/i);
    expect(r.problems).toEqual([]);
  });

  test('the internal build shows <Internal> as a labelled agent note', () => {
    const r = render('<Internal>\nSECRET-3\n</Internal>', { target: 'internal' });
    expect(r.html).toContain('SECRET-3');
    expect(r.html).toMatch(/<aside class="agent-note" data-internal="">\s*<p class="agent-note-title">Agent note<\/p>/);
  });

  test('an unclosed <Internal> in Markdown is an error with the line', () => {
    const r = render('Intro\n\n<Internal>\n\nSECRET-4\n', { format: 'md' });
    expect(r.problems).toMatchObject([{ code: 'InternalUnclosed', line: 7 }]);
  });

  test('an unclosed <Internal> in MDX is an error with the line', () => {
    const r = render('Intro\n\n<Internal>\nSECRET-5\n');
    expect(r.problems[0]).toMatchObject({ code: 'InternalUnclosed' });
    expect(r.problems[0]!.line).toBeGreaterThanOrEqual(7);
  });

  test('<Internal> inside a code block is refused: the renderer could not remove it as a whole', () => {
    const r = render('```\n<Internal>\nSECRET-6\n</Internal>\n```\n', { format: 'md' });
    expect(r.problems).toMatchObject([{ code: 'InternalMisplaced', line: 6 }]);
    expect(r.html).toBe('');
  });
});

describe('MDX is parsed, never run', () => {
  test('import and export lines are errors naming the line', () => {
    const r = render('import X from "y"\n\n# T\n');
    expect(r.problems).toMatchObject([{ code: 'MdxCode', line: 5 }]);
    expect(r.problems[0]!.message).toContain('import X from "y"');
  });

  test('expressions are errors, comments are fine', () => {
    const r = render('A {process.env.SECRET}\n\nB {/* note */}');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'MdxCode', line: 5 });
    expect(r.html).not.toContain('process');
  });

  test('an expression as an attribute value is an error', () => {
    const r = render('<Fact name={process.env.X} market="de" />');
    expect(r.problems.map((p) => p.code)).toContain('MdxCode');
  });

  test('an unknown component is an error with a suggestion', () => {
    const r = render('<Calout type="tip">x</Calout>');
    expect(r.problems[0]).toMatchObject({ code: 'UnknownComponent', message: '<Calout> is not a Signpost component. Did you mean <Callout>?' });
  });

  test('a syntax error names the line and column', () => {
    const r = render('Para\n\na { b\n');
    expect(r.problems[0]).toMatchObject({ code: 'MarkdownSyntax', line: 7 });
  });
});

describe('raw HTML is sanitized', () => {
  test.each([
    ['<script>alert(1)</script>', /<script/],
    ['<img src="x" onerror="alert(1)">', /onerror/],
    ['<a href="javascript:alert(1)">x</a>', /javascript:/],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:/],
  ])('%s is removed from Markdown', (html, bad) => {
    const r = render(`Text\n\n${html}\n`, { format: 'md' });
    expect(r.html).not.toMatch(bad);
  });

  test('HTML written in MDX is sanitized too', () => {
    const r = render('<div onClick="alert(1)" className="x">hi</div>');
    expect(r.html).not.toMatch(/onclick/i);
    expect(r.html).toContain('hi');
  });
});

describe('facts', () => {
  test('a fact is formatted for the language of the text', () => {
    expect(render('<Fact name="withdrawal_days" market="de" />').html).toContain('14 days');
    expect(render('<Fact name="withdrawal_days" market="de" />', { lang: 'de' }).html).toContain('14 Tage');
    expect(render('<Fact name="withdrawal_days" market="de" />', { lang: 'ja' }).html).toContain('14 日');
  });

  test('money, percent and ranges use Intl', () => {
    const r = render('<Fact name="low_value_threshold" /> <Fact name="vat_rate" /> <Fact name="delivery_days" />', { lang: 'de', market: 'de' });
    expect(r.html).toContain('150');
    expect(r.html).toContain('€');
    expect(r.html).toMatch(/19\s?%/);
    expect(r.html).toMatch(/2[–-]4 Tage/);
  });

  test('an unknown fact is an error with a suggestion and the list of facts', () => {
    const r = render('<Fact name="withdrawl_days" market="de" />');
    expect(r.problems[0]).toMatchObject({ code: 'UnknownFact', message: 'Market "de" has no fact "withdrawl_days". Did you mean "withdrawal_days"?' });
  });

  test('a text given per language is shown in the language of the text, and a missing language is an error naming the file to fix', () => {
    expect(render('<Fact name="return_method" market="de" />').html).toContain('>drop-off at a DHL point<');
    expect(render('<Fact name="return_method" market="de" />', { lang: 'de' }).html).toContain('>Abgabe in einer DHL-Filiale<');
    const ja = render('<Fact name="return_method" market="de" />', { lang: 'ja' });
    expect(ja.problems).toMatchObject([
      {
        code: 'ComponentInvalid',
        message: 'Fact "return_method" of market "de" has no text in ja.',
        hint: 'Add `ja: …` under `value:` of return_method in markets/de.yaml (it has en, de).',
      },
    ]);
  });

  test('a fact in a canned reply is formatted in the reply’s language, not the page’s', () => {
    const r = render(
      '<Reply lang="de" title="T">\nSie haben <Fact name="withdrawal_days" market="de" />.\n</Reply>\n\nYou have <Fact name="withdrawal_days" market="de" />.',
      {
        target: 'internal',
        file: 'sop/en/orders/test.mdx',
      },
    );
    expect(r.problems).toEqual([]);
    expect(r.html).toContain('Sie haben <span class="fact" data-fact="withdrawal_days">14 Tage</span>');
    expect(r.html).toContain('You have <span class="fact" data-fact="withdrawal_days">14 days</span>');
  });

  test('outside a policy a fact needs a market', () => {
    expect(render('<Fact name="withdrawal_days" />').problems[0]).toMatchObject({ code: 'ComponentInvalid' });
  });
});

describe('links and headings', () => {
  test('a link to a content file becomes a relative URL to that page', () => {
    const r = render('[x](../returns/start-a-return.mdx#how)');
    expect(r.html).toContain('href="../../returns/start-a-return/#how"');
    expect(r.links).toMatchObject([{ route: 'help/returns/start-a-return', anchor: 'how', line: 5 }]);
  });

  test('a link to a same-page heading that does not exist is an error', () => {
    const r = render('## Real heading\n\n[x](#missing)');
    expect(r.problems).toMatchObject([{ code: 'BrokenLink', line: 7 }]);
  });

  test('headings get unique ids and top-level h2/h3 make the table of contents', () => {
    const r = render('## Same\n\n## Same\n\n### Sub\n\n<Callout>\n## Inside\n</Callout>');
    expect(r.headings.map((h) => [h.id, h.toc])).toEqual([
      ['same', true],
      ['same-1', true],
      ['sub', true],
      ['inside', false],
    ]);
  });

  test('CJK and Arabic headings keep their text in the id', () => {
    expect(render('## 追跡番号の確認方法', { lang: 'ja' }).headings[0]!.id).toBe('追跡番号の確認方法');
    expect(render('## العثور على الرقم', { lang: 'ar' }).headings[0]!.id).toBe('العثور-على-الرقم');
  });
});

describe('SOP components', () => {
  test('a reply carries its own language and direction', () => {
    const r = render('<Reply lang="ar" title="Hi">مرحبا</Reply>', { target: 'internal' });
    expect(r.html).toContain('lang="ar" dir="rtl"');
    expect(r.html).toContain('data-reply');
  });

  test('a reply in a language the site does not have is an error', () => {
    const r = render('<Reply lang="ko">안녕하세요</Reply>', { target: 'internal' });
    expect(r.problems[0]).toMatchObject({ code: 'ComponentInvalid', message: '<Reply lang="ko"> is not a language of this site.' });
  });

  test('<Steps> must wrap one numbered list', () => {
    expect(render('<Steps>\n- a\n</Steps>').problems[0]).toMatchObject({ code: 'ComponentInvalid' });
    expect(render('<Steps>\n1. a\n2. b\n</Steps>').problems).toEqual([]);
  });

  test('labels come from i18next in the language of the text', () => {
    expect(render('<Decision if="Held at customs">x</Decision>', { lang: 'en' }).html).toContain('If:');
    expect(render('<Escalation team="logistics">x</Escalation>', { lang: 'en' }).html).toContain('Escalate to logistics');
  });
});

describe('market conventions', () => {
  test('dates and numbers on a market page follow the market when it is served in that language', async () => {
    const { formatLocale } = await import('../../src/i18n/locale.ts');
    const { site } = await import('../helpers/render.ts');
    const de = site.marketById.get('de')!;
    const us = site.marketById.get('us')!;
    expect(formatLocale(site, 'en', de)).toBe('en-DE-u-ca-gregory');
    expect(formatLocale(site, 'en', us)).toBe('en-US-u-ca-gregory');
    expect(formatLocale(site, 'ja', de)).toBe('ja');
    expect(formatLocale(site, 'zh-cn', us)).toBe('zh-CN');
    expect(render('<Fact name="withdrawal_days" show="effective" />', { market: 'de' }).html).toContain('13 June 2014');
  });
});

describe('what the renderer reports besides HTML', () => {
  test('the languages of canned replies, once each, in order', () => {
    const r = render(
      '<Reply lang="de" title="A">Hallo</Reply>\n\n<Reply lang="ja" title="B">こんにちは</Reply>\n\n<Reply lang="de" title="C">Nochmal</Reply>\n',
      { target: 'internal' },
    );
    expect(r.replyLanguages).toEqual(['de', 'ja']);
    expect(render('No replies here.').replyLanguages).toBeUndefined();
  });
});
