/** Day arithmetic on `YYYY-MM-DD` strings, in UTC. */
const DAY = 86_400_000;

export const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
export const addDays = (date: string, days: number) => new Date(toTime(date) + days * DAY).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((toTime(to) - toTime(from)) / DAY);
/** Today's date in UTC. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
