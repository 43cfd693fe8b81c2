// Hydration: every view, language and embed loads with no console error or warning (a hydration
// mismatch aborts a release wasm, so it would show here) — from the page Leptos rendered at
// build time and from deep links; with the bundled data, and with hostile strings in a dataset
// the page was rendered from (a copy of dist/ rendered anew by the build's own `dataset
// prepaint`).
import { test, expect } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataset, live } from './helpers.mjs';

const VIEWS = [
  '/',
  '/?sort=date',
  '/?sector=media&from=2006-09&to=2006-09',
  '/?activity=kz2006-a15',
  '/?table=1&measure=people_trained',
  '/?q=jury&has=people_trained',
  '/some/deep/path?kind=training',
  '/?embed=chart',
  '/?embed=timeline&sector=trafficking',
  '/?embed=overview',
  '/?embed=activity&activity=kz2006-a15',
  '/?result=achieved,partly&sector=rule-of-law',
  '/?embed=outcomes&sector=rule-of-law',
];

/** Every console error and warning, and every uncaught exception, of a page. */
function watch(page) {
  const seen = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') seen.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => seen.push(`exception: ${e.message}`));
  return seen;
}

/** Opens each view in each language and returns what the console said. */
async function visit(page, base, langs) {
  const seen = watch(page);
  for (const lang of langs) {
    for (const view of VIEWS) {
      const url = base + view + (lang ? `${view.includes('?') ? '&' : '?'}lang=${lang}` : '');
      await page.goto(url);
      await live(page);
      await expect(page.locator('html')).toHaveAttribute('lang', lang || 'en');
      // Something of the view is drawn (not only the skeleton).
      await expect(page.locator(view.includes('embed=') ? 'main.embed' : '#results .count')).toBeVisible();
      // A later task builds the regions below the fold: let it run before moving on.
      await page.waitForTimeout(100);
    }
  }
  return seen;
}

for (const lang of ['en', 'ru', 'kk']) {
  test(`every view and embed loads in ${lang} with no console error or warning`, async ({ page }) => {
    test.setTimeout(90_000);
    const seen = await visit(page, '', [lang === 'en' ? '' : lang]);
    expect(seen).toEqual([]);
  });
}

test('the default view is hydrated: the nodes Leptos rendered at build time are the ones the app drives', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => { document.querySelector('.sector-chart .bar-hit[data-sector="media"]').__built = true; });
  await live(page);
  const bar = page.locator('.sector-chart .bar-hit[data-sector="media"]');
  await bar.click();
  await expect(bar).toHaveAttribute('aria-pressed', 'true');
  // The same element, now driven by the app.
  expect(await bar.evaluate((el) => el.__built === true)).toBe(true);
});

test('a page rendered from hostile data hydrates with the strings inert, in every view', async ({ page }) => {
  test.setTimeout(120_000);
  const dist = new URL('../../dist', import.meta.url).pathname;
  const dir = mkdtempSync(join(tmpdir(), 'kz-hostile-'));
  cpSync(dist, dir, { recursive: true });
  for (const f of ['index.html.gz', 'index.html.br', 'data/kazakhstan-2006.json.gz', 'data/kazakhstan-2006.json.br']) rmSync(join(dir, f), { force: true });
  const evil = '<img src=x onerror="window.__pwned=1">"\'&amp;';
  const d = structuredClone(dataset);
  d.activities[0].title = `${evil} title`;
  d.activities[0].summary = `${evil} summary`;
  d.sectors[0].name = `${evil} sector`;
  d.sectors[0].short = `${evil}`;
  d.events[0].label = `${evil} event`;
  d.measures[0].label = `${evil} measure`;
  writeFileSync(join(dir, 'data/kazakhstan-2006.json'), JSON.stringify(d));
  // The built page with its rendered first screen taken out, rendered again from this data.
  const html = readFileSync(join(dir, 'index.html'), 'utf8').replace(/<div id="?kz-root"?>[\s\S]*<\/body>/, '<div id="kz-root"></div></body>');
  writeFileSync(join(dir, 'index.html'), html);
  const tool = new URL('../../target/debug/dataset', import.meta.url).pathname;
  expect(existsSync(tool), 'the build made target/debug/dataset').toBe(true);
  execFileSync(tool, ['prepaint', join(dir, 'data/kazakhstan-2006.json'), join(dir, 'index.html')]);
  const port = 4230 + test.info().workerIndex;
  const server = spawn('node', [new URL('../server.mjs', import.meta.url).pathname, String(port), dir], { stdio: 'ignore' });
  try {
    for (let i = 0; i < 100; i++) {
      try { await fetch(`http://127.0.0.1:${port}/`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    const seen = await visit(page, `http://127.0.0.1:${port}`, ['']);
    expect(seen).toEqual([]);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    await page.goto(`http://127.0.0.1:${port}/`);
    await live(page);
    await expect(page.locator('.bar-hit .long').filter({ hasText: 'sector' }).first()).toContainText('<img src=x');
    expect(await page.locator('#kz-page img').count()).toBe(0);
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
