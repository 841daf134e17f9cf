/**
 * Support hours, holidays and time zones in Chromium with a fixed clock, on the basic fixture
 * (Germany: support Monday to Friday 09:00–17:00 Berlin time; holidays on 24–26 December).
 */
import { expect, inject, test } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';

const browser = useBrowser();

async function openAt(url: string, time: string) {
  const context = await browser().newContext({ locale: 'en-US', timezoneId: 'America/Los_Angeles' });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(time));
  await page.goto(url);
  return page;
}

test('an agent sees the customer’s local time, that support is closed for the holiday, and when it opens', async () => {
  // 23:30 UTC on 23 December: still the 23rd for the agent in California, already Christmas Eve in Berlin.
  const page = await openAt(`${inject('fixtureInternalUrl')}/en/sop/orders/where-is-my-order/`, '2026-12-23T23:30:00Z');
  const de = page.locator('[data-market-panel="de"] [data-market-now]');
  // The panel may be folded (two markets): its text is there all the same.
  await expect.poll(() => de.textContent()).not.toBe('');
  const text = await de.textContent();
  expect(text).toContain('Customer’s local time: Thu 12:30 AM');
  expect(text).toContain('support is closed, opens Monday 09:00 AM');
  expect(text).toContain('Today is Christmas Eve in Germany: support closed.');
});

test('the agent reads it in the language of the page, the holiday named in that language', async () => {
  const page = await openAt(`${inject('fixtureInternalUrl')}/de/sop/orders/where-is-my-order/`, '2026-12-24T12:00:00Z');
  const de = page.locator('[data-market-panel="de"] [data-market-now]');
  await expect.poll(() => de.textContent()).toContain('Heute ist Heiligabend in Deutschland: Support geschlossen.');
});

test('a customer sees when support opens again after the holidays', async () => {
  const page = await openAt(`${inject('fixtureUrl')}/en/markets/de/`, '2026-12-24T10:00:00Z');
  const status = page.locator('.channel .open-now').first();
  await expect.poll(() => status.isHidden()).toBe(false);
  expect(await status.textContent()).toBe('Closed now · opens Monday 09:00 AM');
  // On an ordinary working morning, support is open.
  const open = await openAt(`${inject('fixtureUrl')}/en/markets/de/`, '2027-01-05T10:00:00Z');
  expect(await open.locator('.channel .open-now').first().textContent()).toBe('Open now');
});

test('the day before a holiday without deliveries, the agent is told', async () => {
  // Wednesday 23 December, 10:00 in Berlin: support open; tomorrow (24th) stops support, the 25th deliveries.
  const page = await openAt(`${inject('fixtureInternalUrl')}/en/sop/orders/where-is-my-order/`, '2026-12-23T09:00:00Z');
  const de = page.locator('[data-market-panel="de"] [data-market-now]');
  await expect.poll(() => de.textContent()).toContain('support is open');
  expect(await de.textContent()).toContain('Tomorrow is Christmas Eve in Germany: support closed.');
});
