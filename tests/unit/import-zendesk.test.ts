/**
 * The Zendesk Guide importer, on a saved export of a small cross-border shop's help center
 * (tests/fixtures/import/zendesk: three categories, a nested section, six articles in en-us with
 * de and ja translations, split over paged responses as the Help Center API returns them).
 */
import fs from 'node:fs';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { collectContent } from '../../src/content/load.ts';
import { firstSentence, htmlHeadings, htmlToMarkdown } from '../../src/import/html.ts';
import { ImportError, leadSentence, type ImportOptions, type ImportPlan } from '../../src/import/plan.ts';
import { writeImport } from '../../src/import/write.ts';
import { planZendesk, readZendeskExport, zendeskLocales, type ZendeskExport } from '../../src/import/zendesk/index.ts';
import { fixture } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';

const dir = fixture('import/zendesk');
const mapping = jsyaml.load(fs.readFileSync(path.join(dir, 'mapping.yaml'), 'utf8')) as ImportOptions;
const exp = readZendeskExport(dir);
const plan = planZendesk(exp, mapping);

const page = (p: string) => plan.pages.find((x) => x.path === p)!;
const notesOf = (kind: string) => plan.notes.filter((n) => n.kind === kind);
/** A fresh copy of the fixture's export, to change one thing in. */
const copy = (): ZendeskExport => structuredClone(exp);
/** The error `run` throws, to assert on its item and text. */
function errorOf(run: () => unknown): ImportError {
  try {
    run();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

const track = 'orders-tracking/tracking-your-parcel/track-your-order.md';
const tracking = 'orders-tracking/tracking-your-parcel/where-is-my-tracking-number.md';
const customs = 'orders-tracking/international-delivery/customs-and-duties/parcels-held-at-customs.md';
const ret = 'returns-refunds/returns/start-a-return.md';
const password = 'your-account/sign-in-and-security/reset-your-password.md';

describe('reading an export', () => {
  test('paged responses are merged by key and deduplicated by id', () => {
    expect(exp.articles.map((a) => a.id)).toEqual([360004000001, 360004000002, 360004000003, 360004000004, 360004000005, 360004000006, 360004000007]);
    expect(exp.categories).toHaveLength(3);
    expect(exp.sections).toHaveLength(5);
    expect(exp.users).toHaveLength(3);
    expect(exp.article_attachments).toHaveLength(2);
    // Article 360004000003's translations come sideloaded and again from its translations endpoint.
    const ids = exp.translations.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(exp.translations.filter((t) => t.source_id === 360004000003).map((t) => t.locale)).toEqual(['en-us', 'de']);
  });

  test('a truncated response names the file and the line it ends at', () => {
    const root = tempDir('zendesk');
    const text = fs.readFileSync(path.join(dir, 'articles-2.json'), 'utf8');
    const cut = text.slice(0, text.indexOf('"title": "Reset your password"'));
    fs.writeFileSync(path.join(root, 'articles-2.json'), cut);
    const error = errorOf(() => readZendeskExport(root));
    expect(error.item).toBe(path.join(root, 'articles-2.json'));
    expect(error.message).toContain(`ends early at line ${cut.trimEnd().split('\n').length}: the export is truncated, save the response again.`);
  });

  test('a file that is not JSON names the file and the line', () => {
    const root = tempDir('zendesk');
    fs.writeFileSync(path.join(root, 'articles.json'), '<!DOCTYPE html>\n<html><body>Sign in to Zendesk</body></html>\n');
    const error = errorOf(() => readZendeskExport(root));
    expect(error.item).toBe(path.join(root, 'articles.json'));
    expect(error.message).toMatch(/is not JSON \(.*\) at line 1\./);
    expect(error.hint).toContain('/api/v2/help_center/');
  });

  test('JSON that is no Help Center response is refused', () => {
    const file = path.join(tempDir('zendesk'), 'tickets.json');
    fs.writeFileSync(file, JSON.stringify({ tickets: [], next_page: null }));
    expect(() => readZendeskExport(file)).toThrow(`${file}: is not a Help Center API response: it has none of the keys categories, sections, articles`);
  });

  test('an article whose section is not in the export names the article and its file', () => {
    const root = tempDir('zendesk');
    fs.copyFileSync(path.join(dir, 'sections.json'), path.join(root, 'sections.json'));
    fs.writeFileSync(path.join(root, 'articles.json'), JSON.stringify({ articles: [{ id: 42, section_id: 7, title: 'Lost', locale: 'en-us', body: '' }] }));
    const error = errorOf(() => readZendeskExport(root));
    expect(error.item).toBe('article 42 "Lost"');
    expect(error.message).toContain(`is in section 7, which is not in the export (article read from ${path.join(root, 'articles.json')})`);
  });
});

describe('planning the fixture', () => {
  test('one page per article and language, under category and section folders', () => {
    expect(plan.source).toBe('zendesk');
    expect(plan.pages.map((p) => p.path).sort()).toEqual(
      [
        ...['en', 'de'].map((l) => `help/${l}/${customs}`),
        ...['en', 'de', 'ja'].flatMap((l) => [`help/${l}/${track}`, `help/${l}/${tracking}`, `help/${l}/${ret}`, `help/${l}/${password}`]),
      ].sort(),
    );
  });

  test('translations share the path of their article, so Signpost pairs them', () => {
    const byArticle = new Map<string, Set<string>>();
    for (const p of plan.pages) {
      const id = p.item.split(' ')[1]!;
      byArticle.set(id, (byArticle.get(id) ?? new Set()).add(p.path.split('/').slice(2).join('/')));
    }
    expect([...byArticle.values()].every((paths) => paths.size === 1)).toBe(true);
    expect(page(`help/ja/${track}`).item).toBe('article 360004000001 (ja)');
  });

  test('frontmatter has only the keys Signpost takes, in order', () => {
    const en = page(`help/en/${track}`);
    expect(Object.keys(en.data)).toEqual(['title', 'description', 'owner', 'reviewed', 'tags', 'order']);
    expect(en.data).toEqual({
      title: 'Track your order',
      description: 'Once your order ships, we send you an e-mail with the carrier and a tracking number.',
      owner: 'orders-team',
      reviewed: '2025-09-18',
      tags: ['tracking', 'delivery'],
      order: 0,
    });
    expect(page(`help/ja/${track}`).data).toMatchObject({
      title: 'ご注文の追跡',
      description: 'ご注文の商品を発送すると、配送業者と追跡番号を記載したメールをお送りします。',
      reviewed: '2025-10-06',
    });
  });

  test('owners come from the author id or e-mail; authors without one have no owner key', () => {
    expect(page(`help/en/${customs}`).data.owner).toBe('logistics-team');
    expect(page(`help/en/${customs}`).data.reviewed).toBe('2025-07-30'); // edited_at, not updated_at
    expect(page(`help/de/${password}`).data).not.toHaveProperty('owner');
    expect(page(`help/en/${password}`).data).not.toHaveProperty('tags');
  });

  test('site data: languages, default language, categories in Zendesk order with nested sections', () => {
    expect(plan.site.default_language).toBe('en');
    expect(plan.site.languages).toEqual(['en', 'de', 'ja']);
    expect(plan.site.categories.map((c) => c.id)).toEqual(['orders-tracking', 'returns-refunds', 'your-account']);
    const orders = plan.site.categories[0]!;
    expect(orders.names).toEqual({ en: 'Orders & tracking', de: 'Bestellungen & Sendungsverfolgung', ja: 'ご注文と配送状況' });
    expect(orders.descriptions?.de).toBe('Verfolgen Sie eine Bestellung vom Kauf bis zur Haustür.');
    expect(orders.sections).toEqual([
      { id: 'tracking-your-parcel', names: { en: 'Tracking your parcel', de: 'Paketverfolgung', ja: '荷物の追跡' } },
      { id: 'international-delivery', names: { en: 'International delivery', de: 'Internationaler Versand', ja: '海外配送' } },
      { id: 'international-delivery/customs-and-duties', names: { en: 'Customs and duties', de: 'Zoll und Abgaben', ja: '税関と関税' } },
    ]);
  });

  test('a table comes through as a GFM table', () => {
    expect(page(`help/en/${customs}`).body).toContain(
      [
        '| Status              | What it means                                | What to do                           |',
        '| ------------------- | -------------------------------------------- | ------------------------------------ |',
        "| Held at customs     | Customs is checking the parcel.              | Wait for the carrier's message.      |",
      ].join('\n'),
    );
  });

  test('nested lists come through, also when the editor put the inner list beside its item', () => {
    const body = page(`help/en/${ret}`).body;
    expect(body).toContain('2. Select **Return items**, then for each item:\n\n   1. choose the reason,\n   2. say whether you want a refund or an exchange.');
    expect(body).toContain('- Pack the items safely:\n\n  - use the original box if you still have it,\n  - cover old labels and barcodes.');
  });

  test('links between articles become file links in the same language, with Signpost heading ids', () => {
    expect(page(`help/en/${track}`).body).toContain('[Tracking number not in the e-mail](where-is-my-tracking-number.md#tracking-number-not-in-the-e-mail)');
    // The German text kept the English anchor: it leads to the heading at the same place.
    expect(page(`help/de/${track}`).body).toContain('(where-is-my-tracking-number.md#sendungsnummer-fehlt-in-der-e-mail)');
    expect(page(`help/ja/${track}`).body).toContain('(where-is-my-tracking-number.md#追跡番号がメールにない場合)');
    // Without a locale in the URL.
    expect(page(`help/de/${customs}`).body).toContain('[Ihre Bestellung verfolgen](../../tracking-your-parcel/track-your-order.md)');
  });

  test('links to sections become the category page; unknown articles stay as they were', () => {
    expect(page(`help/de/${ret}`).body).toContain('[Rücksendungen](/de/help/returns-refunds/)');
    expect(page(`help/en/${ret}`).body).toContain('[exchanging an item](https://help.larkspur.example/hc/en-us/articles/360004999999-Exchange-an-item)');
    expect(page(`help/en/${ret}`).body).toContain(
      '[what customs may charge](../../orders-tracking/international-delivery/customs-and-duties/parcels-held-at-customs.md)',
    );
  });

  test('images keep an absolute URL; embeds become links; scripts are gone', () => {
    const body = page(`help/en/${track}`).body;
    expect(body).toContain('![The order page with the tracking panel](https://help.larkspur.example/hc/article_attachments/360008000002/order-tracking.png)');
    expect(body).toContain('[Tracking an order](https://www.youtube.com/embed/aBcD3fGh1jK)');
    expect(plan.pages.some((p) => /<script|hcTrack/.test(p.body))).toBe(false);
  });

  test('drafts are skipped with a note, article and translation alike', () => {
    expect(notesOf('skipped').map((n) => n.item)).toEqual(
      expect.arrayContaining(['article 360004000001 translation "fr"', 'article 360004000006 "Change your delivery address"']),
    );
  });

  test('an article Zendesk shows only to a user segment is never planned as a public page, drafts or not', () => {
    const restricted = 'article 360004000007 "Carrier claims (agents)"';
    expect(notesOf('skipped').find((n) => n.item === restricted)?.detail).toMatch(/visible only to user segment 360000100002 .* not imported/);
    for (const options of [mapping, { ...mapping, drafts: true }]) {
      const { pages } = planZendesk(exp, options);
      expect(pages.some((p) => p.item.startsWith('article 360004000007'))).toBe(false);
      expect(pages.some((p) => p.body.includes('logistics lead'))).toBe(false);
      // Positive control: the public articles are planned, text and all.
      expect(pages.some((p) => p.body.includes('passes through customs'))).toBe(true);
    }
  });

  test('missing and outdated translations are noted', () => {
    expect(notesOf('missing-translation')).toEqual([
      {
        kind: 'missing-translation',
        item: 'article 360004000003 "Parcels held at customs"',
        detail: 'has no ja translation: Signpost shows the en page there.',
      },
      {
        kind: 'missing-translation',
        item: 'article 360004000002 (ja)',
        path: `help/ja/${tracking}`,
        detail: 'Zendesk marks this translation outdated: bring it in line with its source.',
      },
    ]);
  });

  test('what HTML could not carry is noted per page', () => {
    const details = notesOf('unsupported').map((n) => `${n.path} ${n.detail}`);
    expect(details).toContain(`help/en/${track} <iframe> embed was replaced by a link to https://www.youtube.com/embed/aBcD3fGh1jK.`);
    expect(details).toContain(`help/de/${ret} <script> was left out.`);
    expect(details).toContain(`help/en/${password} <u> formatting was dropped; its text is kept.`);
  });

  test('dead links, dropped anchors and links into the old help center are noted', () => {
    expect(notesOf('dead-link').map((n) => [n.item, n.detail])).toEqual([
      ['article 360004000002 (en)', 'links to a page of the old help center that is no article: it stops working when that site goes.'],
      ['article 360004000002 (de)', 'links to a page of the old help center that is no article: it stops working when that site goes.'],
      ['article 360004000004 (en)', '#customs-fees is no heading of article 360004000003: the link leads to the top of the page.'],
      ['article 360004000004 (en)', 'links to article 360004999999, which is not in the export: the link still points at the old help center.'],
    ]);
  });

  test('images and attachments are listed for download with their page', () => {
    expect(notesOf('download').map((n) => [n.path, n.url])).toEqual([
      [`help/en/${track}`, 'https://help.larkspur.example/hc/article_attachments/360008000002/order-tracking.png'],
      [`help/de/${track}`, 'https://help.larkspur.example/hc/article_attachments/360008000003/bestellverfolgung.png'],
      [`help/en/${ret}`, 'https://help.larkspur.example/hc/article_attachments/360008000001/return-label-guide.pdf'],
      [`help/de/${ret}`, 'https://help.larkspur.example/hc/article_attachments/360008000001/return-label-guide.pdf'],
      [`help/en/${ret}`, 'https://help.larkspur.example/hc/article_attachments/360008000004/drop-off-points.pdf'],
    ]);
  });

  test('an author without an owner is noted once; promotion is noted as dropped', () => {
    expect(notesOf('owner')).toEqual([
      {
        kind: 'owner',
        item: 'user 381000000013 "Aiko Tanaka"',
        detail: 'wrote articles but has no owner: add `owners: { aiko.tanaka@larkspur.example: <team> }` to the mapping file.',
      },
    ]);
    expect(notesOf('dropped').map((n) => n.item)).toEqual(['article 360004000005 "Reset your password"']);
  });

  test('with `drafts`, drafts are imported', () => {
    const withDrafts = planZendesk(exp, { ...mapping, drafts: true });
    expect(withDrafts.pages.map((p) => p.path)).toContain('help/en/orders-tracking/international-delivery/change-your-delivery-address.md');
    expect(withDrafts.site.languages).toEqual(['en', 'de', 'fr', 'ja']);
  });
});

describe('locales', () => {
  test('without site languages, locales shorten to their primary subtag unless two share it', () => {
    const e = copy();
    e.translations.push({ ...e.translations.find((t) => t.locale === 'de' && t.source_type === 'Article')!, id: 1, locale: 'pt-br' });
    e.translations.push({ ...e.translations.find((t) => t.locale === 'de' && t.source_type === 'Article')!, id: 2, locale: 'pt-PT' });
    const map = zendeskLocales(e, {});
    expect([map('en-us', 'x'), map('ja', 'x'), map('pt-br', 'x'), map('pt-PT', 'x')]).toEqual(['en', 'ja', 'pt-br', 'pt-pt']);
  });

  test('with site languages, the same tag or the one language with the same primary subtag', () => {
    const map = zendeskLocales(exp, { languages: ['en', 'de', 'zh-cn'] });
    expect([map('en-us', 'x'), map('de', 'x'), map('zh-CN', 'x')]).toEqual(['en', 'de', 'zh-cn']);
  });

  test('a locale the site does not have names the item and points at `locales:`', () => {
    const e = copy();
    e.translations.push({ id: 3, source_id: 360004000001, source_type: 'Article', locale: 'xx-zz', title: 'X', body: '<p>X.</p>' });
    const error = errorOf(() => planZendesk(e, { languages: ['en', 'de', 'ja'] }));
    expect(error.item).toBe('article 360004000001 translation "xx-zz"');
    expect(error.message).toContain('the Zendesk locale "xx-zz" is none of the site\'s languages (en, de, ja).');
    expect(error.hint).toBe(
      'Add xx-zz to `languages` in site.yaml, or map it to a site language in the mapping file: `locales: { xx-zz: <one of en, de, ja> }`.',
    );
  });

  test('a mapping to something that is no language tag is refused', () => {
    expect(() => planZendesk(exp, { locales: { 'en-us': 'English' } })).toThrow(
      'the Zendesk locale "en-us" maps to "English", which is not a lower-case BCP 47 tag.',
    );
  });
});

describe('collisions', () => {
  test('two articles on one path name both and point at `slugs:`', () => {
    const error = errorOf(() => planZendesk(exp, { ...mapping, slugs: { '360004000002': 'track-your-order' } }));
    expect(error.item).toBe('article 360004000002 "Where is my tracking number?"');
    expect(error.message).toContain(`and article 360004000001 "Track your order" would both be written to help/<lang>/${track}.`);
    expect(error.hint).toBe('Give one of them a slug in the mapping file: `slugs: { 360004000002: <slug> }`.');
  });

  test('two sections that would share a folder name both', () => {
    const e = copy();
    e.sections.push({ ...e.sections[0]!, id: 360002000009, name: 'Tracking your parcel!' });
    expect(() => planZendesk(e, mapping)).toThrow(
      'section 360002000009 "Tracking your parcel!": and section 360002000001 "Tracking your parcel" would both be the folder orders-tracking/tracking-your-parcel.',
    );
  });
});

describe('HTML to Markdown', () => {
  test('text that looks like markup is escaped, and <Internal> is written as Signpost asks', () => {
    const { markdown } = htmlToMarkdown('<p>Use &lt;div&gt; and &lt;Internal&gt; with a*b and [x](y).</p>');
    expect(markdown).toBe('Use \\<div> and &lt;Internal> with a\\*b and \\[x]\\(y).\n');
  });

  test('styles and forms are dropped and named', () => {
    const { markdown, unsupported } = htmlToMarkdown('<style>p{}</style><form><input name="q"></form><p>Text.</p>');
    expect(markdown).toBe('Text.\n');
    expect(unsupported).toEqual(['<style> was left out.', '<form> was left out.']);
  });

  test('headings get the ids Signpost gives them', () => {
    expect(htmlHeadings('<h2 id="h_1">Before you start</h2><h2 id="h_2">Before you start</h2><h3><a name="x"></a>Main</h3>')).toEqual([
      { id: 'before-you-start', sourceIds: ['h_1'] },
      { id: 'before-you-start-1', sourceIds: ['h_2'] },
      { id: 'main-1', sourceIds: ['x'] },
    ]);
  });

  test('one description rule for both importers: Japanese sentences end at 。 and long ones are cut at a character', () => {
    expect(leadSentence('ご注文後、確認メールをお送りします。発送時にもお知らせします。')).toBe('ご注文後、確認メールをお送りします。');
    expect(leadSentence('配'.repeat(200))).toBe(`${'配'.repeat(159)}…`);
    expect(leadSentence('Line one\nstill the same sentence. Next.')).toBe('Line one still the same sentence.');
  });

  test('the description is the first sentence of the text, cut cleanly', () => {
    expect(firstSentence('<h2>Steps</h2><p>First this. Then that.</p>')).toBe('First this.');
    expect(firstSentence(`<p>${'word '.repeat(50)}end.</p>`)).toBe(`${'word '.repeat(31).trim()}…`);
    expect(firstSentence('<p><img src="a.png"></p>')).toBeUndefined();
  });

  test('an article without text takes its title as description', () => {
    const e = copy();
    e.articles[0]!.body = '<p><img src="/hc/article_attachments/1/map.png"></p>';
    e.translations = e.translations.filter((t) => t.source_id !== 360004000001);
    expect(planZendesk(e, mapping).pages.find((p) => p.path === `help/en/${track}`)!.data.description).toBe('Track your order');
  });
});

describe('written into a content root', () => {
  function load(p: ImportPlan) {
    const root = tempDir('zendesk-root');
    writeImport(root, p);
    return collectContent(root, 'internal');
  }

  test('Signpost loads the imported pages without problems', () => {
    const { content, problems } = load(plan);
    expect(problems.map((p) => `${p.code} ${p.file}: ${p.message}`)).toEqual([]);
    expect(content.byRoute.get(`help/${track.replace(/\.md$/, '')}`)?.size).toBe(3);
    expect(content.byRoute.get(`help/${customs.replace(/\.md$/, '')}`)?.size).toBe(2);
  });
});
