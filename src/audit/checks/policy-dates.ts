/** policy-expired and policy-not-yet-effective, from `effective` / `expires`. */
import type { Check, Finding } from '../types.ts';
import { daysBetween } from '../dates.ts';

/** Flags policies still published after `expires`, and published ones whose `effective` date is still ahead. */
export const policyDates: Check = ({ content, today }) => {
  const out: Finding[] = [];
  for (const e of content.entries) {
    if (e.type !== 'policy') continue;
    const base = { file: e.file, owner: e.data.owner, route: e.route, lang: e.lang };
    if (e.data.expires && e.data.expires <= today) {
      out.push({
        ...base,
        kind: 'policy-expired',
        severity: 'error',
        days: daysBetween(e.data.expires, today),
        message: `This policy expired on ${e.data.expires} and is still published.`,
        fix: 'Publish the text that applies now and update `effective`/`expires`, or remove the page.',
      });
    }
    if (e.data.effective > today) {
      out.push({
        ...base,
        kind: 'policy-not-yet-effective',
        severity: 'notice',
        days: daysBetween(today, e.data.effective),
        message: `This policy takes effect on ${e.data.effective}; customers see it already.`,
        fix: 'Make sure the page says from when it applies, or publish it on that date.',
      });
    }
  }
  return out;
};
