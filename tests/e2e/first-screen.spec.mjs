// The first screen: painted into index.html before the wasm arrives, taken over in place with
// nothing moving, never showing another view's content, readable, and leading with the charts.
import { test, expect } from '@playwright/test';
import { dataset, open, live } from './helpers.mjs';

/** Holds the wasm back until `release()` is called, so the page can be seen before take-over. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
  return () => release();
}

test('with JavaScript off, the static first screen holds the charts and links to the data', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.reports[0].title);
  await expect(page.locator('.sector-chart .bar-hit')).toHaveCount(dataset.sectors.length);
  await expect(page.locator('.sector-chart .bar-hit').first()).toBeVisible();
  await expect(page.locator('.timeline .mark').first()).toBeVisible();
  await expect(page.getByTestId('match-count')).toHaveText(String(dataset.activities.length));
  await expect(page.locator('.headline').first()).toBeVisible();
  await expect(page.getByText('need JavaScript').first()).toBeVisible();
  for (const href of ['data/kazakhstan-2006.json', 'data/kazakhstan-2006.csv']) {
    const link = page.locator(`#filters a[href="${href}"]`);
    await expect(link).toBeVisible();
    expect((await page.request.get(href)).ok(), href).toBe(true);
  }
  await context.close();
});

test('taking over moves nothing and repaints nothing', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); })
      .observe({ type: 'layout-shift', buffered: true });
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  const release = await holdWasm(page);
  await page.goto('/');
  await expect(page.locator('.sector-chart .bar-hit').first()).toBeVisible();
  const before = await page.screenshot();
  // Mark the painted nodes, to see whether the app keeps them.
  await page.evaluate(() => { for (const id of ['sector-body', 'timeline-body', 'overview', 'results']) document.getElementById(id).firstElementChild.__painted = true; });
  release();
  await live(page);
  await page.waitForTimeout(300);
  const after = await page.screenshot();
  expect(await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0))).toBe(0);
  // The app kept the painted nodes, and the first screen looks exactly as it did.
  expect(await page.evaluate(() => ['sector-body', 'timeline-body', 'overview', 'results']
    .every((id) => document.getElementById(id).firstElementChild.__painted === true))).toBe(true);
  expect(after.equals(before)).toBe(true);
});

const firstScreen = ['#results', '#sector-body', '#timeline-body', '#overview'];

test('a deep link shows skeletons, never the overview, until its own view is drawn', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/?sector=media&from=2006-09&to=2006-09');
  await expect(page.locator('html.deep')).toHaveCount(1);
  for (const region of firstScreen) {
    const box = await page.locator(region).boundingBox();
    expect(box.height, region).toBeGreaterThan(20); // the skeleton keeps the region's size
    await expect(page.locator(`${region} > *`).first(), region).toBeHidden();
  }
  await expect(page.locator('.sector-chart .bar-hit').first()).toBeHidden();
  release();
  await live(page);
  await expect(page.locator('.sector-chart .bar-hit[data-sector="media"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#results > *').first()).toBeVisible();
});

const embeds = {
  'embed=chart': { own: '#sector-chart', foreign: ['#masthead', '#toolbar', '#timeline', '#overview', '#activities', '#reader'] },
  'embed=timeline': { own: '#timeline', foreign: ['#masthead', '#toolbar', '#sector-chart', '#overview', '#activities', '#reader'] },
  'embed=overview': { own: '#overview', foreign: ['#masthead', '#toolbar', '#sector-chart', '#timeline', '#activities', '#reader'] },
  'embed=activity&activity=kz2006-a15': { own: null, foreign: ['#masthead', '#toolbar', '#sector-chart', '#timeline', '#overview', '#activities', '#reader'] },
  'embed=chart&sector=media': { own: null, foreign: ['#masthead', '#toolbar', '#timeline', '#overview', '#sector-body > *'] },
};

for (const [query, { own, foreign }] of Object.entries(embeds)) {
  test(`an embed (${query}) shows only its own view while loading`, async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(`/?${query}`);
    for (const sel of foreign) await expect(page.locator(sel).first(), sel).toBeHidden();
    if (own) await expect(page.locator(own)).toBeVisible();
    release();
    await live(page);
    await expect(page.locator('main.embed')).toBeVisible();
    for (const sel of foreign.filter((s) => !s.includes('>'))) await expect(page.locator(sel).first(), sel).toBeHidden();
  });
}

/** The smallest font size of any visible text in the charts. */
const smallestChartText = (page) => page.evaluate(() => {
  let min = Infinity;
  for (const root of document.querySelectorAll('.sector-chart .chart-body, .timeline .chart-body')) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el.checkVisibility({ visibilityProperty: true })) continue;
      min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
    }
  }
  return min;
});

/** The smallest width and height of any visible chart control. */
const smallestTarget = (page) => page.evaluate(() => {
  let w = Infinity, h = Infinity;
  for (const el of document.querySelectorAll('.bar-hit, .mark')) {
    if (!el.checkVisibility()) continue;
    const r = el.getBoundingClientRect();
    w = Math.min(w, r.width); h = Math.min(h, r.height);
  }
  return { w, h };
});

for (const [width, height] of [[300, 700], [390, 844], [1366, 768]]) {
  test(`chart text is at least 12 px and marks at least 24×24 px at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    for (const path of ['/', '/?measure=people_trained', '/?embed=chart', '/?embed=timeline']) {
      await open(page, path);
      expect(await smallestChartText(page), path).toBeGreaterThanOrEqual(12);
      const t = await smallestTarget(page);
      expect(t.w, path).toBeGreaterThanOrEqual(24);
      expect(t.h, path).toBeGreaterThanOrEqual(24);
    }
    // Tooltips too (a mark's label, shown by the stylesheet on hover and focus).
    await open(page, '/');
    const mark = page.locator('.timeline .mark-day').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    const tip = await mark.evaluate((el) => {
      const s = getComputedStyle(el, '::after');
      return { content: s.content, size: parseFloat(s.fontSize) };
    });
    expect(tip.content).toContain('September');
    expect(tip.size).toBeGreaterThanOrEqual(12);
  });
}

for (const [width, height, withTimeline] of [[1366, 768, true], [390, 844, false]]) {
  test(`the sector chart is within the first screen at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await open(page, '/');
    const inView = async (sel) => {
      const b = await page.locator(sel).boundingBox();
      return b.y >= 0 && b.y + b.height <= height;
    };
    expect(await page.evaluate(() => scrollY)).toBe(0);
    expect(await inView('.sector-chart .bars')).toBe(true);
    if (withTimeline) expect(await inView('.timeline .tl')).toBe(true);
  });
}

test('the service worker registers only after the load event and the take-over', async ({ page }) => {
  await page.addInitScript(() => {
    window.__order = [];
    addEventListener('load', () => window.__order.push('load'));
    document.addEventListener('kz-live', () => window.__order.push('live'));
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.__order.push('register');
      return register.apply(this, args);
    };
  });
  await open(page, '/');
  await expect.poll(() => page.evaluate(() => window.__order.slice(-1)[0])).toBe('register');
  const order = await page.evaluate(() => window.__order);
  expect(order.indexOf('register')).toBeGreaterThan(order.indexOf('load'));
  expect(order.indexOf('register')).toBeGreaterThan(order.indexOf('live'));
  expect(order.filter((x) => x === 'register')).toHaveLength(1);
  expect((await page.request.get('/robots.txt')).headers()['content-type']).not.toContain('html');
});
