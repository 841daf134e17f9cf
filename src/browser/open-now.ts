/**
 * Support hours and holidays in the market's time zone, computed in the reader's browser:
 * "Open now" / "Closed now · opens Monday 08:00" for each channel on customer pages, and on the
 * agents' market panels the customer's local time, whether support is open, and today's or an
 * upcoming holiday that stops deliveries or support ("Tomorrow is Culture Day in Japan: no
 * deliveries"). Everything is also on the page as plain text without JavaScript.
 */
interface Hours {
  days: string[];
  open: string;
  close: string;
}

/** A holiday as the page carries it: the name already in the page's language. */
export interface Holiday {
  date: string;
  name: string;
  deliveries: boolean;
  support: boolean;
  approximate: boolean;
}

const dayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_MS = 86_400_000;

/** Weekday key, HH:MM and YYYY-MM-DD of `now` in time zone `tz`. */
export function localNow(now: Date, tz: string): { day: string; clock: string; date: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: get('weekday').slice(0, 3).toLowerCase(), clock: `${get('hour')}:${get('minute')}`, date: `${get('year')}-${get('month')}-${get('day')}` };
}

/** Whether support is open at `now`: inside the hours, and not on a day in `closed` (holidays). */
export function isOpen(hours: Hours[], now: Date, tz: string, closed: readonly string[] = []): boolean {
  const { day, clock, date } = localNow(now, tz);
  if (closed.includes(date)) return false;
  return dayKeys.includes(day) && hours.some((h) => h.days.includes(day) && clock >= h.open && clock < h.close);
}

/** The instant a wall-clock time `HH:MM` on `date` is in time zone `tz` (daylight saving included). */
export function zonedTime(date: string, clock: string, tz: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = clock.split(':').map(Number) as [number, number];
  const wanted = Date.UTC(y, m - 1, d, h, mi);
  let guess = wanted;
  // Twice: the offset at the first guess may differ from the offset at the answer (a DST change).
  for (let i = 0; i < 2; i++) {
    const l = localNow(new Date(guess), tz);
    const [ly, lm, ld] = l.date.split('-').map(Number) as [number, number, number];
    const [lh, lmi] = l.clock.split(':').map(Number) as [number, number];
    guess += wanted - Date.UTC(ly, lm - 1, ld, lh, lmi);
  }
  return new Date(guess);
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** When support next opens after `now` (skipping the days in `closed`), within two weeks. */
export function nextOpening(hours: Hours[], now: Date, tz: string, closed: readonly string[] = []): Date | undefined {
  const today = localNow(now, tz).date;
  for (let n = 0; n < 15; n++) {
    const date = addDays(today, n);
    if (closed.includes(date)) continue;
    const day = dayKeys[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
    const opens = hours
      .filter((h) => h.days.includes(day))
      .map((h) => zonedTime(date, h.open, tz))
      .filter((t) => t > now)
      .sort((a, b) => a.getTime() - b.getTime());
    if (opens.length) return opens[0];
  }
  return undefined;
}

/** Today's holiday, else the next one within `days` days, that stops deliveries or support. */
export function holidayAhead(holidays: readonly Holiday[], now: Date, tz: string, days = 7): { holiday: Holiday; inDays: number } | undefined {
  const today = localNow(now, tz).date;
  const last = addDays(today, days);
  const h = holidays.find((x) => x.date >= today && x.date <= last && (!x.deliveries || !x.support));
  if (!h) return undefined;
  return { holiday: h, inDays: Math.round((Date.parse(`${h.date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS) };
}

const json = <T>(s: string | undefined, fallback: T): T => {
  try {
    return s ? (JSON.parse(s) as T) : fallback;
  } catch {
    return fallback;
  }
};
const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

/** The reader's language, for dates and times. */
const pageLang = () => document.documentElement.lang || 'en';

function when(date: Date, tz: string): string {
  return new Intl.DateTimeFormat(pageLang(), { weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone: tz }).format(date);
}

export function initOpenNow(now = new Date()): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-open-now]')) {
    const tz = el.dataset.tz ?? 'UTC';
    const hours = json<Hours[]>(el.dataset.hours, []);
    const closed = json<string[]>(el.dataset.closedDates, []);
    const open = isOpen(hours, now, tz, closed);
    const next = open ? undefined : nextOpening(hours, now, tz, closed);
    el.textContent = open
      ? (el.dataset.open ?? '')
      : [el.dataset.closed ?? '', next ? fill(el.dataset.opens ?? '', { when: when(next, tz) }) : ''].filter(Boolean).join(' · ');
    el.classList.toggle('is-open', open);
    el.hidden = false;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-market-now]')) marketNow(el, now);
}

/** An agents' market panel: local time, support open or not, and a holiday that matters. */
function marketNow(el: HTMLElement, now: Date): void {
  const tz = el.dataset.tz ?? 'UTC';
  const s = json<Record<string, string>>(el.dataset.strings, {});
  const hours = json<Hours[]>(el.dataset.hours, []);
  const holidays = json<Holiday[]>(el.dataset.holidays, []);
  const closed = holidays.filter((h) => !h.support).map((h) => h.date);
  const time = new Intl.DateTimeFormat(pageLang(), { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: tz }).format(now);
  const open = isOpen(hours, now, tz, closed);
  const next = open ? undefined : nextOpening(hours, now, tz, closed);
  const lines = [`${fill(s.localTime ?? '{{time}}', { time })} · ${open ? (s.open ?? '') : fill(s.closed ?? '', { when: next ? when(next, tz) : '–' })}`];
  const ahead = holidayAhead(holidays, now, tz);
  if (ahead) {
    const { holiday, inDays } = ahead;
    const effects = [!holiday.deliveries ? s.noDeliveries : undefined, !holiday.support ? s.supportDayOff : undefined].filter(Boolean).join(', ');
    const date = new Intl.DateTimeFormat(pageLang(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(`${holiday.date}T00:00:00Z`),
    );
    const name = holiday.approximate ? fill(s.approximate ?? '{{name}}', { name: holiday.name }) : holiday.name;
    const template = inDays === 0 ? s.today : inDays === 1 ? s.tomorrow : s.on;
    lines.push(fill(template ?? '', { name, date, market: el.dataset.market ?? '', effects }));
  }
  el.replaceChildren(
    ...lines.map((text, i) => {
      const p = document.createElement('p');
      p.textContent = text;
      if (i > 0) p.className = 'market-holiday';
      return p;
    }),
  );
  el.hidden = false;
}
