/** Data for the internal content-health page, derived from content and audit findings. */
import type { Content } from '../content/load.ts';
import type { Finding, FindingKind } from './types.ts';

export type Cell = 'ok' | 'stale' | 'missing' | 'fallback';

export interface Health {
  languages: string[];
  /** Page × language status, for help articles and policies. */
  matrix: { route: string; title: string; cells: Cell[] }[];
  /** Per language: how many pages are in each state. */
  perLanguage: { lang: string; counts: Record<Cell, number> }[];
  byKind: { kind: FindingKind; count: number }[];
  /** Review findings grouped by owner, most urgent first. */
  overdue: [string, Finding[]][];
  dueSoon: [string, Finding[]][];
}

const groupByOwner = (list: Finding[], none: string) => {
  const m = new Map<string, Finding[]>();
  for (const f of list) (m.get(f.owner ?? none) ?? m.set(f.owner ?? none, []).get(f.owner ?? none)!).push(f);
  return [...m].sort(([a], [b]) => a.localeCompare(b));
};

/**
 * The Content health page's data: a page × language matrix, counts per language and per finding
 * kind, and review findings by owner (`noOwner` names the group of pages without one).
 */
export function health(content: Content, findings: Finding[], noOwner: string): Health {
  const languages = content.site.languages.map((l) => l.code);
  const stale = new Set(findings.filter((f) => f.kind === 'translation-stale').map((f) => `${f.route}|${f.lang}`));
  const missing = new Set(findings.filter((f) => f.kind === 'translation-missing').map((f) => `${f.route}|${f.lang}`));
  const def = content.site.defaultLanguage.code;
  const matrix = [...content.byRoute]
    .filter(([route]) => route.startsWith('help/') || route.startsWith('policies/'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([route, langs]) => ({
      route,
      title: ((e) => (e.type === 'policy' ? `${e.market!.toUpperCase()} · ${e.data.title}` : e.data.title))(langs.get(def) ?? langs.values().next().value!),
      cells: languages.map((l): Cell => (langs.has(l) ? (stale.has(`${route}|${l}`) ? 'stale' : 'ok') : missing.has(`${route}|${l}`) ? 'missing' : 'fallback')),
    }));
  const perLanguage = languages.map((lang, i) => {
    const counts: Record<Cell, number> = { ok: 0, stale: 0, missing: 0, fallback: 0 };
    for (const row of matrix) counts[row.cells[i]!]++;
    return { lang, counts };
  });
  const kinds = new Map<FindingKind, number>();
  for (const f of findings) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
  return {
    languages,
    matrix,
    perLanguage,
    byKind: [...kinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count),
    overdue: groupByOwner(
      findings.filter((f) => f.kind === 'review-overdue').sort((a, b) => (b.days ?? 0) - (a.days ?? 0)),
      noOwner,
    ),
    dueSoon: groupByOwner(
      findings.filter((f) => f.kind === 'review-due-soon').sort((a, b) => (a.days ?? 0) - (b.days ?? 0)),
      noOwner,
    ),
  };
}
