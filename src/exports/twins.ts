/**
 * Texts made from an export record: the Markdown twin of a page (`…/index.md`: YAML frontmatter
 * with what a machine must know before quoting it, then the body) and the page's section of
 * `llms-full.txt` (the same body under its title, with its URL, markets and review date in words).
 */
import yaml from 'js-yaml';
import type { Content } from '../content/load.ts';
import type { ExportRecord, InternalRecord } from '../schemas/export.ts';
import { formatDate } from '../content/facts.ts';
import { formatLocale } from '../i18n/locale.ts';

const isInternal = (r: ExportRecord): r is InternalRecord => 'audit' in r;

/** The Markdown twin of a page that is its own text (not a fallback). */
export function twinText(r: ExportRecord): string {
  const meta: Record<string, unknown> = {
    title: r.title,
    description: r.description,
    type: r.type,
    lang: r.lang,
    url: r.url,
    category: r.category?.name,
    markets: r.all_markets ? 'all' : r.markets,
    reviewed: r.reviewed,
    effective: r.effective,
    expires: r.expires,
    translation: r.translation.status,
    source: r.translation.status === 'source' ? undefined : r.translation.source_url,
    sources: r.sources,
  };
  if (isInternal(r)) {
    Object.assign(meta, {
      owner: r.owner,
      audit: r.audit.status,
      audit_findings: r.audit.findings.length ? r.audit.findings.map((f) => `${f.kind}: ${f.message}`) : undefined,
      escalation: r.escalation,
    });
  }
  const defined = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined));
  // Dates stay strings (YAML would otherwise read them back as timestamps): quote every string.
  const front = yaml.dump(defined, { lineWidth: -1, forceQuotes: true, quotingType: '"' });
  return `---\n${front}---\n\n# ${r.title}\n\n${r.body ?? ''}\n`;
}

/** A page's section of `llms-full.txt`, with its labels in the page's language. */
export function fullSection(r: ExportRecord, content: Content): string {
  const t = content.t(r.lang);
  const markets = r.all_markets ? t('llms.allMarkets') : r.markets.map((id) => content.site.marketById.get(id)?.name(r.lang) ?? id.toUpperCase()).join(', ');
  const lines = [
    t('llms.page', { url: r.url }),
    t('llms.markets', { markets }),
    r.reviewed ? t('entry.reviewed', { date: formatDate(r.reviewed, formatLocale(content.site, r.lang)) }) : undefined,
    isInternal(r) && r.audit.status === 'outdated' ? t('llms.outdated', { reasons: r.audit.findings.map((f) => f.message).join(' ') }) : undefined,
  ].filter(Boolean);
  return `# ${r.title}\n\n${lines.join('\n')}\n\n> ${r.description.replace(/\s+/g, ' ')}\n\n${r.body ?? ''}\n`;
}
