/** Shows "Open now" / "Closed now" for each channel, from its hours in the market's time zone. */
interface Hours {
  days: string[];
  open: string;
  close: string;
}

const dayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Weekday key and HH:MM of `now` in time zone `tz`. */
export function localNow(now: Date, tz: string): { day: string; clock: string } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: get('weekday').slice(0, 3).toLowerCase(), clock: `${get('hour')}:${get('minute')}` };
}

export function isOpen(hours: Hours[], now: Date, tz: string): boolean {
  const { day, clock } = localNow(now, tz);
  return dayKeys.includes(day) && hours.some((h) => h.days.includes(day) && clock >= h.open && clock < h.close);
}

export function initOpenNow(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-open-now]')) {
    try {
      const open = isOpen(JSON.parse(el.dataset.hours ?? '[]') as Hours[], new Date(), el.dataset.tz ?? 'UTC');
      el.textContent = (open ? el.dataset.open : el.dataset.closed) ?? '';
      el.classList.toggle('is-open', open);
      el.hidden = false;
    } catch {
      /* leave the plain hours */
    }
  }
}
