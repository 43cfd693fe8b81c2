// Chart images people publish (issue 17): every download from "Download image" — both charts,
// SVG and PNG, on-screen, social and print sizes — is a valid file of its stated size that says
// its title, filter line and source; Russian and Kazakh images draw no missing-glyph boxes; the
// image module is not part of the first load, and once fetched it works offline; the social
// card the page names is a 1200×630 PNG in each language.
import { test, expect } from '@playwright/test';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { open, live, dataset } from './helpers.mjs';

const SIZES = { social: [1200, 630], print: [2339, 1654] };
const CHART = { sector: 'sector-chart', timeline: 'timeline' };
const SOURCE = 'The U.S. Record in Kazakhstan in 2006';

/** Asks "Download image" for one image; resolves to its file name and bytes. */
async function makeImage(page, { chart, format, size }) {
  const menu = page.locator('details.image-menu');
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
  const form = menu.locator('form.image-form');
  await form.locator('select[name=chart]').selectOption(chart);
  await form.locator('select[name=format]').selectOption(format);
  await form.locator('select[name=size]').selectOption(size);
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    form.locator('button[type=submit]').click(),
  ]);
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

/** A PNG's width and height from its header, after checking its signature. */
function pngSize(bytes) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** An SVG's stated size and the words of its `<text>` elements. */
function svgParts(bytes) {
  const svg = bytes.toString('utf8');
  const head = svg.match(/<svg\b[^>]*>/)?.[0] ?? '';
  const attr = (n) => Number(head.match(new RegExp(`\\b${n}="([\\d.]+)"`))?.[1]);
  const unescape = (s) => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
  const texts = [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => unescape(m[1]));
  const family = svg.match(/font-family="([^"]+)"/)?.[1] ?? null;
  return { svg, size: [attr('width'), attr('height')], texts, family };
}

/** The browser decodes the file as an image of the given size (a blob: URL; the CSP allows it). */
async function decodes(page, bytes, type) {
  return page.evaluate(async ([b64, type]) => {
    const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([bin], { type }));
    await img.decode();
    URL.revokeObjectURL(img.src);
    return [img.naturalWidth, img.naturalHeight];
  }, [bytes.toString('base64'), type]);
}

/** The filter line the page's chips say ("Media freedom · …"). */
async function chipWords(page) {
  const chips = await page.locator('.active-filters a.chip').allTextContents();
  return chips.map((c) => c.replace(/\s*×\s*$/, '').trim());
}

/** Words of an image's texts, wrapped lines joined again. */
const joined = (texts) => texts.join(' ').replace(/\s+/g, ' ');

for (const chart of ['sector', 'timeline']) {
  test(`${chart}: SVG and PNG at screen, social and print sizes are valid files with title, filter line and source`, async ({ page }) => {
    test.setTimeout(120_000);
    await open(page, '/?sector=media&kind=training');
    const words = await chipWords(page);
    expect(words.length).toBe(2);
    const title = chart === 'sector' ? 'Activities by sector' : 'Timeline of U.S. activities';
    const onScreen = await page.locator(`#${CHART[chart]}`).evaluate((e) => Math.round(e.getBoundingClientRect().width));
    for (const size of ['screen', 'social', 'print']) {
      for (const format of ['svg', 'png']) {
        const { name, bytes } = await makeImage(page, { chart, format, size });
        const what = `${chart} ${format} ${size}`;
        expect(name, what).toBe(`kz2006-media-training-${CHART[chart]}${size === 'screen' ? '' : `-${size}`}.${format}`);
        let stated;
        let texts;
        if (format === 'svg') {
          const parts = svgParts(bytes);
          expect(parts.svg.startsWith('<svg'), what).toBe(true);
          stated = parts.size;
          texts = parts.texts;
        } else {
          stated = pngSize(bytes);
          // What the PNG drew, as the image module reports it (the same layout and words).
          texts = (await page.evaluate(() => window.kzImages('texts', []))).split('\n');
        }
        if (size === 'screen') expect(stated[0], what).toBe(onScreen);
        else expect(stated, what).toEqual(SIZES[size]);
        expect(stated[1], what).toBeGreaterThan(100);
        expect(await decodes(page, bytes, format === 'svg' ? 'image/svg+xml' : 'image/png'), what).toEqual(stated);
        const said = joined(texts);
        expect(said, what).toContain(title);
        expect(said, what).toContain(words.join(' · '));
        expect(said, what).toContain('Source: U.S. Department of State');
        expect(said, what).toContain(SOURCE);
      }
    }
  });
}

/** Characters whose rendering in `family` is the one of a code point no font has (U+0378). */
async function boxes(page, chars, family) {
  return page.evaluate(([chars, family]) => {
    const c = document.createElement('canvas');
    c.width = 72; c.height = 72;
    const g = c.getContext('2d', { willReadFrequently: true });
    const draw = (ch) => {
      g.clearRect(0, 0, 72, 72);
      g.font = `48px ${family}`;
      g.textBaseline = 'top';
      g.fillText(ch, 8, 8);
      return `${g.measureText(ch).width}|${g.getImageData(0, 0, 72, 72).data.join('')}`;
    };
    const missing = draw('\u0378');
    return {
      // Another unassigned code point is caught the same way (the check can fail).
      control: draw('\u0379') === missing,
      found: chars.filter((ch) => draw(ch) === missing),
    };
  }, [chars, family]);
}

for (const [lang, word] of [['ru', 'Свобода СМИ'], ['kk', 'БАҚ']]) {
  test(`a ${lang} image draws every Cyrillic letter, no missing-glyph boxes`, async ({ page }) => {
    test.setTimeout(60_000);
    await open(page, `/?lang=${lang}&sector=media`);
    const svg = svgParts((await makeImage(page, { chart: 'sector', format: 'svg', size: 'social' })).bytes);
    expect(svg.family).toContain('DejaVu Sans');
    await makeImage(page, { chart: 'timeline', format: 'png', size: 'screen' });
    const png = (await page.evaluate(() => window.kzImages('texts', []))).split('\n');
    const said = joined([...svg.texts, ...png]);
    expect(said).toContain(word);
    // The title is in Cyrillic, not the English fallback.
    expect(svg.texts[0]).toMatch(/[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
    expect(svg.texts[0]).not.toMatch(/by sector/);
    const chars = [...new Set([...said].filter((ch) => /\S/.test(ch)))];
    const r = await boxes(page, chars, svg.family);
    expect(r.control).toBe(true);
    expect(r.found).toEqual([]);
  });
}

test('the first load fetches no image module; the first image does', async ({ page, context }) => {
  const fetched = [];
  context.on('request', (r) => fetched.push(r.url()));
  await open(page, '/');
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  const module = (u) => /\/images-[0-9a-f]+(\.js|_bg\.wasm)$/.test(new URL(u).pathname) || /plotters/.test(u);
  expect(fetched.filter(module)).toEqual([]);
  // The worker's precache list leaves it out too.
  const sw = await (await page.request.get('/sw.js')).text();
  expect(sw).not.toMatch(/images-[0-9a-f]+/);
  await makeImage(page, { chart: 'sector', format: 'png', size: 'social' });
  expect(fetched.filter(module).map((u) => new URL(u).pathname.replace(/images-[0-9a-f]+/, 'images-H')))
    .toEqual(expect.arrayContaining(['/images-H.js', '/images-H_bg.wasm']));
});

test('offline, after one image was made, another can be made', async ({ page, context }) => {
  test.setTimeout(60_000);
  await open(page, '/?sector=media');
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await makeImage(page, { chart: 'sector', format: 'png', size: 'screen' });
  await context.setOffline(true);
  // A new page: the module comes from the worker's cache, not the page's memory.
  await page.reload();
  await live(page);
  const { name, bytes } = await makeImage(page, { chart: 'timeline', format: 'png', size: 'social' });
  expect(name).toBe('kz2006-media-timeline-social.png');
  expect(pngSize(bytes)).toEqual([1200, 630]);
  const svg = await makeImage(page, { chart: 'sector', format: 'svg', size: 'print' });
  expect(svgParts(svg.bytes).size).toEqual([2339, 1654]);
  await context.setOffline(false);
});

test('the page names its social card: og:image is a 1200×630 PNG, and there is one per language', async ({ page }) => {
  const res = await page.goto('/');
  const html = await res.text();
  const meta = (p) => html.match(new RegExp(`<meta[^>]*(?:property|name)=["']?${p}["']?[^>]*>`))?.[0]
    .match(/content=(?:"([^"]*)"|([^\s>]+))/).slice(1).find(Boolean);
  expect(meta('og:title')).toBeTruthy();
  expect(meta('og:description')).toBeTruthy();
  expect(meta('twitter:card')).toBe('summary_large_image');
  const image = meta('og:image');
  expect(image).toMatch(/social\/card\.en\.png$/);
  for (const lang of ['en', 'ru', 'kk']) {
    const r = await page.request.get(new URL(image.replace('card.en', `card.${lang}`), page.url()).href);
    expect(r.status(), lang).toBe(200);
    expect(r.headers()['content-type'], lang).toContain('image/png');
    expect(pngSize(await r.body()), lang).toEqual([1200, 630]);
  }
});

test('"Print this view" puts the title, filter line, both charts and the activities with their sentences on paper, no controls', async ({ page }) => {
  await open(page, '/');
  // The browser's print dialog is replaced: what matters is what is on the page when it opens.
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  await page.getByRole('button', { name: 'Print this view' }).click();
  await expect.poll(() => page.evaluate(() => window.printed)).toBe(1);
  const imgs = page.locator('#print-view img');
  await expect(imgs).toHaveCount(2);
  const sizes = await imgs.evaluateAll((l) => l.map((i) => [i.naturalWidth, i.naturalHeight, i.alt]));
  expect(sizes.map((s) => s.slice(0, 2))).toEqual([[2339, 1654], [2339, 1654]]);
  expect(sizes.map((s) => s[2])).toEqual(['Activities by sector', 'Timeline of U.S. activities']);
  await expect(page.locator('#print-view .print-filter')).toHaveText('All activities in the report, no filter');
  await page.emulateMedia({ media: 'print' });
  await expect(imgs.first()).toBeVisible();
  await expect(page.locator('h1')).toBeVisible();
  for (const hidden of ['.toolbar', '.filters', '.charts', '.reader']) {
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  }
  const cards = page.locator('.activity-card');
  await expect(cards).toHaveCount(dataset.activities.length);
  await expect(cards.first()).toBeVisible();
  await expect(cards.first().locator('q.print-only')).toBeVisible();
  const quote = await cards.first().locator('q.print-only').textContent();
  expect(dataset.activities.some((a) => a.evidence[0].quote === quote)).toBe(true);
  // One to three A4 pages: the printed PDF of the view.
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(3);
});

test('with the social card\'s tags, Lighthouse SEO stays 100', async () => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(join(tmpdir(), 'kz-lh-'));
  try {
    const out = join(dir, 'seo.json');
    const cli = new URL('../node_modules/.bin/lighthouse', import.meta.url).pathname;
    await promisify(execFile)(cli, [new URL('/', test.info().project.use.baseURL).href, '--quiet',
      '--only-categories=seo', '--output=json', `--output-path=${out}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage'],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 110_000 });
    const lhr = JSON.parse(await readFile(out, 'utf8'));
    const below = Object.values(lhr.audits).filter((a) => typeof a.score === 'number' && a.score < 1).map((a) => a.id);
    expect(below).toEqual([]);
    expect(lhr.categories.seo.score).toBe(1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('on a phone, "Download image" opens inside the screen and downloads', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 740 });
  await open(page, '/?sector=media');
  await page.locator('.share-toggle').click();
  await page.locator('details.image-menu > summary').click();
  for (const el of ['.action-list', '.image-form', '.image-form select[name=size]', '.image-form button[type=submit]']) {
    const box = await page.locator(el).boundingBox();
    expect(box.x, el).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, el).toBeLessThanOrEqual(320);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
  const { name, bytes } = await makeImage(page, { chart: 'timeline', format: 'png', size: 'social' });
  expect(name).toBe('kz2006-media-timeline-social.png');
  expect(pngSize(bytes)).toEqual([1200, 630]);
});

test('under a sub-path (and a deep link), the image module and the social card are found', async ({ page }) => {
  const dir = new URL('../../target/dist-sub', import.meta.url).pathname;
  const port = 4290 + test.info().workerIndex;
  const server = spawn('node', [new URL('../server.mjs', import.meta.url).pathname, String(port), dir, '/sub/'], { stdio: 'ignore' });
  try {
    for (let i = 0; i < 100; i++) {
      try { await fetch(`http://127.0.0.1:${port}/sub/`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await open(page, `http://127.0.0.1:${port}/sub/deep/link?sector=media`);
    const { name, bytes } = await makeImage(page, { chart: 'sector', format: 'png', size: 'social' });
    expect(name).toBe('kz2006-media-sector-chart-social.png');
    expect(pngSize(bytes)).toEqual([1200, 630]);
    const wasm = fetched.filter((p) => /images-[0-9a-f]+_bg\.wasm$/.test(p));
    expect(wasm.length).toBeGreaterThan(0);
    expect(wasm.every((p) => p.startsWith('/sub/'))).toBe(true);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image).toBe('/sub/social/card.en.png');
    const r = await page.request.get(`http://127.0.0.1:${port}${image}`);
    expect(pngSize(await r.body())).toEqual([1200, 630]);
  } finally {
    server.kill();
  }
});
