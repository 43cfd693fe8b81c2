// The installed app: after one visit it reloads and works with the network off, Chromium finds
// nothing stopping installation, and a new deployment is offered and then served.
import { test, expect, chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataset, open, live, matchCount } from './helpers.mjs';

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

test('after one visit, the app reloads and works fully offline', async ({ page, context }) => {
  await open(page, '/');
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('match-count')).toHaveText(String(dataset.activities.length));
  // Charts, filters, reader and search all work from the cache.
  await page.locator('.sector-chart button[data-sector="media"]').click();
  await expect(page.getByTestId('match-count')).toHaveText(String(dataset.activities.filter((a) => a.sector === 'media').length));
  await expect(page.locator('.timeline .mark').first()).toBeVisible();
  await page.locator('#q').fill('journalists');
  await expect(page.locator('.activity-card mark').first()).toBeVisible();
  await expect(page.locator('.report-text .para')).toHaveCount(dataset.reports[0].paragraphs.length);
  // A deep link opened offline is the same app.
  await page.goto('/some/deep/path?sector=trafficking');
  await expect(page.getByTestId('match-count')).toHaveText(String(dataset.activities.filter((a) => a.sector === 'trafficking').length));
  await context.setOffline(false);
});

test('after one visit, every language and every data link works offline', async ({ page, context }) => {
  await open(page, '/');
  await controlled(page);
  await context.setOffline(true);
  // Neither language was ever chosen: the worker keeps their files with the build's.
  for (const [lang, chip] of [['ru', 'Свобода СМИ'], ['kk', 'БАҚ']]) {
    await page.goto(`/?lang=${lang}&sector=media`);
    await live(page);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('.active-filters .chip').first()).toContainText(chip);
    await expect(page.locator('#status')).toBeEmpty();
  }
  // The data files the page links to, as files.
  // (Bytes, not text: decoding as text drops the CSV's byte order mark.)
  for (const [href, type, start] of [['data/kazakhstan-2006.csv', 'text/csv', '\ufeffid,'], ['data/kazakhstan-2006.json', 'json', '{']]) {
    const got = await page.evaluate(async (h) => {
      const r = await fetch(new URL(h, document.baseURI));
      const bytes = new Uint8Array(await r.arrayBuffer());
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(0, 12));
      return { ok: r.ok, type: r.headers.get('content-type') || '', text };
    }, href);
    expect(got.ok, href).toBe(true);
    expect(got.type, href).toContain(type);
    expect(got.text.startsWith(start), `${href}: ${got.text}`).toBe(true);
  }
  await context.setOffline(false);
});

test('a language that cannot be had says so in plain words, with no error text', async ({ page }) => {
  await page.route('**/data/ui.kk.json', (route) => route.abort('internetdisconnected'));
  await open(page, '/?lang=kk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const said = await page.locator('#status').textContent();
  expect(said).toContain('could not be loaded');
  expect(said).toContain('Қазақша');
  expect(said).not.toMatch(/TypeError|Failed to fetch|network|HTTP/i);
});

test('Chromium reports no installability errors', async ({ browserName }, testInfo) => {
  // A real profile: an incognito context is never installable.
  const profile = mkdtempSync(join(tmpdir(), 'kz-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL: testInfo.project.use.baseURL,
  });
  try {
    const page = await context.newPage();
    await open(page, '/');
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors, browserName).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a new deployment shows the update notice, and Reload serves the new version', async ({ page }) => {
  // A deployment of our own: a copy of dist/ on its own port, changed in place like a redeploy.
  const dir = mkdtempSync(join(tmpdir(), 'kz-deploy-'));
  cpSync(new URL('../../dist', import.meta.url).pathname, dir, { recursive: true });
  for (const f of ['sw.js.gz', 'sw.js.br', 'index.html.gz', 'index.html.br']) rmSync(join(dir, f), { force: true });
  const port = 4180 + test.info().workerIndex;
  const server = spawn('node', [new URL('../server.mjs', import.meta.url).pathname, String(port), dir], { stdio: 'ignore' });
  try {
    for (let i = 0; i < 100; i++) { // until it answers
      try { await fetch(`http://127.0.0.1:${port}/`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    await open(page, `http://127.0.0.1:${port}/`);
    await controlled(page);
    await expect(page.locator('.update-banner')).toHaveCount(0);
    // Deploy: a changed page means a changed worker version.
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    writeFileSync(join(dir, 'sw.js'), sw.replace(/const VERSION = '[^']+'/, "const VERSION = 'deploy-2'"));
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    // (The built page is minified: its <head> tag is implied, so the marker goes after the charset.)
    writeFileSync(join(dir, 'index.html'), html.replace(/<meta charset=("?)utf-8\1>/, (m) => `${m}<meta name="build" content="deploy-2">`));
    await page.reload();
    const banner = page.locator('.update-banner');
    await expect(banner).toContainText('A new version is available', { timeout: 20_000 });
    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name="build"]')).toHaveAttribute('content', 'deploy-2', { timeout: 20_000 });
    await expect(page.getByTestId('match-count')).toHaveText(String(dataset.activities.length));
    expect(await page.evaluate(() => caches.keys())).toEqual(['kz-explorer-deploy-2']);
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('under a sub-path, the app loads, deep-links and works offline', async ({ page, context }) => {
  const dir = new URL('../../target/dist-sub', import.meta.url).pathname;
  const port = 4190 + test.info().workerIndex;
  const server = spawn('node', [new URL('../server.mjs', import.meta.url).pathname, String(port), dir, '/sub/'], { stdio: 'ignore' });
  try {
    for (let i = 0; i < 100; i++) {
      try { await fetch(`http://127.0.0.1:${port}/sub/`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    await open(page, `http://127.0.0.1:${port}/sub/deep/link?sector=media`);
    expect(await matchCount(page)).toBe(dataset.activities.filter((a) => a.sector === 'media').length);
    await controlled(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL)).toBe(`http://127.0.0.1:${port}/sub/sw.js`);
    await context.setOffline(true);
    await page.reload();
    await live(page);
    expect(await matchCount(page)).toBe(dataset.activities.filter((a) => a.sector === 'media').length);
    await context.setOffline(false);
  } finally {
    server.kill();
  }
});
