// Benchmark (not a test): what a chart image costs. Prints the image module's size (raw, gzip -9,
// brotli, from the copies .ci/build.sh writes) and the time from the click on "Download" to the
// file for the social card PNG (sector chart, 1200×630) on the mobile profile: the first image
// (the module fetched, compiled and started) and the next one (the module loaded). Asserts
// nothing; exits non-zero only when something failed to run.
//
// Usage: node tests/bench/images.mjs [--dist dist] [--runs 5] [--out target/bench/images.json]
//   --dist DIR  a release build (default dist/, as `bash .ci/build.sh` writes it)
//   --runs N    cold page loads, each in a new browser context (default 5); medians are reported
//
// Conditions, as tests/bench/first-load.mjs sets them (Lighthouse's mobile profile): 150 ms RTT,
// 1638.4 kbit/s down, 675 kbit/s up, CPU slowed 4×, a 412×823 viewport at 1.75 device pixels.
// Service workers are blocked: the worker's own fetches are not throttled by the page's
// conditions, and a first visitor's module comes from the network either way.
//
// Timing, in the page: from the submit button's click event (`event.timeStamp`) to the moment the
// app hands the file to the browser (the download link's `click()`), read with performance.now().
// Playwright's `download` event, which adds the browser's own hand-over, is printed beside it.
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { serveDist } from './serve.mjs';

const repo = resolve(new URL('../..', import.meta.url).pathname);
const { values: opt } = parseArgs({
  options: {
    dist: { type: 'string', default: join(repo, 'dist') },
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: join(repo, 'target/bench/images.json') },
  },
});
const dist = resolve(opt.dist);
const runs = Number(opt.runs);
if (!(runs >= 1)) throw new Error('--runs takes a number ≥ 1');
const NET = { rttMs: 150, throughputKbps: 1638.4, uploadKbps: 675 };
const CPU_SLOWDOWN = 4;
// The targets: the first image ≤ 1.5 s with the module's download, ≤ 200 ms once loaded.
const TARGETS = { firstMs: 1500, nextMs: 200 };
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const log = (...a) => console.error('[images]', ...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---- the module's size ---------------------------------------------------------------------------
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const glue = html.match(/rel=(?:"kz-images"|kz-images)[^>]*href=(?:"([^"]+)"|([^\s>"]+))/)?.slice(1).find(Boolean);
if (!glue) throw new Error(`${dist}/index.html names no image module (rel=kz-images)`);
const base = html.match(/<base href=(?:"([^"]+)"|([^\s>"]+))/)?.slice(1).find(Boolean) ?? '/';
const files = [glue, glue.replace(/\.js$/, '_bg.wasm')].map((f) => f.replace(base, '').replace(/^\//, ''));
const size = (f, ext, make) => {
  const p = join(dist, f + ext);
  return existsSync(p) ? readFileSync(p).length : make(readFileSync(join(dist, f))).length;
};
const module = files.map((f) => ({
  file: f,
  raw: readFileSync(join(dist, f)).length,
  gzip: size(f, '.gz', (b) => gzipSync(b, { level: 9 })),
  brotli: size(f, '.br', (b) => brotliCompressSync(b)),
}));
const total = (k) => module.reduce((s, m) => s + m[k], 0);

// ---- click to file ---------------------------------------------------------------------------------
/** Records, in the page, when a file is handed over (a download link's click). */
function probe() {
  window.__files = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) window.__files.push({ name: this.download, at: performance.now() });
    return click.call(this);
  };
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('.image-form button[type=submit]')) window.__clicked = e.timeStamp;
  }, true);
}

async function socialPng(page) {
  const form = page.locator('form.image-form');
  await form.locator('select[name=chart]').selectOption('sector');
  await form.locator('select[name=format]').selectOption('png');
  await form.locator('select[name=size]').selectOption('social');
  const before = await page.evaluate(() => window.__files.length);
  const t0 = Date.now();
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), form.locator('button[type=submit]').click()]);
  const event = Date.now() - t0;
  await page.waitForFunction((n) => window.__files.length > n, before);
  const { name, ms } = await page.evaluate(() => {
    const f = window.__files.at(-1);
    return { name: f.name, ms: f.at - window.__clicked };
  });
  if (!/-sector-chart-social\.png$/.test(name) || dl.suggestedFilename() !== name) throw new Error(`unexpected file ${name}`);
  return { ms, event };
}

async function run(browser, url) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true,
    serviceWorkers: 'block', acceptDownloads: true,
  });
  try {
    await context.addInitScript(probe);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const fetched = [];
    page.on('requestfinished', (r) => fetched.push(r.url()));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: NET.rttMs,
      downloadThroughput: (NET.throughputKbps * 1024) / 8, uploadThroughput: (NET.uploadKbps * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url);
    await page.locator('html[data-state="live"]').waitFor({ timeout: 60_000 });
    // Let the first load finish (nothing fetched for 2 s), so the image competes with nothing.
    await page.waitForLoadState('networkidle');
    if (fetched.some((u) => /\/images-[0-9a-f]+/.test(u))) throw new Error('the image module was fetched before an image was asked for');
    // On a phone the actions are behind "Share & download".
    const toggle = page.locator('.share-toggle');
    if (await toggle.isVisible()) await toggle.click();
    await page.locator('details.image-menu > summary').click();
    const first = await socialPng(page);
    const next = await socialPng(page);
    if (!fetched.some((u) => /\/images-[0-9a-f]+_bg\.wasm$/.test(u))) throw new Error('the image module was not fetched');
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { first, next };
  } finally {
    await context.close();
  }
}

const { proc, url } = await serveDist(dist, base);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
const results = [];
try {
  for (let i = 1; i <= runs; i++) {
    const r = await run(browser, url);
    log(`run ${i}/${runs}: first ${Math.round(r.first.ms)} ms (download event ${r.first.event} ms), next ${Math.round(r.next.ms)} ms (${r.next.event} ms)`);
    results.push(r);
  }
} finally {
  await browser.close();
  proc.kill();
}

const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const report = {
  dist, runs, conditions: { ...NET, cpuSlowdown: CPU_SLOWDOWN, viewport: '412x823', deviceScaleFactor: 1.75, serviceWorkers: 'blocked' },
  module, moduleGzip: total('gzip'), moduleBrotli: total('brotli'),
  firstMs: stat(results.map((r) => r.first.ms)), nextMs: stat(results.map((r) => r.next.ms)),
  firstEventMs: stat(results.map((r) => r.first.event)), nextEventMs: stat(results.map((r) => r.next.event)),
  targets: TARGETS,
};
mkdirSync(dirname(resolve(opt.out)), { recursive: true });
writeFileSync(resolve(opt.out), JSON.stringify(report, null, 2));

const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
const ms = (s) => `${Math.round(s.median)} ms (min ${Math.round(s.min)}, max ${Math.round(s.max)})`;
const mark = (v, t) => (v <= t ? 'met' : 'MISSED');
console.log('Image module (fetched on the first image; not in the first load)');
for (const m of module) console.log(`  ${m.file.padEnd(36)} ${String(m.raw).padStart(8)} B raw ${String(m.gzip).padStart(8)} B gzip ${String(m.brotli).padStart(8)} B brotli`);
console.log(`  total ${kib(total('gzip'))} gzip, ${kib(total('brotli'))} brotli`);
console.log(`Social card PNG (sector chart, 1200×630), click to file, mobile profile, median of ${runs}:`);
console.log(`  first image (module fetched and started) ${ms(report.firstMs)}   target ≤ ${TARGETS.firstMs} ms: ${mark(report.firstMs.median, TARGETS.firstMs)}`);
console.log(`  next image (module loaded)               ${ms(report.nextMs)}   target ≤ ${TARGETS.nextMs} ms: ${mark(report.nextMs.median, TARGETS.nextMs)}`);
console.log(`  (Playwright's download event: first ${ms(report.firstEventMs)}, next ${ms(report.nextEventMs)})`);
console.log(`JSON: ${resolve(opt.out)}`);
