/** What the audit reports. */

export const findingKinds = [
  'review-overdue',
  'review-due-soon',
  'missing-owner',
  'missing-reviewed',
  'translation-stale',
  'translation-missing',
  'reply-missing',
  'search-gap',
  'unhelpful',
  'synonym-suggestion',
  'holidays-ending',
  'policy-expired',
  'policy-not-yet-effective',
  'broken-link',
  'invalid-content',
] as const;
export type FindingKind = (typeof findingKinds)[number];

export type Severity = 'error' | 'warning' | 'notice';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** Path relative to the content root. */
  file: string;
  line?: number;
  message: string;
  /** Team or person responsible; `undefined` when nobody is named. */
  owner?: string;
  /** What to do about it. */
  fix?: string;
  /** Route (path without language) and language of the page, for the health page. */
  route?: string;
  lang?: string;
  /** Days overdue / until due, for sorting and banners. */
  days?: number;
}

/** Everything the checks may look at. */
export interface AuditContext {
  today: string;
  content: import('../content/load.ts').Content;
  problems: import('../content/errors.ts').Problem[];
  history: import('./git.ts').History;
  /** What the collector recorded, when the audit is given its database (checks/insights.ts). */
  insights?: import('../collector/insights.ts').Insights;
}

/** One check: pure function from the audit context to findings. */
export type Check = (ctx: AuditContext) => Finding[];
