/** Each audit kind fires when it should and stays silent when it should not. */
import { describe, expect, test } from 'vitest';
import { audit } from '../../../src/audit/index.ts';
import type { FindingKind } from '../../../src/audit/types.ts';
import { folder, gitRepo, write } from '../../helpers/git.ts';

const site =
  'name: Audit\ndefault_language: en\nlanguages: [{ code: en }, { code: de }, { code: zh-cn }]\ncategories: [{ id: orders, names: { en: Orders } }]\nreview_every: { help: 100 }\ndue_soon_days: 10\n';
const market = 'languages: [de, en]\ncurrency: EUR\ntime_zone: Europe/Berlin\n';
const page = (front: Record<string, string>, body = 'Body text.') =>
  `---\ntitle: T\ndescription: D\n${Object.entries(front)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n${body}\n`;
const base = { 'site.yaml': site, 'markets/de.yaml': market };
const kinds = (root: string, today = '2026-06-01', kind?: FindingKind) =>
  audit(root, { today })
    .findings.filter((f) => !kind || f.kind === kind)
    .map((f) => `${f.kind} ${f.file}`);

describe('review dates', () => {
  const root = folder({
    ...base,
    'help/en/orders/old.md': page({ reviewed: '2026-01-01', owner: 'team-a' }),
    'help/en/orders/soon.md': page({ reviewed: '2026-02-25' }),
    'help/en/orders/fresh.md': page({ reviewed: '2026-05-01' }),
    'help/en/orders/custom.md': page({ reviewed: '2026-01-01', review_every: '400' }),
    'help/de/orders/old.md': page({ reviewed: '2026-05-20' }),
    'help/de/orders/soon.md': page({ reviewed: '2026-05-20' }),
    'help/de/orders/fresh.md': page({ reviewed: '2026-05-20' }),
    'help/de/orders/custom.md': page({ reviewed: '2026-05-20' }),
  });

  test('review-overdue fires past reviewed + review_every, with the days and the owner', () => {
    const f = audit(root, { today: '2026-06-01' }).findings.filter((x) => x.kind === 'review-overdue');
    expect(f).toMatchObject([{ file: 'help/en/orders/old.md', days: 51, owner: 'team-a', severity: 'warning' }]);
  });

  test('review-due-soon fires inside the window only', () => {
    expect(kinds(root, '2026-06-01', 'review-due-soon')).toEqual(['review-due-soon help/en/orders/soon.md']);
  });

  test('a translation inherits the owner of its source', () => {
    const f = audit(root, { today: '2026-09-05' }).findings.find((x) => x.file === 'help/de/orders/old.md' && x.kind === 'review-overdue');
    expect(f?.owner).toBe('team-a');
  });

  test('review_every on the page overrides the site default', () => {
    expect(kinds(root, '2026-06-01').filter((k) => k.includes('custom'))).toEqual([]);
  });

  test('a policy without owner or reviewed is missing-owner / missing-reviewed; a help article is not', () => {
    const r = folder({
      ...base,
      'policies/de/en/returns.md': page({ effective: '2026-01-01', sources: '[{ title: L, url: "https://l.example" }]' }),
      'help/en/orders/x.md': page({}),
    });
    expect(kinds(r).filter((k) => k.startsWith('missing'))).toEqual(['missing-owner policies/de/en/returns.md', 'missing-reviewed policies/de/en/returns.md']);
  });
});

describe('translations from git history', () => {
  const en = (body: string, reviewed = '2026-01-01') => page({ reviewed }, body);

  test('translation-stale fires when the source body changed after the translation', () => {
    const root = gitRepo([
      { date: '2026-01-10', files: { ...base, 'help/en/orders/a.md': en('One.'), 'help/de/orders/a.md': en('Eins.') } },
      { date: '2026-03-01', files: { 'help/en/orders/a.md': en('One, changed.') } },
    ]);
    expect(kinds(root, '2026-03-02', 'translation-stale')).toEqual(['translation-stale help/de/orders/a.md']);
    expect(audit(root, { today: '2026-03-02' }).findings.find((f) => f.kind === 'translation-stale')?.message).toBe(
      'help/en/orders/a.md changed on 2026-03-01, after this translation (2026-01-10).',
    );
  });

  test('a change to the source frontmatter only does not make translations stale', () => {
    const root = gitRepo([
      { date: '2026-01-10', files: { ...base, 'help/en/orders/a.md': en('One.'), 'help/de/orders/a.md': en('Eins.') } },
      { date: '2026-02-01', files: { 'help/en/orders/a.md': en('One, changed.') } },
      { date: '2026-02-05', files: { 'help/de/orders/a.md': en('Eins, geändert.') } },
      { date: '2026-03-01', files: { 'help/en/orders/a.md': en('One, changed.', '2026-03-01') } },
    ]);
    expect(kinds(root, '2026-03-02', 'translation-stale')).toEqual([]);
  });

  test('a frontmatter-only change is recognized with a BOM and Windows line ends too', () => {
    const crlf = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const root = gitRepo([
      { date: '2026-01-10', files: { ...base, 'help/en/orders/a.md': crlf(en('One.')), 'help/de/orders/a.md': en('Eins.') } },
      { date: '2026-03-01', files: { 'help/en/orders/a.md': en('One.', '2026-03-01') } },
    ]);
    expect(kinds(root, '2026-03-02', 'translation-stale')).toEqual([]);
  });

  test('an updated translation is no longer stale', () => {
    const root = gitRepo([
      { date: '2026-01-10', files: { ...base, 'help/en/orders/a.md': en('One.'), 'help/de/orders/a.md': en('Eins.') } },
      { date: '2026-03-01', files: { 'help/en/orders/a.md': en('One, changed.') } },
      { date: '2026-03-02', files: { 'help/de/orders/a.md': en('Eins, geändert.') } },
    ]);
    expect(kinds(root, '2026-03-03', 'translation-stale')).toEqual([]);
  });

  test('an uncommitted edit of the source body counts from the file time', () => {
    const root = gitRepo([{ date: '2026-01-10', files: { ...base, 'help/en/orders/a.md': en('One.'), 'help/de/orders/a.md': en('Eins.') } }]);
    write(root, { 'help/en/orders/a.md': en('One, edited now.') });
    expect(kinds(root, '2026-11-24', 'translation-stale')).toEqual(['translation-stale help/de/orders/a.md']);
  });

  test('without git, `translated` and `reviewed` dates decide', () => {
    const root = folder({
      ...base,
      'help/en/orders/a.md': page({ reviewed: '2026-03-01' }),
      'help/de/orders/a.md': page({ reviewed: '2026-01-01' }),
      'help/en/orders/b.md': page({ reviewed: '2026-03-01' }),
      'help/de/orders/b.md': page({ reviewed: '2026-01-01', translated: '2026-03-05' }),
    });
    expect(kinds(root, '2026-03-10', 'translation-stale')).toEqual(['translation-stale help/de/orders/a.md']);
  });

  test('translation-missing fires for a language of a market the page applies to, not for other languages', () => {
    const root = folder({
      ...base,
      'help/en/orders/a.md': page({}),
      'help/zh-cn/orders/b.md': page({}),
      'help/en/orders/b.md': page({}),
      'help/de/orders/b.md': page({}),
    });
    expect(kinds(root, '2026-03-10', 'translation-missing')).toEqual(['translation-missing help/de/orders/a.md']);
  });
});

describe('policy dates and links', () => {
  const policy = (effective: string, expires?: string) =>
    page({ owner: 'legal', reviewed: '2026-05-01', effective, ...(expires ? { expires } : {}), sources: '[{ title: L, url: "https://l.example" }]' });

  test('policy-expired fires on and after `expires`; policy-not-yet-effective before `effective`', () => {
    const root = folder({
      ...base,
      'policies/de/de/returns.md': policy('2026-01-01', '2026-05-31'),
      'policies/de/en/returns.md': policy('2026-07-01'),
      'policies/de/de/shipping.md': policy('2026-01-01'),
      'policies/de/en/shipping.md': policy('2026-01-01'),
    });
    expect(kinds(root, '2026-06-01').filter((k) => k.startsWith('policy'))).toEqual([
      'policy-expired policies/de/de/returns.md',
      'policy-not-yet-effective policies/de/en/returns.md',
    ]);
    expect(kinds(root, '2026-05-30').filter((k) => k.startsWith('policy'))).toEqual(['policy-not-yet-effective policies/de/en/returns.md']);
  });

  test('broken-link fires for a missing page and a missing anchor', () => {
    const root = folder({
      ...base,
      'help/en/orders/a.md': page({}, '## Here\n\n[x](./nope.md) [y](#here) [z](./b.md#nope)'),
      'help/en/orders/b.md': page({}),
      'help/de/orders/a.md': page({}),
      'help/de/orders/b.md': page({}),
    });
    expect(
      audit(root, { today: '2026-06-01' })
        .findings.filter((f) => f.kind === 'broken-link')
        .map((f) => [f.file, f.line, f.severity]),
    ).toEqual([
      ['help/en/orders/a.md', 9, 'error'],
      ['help/en/orders/a.md', 9, 'error'],
    ]);
  });
});

describe('replies', () => {
  const sop = (markets: string, replies: string[], body = '') =>
    `---\ntitle: T\ndescription: D\nowner: team-s\nreviewed: 2026-05-01\nmarkets: ${markets}\n---\n\n## Steps\n\nDo it.${body}\n\n## Replies\n\n${replies
      .map((l) => `<Reply lang="${l}" title="R ${l}">\nText in ${l}.\n</Reply>`)
      .join('\n\n')}\n`;
  const root = folder({
    ...base,
    'sop/en/orders/complete.mdx': sop('[de]', ['de', 'en']),
    'sop/en/orders/no-german.mdx': sop('[de]', ['en']),
    'sop/en/orders/reference.mdx': sop('[de]', []),
    'sop/zh-cn/orders/no-german.mdx': '---\ntitle: 中文\ndescription: 说明\n---\n\n## 步骤\n\n照做。\n',
  });

  test('reply-missing names each language a market needs that a procedure with replies lacks, once, on its source', () => {
    const f = audit(root, { today: '2026-06-01' }).findings.filter((x) => x.kind === 'reply-missing');
    expect(f).toMatchObject([
      {
        file: 'sop/en/orders/no-german.mdx',
        lang: 'de',
        owner: 'team-s',
        severity: 'warning',
        message: 'No reply in Deutsch (de); customers in DE write in it.',
      },
    ]);
  });
});

describe('holidays', () => {
  const holidays = (dates: string[]) =>
    `${market}holidays:\n  owner: cx-de\n  reviewed: 2026-05-01\n  source: Calendar\n  days:\n${dates.map((d) => `    - { date: ${d}, name: H }`).join('\n')}\n`;

  test('holidays-ending fires when the list ends within 60 days, naming the market file and its owner', () => {
    const root = folder({ ...base, 'markets/de.yaml': holidays(['2026-06-10', '2026-07-15']) });
    expect(audit(root, { today: '2026-06-01' }).findings.filter((f) => f.kind === 'holidays-ending')).toMatchObject([
      { file: 'markets/de.yaml', owner: 'cx-de', days: 44, severity: 'warning', message: 'The public holidays of DE end on 2026-07-15, in 44 days.' },
    ]);
  });

  test('a list that reaches far enough, or no list, is not flagged', () => {
    expect(kinds(folder({ ...base, 'markets/de.yaml': holidays(['2026-12-25']) }), '2026-06-01', 'holidays-ending')).toEqual([]);
    expect(kinds(folder(base), '2026-06-01', 'holidays-ending')).toEqual([]);
  });
});
