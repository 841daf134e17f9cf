/**
 * What readers told the collector, as findings (when the audit or the internal build is given its
 * database, `SIGNPOST_COLLECTOR_DB`), with thresholds from site.yaml `collector.thresholds`:
 *
 * - search-gap: a query searched at least `search_gap` times in a language found nothing;
 * - unhelpful: a page with at least `unhelpful_votes` answers, fewer than `unhelpful_ratio` of them "yes";
 * - synonym-suggestion: a query that found nothing was followed by another whose result was
 *   opened, at least `synonym` times: the YAML line to add.
 */
import type { Check, Finding } from '../types.ts';

/** Turns the collector's insights into findings, with the owners of the pages concerned. */
export const insightFindings: Check = ({ content, insights }) => {
  if (!insights) return [];
  const { site } = content;
  const th = site.insightThresholds;
  const days = insights.period.days;
  const out: Finding[] = [];
  const words = (lang: string) => `search/${lang}.yaml`;
  for (const q of insights.zeroResults) {
    if (q.count < th.search_gap) continue;
    out.push({
      kind: 'search-gap',
      severity: 'warning',
      file: words(q.lang),
      lang: q.lang,
      message: `“${q.query}” was searched ${q.count} times in ${site.langByCode.get(q.lang)?.name ?? q.lang} in the last ${days} days and found nothing.`,
      fix: `Write or retitle a page that answers it, or add the words readers use to a synonym group in ${words(q.lang)}.`,
    });
  }
  for (const p of insights.unhelpful) {
    const votes = p.yes + p.no;
    if (votes < th.unhelpful_votes || p.helpful >= th.unhelpful_ratio) continue;
    const langs = content.byRoute.get(p.page);
    const entry = langs?.get(p.lang) ?? langs?.get(site.defaultLanguage.code);
    const reasons = Object.entries(p.reasons)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    out.push({
      kind: 'unhelpful',
      severity: 'warning',
      file: entry?.file ?? p.page,
      owner: entry?.owner,
      route: p.page,
      lang: p.lang,
      message: `${Math.round(100 * p.helpful)} % of ${votes} readers found this page helpful in the last ${days} days${reasons ? ` (reasons: ${reasons})` : ''}.`,
      fix: p.comments.length
        ? `Read what they wrote: ${p.comments.map((c) => `“${c}”`).join(' ')}`
        : 'Check that it answers the question its title asks, for every market.',
    });
  }
  for (const s of insights.synonyms) {
    if (s.count < th.synonym) continue;
    out.push({
      kind: 'synonym-suggestion',
      severity: 'notice',
      file: words(s.lang),
      lang: s.lang,
      message: `${s.count} readers searched “${s.from}”, found nothing, then searched “${s.to}” and opened a result.`,
      fix: `Add under synonyms: in ${words(s.lang)}: ${s.yaml.trim()}`,
    });
  }
  return out;
};
