// The app shell: it renders the bundled data, explains every loading failure with a Retry that
// works once the cause is gone, and loads on deep links.
import { test, expect } from '@playwright/test';
import { dataset, DATA_URL, open, live, matchCount, collectErrors } from './helpers.mjs';

test('renders the dataset with no console errors', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.reports[0].title);
  expect(await matchCount(page)).toBe(dataset.activities.length);
  await expect(page.locator('.activity-card')).toHaveCount(dataset.activities.length);
  await expect(page.locator('.report-text .para')).toHaveCount(dataset.reports[0].paragraphs.length);
  expect(errors).toEqual([]);
});

const failures = [
  ['HTTP 404', (route) => route.fulfill({ status: 404, body: 'nope' }), /not found on the server \(HTTP 404\)/],
  ['HTTP 500', (route) => route.fulfill({ status: 500, body: 'boom' }), /server failed .*HTTP 500/],
  ['an aborted request', (route) => route.abort('failed'), /network request failed/],
  ['malformed JSON', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1, "dataset": ' }), /damaged: the dataset is not valid JSON/],
  ['the wrong shape', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 2, "activities": 7}' }), /damaged: the dataset is not valid JSON of the expected shape/],
  ['an unknown schema version', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 99}' }), /schema version 99/],
];

for (const [name, handler, message] of failures) {
  test(`explains ${name} and recovers with Retry`, async ({ page }) => {
    await page.route(DATA_URL, handler);
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The data could not be loaded');
    await expect(alert).toContainText(message);
    await page.unroute(DATA_URL);
    await page.getByRole('button', { name: 'Retry' }).click();
    await live(page);
    await expect(page.getByTestId('match-count')).toHaveText(String(dataset.activities.length));
  });
}

test('a deep link still loads', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page, '/some/path?x=y');
  expect(await matchCount(page)).toBe(dataset.activities.length);
  expect(errors).toEqual([]);
});

test('garbage in the URL is ignored without a crash', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page, '/?sector=%3Cscript%3E&from=2006-13&kind=nonsense&q=%E2%82&measure=%00&activity=../../x');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(errors).toEqual([]);
});
