/** Day arithmetic on `YYYY-MM-DD` strings, in UTC. */
const DAY = 86_400_000;

/** Milliseconds since the epoch at 00:00 UTC of the day, so day counts never depend on the machine's time zone. */
export const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
/** The date `days` days after `date` (before, when negative). */
export const addDays = (date: string, days: number) => new Date(toTime(date) + days * DAY).toISOString().slice(0, 10);
/** Whole days from `from` to `to`; negative when `to` is earlier. */
export const daysBetween = (from: string, to: string) => Math.round((toTime(to) - toTime(from)) / DAY);
/** Today's date in UTC. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
