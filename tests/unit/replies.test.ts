/** Translated procedures show their source's replies unless they have their own (src/content/replies.ts). */
import { expect, test } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { folder } from '../helpers/git.ts';

const site = 'name: R\ndefault_language: en\nlanguages: [{ code: en }, { code: de }, { code: zh-cn }]\ncategories: [{ id: orders, names: { en: Orders } }]\n';
const front = (title: string) => `---\ntitle: ${title}\ndescription: D\nowner: team-s\nreviewed: 2026-05-01\nmarkets: [de]\n---\n\n`;
const reply = (lang: string, text: string) => `<Reply lang="${lang}" title="Titel ${lang}">\n${text} [order number].\n</Reply>`;
const root = folder({
  'site.yaml': site,
  'markets/de.yaml': 'languages: [de, en]\ncurrency: EUR\ntime_zone: Europe/Berlin\n',
  'sop/en/orders/a.mdx': `${front('A')}## Steps\n\nDo it.\n\n## Replies\n\n${reply('de', 'Guten Tag')}\n\n${reply('en', 'Hello')}\n`,
  'sop/zh-cn/orders/a.mdx': `${front('甲')}## 步骤\n\n照做。\n`,
  'sop/de/orders/a.mdx': `${front('A de')}## Schritte\n\nMachen.\n\n## Antworten\n\n${reply('de', 'Eigene')}\n`,
});
const content = loadContent(root, 'internal');
const entry = (lang: string) => content.byRoute.get('sop/orders/a')!.get(lang)!;

test('a translation without replies shows the source’s, under a heading in its own language, in HTML, contents and Markdown', () => {
  const zh = entry('zh-cn');
  const en = entry('en');
  expect(zh.html).toContain('<h2 id="replies">回复模板</h2>');
  for (const { html } of en.replyHtml!) expect(zh.html).toContain(html);
  expect(zh.html).toContain('data-reply-lang="de"');
  expect(zh.replyLanguages).toEqual(['de', 'en']);
  expect(zh.repliesFrom).toBe('sop/en/orders/a.mdx');
  expect(zh.headings.at(-1)).toEqual({ depth: 2, id: 'replies', text: '回复模板', toc: true });
  expect(zh.markdown!.body).toBe(
    '## 步骤\n\n照做。\n\n## 回复模板\n\n> **Deutsch** · Titel de\n>\n> Guten Tag [order number].\n\n> **English** · Titel en\n>\n> Hello [order number].',
  );
  expect(zh.markdown!.replies).toEqual(en.markdown!.replies);
});

test('a translation with replies of its own keeps only its own, and the source is unchanged', () => {
  expect(entry('de').replyLanguages).toEqual(['de']);
  expect(entry('de').html).toContain('Eigene');
  expect(entry('de').html).not.toContain('Guten Tag');
  expect(entry('de').repliesFrom).toBeUndefined();
  expect(entry('en').html.match(/<figure/g)).toHaveLength(2);
});

test('the customers’ site never reads procedures, so it has nothing to inherit', () => {
  expect(loadContent(root, 'public').entries).toEqual([]);
});
