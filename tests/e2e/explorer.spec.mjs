// What a person does with the explorer: filter from the charts, drill to the source sentence,
// share and go back, use only the keyboard, export, and read it on a phone.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { dataset, open, matchCount, scaledDataset } from './helpers.mjs';

import { datedInside } from './dates.mjs';

const inSector = (s) => dataset.activities.filter((a) => a.sector === s);

test('clicking a sector bar filters the list and the timeline', async ({ page }) => {
  await open(page);
  await page.locator('.sector-chart button[data-sector="media"]').click();
  await expect(page).toHaveURL(/sector=media/);
  await expect(page.getByTestId('match-count')).toHaveText(String(inSector('media').length));
  const metas = await page.locator('.activity-card .meta').allTextContents();
  expect(metas.every((m) => m.startsWith('Media freedom'))).toBe(true);
  // One lane is left on the timeline, and its marks are all media's.
  await expect(page.locator('.timeline button.mark-year')).toHaveCount(1);
  const ids = await page.locator('.timeline button.mark[data-activity]:not([data-activity=""])').evaluateAll(
    (els) => els.map((e) => e.dataset.activity));
  const media = new Set(inSector('media').map((a) => a.id));
  expect(ids.length).toBeGreaterThan(0);
  expect(ids.every((id) => media.has(id))).toBe(true);
});

test('selecting a date range on the timeline filters the list', async ({ page }) => {
  await open(page);
  const area = page.locator('.timeline .tl-body');
  await area.scrollIntoViewIfNeeded();
  const box = await area.boundingBox();
  // The timeline's own month ticks tell where March and May 2006 are drawn.
  const monthX = async (label) => (await page.locator('.timeline .tl-axis .tick', { hasText: new RegExp(`^${label}$`) }).first().boundingBox()).x;
  const y = box.y + box.height - 8; // across the lanes, over marks and bands
  const x0 = (await monthX('Mar')) + 4;
  const x1 = (await monthX('May')) + 4;
  await page.mouse.move(x0, y);
  await page.mouse.down();
  await page.mouse.move(x1, y, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=2006-03&to=2006-05/);
  const expected = datedInside([2006, 3], [2006, 5]).length;
  await expect(page.getByTestId('match-count')).toHaveText(String(expected));
  expect(expected).toBeLessThan(dataset.activities.length);
});

test('opening an activity and "Show in report" highlights its passage', async ({ page }) => {
  await open(page);
  const a = dataset.activities.find((x) => x.id === 'kz2006-a40');
  await page.locator(`.activity-card a[data-activity="${a.id}"]`).click();
  await expect(page.getByRole('heading', { level: 3, name: a.title })).toBeVisible();
  await page.getByRole('button', { name: 'Show in report' }).click();
  const passage = page.locator(`#cite-${a.id}-0`);
  await expect(passage).toBeFocused();
  await expect(passage).toHaveClass(/current/);
  await expect(passage).toBeInViewport();
  await expect(passage).toContainText(a.evidence[0].quote.slice(0, 40));
});

test('a copied URL reproduces the view after a reload', async ({ page, context }) => {
  await open(page, '/?sector=rule-of-law&kind=training&q=judges&activity=kz2006-a37&measure=people_trained&table=1');
  const count = await matchCount(page);
  const url = page.url();
  const other = await context.newPage();
  await open(other, url);
  expect(await matchCount(other)).toBe(count);
  await expect(other.getByRole('heading', { level: 3 })).toHaveText(
    dataset.activities.find((x) => x.id === 'kz2006-a37').title);
  await expect(other.locator('#q')).toHaveValue('judges');
  await expect(other.locator('.sector-chart table')).toBeVisible();
  await expect(other.locator('.chips button[aria-pressed="true"]')).toHaveText(['Rule of law and the judiciary']);
});

test('Back restores the previous filter', async ({ page }) => {
  await open(page);
  await page.locator('.sector-chart button[data-sector="trafficking"]').click();
  await expect(page.getByTestId('match-count')).toHaveText(String(inSector('trafficking').length));
  await page.locator('.selects select').first().selectOption('training');
  await expect(page).toHaveURL(/kind=training/);
  const both = inSector('trafficking').filter((a) => a.kind === 'training').length;
  await expect(page.getByTestId('match-count')).toHaveText(String(both));
  await page.goBack();
  await expect(page).not.toHaveURL(/kind=/);
  await expect(page.getByTestId('match-count')).toHaveText(String(inSector('trafficking').length));
  await page.goBack();
  await expect(page.getByTestId('match-count')).toHaveText(String(dataset.activities.length));
});

test('keyboard only: chart → activity → reader', async ({ page }) => {
  await open(page);
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return { cls: e.className, sector: e.dataset?.sector, activity: e.dataset?.activity, text: e.textContent };
  });
  const tabUntil = async (pred, max = 120) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (pred(await focused())) return;
    }
    throw new Error('never reached by Tab');
  };
  await tabUntil((f) => f.sector === 'religious-freedom' && /bar-hit/.test(f.cls));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/sector=religious-freedom/);
  await tabUntil((f) => f.activity && /^kz2006-a\d+$/.test(f.activity) && !/mark/.test(f.cls) && !/cite/.test(f.cls));
  const { activity } = await focused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`activity=${activity}`));
  await tabUntil((f) => f.text === 'Show in report');
  await page.keyboard.press('Enter');
  await expect(page.locator(`#cite-${activity}-0`)).toBeFocused();
});

async function download(page, name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).first().click()]);
  return readFile(await dl.path());
}

test('each export downloads a non-empty file that matches the filter', async ({ page }) => {
  await open(page, '/?sector=media&kind=training');
  const n = await matchCount(page);
  expect(n).toBeGreaterThan(0);
  const csv = (await download(page, 'Download CSV')).toString('utf8');
  const rows = csv.trim().split('\r\n');
  expect(rows.length).toBe(n + 1);
  expect(rows.slice(1).every((r) => r.includes('Media freedom') && r.includes(',training,'))).toBe(true);
  const json = JSON.parse((await download(page, 'Download JSON')).toString('utf8'));
  expect(json.activities.length).toBe(n);
  expect(json.activities.every((a) => a.sector === 'media' && a.kind === 'training' && a.evidence[0].quote)).toBe(true);
  expect(json.view).toContain('sector=media');
  // The chart images (all sizes and both charts: images.spec.mjs).
  await page.locator('summary[aria-label="Download image"]').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('.image-form button[type=submit]').click()]);
  expect(dl.suggestedFilename()).toBe('kz2006-media-training-sector-chart.png');
  const png = await readFile(await dl.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
});

test('at 360 px wide there is no horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/', '/?activity=kz2006-a15', '/?table=1&measure=people_trained']) {
    await open(page, path);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll, path).toBeLessThanOrEqual(client);
  }
});

test('clicking a passage in the reader opens its activity and keeps the filters', async ({ page }) => {
  await open(page, '/?sector=elections');
  await page.locator('.report-text a.cite[data-activity="kz2006-a11"]').first().click();
  await expect(page).toHaveURL(/sector=elections.*activity=kz2006-a11/);
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(dataset.activities.find((a) => a.id === 'kz2006-a11').title);
  await expect(page.locator('.report-text a.cite.current').first()).toBeVisible();
});

test('a long list renders a page at a time', async ({ page }) => {
  const big = scaledDataset(10);
  await page.route('**/data/kazakhstan-2006.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(big) }));
  await open(page, '/');
  expect(await matchCount(page)).toBe(big.activities.length);
  await expect(page.locator('.activity-card')).toHaveCount(60);
  await page.getByRole('button', { name: `Show 60 more of ${big.activities.length - 60}` }).click();
  await expect(page.locator('.activity-card')).toHaveCount(120);
});
