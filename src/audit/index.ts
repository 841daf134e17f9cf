/**
 * The content audit: load (same schemas and loader as the site, no Astro) → checks → findings.
 * Each check is a small pure module in ./checks; reporters in ./report.
 */
import { collectContent, type LoadOptions } from '../content/load.ts';
import { readHistory } from './git.ts';
import type { AuditContext, Check, Finding } from './types.ts';
import { review } from './checks/review.ts';
import { translations } from './checks/translations.ts';
import { policyDates } from './checks/policy-dates.ts';
import { contentProblems } from './checks/content-problems.ts';
import { replies } from './checks/replies.ts';
import { insightFindings } from './checks/insights.ts';
import { holidays } from './checks/holidays.ts';
import { todayUtc } from './dates.ts';
import { readInsights } from '../collector/insights.ts';

/** The checks the audit runs, in order; each is a pure function from the loaded content to findings. */
export const checks: Check[] = [contentProblems, review, translations, replies, policyDates, holidays, insightFindings];

export interface AuditResult {
  findings: Finding[];
  files: number;
  ms: number;
}

const severityOrder = { error: 0, warning: 1, notice: 2 } as const;

/** Runs every check on content that is already loaded (the internal build reuses its own). */
export function runChecks(ctx: AuditContext): Finding[] {
  return checks
    .flatMap((c) => c(ctx))
    .sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || a.file.localeCompare(b.file) || a.kind.localeCompare(b.kind));
}

/** Files whose body history the translation check needs: sources of translated pages. */
export function translationSources(content: AuditContext['content']): string[] {
  const def = content.site.defaultLanguage.code;
  return [...content.byRoute.values()].filter((l) => l.size > 1 && l.has(def)).map((l) => l.get(def)!.file);
}

/**
 * Audits a content root. `entries` are files the caller has already read, such as the unchanged
 * files the CLI takes from its per-file cache (cache.ts); only the cross-file checks run on them.
 */
export function audit(root: string, opts: { today?: string; entries?: LoadOptions['entries']; collectorDb?: string } = {}): AuditResult {
  const started = performance.now();
  const collected = collectContent(root, 'internal', { html: false, entries: opts.entries });
  const { content } = collected;
  // Broken links under `links: warn` are findings too, as warnings.
  const problems = [...collected.problems, ...collected.warnings];
  const today = opts.today ?? todayUtc();
  const insights = opts.collectorDb ? readInsights(opts.collectorDb, content.site, today) : undefined;
  const findings = runChecks({ today, content, problems, history: readHistory(root, translationSources(content)), insights });
  return { findings, files: content.entries.length + new Set(problems.map((p) => p.file)).size, ms: performance.now() - started };
}
