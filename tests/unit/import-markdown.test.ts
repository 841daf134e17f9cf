/**
 * Importing Markdown/MDX docs sites (src/import/markdown.ts, src/import/mdx.ts): layouts, paths,
 * translations, frontmatter, the MDX conversions, links, the report's notes and bad input. The
 * fixtures under tests/fixtures/import/docs/ are a small cross-border shop's help docs in
 * Docusaurus, Starlight and VitePress form.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { collectContent } from '../../src/content/load.ts';
import { detectLayout, planMarkdown } from '../../src/import/markdown.ts';
import { type BodyContext, convertBody } from '../../src/import/mdx.ts';
import { ImportError, type ImportPlan, type NoteKind } from '../../src/import/plan.ts';
import { writeImport } from '../../src/import/write.ts';
import { projectRoot } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';

const fixtures = path.join(projectRoot, 'tests/fixtures/import/docs');
const docusaurus = path.join(fixtures, 'docusaurus');
const starlight = path.join(fixtures, 'starlight');
const vitepress = path.join(fixtures, 'vitepress');

const plans = {
  docusaurus: planMarkdown(docusaurus, {}),
  starlight: planMarkdown(starlight, {}),
  vitepress: planMarkdown(vitepress, { locales: { zh: 'zh-cn' } }),
};
const page = (plan: ImportPlan, file: string) => {
  const found = plan.pages.find((p) => p.path === file);
  if (!found) throw new Error(`No page ${file} in ${plan.pages.map((p) => p.path).join(', ')}`);
  return found;
};
const notes = (plan: ImportPlan, kind: NoteKind, item?: string) => plan.notes.filter((n) => n.kind === kind && (item === undefined || n.item === item));

/** A docs site in a temporary folder, from a map of relative paths to file contents. */
function site(files: Record<string, string>): string {
  const dir = tempDir('import-docs');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
const importError = (run: () => unknown): ImportError => {
  try {
    run();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('Expected an ImportError');
};

/** Converts a body as MDX, collecting notes; links and images are reported but left as written. */
function convert(text: string, context: Partial<BodyContext> = {}) {
  const found: { kind: NoteKind; detail: string }[] = [];
  const result = convertBody(text, {
    mdx: true,
    takeTitle: false,
    link: () => undefined,
    image: () => undefined,
    note: (kind, detail) => found.push({ kind, detail }),
    ...context,
  });
  return { ...result, notes: found };
}

describe('layout detection', () => {
  test('a Docusaurus site has its default locale from the config and translations under i18n/', () => {
    expect(detectLayout(docusaurus)).toEqual({
      kind: 'docusaurus',
      defaultLocale: 'en',
      roots: [
        { locale: 'en', dir: 'docs' },
        { locale: 'de', dir: 'i18n/de/docusaurus-plugin-content-docs/current' },
        { locale: 'ja', dir: 'i18n/ja/docusaurus-plugin-content-docs/current' },
      ],
      routeBase: '/docs/',
      assets: 'static',
      title: 'Kestrel Goods Help',
    });
  });

  test('a Starlight site keeps its root locale at the top of src/content/docs and others in folders', () => {
    expect(detectLayout(starlight)).toMatchObject({
      kind: 'starlight',
      defaultLocale: 'en',
      roots: [
        { locale: 'en', dir: 'src/content/docs' },
        { locale: 'de', dir: 'src/content/docs/de' },
      ],
    });
  });

  test('a VitePress site has its default language at the site root and translations in locale folders', () => {
    expect(detectLayout(vitepress)).toMatchObject({
      kind: 'vitepress',
      defaultLocale: 'en',
      roots: [
        { locale: 'en', dir: '' },
        { locale: 'zh', dir: 'zh' },
      ],
    });
  });

  test('a Starlight site whose default locale has its own folder has no root pages', () => {
    const dir = site({
      'astro.config.mjs': "starlight({ defaultLocale: 'en', locales: { en: { label: 'English' }, fr: { label: 'Français' } } })",
      'src/content/docs/en/orders/track.md': '# Track\n\nText.\n',
      'src/content/docs/fr/orders/track.md': '# Suivre\n\nTexte.\n',
    });
    expect(detectLayout(dir)).toMatchObject({
      defaultLocale: 'en',
      roots: [
        { locale: 'en', dir: 'src/content/docs/en' },
        { locale: 'fr', dir: 'src/content/docs/fr' },
      ],
    });
    expect(planMarkdown(dir, {}).pages.map((p) => p.path)).toEqual(['help/en/orders/track.md', 'help/fr/orders/track.md']);
  });

  test("a VitePress site's srcDir holds its pages", () => {
    const dir = site({
      '.vitepress/config.js': "export default { srcDir: './docs', locales: { root: { lang: 'en' }, de: { lang: 'de-DE' } } }",
      'docs/guide/track.md': '# Track\n\nText.\n',
      'docs/de/guide/track.md': '# Verfolgen\n\nText.\n',
      'README.md': '# The repository\n',
    });
    expect(detectLayout(dir)).toMatchObject({
      roots: [
        { locale: 'en', dir: 'docs' },
        { locale: 'de', dir: 'docs/de' },
      ],
      assets: 'docs/public',
    });
    expect(planMarkdown(dir, {}).pages.map((p) => p.path)).toEqual(['help/en/guide/track.md', 'help/de/guide/track.md']);
  });

  test('a folder of language folders is a generic site; folders that are not language tags are not languages', () => {
    const dir = site({ 'en/orders/track.md': '# Track\n', 'de/orders/track.md': '# Verfolgen\n', 'guides/x.md': '# X\n' });
    expect(detectLayout(dir)).toMatchObject({
      kind: 'generic',
      defaultLocale: 'en',
      roots: [
        { locale: 'de', dir: 'de' },
        { locale: 'en', dir: 'en' },
      ],
    });
  });

  test('a folder with no docs site is an error that says what was looked for', () => {
    const dir = site({ 'notes.txt': 'hello' });
    expect(importError(() => detectLayout(dir)).message).toMatch(/holds no docs site: no Docusaurus, Starlight or VitePress configuration/);
  });
});

describe('paths and structure', () => {
  const plan = plans.docusaurus;

  test('a page at the top of a language becomes an uncategorised article', () => {
    expect(page(plan, 'help/en/account.md').item).toBe('docs/account.md');
  });

  test('a first-level folder is a category; numeric prefixes are stripped from names and used as order', () => {
    const track = page(plan, 'help/en/orders/track-an-order.mdx');
    expect(track.item).toBe('docs/01-orders/01-track-an-order.md');
    expect(page(plan, 'help/en/orders/delivery-times.mdx').data.order).toBe(3);
  });

  test('a deeper folder is a section of its category', () => {
    expect(page(plan, 'help/en/orders/customs/duties-and-taxes.mdx').data.order).toBe(1);
    expect(plan.site.categories[0]!.sections).toEqual([{ id: 'customs', names: { en: 'Customs and duties' } }]);
  });

  test("a category folder's index page becomes its overview article, and the site's landing page is left out", () => {
    expect(page(plan, 'help/en/returns/overview.md').data.title).toBe('Returns and refunds');
    expect(notes(plan, 'unsupported', 'docs/02-returns/index.md')[0]!.detail).toMatch(/became its article overview/);
    expect(notes(plan, 'skipped', 'docs/index.md')[0]!.detail).toMatch(/landing page/);
    expect(plan.pages.some((p) => p.item === 'docs/index.md')).toBe(false);
  });

  test('categories are named per language from _category_ files, or the index title, in their position order', () => {
    expect(plan.site).toMatchObject({
      name: 'Kestrel Goods Help',
      default_language: 'en',
      languages: ['en', 'de', 'ja'],
      categories: [
        { id: 'orders', names: { en: 'Orders & delivery', de: 'Bestellungen & Lieferung' } },
        { id: 'returns', names: { en: 'Returns' } },
      ],
    });
  });

  test("a category's description comes from its _category_ file or its index page", () => {
    expect(plans.docusaurus.site.categories[1]!.descriptions).toEqual({ en: 'How to send an item back and when you get your money.' });
  });

  test('an empty page is left out with a note', () => {
    const dir = site({ 'docs/orders/track.md': '---\ntitle: Track\n---\n\n', 'docs/orders/follow.md': '# Follow\n\nText.\n' });
    const plan = planMarkdown(dir, {});
    expect(plan.pages.map((p) => p.path)).toEqual(['help/en/orders/follow.md']);
    expect(notes(plan, 'skipped')).toEqual([{ kind: 'skipped', item: 'docs/orders/track.md', detail: 'The page has no text.' }]);
  });

  test('a Starlight category without a label is named after its folder in the default language only', () => {
    expect(plans.starlight.site.categories).toEqual([{ id: 'account', names: { en: 'Account' } }]);
  });
});

describe('translations', () => {
  test('translations take the path of the default-language page, its slug included', () => {
    const paths = plans.docusaurus.pages.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['help/en/returns/begin.md', 'help/de/returns/begin.md', 'help/de/orders/track-an-order.md', 'help/ja/account.md']),
    );
  });

  test('a page missing in a language gets one note per language', () => {
    expect(notes(plans.docusaurus, 'missing-translation', 'docs/02-returns/start-a-return.md')).toEqual([
      {
        kind: 'missing-translation',
        item: 'docs/02-returns/start-a-return.md',
        detail: 'No ja translation: readers in ja see the en page.',
        path: 'help/en/returns/begin.md',
      },
    ]);
  });

  test('a locale folder is mapped through the mapping file (zh → zh-cn)', () => {
    expect(plans.vitepress.site.languages).toEqual(['en', 'zh-cn']);
    expect(page(plans.vitepress, 'help/zh-cn/guide/track-order.mdx').data.title).toBe('跟踪订单');
  });

  test('a locale folder matches a site language by its primary subtag when that is unique', () => {
    const plan = planMarkdown(vitepress, { languages: ['en', 'zh-cn'] });
    expect(plan.site.languages).toEqual(['en', 'zh-cn']);
  });
});

describe('frontmatter', () => {
  test('Docusaurus keys map to Signpost keys, in Signpost order', () => {
    const track = page(plans.docusaurus, 'help/en/orders/track-an-order.mdx');
    expect(Object.entries(track.data)).toEqual([
      ['title', 'Track an order'],
      ['description', 'Where to find your tracking number and what each status means.'],
      ['reviewed', '2026-10-05'],
      ['tags', ['Tracking', 'delivery', 'parcel']],
      ['order', 2],
    ]);
  });

  test('an author mapped in the mapping file becomes the owner', () => {
    const plan = planMarkdown(docusaurus, { owners: { maria: 'logistics-team' } });
    expect(page(plan, 'help/en/orders/track-an-order.mdx').data.owner).toBe('logistics-team');
    expect(notes(plan, 'owner', 'docs/01-orders/01-track-an-order.md')).toEqual([]);
  });

  test('without a title the first heading is taken and removed; without a description, the first sentence', () => {
    const times = page(plans.docusaurus, 'help/en/orders/delivery-times.mdx');
    expect(times.data).toMatchObject({ title: 'Delivery times', description: 'Delivery times depend on where you live.' });
    expect(times.body).not.toMatch(/^# /m);
  });

  test('without title or heading, the file name gives the title, with a note', () => {
    expect(page(plans.docusaurus, 'help/en/returns/refunds.md').data.title).toBe('Refunds');
    expect(notes(plans.docusaurus, 'unsupported', 'docs/02-returns/refunds.md')[0]!.detail).toMatch(/made from the file name/);
  });

  test('dates in date, lastUpdated and last_update become reviewed days', () => {
    expect(page(plans.docusaurus, 'help/en/orders/customs/duties-and-taxes.mdx').data.reviewed).toBe('2026-07-20');
    expect(page(plans.docusaurus, 'help/en/account.md').data.reviewed).toBe('2026-08-14');
  });

  test('a slug with several segments keeps its last one, with a note', () => {
    expect(notes(plans.docusaurus, 'dropped', 'docs/02-returns/start-a-return.md')[0]!.path).toBe('help/en/returns/begin.md');
    expect(notes(plans.docusaurus, 'dropped', 'docs/02-returns/start-a-return.md').map((n) => n.detail)).toEqual([
      'The slug "/returns/begin" names a route; only its last segment "begin" is kept as the file name.',
      'Frontmatter keys with no Signpost equivalent were left out: hide_table_of_contents.',
    ]);
  });

  test('other keys are dropped with one note per file listing them', () => {
    expect(notes(plans.docusaurus, 'dropped', 'docs/01-orders/01-track-an-order.md')).toEqual([
      {
        kind: 'dropped',
        item: 'docs/01-orders/01-track-an-order.md',
        detail: 'Frontmatter keys with no Signpost equivalent were left out: id, sidebar_label, custom_edit_url.',
        path: 'help/en/orders/track-an-order.mdx',
      },
    ]);
  });

  test('an author without an owner is noted', () => {
    expect(notes(plans.docusaurus, 'owner').map((n) => n.item)).toEqual(['docs/01-orders/01-track-an-order.md', 'docs/02-returns/start-a-return.md']);
  });

  test('drafts are left out with a note, or imported when asked', () => {
    expect(notes(plans.docusaurus, 'skipped', 'docs/01-orders/draft-page.md')[0]!.detail).toMatch(/draft/);
    const plan = planMarkdown(docusaurus, { drafts: true });
    expect(page(plan, 'help/en/orders/draft-page.md').data.title).toBe('Express delivery');
  });
});

describe('MDX conversion', () => {
  test('Docusaurus admonitions become callouts, with titles kept as a bold first line; a page with them is MDX', () => {
    const track = page(plans.docusaurus, 'help/en/orders/track-an-order.mdx');
    expect(track.body).toContain('<Callout type="tip">\n\n**Tracking number**\n\nThe number is in your shipping confirmation e-mail.\n\n</Callout>');
    const duties = page(plans.docusaurus, 'help/en/orders/customs/duties-and-taxes.mdx').body;
    expect(duties).toContain('<Callout type="note">\n\nThe carrier collects the charges before delivery.\n\n</Callout>');
    expect(duties).toContain('<Callout type="warning">\n\n**Refused parcels**');
    expect(notes(plans.docusaurus, 'unsupported', 'docs/01-orders/01-track-an-order.md')[0]!.detail).toMatch(/callout title \("Tracking number"\)/);
  });

  test('code blocks are copied untouched', () => {
    expect(page(plans.docusaurus, 'help/en/orders/track-an-order.mdx').body).toContain('```md\n:::note\nThis stays inside the code block.\n:::\n```');
  });

  test('an indented code block keeps its indentation', () => {
    expect(convert('Run:\n\n    npm run track\n', { mdx: false }).body).toBe('Run:\n\n    npm run track\n');
  });

  test('VitePress containers become callouts and details blocks', () => {
    const body = page(plans.vitepress, 'help/en/guide/track-order.mdx').body;
    expect(body).toContain('<Callout type="tip">\n\nCheck your spam folder if you cannot find it.\n\n</Callout>');
    expect(body).toContain(
      '<details>\n<summary>Which carriers do you use?</summary>\n\nWe ship with national postal services and express couriers.\n\n</details>',
    );
  });

  test('import lines are removed and Tabs become parts under bold labels, with a note', () => {
    const body = page(plans.docusaurus, 'help/en/orders/delivery-times.mdx').body;
    expect(body).not.toMatch(/import|<Tabs|<TabItem/);
    expect(body).toMatch(/\*\*European Union\*\*\n\nMost parcels arrive within three to five working days\.\n+\*\*Rest of the world\*\*\n\nParcels outside/);
    expect(notes(plans.docusaurus, 'unsupported', 'docs/01-orders/02-delivery-times.mdx').map((n) => n.detail)).toEqual([
      'Tabs became consecutive parts, each under its tab label in bold.',
      'Removed the expression {props.currency}: Signpost content is never run as code.',
      '<Highlight> has no Signpost equivalent: its contents were kept.',
    ]);
  });

  test('expressions are removed, comments kept, unknown components unwrapped', () => {
    const body = page(plans.docusaurus, 'help/en/orders/delivery-times.mdx').body;
    expect(body).toContain('{/* Figures checked with the logistics team. */}');
    expect(body).toContain('Prices shown in  include shipping. Orders over a set amount ship free.');
  });

  test('Starlight Aside, Steps, LinkCard and Badge become Signpost Markdown', () => {
    expect(page(plans.starlight, 'help/en/account/sign-in.mdx').body).toBe(
      [
        'Sign in to see your orders New and saved addresses.',
        '<Steps>\n\n1. Open the sign-in page.\n2. Enter your e-mail address.\n3. Type the code we send you.\n\n</Steps>',
        '<Callout type="warning">\n\n**Shared computers**\n\nSign out when you are done.\n\n</Callout>',
        '<Callout type="note">\n\nThe code is valid for ten minutes.\n\n</Callout>',
        '[Delete your account](delete-account.md)\n',
      ].join('\n\n'),
    );
  });

  test('a Docusaurus heading id is removed with a note', () => {
    expect(page(plans.docusaurus, 'help/en/orders/customs/duties-and-taxes.mdx').body).toContain('## Paying the charges\n');
    expect(notes(plans.docusaurus, 'unsupported', 'docs/01-orders/customs/01-duties-and-taxes.md')[0]!.detail).toBe(
      'The heading id {#pay} was removed: Signpost makes heading ids from the heading text.',
    );
  });

  test('Card becomes a bold title over its text; a self-closing unknown component is removed with a note', () => {
    const out = convert('<Card title="Returns">\n  Free within the return period.\n</Card>\n\n<DocCardList />\n');
    expect(out.body).toBe('**Returns**\n\nFree within the return period.\n');
    expect(out.notes).toEqual([{ kind: 'unsupported', detail: '<DocCardList> has no Signpost equivalent: it was removed.' }]);
  });

  test('a Markdown page that becomes MDX for its callouts has its braces and angle brackets escaped', () => {
    const out = convert(':::note\nType {order number} where a < b.\n:::\n', { mdx: false });
    expect(out.body).toBe('<Callout type="note">\n\nType \\{order number} where a \\< b.\n\n</Callout>\n');
  });

  test('a Markdown page that becomes MDX writes HTML comments as MDX comments and autolinks as links', () => {
    const out = convert('<!-- truncate -->\n\n:::tip\nSee <https://carrier.example/track>.\n:::\n', { mdx: false });
    expect(out.body).toBe('{/* truncate */}\n\n<Callout type="tip">\n\nSee [https://carrier.example/track](https://carrier.example/track).\n\n</Callout>\n');
  });

  test('a component used twice, or a missing page linked twice, is noted once per page', () => {
    const dir = site({ 'docs/orders/track.mdx': '# Track\n\n<Highlight>One</Highlight> and <Highlight>two</Highlight>, [a](./gone.md) and [b](./gone.md).\n' });
    const plan = planMarkdown(dir, {});
    expect(page(plan, 'help/en/orders/track.mdx').body).toBe('One and two, [a](./gone.md) and [b](./gone.md).\n');
    expect(plan.notes.map((n) => n.kind)).toEqual(['unsupported', 'dead-link']);
  });

  test('an <img> in MDX is reported like a Markdown image', () => {
    const images: string[] = [];
    convert('<img src="/img/box.png" alt="A parcel" />\n', { image: (url) => images.push(url) });
    expect(images).toEqual(['/img/box.png']);
  });

  test('a Markdown page with import lines and components is read as MDX and written as MDX', () => {
    const dir = site({
      'docs/orders/track.md':
        '---\ntitle: Track\n---\nimport Tabs from \'@theme/Tabs\';\n\n<Tabs>\n<TabItem label="App">\n\nOpen the app.\n\n</TabItem>\n</Tabs>\n',
    });
    expect(planMarkdown(dir, {}).pages).toMatchObject([{ path: 'help/en/orders/track.mdx', body: '**App**\n\nOpen the app.\n' }]);
  });

  test('an unknown container is unwrapped with a note', () => {
    const out = convert('::: code-group\nText.\n:::\n', { mdx: false });
    expect(out.body).toBe('Text.\n');
    expect(out.notes[0]!.detail).toMatch(/::: code-group container has no Signpost equivalent/);
  });
});

describe('links and images', () => {
  test('relative links to other docs files point to the target files, anchors kept', () => {
    expect(page(plans.docusaurus, 'help/en/orders/track-an-order.mdx').body).toContain('[start a return](../returns/begin.md#before-you-start)');
    expect(page(plans.docusaurus, 'help/de/orders/track-an-order.md').body).toContain('[Rücksendung starten](../returns/begin.md#before-you-start)');
  });

  test('extension-less routes, relative or under /docs/, find their pages', () => {
    expect(page(plans.docusaurus, 'help/en/orders/delivery-times.mdx').body).toContain('[duties and taxes](customs/duties-and-taxes.mdx)');
    expect(page(plans.docusaurus, 'help/en/orders/customs/duties-and-taxes.mdx').body).toContain('[returns](../../returns/overview.md)');
    expect(page(plans.docusaurus, 'help/en/returns/begin.md').body).toContain('[refunds](refunds.md)');
    expect(page(plans.vitepress, 'help/en/guide/track-order.mdx').body).toContain('[returns](returns.md)');
  });

  test('a link to a page not in the import is kept and noted', () => {
    expect(page(plans.docusaurus, 'help/en/orders/track-an-order.mdx').body).toContain('[carrier list](./carriers.md)');
    expect(notes(plans.docusaurus, 'dead-link')).toEqual([
      {
        kind: 'dead-link',
        item: 'docs/01-orders/01-track-an-order.md',
        detail: 'The link to ./carriers.md leads to no page of the import; it was left as written.',
        path: 'help/en/orders/track-an-order.mdx',
        url: './carriers.md',
      },
    ]);
  });

  test('a local image is kept and noted for download, with the file it comes from', () => {
    expect(page(plans.docusaurus, 'help/en/orders/track-an-order.mdx').body).toContain('![The tracking page](./img/tracking.png)');
    expect(notes(plans.docusaurus, 'download')).toEqual([
      {
        kind: 'download',
        item: 'docs/01-orders/01-track-an-order.md',
        detail: 'The image ./img/tracking.png is a file of the old site: download it, host it and link it by its https URL.',
        path: 'help/en/orders/track-an-order.mdx',
        url: 'docs/01-orders/img/tracking.png',
      },
    ]);
  });
});

describe('bad input', () => {
  test('a language folder the site does not have is an error naming the folder, with a hint', () => {
    const e = importError(() => planMarkdown(docusaurus, { languages: ['en', 'de'] }));
    expect(e.item).toBe('i18n/ja/docusaurus-plugin-content-docs/current');
    expect(e.message).toMatch(/the language folder "ja" is none of the site's languages \(en, de\)/);
    expect(e.hint).toBe('Add ja to `languages` in site.yaml, or map it to a site language in the mapping file: `locales: { ja: <one of en, de> }`.');
  });

  test('a translation folder that is no language tag is an error naming it', () => {
    const dir = site({ 'docs/track.md': '# Track\n\nText.\n', 'i18n/Deutsch/docusaurus-plugin-content-docs/current/track.md': '# Verfolgen\n\nText.\n' });
    const e = importError(() => planMarkdown(dir, {}));
    expect(e.item).toBe('i18n/Deutsch/docusaurus-plugin-content-docs/current');
    expect(e.message).toBe(
      'i18n/Deutsch/docusaurus-plugin-content-docs/current: the language folder "Deutsch" is not a language tag.\n  Add it to `locales:` in the mapping file, e.g. `locales: { Deutsch: <language tag> }`.',
    );
    expect(planMarkdown(dir, { locales: { Deutsch: 'de' } }).site.languages).toEqual(['en', 'de']);
  });

  test('two pages that land on the same path are an error naming both, with the slugs hint', () => {
    const dir = site({
      'docs/orders/track.md': '---\ntitle: Track\nslug: follow\n---\nText.\n',
      'docs/orders/follow.md': '---\ntitle: Follow\n---\nText.\n',
    });
    const e = importError(() => planMarkdown(dir, {}));
    expect(e.message).toMatch(/^docs\/orders\/track\.md: and docs\/orders\/follow\.md would both be written to help\/en\/orders\/follow\./);
    expect(e.hint).toBe('Give one of them its own slug in the mapping file: slugs: { docs/orders/track.md: <slug> }.');
    expect(planMarkdown(dir, { slugs: { 'docs/orders/track.md': 'track' } }).pages.map((p) => p.path)).toEqual([
      'help/en/orders/follow.md',
      'help/en/orders/track.md',
    ]);
  });

  test('broken frontmatter YAML is an error naming the file and the line', () => {
    const dir = site({ 'docs/orders/track.md': '---\ntitle: Track\ndescription: Where: your parcel is\n---\nText.\n' });
    const e = importError(() => planMarkdown(dir, {}));
    expect(e.item).toBe('docs/orders/track.md');
    expect(e.message).toMatch(/^docs\/orders\/track\.md: the frontmatter is not valid YAML \(line 3\): bad indentation of a mapping entry/);
  });

  test('frontmatter in another language than YAML is refused, never run', () => {
    const dir = site({ 'docs/orders/track.md': '---js\n{ title: "Track" }\n---\nText.\n' });
    expect(importError(() => planMarkdown(dir, {})).message).toMatch(/^docs\/orders\/track\.md: has frontmatter that is not YAML/);
  });

  test('a symbolic link is not followed, with a note', () => {
    const dir = site({ 'docs/orders/track.md': '# Track\n\nText.\n', 'outside.md': '# Secret\n\nNot part of the docs.\n' });
    fs.symlinkSync(path.join(dir, 'outside.md'), path.join(dir, 'docs/orders/linked.md'));
    const plan = planMarkdown(dir, {});
    expect(plan.pages.map((p) => p.path)).toEqual(['help/en/orders/track.md']);
    expect(notes(plan, 'skipped')).toMatchObject([{ item: 'docs/orders/linked.md', detail: expect.stringMatching(/symbolic link: not followed/) }]);
  });

  test('MDX the parser refuses is an error naming the file and its line', () => {
    const dir = site({ 'docs/orders/track.mdx': '---\ntitle: Track\n---\n\nText.\n\n<Note>\nunclosed\n' });
    const e = importError(() => planMarkdown(dir, {}));
    expect(e.message).toBe(
      'docs/orders/track.mdx: cannot be read as MDX (line 7): Expected a closing tag for `<Note>` (mdx-jsx:unexpected-character)\n  Fix the page, or remove it from the import.',
    );
  });
});

describe('error lines', () => {
  test('an MDX error after a converted admonition is reported at its line in the source file', () => {
    const dir = site({ 'docs/orders/track.mdx': '---\ntitle: Track\n---\n:::tip[Fast]\nTip.\n:::\n\nText {broken\n' });
    expect(importError(() => planMarkdown(dir, {})).message).toMatch(/^docs\/orders\/track\.mdx: cannot be read as MDX \(line 8\)/);
  });
});

describe('writing the plan', () => {
  test('the written Docusaurus import loads with no problem but the dead link', () => {
    const root = tempDir('import-docusaurus');
    writeImport(root, plans.docusaurus);
    const { problems, warnings } = collectContent(root, 'internal');
    // Whether a broken link is an error or a warning is site.yaml's `links:` setting, not the plan's.
    expect([...problems, ...warnings].map((p) => [p.code, p.file, p.message])).toEqual([
      ['BrokenLink', 'help/en/orders/track-an-order.mdx', '"./carriers.md" leads to help/orders/carriers, which does not exist.'],
    ]);
  });

  test('the written Starlight and VitePress imports load with no problems', () => {
    for (const plan of [plans.starlight, plans.vitepress]) {
      const root = tempDir('import-docs');
      writeImport(root, plan);
      const { problems, warnings } = collectContent(root, 'internal');
      expect([...problems, ...warnings]).toEqual([]);
    }
  });
});
