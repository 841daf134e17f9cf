/** review-overdue, review-due-soon, missing-owner, missing-reviewed. */
import type { Check, Finding } from '../types.ts';
import { addDays, daysBetween } from '../dates.ts';
import type { Problem } from '../../content/errors.ts';

/** Flags reviews past due or falling due soon, and policies, SOPs and culture guides without an owner or a review date. */
export const review: Check = ({ content, today, problems }) => {
  const { site } = content;
  const out: Finding[] = [];
  for (const e of content.entries) {
    const every = e.data.review_every ?? site.reviewEvery[e.type];
    const owner = e.owner;
    const base = { file: e.file, owner, route: e.route, lang: e.lang };
    if (!e.data.reviewed) continue;
    const due = addDays(e.data.reviewed, every);
    const late = daysBetween(due, today);
    if (late > 0) {
      out.push({
        ...base,
        kind: 'review-overdue',
        severity: 'warning',
        days: late,
        message: `Review overdue by ${late} days (reviewed ${e.data.reviewed}, due every ${every} days).`,
        fix: 'Check the facts, then set `reviewed` to the date you checked them.',
      });
    } else if (-late <= site.dueSoonDays) {
      out.push({ ...base, kind: 'review-due-soon', severity: 'notice', days: -late, message: `Review due in ${-late} days (${due}).` });
    }
  }
  // Policies, SOPs and culture guides must name an owner and a review date; the schema refuses
  // them without, and the audit reports that under its own kind.
  for (const p of problems) {
    if (!missingAccountability(p)) continue;
    const field = p.field as 'owner' | 'reviewed';
    out.push({
      kind: field === 'owner' ? 'missing-owner' : 'missing-reviewed',
      severity: 'error',
      file: p.file,
      line: p.line,
      message: `This ${kindOf(p.file)} needs \`${field}\`.`,
      fix: field === 'owner' ? 'Add `owner:` with the responsible team.' : 'Add `reviewed:` with the date the facts were last checked.',
    });
  }
  return out;
};

const kindOf = (file: string) =>
  file.startsWith('policies/') ? 'policy' : file.startsWith('sop/') ? 'SOP' : file.startsWith('culture/') ? 'culture guide' : 'page';

/** A frontmatter problem that the review check reports under its own kind: `owner` or `reviewed` missing. */
export const missingAccountability = (p: Problem): boolean => p.issue === 'missing' && (p.field === 'owner' || p.field === 'reviewed');
