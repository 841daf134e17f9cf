/** broken-link and invalid-content: what the loader refused, as findings. */
import type { Check, Finding } from '../types.ts';
import { missingAccountability } from './review.ts';

/**
 * Every problem the loader found becomes an error finding (a warning, for a broken link under
 * `links: warn`); a missing owner or review date is left to the review check.
 */
export const contentProblems: Check = ({ problems }) =>
  problems
    .filter((p) => !missingAccountability(p))
    .map(
      (p): Finding => ({
        kind: p.code === 'BrokenLink' || p.code === 'InternalLink' ? 'broken-link' : 'invalid-content',
        severity: p.severity === 'warning' ? 'warning' : 'error',
        file: p.file,
        line: p.line,
        message: p.message,
        fix: p.hint,
      }),
    );
