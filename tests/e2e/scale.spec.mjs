// The timeline at 100× the report (a synthetic dataset, served in place of the bundled one and
// never shipped): crowded months are aggregated into counted marks that expand when zoomed into,
// and the keyboard reaches every mark with one Tab stop.
import { test, expect } from '@playwright/test';
import { open, scaledDataset } from './helpers.mjs';

const big = scaledDataset(100);
const body = JSON.stringify(big);

test.beforeEach(async ({ page }) => {
  await page.route('**/data/kazakhstan-2006.json', (r) =>
    r.fulfill({ status: 200, contentType: 'application/json', body }));
});

test('at 100× the timeline aggregates crowded months and expands them on zoom', async ({ page }) => {
  await open(page, '/');
  const marks = page.locator('#timeline-body .mark');
  const clusters = page.locator('#timeline-body .mark-cluster');
  // Aggregated: each crowded month is one mark with its count, not hundreds of overlapping dots.
  const n = await clusters.count();
  expect(n).toBeGreaterThan(0);
  expect(await marks.count()).toBeLessThan(big.events.length);
  const sum = async (selector) => (await page.locator(selector).allTextContents()).map(Number);
  const counts = await sum('#timeline-body .mark-cluster:not(.of-outcomes)');
  expect(counts.every((c) => c > 2), counts.join(',')).toBe(true);
  // The counts add up to the events they stand for: none lost, none counted twice.
  const points = await page.locator('#timeline-body .mark-day, #timeline-body .mark-month:not(.mark-cluster)').count();
  expect(counts.reduce((a, b) => a + b, 0) + points).toBe(big.events.length);
  // Outcomes the report dates to a month crowd one month of one lane (a hundred copies of the
  // rally ban's removal): one counted mark that says so, not a hundred rows of diamonds.
  const dated = big.outcomes.filter((o) => /^\d{4}-\d{2}/.test(o.time.start)).length;
  const outcomeCounts = await sum('#timeline-body .mark-cluster.of-outcomes');
  expect(outcomeCounts.length).toBeGreaterThan(0);
  const diamonds = await page.locator('#timeline-body .mark-outcome').count();
  expect(outcomeCounts.reduce((a, b) => a + b, 0) + diamonds).toBe(dated);
  await expect(page.locator('#timeline-body .mark-cluster.of-outcomes').first())
    .toHaveAttribute('aria-label', /\d+ dated outcomes; select to zoom into the month/);
  // Every mark sits inside its lane's track (no style meant for another element moves one).
  const outside = await page.evaluate(() => [...document.querySelectorAll('#timeline-body .mark')]
    .filter((m) => {
      const t = m.parentElement.getBoundingClientRect();
      const r = m.getBoundingClientRect();
      return r.top < t.top - 0.5 || r.bottom > t.bottom + 0.5;
    })
    .map((m) => m.className));
  expect(outside).toEqual([]);
  // Zooming into a month: the range filter is set and the month's marks spread out by day.
  const zoom = page.locator('#timeline-body .mark-cluster[data-zoom]').first();
  const month = await zoom.getAttribute('data-zoom');
  const label = await zoom.getAttribute('aria-label');
  await zoom.click();
  await expect(page).toHaveURL(new RegExp(`from=${month}&to=${month}`));
  await expect(page.locator('#timeline-body .mark-cluster[data-zoom]')).toHaveCount(0);
  const inMonth = big.events.filter((e) => e.date.startsWith(month));
  const shown = page.locator('#timeline-body .mark:not(.mark-year)');
  expect(await shown.count(), label).toBeGreaterThan(0);
  // A day still too crowded is one mark that lists that day's activities.
  const day = page.locator('#timeline-body .mark-cluster[data-day]').first();
  if (await day.count()) {
    const sum = (await page.locator('#timeline-body .mark-cluster[data-day]').allTextContents())
      .map(Number).reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(inMonth.length);
    await day.click();
    await expect(page.locator('#q')).toHaveValue(/\d{1,2} \w+ \d{4}/);
  }
});

test('at 100× the keyboard reaches every timeline mark from one Tab stop', async ({ page }) => {
  await open(page, '/');
  const marks = page.locator('#timeline-body .mark');
  const total = await marks.count();
  expect(total).toBeGreaterThan(10);
  // One mark in the Tab order.
  await expect(page.locator('#timeline-body .mark[tabindex="0"]')).toHaveCount(1);
  await page.locator('#timeline-body .mark[tabindex="0"]').focus();
  await page.keyboard.press('Home');
  const seen = new Set();
  for (let i = 0; i < total + 2; i++) {
    seen.add(await page.evaluate(() => document.activeElement.getAttribute('data-key')));
    await page.keyboard.press('ArrowRight');
  }
  expect(seen.size).toBe(total);
  await expect(page.locator('#timeline-body .mark[tabindex="0"]')).toHaveCount(1);
  // End and back: the last mark, then its neighbour.
  await page.keyboard.press('End');
  const last = await page.evaluate(() => document.activeElement.getAttribute('data-key'));
  await page.keyboard.press('ArrowLeft');
  expect(await page.evaluate(() => document.activeElement.getAttribute('data-key'))).not.toBe(last);
});
