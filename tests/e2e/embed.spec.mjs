// Embeds on a partner site (another origin): they render, the page resizes them to their content
// with our script or Datawrapper's, their state messages follow filter changes, and a message
// forged by another frame is ignored.
import { test, expect } from '@playwright/test';
import { dataset } from './helpers.mjs';

const APP = 'http://127.0.0.1:4173';
const PARTNER = 'http://127.0.0.1:4174';
const partner = (q, listener = 'script') =>
  `${PARTNER}/?origin=${encodeURIComponent(APP)}&q=${encodeURIComponent(q)}&listener=${listener}`;

async function embedded(page, q, listener) {
  await page.goto(partner(q, listener));
  const frame = page.frameLocator('#embed');
  await expect(frame.locator('main.embed')).toBeVisible();
  return frame;
}

/** The iframe's height on the partner page and its content's height inside. */
async function heights(page) {
  const frame = page.frames().find((f) => f.url().startsWith(APP));
  const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const outer = await page.locator('#embed').evaluate((el) => el.getBoundingClientRect().height);
  return { inner, outer };
}

for (const listener of ['script', 'datawrapper']) {
  test(`the partner page resizes the iframe to its content (${listener} listener)`, async ({ page }) => {
    const frame = await embedded(page, 'embed=chart&embed_id=c1', listener);
    await expect(frame.locator('.sector-chart .bar-hit')).toHaveCount(dataset.sectors.length);
    await expect.poll(async () => { const h = await heights(page); return Math.abs(h.inner - h.outer); }).toBeLessThanOrEqual(2);
    expect((await heights(page)).outer).toBeGreaterThan(300); // grew from the 150 px it started at
  });
}

test('every embed view renders', async ({ page }) => {
  for (const [q, selector] of [['embed=timeline', '.timeline .mark'], ['embed=overview', '.headline'],
    ['embed=activity&activity=kz2006-a40', 'h3']]) {
    const frame = await embedded(page, q);
    await expect(frame.locator(selector).first()).toBeVisible();
    await expect(frame.getByRole('link', { name: /Open the full explorer/ })).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:4173\//);
  }
});

test("the embed's state message reflects a filter change", async ({ page }) => {
  const frame = await embedded(page, 'embed=chart&embed_id=c1');
  await frame.locator('.sector-chart button[data-sector="trafficking"]').click();
  await expect.poll(() => page.evaluate(() => {
    const ours = window.messages.filter((m) => m.data && m.data.type === 'kz-explorer:embed');
    return ours.length ? ours[ours.length - 1].data : null;
  })).toMatchObject({ version: 1, id: 'c1', state: 'sector=trafficking' });
  const last = await page.evaluate(() => window.messages.filter((m) => m.data.type === 'kz-explorer:embed').pop());
  expect(last.origin).toBe(APP);
  expect(last.data.url).toBe(`${APP}/?sector=trafficking`);
});

test('a forged message from another frame is ignored; the parent can steer', async ({ page }) => {
  await embedded(page, 'embed=chart&embed_id=c1');
  const embedFrame = () => page.frames().find((f) => f.url().startsWith(APP));
  const other = page.frames().find((f) => f.url().endsWith('/other.html'));
  await other.evaluate(() => window.forge('sector=media'));
  await page.waitForTimeout(500);
  expect(embedFrame().url()).not.toContain('sector=media');
  // Malformed messages from the parent are ignored too.
  await page.evaluate(() => {
    const w = document.getElementById('embed').contentWindow;
    w.postMessage({ type: 'kz-explorer:set-state', version: 2, state: 'sector=media' }, '*');
    w.postMessage('sector=media', '*');
    w.postMessage({ type: 'kz-explorer:set-state', version: 1, state: 42 }, '*');
  });
  await page.waitForTimeout(500);
  expect(embedFrame().url()).not.toContain('sector=media');
  // The documented message from the parent works, so the ignoring above is real.
  await page.evaluate(() => document.getElementById('embed').contentWindow.postMessage(
    { type: 'kz-explorer:set-state', version: 1, state: 'sector=media' }, '*'));
  await expect.poll(() => embedFrame().url()).toContain('sector=media');
  expect(embedFrame().url()).toContain('embed=chart');
});

test('the embed dialog writes a working snippet for the current view', async ({ page }) => {
  await page.goto('/?sector=media');
  await page.getByText('Embed this view on your site').click();
  const code = await page.locator('#embed-code').inputValue();
  expect(code).toContain('<iframe src="http://127.0.0.1:4173/?sector=media&amp;embed=chart&amp;embed_id=kz-chart&amp;lang=en"');
  expect(code).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"');
  expect(code).toContain('loading="lazy"');
  expect(code).toContain('title="');
  expect(code).toContain('<script async src="http://127.0.0.1:4173/embed.js"></script>');
  await expect(page.frameLocator('.embed-preview').locator('.sector-chart')).toBeVisible();
});

test('embeds are readable at 300 px: no horizontal scroll', async ({ page }) => {
  for (const q of ['embed=chart', 'embed=timeline', 'embed=overview', 'embed=activity&activity=kz2006-a15']) {
    await embedded(page, q);
    await page.locator('#embed').evaluate((el) => { el.style.width = '300px'; });
    const frame = page.frames().find((f) => f.url().startsWith(APP));
    await expect.poll(() => frame.evaluate(() => document.documentElement.clientWidth)).toBe(300);
    const [scroll, client] = await frame.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll, q).toBeLessThanOrEqual(client);
  }
});
