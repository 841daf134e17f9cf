/**
 * holidays-ending: a market's list of public holidays runs out within `HORIZON_DAYS` (or already
 * has): agents would stop being warned about the next one, and customer pages would promise
 * opening hours on a day the team is off. Markets without a list are not flagged.
 */
import type { Check, Finding } from '../types.ts';
import { daysBetween } from '../dates.ts';

/** How far ahead a holiday list must reach. */
export const HORIZON_DAYS = 60;

/** Flags markets whose holiday list ends less than `HORIZON_DAYS` after today. */
export const holidays: Check = ({ content, today }) => {
  const out: Finding[] = [];
  for (const m of content.site.markets) {
    const list = m.holidays;
    if (!list?.days.length) continue;
    const last = list.days.at(-1)!.date;
    const left = daysBetween(today, last);
    if (left >= HORIZON_DAYS) continue;
    out.push({
      kind: 'holidays-ending',
      severity: 'warning',
      file: m.file,
      owner: list.owner,
      days: left,
      message:
        left < 0
          ? `The public holidays of ${m.id.toUpperCase()} end on ${last}, in the past: agents are warned of none and customer pages ignore them.`
          : `The public holidays of ${m.id.toUpperCase()} end on ${last}, in ${left} days.`,
      fix: `Add the coming holidays to \`holidays.days\` in ${m.file} from ${list.source}, and set \`holidays.reviewed\`.`,
    });
  }
  return out;
};
