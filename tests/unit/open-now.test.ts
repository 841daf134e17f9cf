/** Support hours, holidays and time zones as the browser computes them (src/browser/open-now.ts). */
import { describe, expect, test } from 'vitest';
import { holidayAhead, isOpen, localNow, nextOpening, zonedTime, type Holiday } from '../../src/browser/open-now.ts';

const weekdays = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '08:00', close: '20:00' }];
const at = (iso: string) => new Date(iso);

describe('time zones', () => {
  test('a wall-clock time becomes the right instant, across daylight saving changes', () => {
    expect(zonedTime('2027-01-15', '08:00', 'Europe/Berlin').toISOString()).toBe('2027-01-15T07:00:00.000Z');
    expect(zonedTime('2027-07-15', '08:00', 'Europe/Berlin').toISOString()).toBe('2027-07-15T06:00:00.000Z');
    // The night the clocks go forward in the US, and a market a day ahead of UTC.
    expect(zonedTime('2027-03-14', '09:00', 'America/New_York').toISOString()).toBe('2027-03-14T13:00:00.000Z');
    expect(zonedTime('2027-01-04', '09:00', 'Asia/Tokyo').toISOString()).toBe('2027-01-04T00:00:00.000Z');
  });

  test('the local date is the market’s, not UTC’s', () => {
    expect(localNow(at('2026-12-23T23:30:00Z'), 'Europe/Berlin')).toEqual({ day: 'thu', clock: '00:30', date: '2026-12-24' });
    expect(localNow(at('2026-12-23T23:30:00Z'), 'America/Los_Angeles').date).toBe('2026-12-23');
  });
});

describe('support hours', () => {
  test('open inside the hours, closed outside them and on a closed day', () => {
    expect(isOpen(weekdays, at('2026-12-22T09:00:00Z'), 'Europe/Berlin')).toBe(true);
    expect(isOpen(weekdays, at('2026-12-22T19:30:00Z'), 'Europe/Berlin')).toBe(false);
    expect(isOpen(weekdays, at('2026-12-24T09:00:00Z'), 'Europe/Berlin', ['2026-12-24'])).toBe(false);
  });

  test('after hours on a Friday, support opens on Monday; holidays are skipped', () => {
    expect(nextOpening(weekdays, at('2027-01-08T19:30:00Z'), 'Europe/Berlin')?.toISOString()).toBe('2027-01-11T07:00:00.000Z');
    const christmas = ['2026-12-24', '2026-12-25', '2026-12-28'];
    expect(nextOpening(weekdays, at('2026-12-23T20:00:00Z'), 'Europe/Berlin', christmas)?.toISOString()).toBe('2026-12-29T07:00:00.000Z');
    // Before opening on a working day: later the same day.
    expect(nextOpening(weekdays, at('2026-12-22T05:00:00Z'), 'Europe/Berlin')?.toISOString()).toBe('2026-12-22T07:00:00.000Z');
  });
});

describe('holidays', () => {
  const h = (date: string, deliveries = false, support = false): Holiday => ({ date, name: date, deliveries, support, approximate: false });
  const list = [h('2026-11-03'), h('2026-12-24', true, true), h('2026-12-25'), h('2027-01-01')];

  test('today’s holiday first, then the next one that stops deliveries or support within a week', () => {
    expect(holidayAhead(list, at('2026-12-25T10:00:00Z'), 'Europe/Berlin')).toEqual({ holiday: list[2], inDays: 0 });
    // Christmas Eve here stops nothing: the next that matters is Christmas Day, tomorrow.
    expect(holidayAhead(list, at('2026-12-24T10:00:00Z'), 'Europe/Berlin')).toEqual({ holiday: list[2], inDays: 1 });
    expect(holidayAhead(list, at('2026-12-10T10:00:00Z'), 'Europe/Berlin')).toBeUndefined();
  });

  test('across a time-zone boundary the market’s date decides', () => {
    // 23:30 UTC on the 24th is already Christmas Day in Berlin, still Christmas Eve in New York.
    expect(holidayAhead(list, at('2026-12-24T23:30:00Z'), 'Europe/Berlin')?.inDays).toBe(0);
    expect(holidayAhead(list, at('2026-12-24T23:30:00Z'), 'America/New_York')?.inDays).toBe(1);
  });
});
