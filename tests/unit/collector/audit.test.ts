/**
 * What readers told the collector becomes audit findings (src/audit/checks/insights.ts): events
 * go in through the real service's HTTP API, the audit reads its database.
 */
import { expect, test } from 'vitest';
import { audit } from '../../../src/audit/index.ts';
import { backends, newEventsDb, startCollector } from '../../helpers/collector.ts';
import { fixture } from '../../helpers/build.ts';

const today = new Date().toISOString().slice(0, 10);
const search = (query: string, lang: string, extra: Record<string, unknown> = {}) => ({ type: 'search', query, lang, results: 0, ...extra });

test.each(backends)(
  '%s: search gaps, unhelpful pages (with their owner) and synonym suggestions are findings once past the site’s thresholds',
  async (backend) => {
    const db = await newEventsDb(backend);
    const c = await startCollector(['--rate', '0'], db);
    try {
      const send = (path: string, body: unknown) => fetch(c.url + path, { method: 'POST', body: JSON.stringify(body) });
      // Three searches for "klarna" in German find nothing (threshold 3); two for "paypal" do not count.
      await send('/v1/events', {
        site: 'public',
        events: [search('Klarna', 'de'), search('klarna', 'de'), search('klarna ', 'de'), search('paypal', 'de'), search('paypal', 'de')],
      });
      // Reformulated twice: "parcel gone" found nothing, then "lost parcel" was opened.
      for (let i = 0; i < 2; i++) {
        await send('/v1/events', {
          site: 'public',
          events: [search('lost parcel', 'en', { results: 3, previous: 'parcel gone', opened: { page: 'help/orders/track-your-order', rank: 1 } })],
        });
      }
      // 1 of 5 readers found the German policy helpful (threshold: 5 answers, under 50 %).
      for (const helpful of [true, false, false, false, false]) {
        await send('/v1/feedback', { site: 'public', page: 'policies/de/returns', lang: 'de', helpful, ...(helpful ? {} : { reason: 'unclear' }) });
      }
    } finally {
      await c.stop();
    }
    // A SQLite file, or a postgres:// URL (read through npm run insights in a child process).
    const findings = audit(fixture('basic'), { today, collectorDb: db.url ?? db.file }).findings.filter((f) =>
      ['search-gap', 'unhelpful', 'synonym-suggestion'].includes(f.kind),
    );
    // Sorted as the audit sorts: by severity, then file.
    expect(findings).toMatchObject([
      {
        kind: 'unhelpful',
        severity: 'warning',
        file: 'policies/de/de/returns.mdx',
        owner: 'legal-fixture',
        message: '20 % of 5 readers found this page helpful in the last 30 days (reasons: unclear 4).',
      },
      {
        kind: 'search-gap',
        severity: 'warning',
        file: 'search/de.yaml',
        lang: 'de',
        message: '“klarna” was searched 3 times in Deutsch in the last 30 days and found nothing.',
      },
      {
        kind: 'synonym-suggestion',
        severity: 'notice',
        file: 'search/en.yaml',
        fix: 'Add under synonyms: in search/en.yaml: - ["lost parcel", "parcel gone"]',
      },
    ]);
  },
);

test('without a collector database the audit reports none of these', () => {
  expect(audit(fixture('basic'), { today }).findings.filter((f) => ['search-gap', 'unhelpful', 'synonym-suggestion'].includes(f.kind))).toEqual([]);
});
