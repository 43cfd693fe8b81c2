// Hardening: a strict content security policy holds while every view, an embed, offline mode
// and the update notice are used; and the page says clearly what went wrong when the network
// fails in the ways it does (cut short, slow, too large, an out-of-date offline copy, an offline
// copy that could not be saved).
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataset, DATA_URL, open, live, matchCount } from './helpers.mjs';

/** The header a strict host sends (the README's SECURITY section documents it). */
export const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'; worker-src 'self'; manifest-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors *";

const DIST = new URL('../../dist', import.meta.url).pathname;
const media = dataset.activities.filter((a) => a.sector === 'media').length;

/** A copy of dist/ served on its own port with the policy header; stop() when done. */
async function strictHost(port) {
  const dir = mkdtempSync(join(tmpdir(), 'kz-csp-'));
  cpSync(DIST, dir, { recursive: true });
  for (const f of ['sw.js.gz', 'sw.js.br', 'index.html.gz', 'index.html.br']) rmSync(join(dir, f), { force: true });
  const server = spawn('node', [new URL('../server.mjs', import.meta.url).pathname, String(port), dir],
    { stdio: 'ignore', env: { ...process.env, KZ_CSP: POLICY } });
  for (let i = 0; i < 100; i++) {
    try { await fetch(`http://127.0.0.1:${port}/`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  return { dir, url: `http://127.0.0.1:${port}`, stop: () => { server.kill(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Records every policy violation (the browser reports each on the console and as an event)
 * and every uncaught error of a page and its frames. */
function watch(page) {
  const seen = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) seen.push(m.text()); });
  page.on('pageerror', (e) => seen.push(e.message));
  return seen;
}

test('a strict content security policy holds for every view, an embed, offline and the update notice', async ({ page, context }) => {
  test.setTimeout(120_000);
  const host = await strictHost(4210 + test.info().workerIndex);
  const seen = watch(page);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  try {
    const response = await page.goto(`${host.url}/`);
    expect(response.headers()['content-security-policy']).toBe(POLICY);
    await live(page);
    // Every view: filters from the chart, the measure, the table, the timeline, search, the
    // activity sheet and the report, the dialogs, the downloads.
    await page.locator('.sector-chart button[data-sector="media"]').click();
    await expect(page.getByTestId('match-count')).toHaveText(String(media));
    await page.locator('select[name="measure"]').selectOption('people_trained');
    await page.getByRole('button', { name: 'Show table' }).click();
    await page.getByRole('button', { name: 'Show chart' }).click();
    await page.locator('#q').fill('journalists');
    await expect(page.locator('.activity-card mark').first()).toBeVisible();
    await page.locator('#q').fill('');
    await page.locator('#filters select[name="from"]').selectOption('2006-09');
    await page.locator('#filters select[name="to"]').selectOption('2006-09');
    await page.getByRole('link', { name: 'Clear dates' }).click();
    await page.locator('.timeline .mark[data-activity]').first().click();
    await expect(page.locator('#detail-h')).toBeFocused();
    await page.getByRole('button', { name: 'Show in report' }).first().click();
    await page.getByRole('button', { name: 'Back to the activity' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Cite this view' }).first().click();
    await page.getByRole('button', { name: 'Copy citation' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Embed this view' }).first().click();
    await expect(page.frameLocator('iframe.embed-preview').locator('.sector-chart .bar-hit').first()).toBeVisible();
    await page.getByRole('radio', { name: '640 px' }).check();
    await page.keyboard.press('Escape');
    for (const name of ['Download CSV', 'Download JSON']) {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).first().click()]);
      expect((await dl.path()) !== null).toBe(true);
    }
    // A chart image: the image module loads and draws under the policy too.
    await page.locator('summary[aria-label="Download image"]').click();
    for (const format of ['svg', 'png']) {
      await page.locator('.image-form select[name=format]').selectOption(format);
      const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('.image-form button[type=submit]').click()]);
      expect(dl.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
    }
    // The embed views, and an embed on a partner's page (another origin).
    for (const q of ['embed=chart', 'embed=timeline', 'embed=overview', 'embed=activity&activity=kz2006-a15']) {
      await page.goto(`${host.url}/?${q}`);
      await expect(page.locator('main.embed')).toBeVisible();
      await live(page);
    }
    await page.goto(`http://127.0.0.1:4174/?origin=${encodeURIComponent(host.url)}&q=${encodeURIComponent('embed=chart&embed_id=c1')}`);
    await expect(page.frameLocator('#embed').locator('.sector-chart .bar-hit').first()).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.messages.filter((m) => m.data && m.data.type === 'kz-explorer:embed').length)).toBeGreaterThan(0);
    // Offline.
    await page.goto(`${host.url}/`);
    await live(page);
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    await context.setOffline(true);
    await page.reload();
    await live(page);
    await page.locator('.sector-chart button[data-sector="media"]').click();
    await expect(page.getByTestId('match-count')).toHaveText(String(media));
    await context.setOffline(false);
    // The update notice, for a new deployment.
    const sw = readFileSync(join(host.dir, 'sw.js'), 'utf8');
    writeFileSync(join(host.dir, 'sw.js'), sw.replace(/const VERSION = '[^']+'/, "const VERSION = 'csp-2'"));
    await page.reload();
    const banner = page.locator('.update-banner');
    await expect(banner).toContainText('A new version is available', { timeout: 20_000 });
    await banner.getByRole('button', { name: 'Reload' }).click();
    // The page reloads into the new version; until it has, the question may meet a navigation.
    await expect.poll(() => page.evaluate(() => caches.keys()).catch(() => null), { timeout: 20_000 }).toEqual(['kz-explorer-csp-2']);
    await live(page);
    expect(seen).toEqual([]);
  } finally {
    await context.setOffline(false);
    host.stop();
  }
});

test('a response cut short is named as such, and Retry recovers', async ({ page }) => {
  const text = readFileSync(new URL('../../public/data/kazakhstan-2006.json', import.meta.url), 'utf8');
  await page.route(DATA_URL, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: text.slice(0, text.length / 2) }));
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The data could not be loaded');
  await expect(alert).toContainText(/damaged: the dataset is not valid JSON.*EOF while parsing/);
  // The first screen painted with the page stays, readable.
  await expect(page.locator('.sector-chart .bar-hit').first()).toBeVisible();
  await page.unroute(DATA_URL);
  await page.getByRole('button', { name: 'Retry' }).click();
  await live(page);
  expect(await matchCount(page)).toBe(dataset.activities.length);
});

test('a very slow response: the first screen is there, the page says more is coming and keeps what is typed', async ({ page }) => {
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(DATA_URL, async (route) => { await gate; await route.continue(); });
  await page.goto('/');
  await expect(page.locator('.sector-chart .bar-hit').first()).toBeVisible();
  await expect(page.locator('#status')).toHaveText('Loading the interactive explorer…', { timeout: 8_000 });
  // Usable meanwhile: the static screen reads, and the search field takes a word.
  await page.locator('#q').fill('jury');
  await expect(page.locator('.timeline .mark').first()).toBeVisible();
  release();
  await live(page);
  await expect(page).toHaveURL(/q=jury/);
  await expect(page.locator('#status')).toBeEmpty();
  expect(await matchCount(page)).toBeGreaterThan(0);
  expect(await matchCount(page)).toBeLessThan(dataset.activities.length);
});

test('a data file over the size limit is refused before it is read', async ({ page }) => {
  const body = Buffer.alloc(33 * 1024 * 1024, 0x20); // 33 MiB of spaces: valid JSON would follow
  await page.route(DATA_URL, (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The data file is too large to read: 33 MB');
  await expect(alert).toContainText('up to 32 MB');
});

test('an out-of-date offline copy of the data is noticed and replaced', async ({ page }) => {
  await open(page, '/');
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  // Put an older dataset into the offline copy, as a stale cache would hold it.
  await page.evaluate(async () => {
    const key = (await caches.keys()).find((k) => k.startsWith('kz-explorer-'));
    const cache = await caches.open(key);
    const url = new URL('data/kazakhstan-2006.json', document.baseURI).href;
    const text = await (await cache.match(url)).text();
    const stale = text.replace('"version":"1.0.0"', '"version":"0.9.0"').replace('"name":"Media freedom"', '"name":"STALE"');
    await cache.put(url, new Response(stale, { headers: { 'content-type': 'application/json' } }));
  });
  await page.reload();
  await live(page);
  // The page was loaded afresh once, with the data it was made with.
  expect(await page.evaluate(() => sessionStorage.getItem('kz-recovered'))).toBe('1');
  await expect(page.locator('.sector-chart .bar-hit[data-sector="media"]')).toContainText('Media freedom');
  expect(await matchCount(page)).toBe(dataset.activities.length);
});

test('when the offline copy cannot be saved, the app works online and says offline use is unavailable', async ({ page, context }) => {
  await context.route('**/icons/icon-512.png', (r) => r.abort('failed'));
  await open(page, '/');
  await expect(page.locator('.offline-note')).toContainText('Offline use is unavailable', { timeout: 20_000 });
  await page.locator('.sector-chart button[data-sector="media"]').click();
  await expect(page.getByTestId('match-count')).toHaveText(String(media));
});
