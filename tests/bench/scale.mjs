// Benchmark (not a test): how the explorer scales with the size of its dataset. Loads the app on
// the build's dataset (1×) and on SYNTHETIC copies of it (10×, 100×: tests/bench/synthetic.mjs,
// built in memory and served through Playwright's routing, never written under public/ or dist/),
// then times filter changes until every view has updated. Prints one table with the targets
// beside the figures and writes JSON; exits non-zero only if something failed to run, never
// because a target was missed.
//
// Usage (from the repository's root):
//   node tests/bench/scale.mjs [--dist DIR] [--no-build] [--changes N] [--scales 1,10,100]
//                              [--out FILE] [--no-trace] [--trace-at S] [--wait-idle S] [--quiet]
//                              [--pause MS]
//   --dist DIR     the build to serve (default target/bench9-dist). It is built first with
//                  `DIST=DIR bash .ci/build.sh` unless --no-build (a DIR that is the repository's
//                  dist/ is never built into: it is served as it is)
//   --no-build     serve DIR as it is
//   --changes N    filter changes per scale (default 48; use at least 40 for stable p95s; any
//                  N ≥ 4 runs), cycling: sector toggles, dates, search keystrokes, measure
//   --scales LIST  comma-separated multiples of the dataset (default 1,10,100)
//   --out FILE     the JSON (default target/bench/scale.json); the traces go beside it (*-trace*.json)
//   --no-trace     skip the Chromium traces (see below)
//   --trace-at S   trace at scale S (one of --scales; default the largest)
//   --pause MS     wait MS more between changes (default 0: the next change starts a frame after
//                  the last, while that frame may still be rastered on the other CPU; a reader's
//                  clicks and keystrokes come 100 ms or more apart)
//   --wait-idle S  before starting, wait up to S seconds for the machine's CPUs to be mostly idle
//                  (under 25 % busy over 2 s; Linux /proc/stat), since other work skews the times
//
// What is measured, per scale, each in a new browser context (cold cache, service workers
// blocked, viewport 1280×900, no throttling; Debian's Chromium, headless), times from navigation
// start:
// - painted: the first animation frame with a `.sector-chart .bar-hit` that has a box (the
//   pre-painted chart, always the bundled dataset's numbers);
// - live: the first frame with `html[data-state="live"]` (the app has taken over);
// - chart: the first frame that is live AND whose sector chart shows this dataset's numbers
//   (every bar's value is the number of activities of its sector in the served dataset);
// - all regions: the first frame in which the filter form, the list and the report are painted
//   too (they are painted in later tasks);
// - data: when the dataset's response ended (resource timing);
// - longest task while loading: PerformanceObserver 'longtask' (buffered, registered before the
//   page's scripts), from navigation until the page has been quiet for a second after "all
//   regions"; long tasks are those over 50 ms, so "< 50" means there was none;
// - each filter change: from the action (a click on a sector bar, a change on a date or measure
//   select, an input event on the search box with the value one keystroke longer) until a
//   setTimeout(0) later plus a forced layout (document.body.offsetHeight), as
//   tests/bench/filter-bench.mjs does; a frame (requestAnimationFrame + setTimeout(0)) between
//   changes. After each change the regions' markup is compared with their markup a frame later:
//   a difference ("late") would mean the timing missed work done in a later task;
// - memory after load and after the changes: performance.memory.usedJSHeapSize (with
//   --enable-precise-memory-info), also after a forced garbage collection, and the wasm linear
//   memory (window.kzWasm.memory.buffer.byteLength).
// Growth: the ratio of the 100× (and 10×) medians and p95s to 1×, beside the ratio of
// activities shown (the mean match count over the changes); growth is "at most linear" when the
// time ratio does not exceed the activities ratio.
// Traces (unless --no-trace): at the largest scale (or --trace-at) the slowest change of the
// slowest kind (by median), and the slowest change of all if it is another, are each replayed in
// a fresh page opened at the view it started from: three warm-up runs
// (each followed by going back to that view), then once under a Chromium trace
// (devtools.timeline), whose renderer-main-thread self time from the action to the forced
// layout is summed by category (scripting, parse HTML, style, layout, paint & composite, other),
// and the frame after it likewise; then once more with V8's sampling profiler in the trace,
// whose samples in the same window are summed by code: wasm, the wasm-bindgen glue, boot.js's
// kzMorph, the browser functions each of them calls (DOM, pushState, TextDecoder…), the
// harness (event dispatch and the forced style + layout). Both traces are written beside the
// JSON (open them in DevTools' Performance panel). The wasm's function names are stripped in a
// release build, so wasm functions are listed by index.
// The machine's load average is recorded: on a busy machine the figures are noisy.
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveDist } from './serve.mjs';
import { synthetic } from './synthetic.mjs';

const repo = resolve(new URL('../..', import.meta.url).pathname);
const { values: opt } = parseArgs({
  options: {
    dist: { type: 'string', default: 'target/bench9-dist' },
    'no-build': { type: 'boolean', default: false },
    changes: { type: 'string', default: '48' },
    scales: { type: 'string', default: '1,10,100' },
    out: { type: 'string', default: 'target/bench/scale.json' },
    'no-trace': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    'wait-idle': { type: 'string', default: '0' },
    pause: { type: 'string', default: '0' },
    'trace-at': { type: 'string' },
  },
});
const dist = resolve(repo, opt.dist);
const out = resolve(repo, opt.out);
const changes = Number(opt.changes);
const pause = Number(opt.pause);
if (!(Number.isFinite(pause) && pause >= 0)) throw new Error('--pause takes milliseconds ≥ 0 (default 0)');
const scales = opt.scales.split(',').map((s) => Number(s.trim()));
if (!(Number.isInteger(changes) && changes >= 4)) throw new Error('--changes takes a whole number ≥ 4 (default 48)');
const traceAt = opt['trace-at'] === undefined ? scales[scales.length - 1] : Number(opt['trace-at']);
if (!scales.includes(traceAt)) throw new Error('--trace-at takes one of the --scales');
if (!scales.length || scales.some((s) => !(Number.isInteger(s) && s >= 1))) throw new Error('--scales takes whole numbers ≥ 1, e.g. 1,10,100');

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--enable-precise-memory-info'];
const VIEWPORT = { width: 1280, height: 900 };
const TARGET_P95 = { 1: 16, 10: 25, 100: 50 }; // ms, filter → all views updated
const TARGET_LONG_TASK = { 100: 200 }; // ms, longest task while loading
const SECTORS = ['media', 'rule-of-law', 'trafficking'];
const DATES = [['2006-09', '2006-09'], ['2006-03', '2006-05'], ['', '']]; // from, to ('' = any)
const WORDS = ['jury', 'media', '29 September'];
const MEASURES = ['people_trained', 'people_reached', 'organizations_reached', 'training_events', 'exchange_participants', 'activities'];
const REGIONS = ['results', 'sector-body', 'timeline-body', 'overview', 'filters', 'list', 'reader-text'];
const KINDS = ['sector', 'date', 'search', 'measure'];
// Alone, this benchmark keeps about 1.3 of 2 CPUs busy; more means another process competed.
const BUSY = 0.8;

const log = (...a) => { if (!opt.quiet) console.error('[scale]', ...a); };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- a quiet machine ----------------------------------------------------------------------------
function cpuTimes() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: f[3] + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
  } catch { return null; }
}
async function busyOver(ms) {
  const a = cpuTimes();
  await sleep(ms);
  const b = cpuTimes();
  if (!a || !b || b.total === a.total) return null;
  return 1 - (b.idle - a.idle) / (b.total - a.total);
}
async function waitIdle(seconds) {
  const until = Date.now() + seconds * 1000;
  let busy = await busyOver(2000);
  while (busy !== null && busy > 0.25 && Date.now() < until) {
    log(`waiting for an idle machine (CPUs ${Math.round(busy * 100)} % busy)`);
    busy = await busyOver(2000);
  }
  return busy;
}

// ---- build and serve ---------------------------------------------------------------------------
/** The commit the build is of, and whether the work tree had changes (the build includes them). */
function revision() {
  const git = (...a) => spawnSync('git', a, { cwd: repo, encoding: 'utf8' }).stdout?.trim() ?? '';
  return { commit: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain', '--', 'src', 'style', 'index.html', 'public', 'Cargo.toml', 'Cargo.lock') !== '' };
}

function build() {
  const rel = relative(repo, dist);
  if (rel === 'dist' || rel === '') { log('not building into dist/: serving it as it is'); return; }
  log(`building into ${rel} (DIST=${rel} bash .ci/build.sh)`);
  const env = { ...process.env, DIST: rel, PATH: `${join(repo, 'tests/node_modules/.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
  const r = spawnSync('bash', ['.ci/build.sh'], { cwd: repo, env, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`.ci/build.sh failed (exit ${r.status})`);
}

async function serve() {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no build in ${dist} (run without --no-build)`);
  return serveDist(dist);
}

// ---- the changes -------------------------------------------------------------------------------
/**
 * `n` changes cycling through the kinds, visit by visit, so that the view keeps changing between
 * broad and narrow instead of narrowing to nothing:
 * - sector: two toggles a visit, going round media, rule-of-law, trafficking (the selection goes
 *   {media, rule-of-law} → {rule-of-law, trafficking} → none → …);
 * - date: a from/to pair a visit: Sep→Sep, then Mar→May, then clear (both selects back to any);
 * - search: a word typed a keystroke at a time (each keystroke a change; the first replaces what
 *   is there), then cleared with one more keystroke; words: jury, media, 29 September;
 * - measure: two steps a visit round the measure select.
 */
function plan(n) {
  const steps = [];
  let sector = 0, date = 0, word = 0, measure = 0;
  const push = (s) => { if (steps.length < n) steps.push(s); };
  for (let visit = 0; steps.length < n; visit++) {
    const kind = KINDS[visit % KINDS.length];
    if (kind === 'sector') {
      for (let i = 0; i < 2; i++) {
        const s = SECTORS[sector++ % SECTORS.length];
        push({ kind, sector: s, label: `toggle ${s}` });
      }
    }
    if (kind === 'date') {
      const [from, to] = DATES[date++ % DATES.length];
      push({ kind, act: 'from', value: from, label: `from ${from || '(any)'}` });
      push({ kind, act: 'to', value: to, label: `to ${to || '(any)'}` });
    }
    if (kind === 'search') {
      const w = WORDS[word++ % WORDS.length];
      for (let i = 1; i <= w.length; i++) push({ kind, value: w.slice(0, i), label: `type "${w.slice(0, i)}"` });
      push({ kind, value: '', label: 'clear search' });
    }
    if (kind === 'measure') {
      for (let i = 0; i < 2; i++) {
        const m = MEASURES[measure++ % MEASURES.length];
        push({ kind, value: m, label: `measure ${m}` });
      }
    }
  }
  return steps;
}

// In the page: performs one change and times it until every view has updated.
async function runSteps({ steps, regions, marks = false, pause = 0 }) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const markup = () => regions.map((id) => document.getElementById(id)?.innerHTML ?? null);
  const act = (s) => {
    if (s.kind === 'sector') {
      const b = document.querySelector(`.sector-chart button[data-sector="${s.sector}"]`);
      if (!b) throw new Error(`no sector bar for ${s.sector}`);
      return () => b.click();
    }
    if (s.kind === 'date' || s.kind === 'measure') {
      const sel = s.kind === 'date' ? document.querySelector(`#filters select[name="${s.act}"]`)
        : document.querySelector('.sector-chart select[name="measure"]');
      if (!sel) throw new Error(`no ${s.kind === 'date' ? s.act : 'measure'} select`);
      if (![...sel.options].some((o) => o.value === s.value)) throw new Error(`no option ${s.value} in ${s.label}`);
      // What Playwright's selectOption does: set the value, then input and change events.
      return () => {
        sel.value = s.value;
        sel.dispatchEvent(new Event('input', { bubbles: true }));
        sel.dispatchEvent(new Event('change', { bubbles: true }));
      };
    }
    const box = document.querySelector('input#q');
    if (!box) throw new Error('no search box');
    return () => {
      box.value = s.value;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: s.value ? 'insertText' : 'deleteContentBackward', data: s.value.slice(-1) || null }));
    };
  };
  const results = [];
  await frame();
  for (const s of steps) {
    const before = location.search;
    const go = act(s);
    if (marks) performance.mark('kz-scale-start');
    const t0 = performance.now();
    go();
    // The app updates in microtasks; a macrotask later every view has updated.
    await new Promise((r) => setTimeout(r, 0));
    void document.body.offsetHeight; // include style and layout
    const ms = performance.now() - t0;
    if (marks) performance.mark('kz-scale-end');
    const count = document.querySelector('[data-testid="match-count"]')?.textContent ?? null;
    const at = markup();
    await frame();
    if (pause) await new Promise((r) => setTimeout(r, pause));
    if (marks) performance.mark('kz-scale-frame');
    const late = markup().map((h, i) => (h === at[i] ? null : regions[i])).filter(Boolean);
    results.push({ ...s, ms, before, after: location.search, count: count === null ? null : Number(count.replace(/\D/g, '')), late });
  }
  return results;
}

// ---- in the page, before its scripts: load milestones and long tasks ---------------------------
function probe(expected) {
  const m = { painted: null, live: null, chart: null, all: null, longTasks: [], lastMutation: 0 };
  window.__scale = m;
  new PerformanceObserver((l) => l.getEntries().forEach((e) => m.longTasks.push([e.startTime, e.duration])))
    .observe({ type: 'longtask', buffered: true });
  const boxed = (el) => { if (!el) return false; const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  const numbers = () => {
    const bars = document.querySelectorAll('.sector-chart button.bar-hit[data-sector]');
    if (!bars.length) return false;
    for (const b of bars) {
      const v = b.querySelector('.bar-value');
      if (!v || Number(v.textContent.replace(/\D/g, '')) !== (expected[b.getAttribute('data-sector')] ?? 0)) return false;
    }
    return true;
  };
  let asked = false;
  function frame() {
    asked = false;
    const now = performance.now();
    const live = document.documentElement.dataset.state === 'live';
    if (m.painted === null && boxed(document.querySelector('.sector-chart .bar-hit'))) m.painted = now;
    if (m.live === null && live) m.live = now;
    if (m.chart === null && live && (expected === null || numbers())) m.chart = now;
    const listed = document.querySelector('#list .activity-card') ||
      document.querySelector('[data-testid="match-count"]')?.textContent.trim() === '0';
    if (m.all === null && m.chart !== null && document.querySelector('#filters select[name="from"]') &&
      listed && document.getElementById('reader-text')?.childElementCount) m.all = now;
    if (m.all === null) ask();
  }
  function ask() { if (!asked) { asked = true; requestAnimationFrame(frame); } }
  new MutationObserver(() => { m.lastMutation = performance.now(); ask(); })
    .observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

// ---- the dataset served ----------------------------------------------------------------------
/** The build's own dataset (dist/data), which the synthetic ones are copies of. */
let built = null;
function builtText() {
  built ??= readFileSync(join(dist, 'data/kazakhstan-2006.json'), 'utf8');
  return built;
}
/** The dataset served at `times`: at 1× the build's file byte for byte (the app compares a
 * fingerprint of the file's text with the one the page was pre-painted for), else `times` copies. */
function dataset(times) {
  return { d: synthetic(times, JSON.parse(builtText())), body: times === 1 ? builtText() : null };
}
function dataBody({ d, body }) {
  return body ?? JSON.stringify(d);
}

// ---- one scale ---------------------------------------------------------------------------------
function perSector(d) {
  const c = {};
  for (const a of d.activities) c[a.sector] = (c[a.sector] ?? 0) + 1;
  return c;
}

async function memory(page, cdp) {
  const read = () => page.evaluate(() => ({
    heap: performance.memory?.usedJSHeapSize ?? null,
    wasm: window.kzWasm?.memory?.buffer?.byteLength ?? null,
  }));
  const raw = await read();
  await cdp.send('HeapProfiler.collectGarbage');
  const gc = await read();
  return { heap: raw.heap, heapAfterGC: gc.heap, wasm: gc.wasm };
}

/** Opens the app at `path` on dataset `body`; resolves once every region is painted and quiet. */
async function open(context, url, body, expected) {
  await context.addInitScript(probe, expected);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  await page.route('**/data/kazakhstan-2006.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  const t = Date.now();
  for (;;) {
    await sleep(100);
    const s = await page.evaluate(() => {
      const m = window.__scale;
      const lastLong = m.longTasks.reduce((x, [a, b]) => Math.max(x, a + b), 0);
      return { all: m.all, now: performance.now(), quietFrom: Math.max(m.lastMutation, lastLong, m.all ?? 0) };
    });
    if (s.all !== null && s.now - s.quietFrom >= 1000) break;
    if (Date.now() - t > 120_000) throw new Error(`the app did not show every region within 120 s${errors.length ? `; errors: ${errors.join(' | ')}` : ''}`);
  }
  if (errors.length) throw new Error(`page errors while loading: ${errors.join(' | ')}`);
  return { page, errors };
}

async function runScale(browser, url, times, steps) {
  const served = dataset(times);
  const { d } = served;
  const body = dataBody(served);
  const expected = perSector(d);
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    const { page, errors } = await open(context, url, body, expected);
    const cdp = await context.newCDPSession(page);
    const load = await page.evaluate(() => {
      const m = window.__scale;
      const data = performance.getEntriesByType('resource').find((e) => e.name.includes('/data/kazakhstan-2006.json'));
      return { painted: m.painted, live: m.live, chart: m.chart, all: m.all, data: data ? data.responseEnd : null, longTasks: m.longTasks };
    });
    const title = await page.evaluate(() => document.title);
    const memLoad = await memory(page, cdp);
    const results = await page.evaluate(runSteps, { steps, regions: REGIONS, pause });
    const memAfter = await memory(page, cdp);
    if (errors.length) throw new Error(`page errors during the changes: ${errors.join(' | ')}`);
    await context.close();
    return {
      times, activities: d.activities.length, events: d.events.length, bytes: Buffer.byteLength(body), title,
      load: { ...load, longest: load.longTasks.reduce((x, [, dur]) => Math.max(x, dur), 0) || null },
      memory: { load: memLoad, after: memAfter },
      changes: results,
    };
  } catch (e) {
    await context.close().catch(() => {});
    throw e;
  }
}

// ---- statistics --------------------------------------------------------------------------------
function stats(xs) {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!s.length) return { n: 0, median: null, p95: null, max: null, mean: null };
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  const p95 = s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; // nearest rank
  return { n: s.length, median, p95, max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
}

function summarise(r) {
  const all = stats(r.changes.map((c) => c.ms));
  const byKind = Object.fromEntries(KINDS.map((k) => {
    const cs = r.changes.filter((c) => c.kind === k);
    return [k, { ...stats(cs.map((c) => c.ms)), shown: stats(cs.map((c) => c.count)).mean }];
  }));
  return {
    all, byKind,
    shown: stats(r.changes.map((c) => c.count)).mean,
    late: r.changes.filter((c) => c.late.length).map((c) => ({ label: c.label, regions: c.late })),
    unchanged: r.changes.filter((c) => c.before === c.after).map((c) => c.label),
  };
}

function growth(results) {
  const base = results.find((r) => r.times === 1);
  if (!base) return [];
  return results.filter((r) => r.times !== 1).map((r) => {
    const ratio = (a, b) => (a && b ? a / b : null);
    const t = { median: ratio(r.summary.all.median, base.summary.all.median), p95: ratio(r.summary.all.p95, base.summary.all.p95) };
    const shown = ratio(r.summary.shown, base.summary.shown);
    const byKind = Object.fromEntries(KINDS.map((k) => [k, {
      median: ratio(r.summary.byKind[k].median, base.summary.byKind[k].median),
      p95: ratio(r.summary.byKind[k].p95, base.summary.byKind[k].p95),
      shown: ratio(r.summary.byKind[k].shown, base.summary.byKind[k].shown),
    }]));
    const atMostLinear = t.median !== null && t.p95 !== null && shown !== null && t.median <= shown && t.p95 <= shown;
    return { times: r.times, median: t.median, p95: t.p95, shown, data: r.times, atMostLinear, byKind };
  });
}

// ---- trace and profile of one slow change -------------------------------------------------------
const CATEGORY = [
  ['scripting', /^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|RunMicrotasks|v8\.|V8\.|EvaluateScript|v8\.evaluateModule|MinorGC|MajorGC|BlinkGC|GCEvent|CppGC|XHRReadyStateChange|FireIdleCallback|HandlePostMessage|ParseFragment|js)/],
  ['parse HTML', /^(ParseHTML)$/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|InvalidateLayout|ScheduleStyleRecalculation|StyleInvalidatorInvalidationTracking)$/],
  ['layout', /^(Layout|UpdateLayout|LayoutInvalidationTracking|LocalFrameView::layout)$/],
  ['paint & composite', /^(Paint|PrePaint|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|PaintImage|Decode Image|PaintSetup|RasterTask|Screenshot)$/],
];
function category(name) {
  for (const [c, re] of CATEGORY) if (re.test(name)) return c;
  return 'other';
}

/** Self time on the renderer's main thread, by category and by event name, inside [from, to] (µs). */
function traceBreakdown(trace, fromMark, toMark) {
  const events = trace.traceEvents;
  const mark = (name) => events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'));
  const a = mark(fromMark), b = mark(toMark);
  if (!a || !b) return null;
  const pid = a.pid;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  const tid = main ? main.tid : a.tid;
  const from = a.ts, to = b.ts;
  // Complete events and begin/end pairs on that thread, as [start, end, name].
  const spans = [];
  const open = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X' && e.dur !== undefined) spans.push([e.ts, e.ts + e.dur, e.name]);
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') { const s = open.pop(); if (s) spans.push([s.ts, e.ts, s.name]); }
  }
  const inside = spans.map(([s, e, n]) => [Math.max(s, from), Math.min(e, to), n]).filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0] || (y[1] - y[0]) - (x[1] - x[0]));
  // Self time: each span's length minus its direct children's (spans nest on one thread).
  const self = new Map();
  const stack = [];
  const add = (name, us) => self.set(name, (self.get(name) ?? 0) + us);
  for (const sp of inside) {
    while (stack.length && stack[stack.length - 1].end <= sp[0]) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && sp[1] > parent.end) sp[1] = parent.end; // overlapping, not nested: clip
    if (parent) add(parent.name, -(sp[1] - sp[0]));
    add(sp[2], sp[1] - sp[0]);
    stack.push({ end: sp[1], name: sp[2] });
  }
  const byName = [...self.entries()].filter(([, us]) => us > 0).sort((x, y) => y[1] - x[1]);
  const byCategory = {};
  let total = 0;
  for (const [n, us] of byName) { byCategory[category(n)] = (byCategory[category(n)] ?? 0) + us / 1000; total += us / 1000; }
  return {
    windowMs: (to - from) / 1000, busyMs: total,
    idleMs: (to - from) / 1000 - total,
    byCategory, top: byName.slice(0, 15).map(([n, us]) => [n, us / 1000]),
  };
}

/** Self time by code from the trace's V8 CPU profile samples inside [from, to] marks: wasm, the
 * wasm-bindgen glue (its time includes the DOM calls it makes), boot.js (kzMorph: template parse
 * and DOM patch), the harness (timer, forced layout), GC, and native work outside JS ("program":
 * style, layout, paint, event dispatch). */
function profileBreakdown(trace, fromMark, toMark, glueName) {
  const events = trace.traceEvents;
  const mark = (name) => events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'));
  const a = mark(fromMark), b = mark(toMark);
  if (!a || !b) return null;
  const nodes = new Map();
  const profiles = new Map(); // id → { pid, tid, time, samples: [[ts, node]] }
  for (const e of events) {
    if (e.name === 'Profile' && e.pid === a.pid) profiles.set(e.id, { tid: e.tid, time: e.args.data.startTime, samples: [] });
    if (e.name !== 'ProfileChunk' || e.pid !== a.pid) continue;
    const p = profiles.get(e.id);
    if (!p) continue;
    const cp = e.args.data.cpuProfile ?? {};
    for (const n of cp.nodes ?? []) nodes.set(`${e.id}:${n.id}`, n);
    const deltas = e.args.data.timeDeltas ?? [];
    (cp.samples ?? []).forEach((id, i) => { p.time += deltas[i] ?? 0; p.samples.push([p.time, `${e.id}:${id}`]); });
  }
  // A node's bucket; a browser function (no URL: removeChild, innerHTML, pushState, decode…)
  // goes with whoever called it.
  const memo = new Map();
  const bucket = (key) => {
    if (memo.has(key)) return memo.get(key);
    const n = nodes.get(key);
    const cf = n?.callFrame ?? {};
    const url = cf.url ?? '', fn = cf.functionName ?? '';
    const parentKey = n?.parent === undefined ? null : `${key.split(':')[0]}:${n.parent}`;
    let k;
    if (url.startsWith('wasm://') || url.endsWith('.wasm') || /^\$?(func|wasm-function)/.test(fn) || cf.codeType === 'wasm' || fn === 'js-to-wasm') k = 'wasm';
    else if (fn === '(garbage collector)') k = 'GC';
    else if (fn === '(idle)') k = 'idle';
    else if (fn === '(program)' || fn === '(root)') k = 'native outside JS';
    else if (url.includes(glueName) || fn === 'wasm-to-js') k = 'glue JS';
    else if (url.includes('boot')) k = 'kzMorph JS';
    else if (url) k = 'other JS';
    else {
      const pk = parentKey && nodes.has(parentKey) ? bucket(parentKey) : 'native outside JS';
      k = pk === 'native outside JS' ? 'harness (dispatch, forced style + layout)'
        : pk === 'glue JS' || pk === 'wasm' ? 'DOM calls from the glue'
          : pk === 'kzMorph JS' ? 'DOM calls from kzMorph (parse, patch)' : pk;
    }
    memo.set(key, k);
    return k;
  };
  const byBucket = {};
  const wasmFns = new Map();
  for (const p of profiles.values()) {
    // Deltas may be negative (samples arrive out of order): order by time, as DevTools does.
    const xs = p.samples.sort((x, y) => x[0] - y[0]);
    for (let i = 0; i + 1 < xs.length; i++) {
      const [t, id] = xs[i];
      const dt = Math.min(xs[i + 1][0], b.ts) - Math.max(t, a.ts);
      if (dt <= 0) continue;
      const n = nodes.get(id);
      if (!n) continue;
      const k = bucket(id);
      byBucket[k] = (byBucket[k] ?? 0) + dt / 1000;
      if (k === 'wasm') wasmFns.set(n.callFrame.functionName, (wasmFns.get(n.callFrame.functionName) ?? 0) + dt / 1000);

    }
  }
  if (!Object.keys(byBucket).length) return null;
  const inWindow = [...profiles.values()].flatMap((p) => p.samples.map(([t]) => t)).filter((t) => t >= a.ts && t <= b.ts);
  const interval = inWindow.length > 1 ? (Math.max(...inWindow) - Math.min(...inWindow)) / (inWindow.length - 1) : null;
  return { byBucket, intervalUs: interval, topWasm: [...wasmFns.entries()].sort((x, y) => y[1] - x[1]).slice(0, 8) };
}

// In the page: goes back to the view `before` (as Back would: the URL, then popstate) and waits
// until it is painted; says whether the results region is as it was.
async function restore({ before, results }) {
  history.pushState(null, '', before || location.pathname);
  dispatchEvent(new PopStateEvent('popstate', { state: null }));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  await new Promise((r) => setTimeout(r, 50));
  return location.search === before && document.getElementById('results')?.innerHTML === results;
}

async function traceOne(browser, url, times, step, traceFile) {
  const body = dataBody(dataset(times));
  const glue = (await (await fetch(url)).text()).match(/kz-explorer-[0-9a-f]+\.js/)?.[0] ?? 'kz-explorer';
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    // A deep link: its chart is of the filtered view, so only "live and every region painted".
    const { page } = await open(context, new URL(step.before || '', url).href, body, null);
    const cdp = await context.newCDPSession(page);
    const results = await page.evaluate(() => document.getElementById('results')?.innerHTML);
    const once = async () => (await page.evaluate(runSteps, { steps: [step], regions: REGIONS, marks: true }))[0];
    const back = async () => {
      if (!(await page.evaluate(restore, { before: step.before, results }))) log('note: going back did not restore the view exactly');
    };
    // Warm up (the first change in a fresh page pays for lazy compilation), then trace twice:
    // the timeline alone (its times are close to the untraced ones), then with V8's sampler.
    const warm = [];
    for (let i = 0; i < 3; i++) { warm.push((await once()).ms); await back(); }
    await cdp.send('HeapProfiler.collectGarbage');
    const timeline = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
      'toplevel', 'blink.user_timing', 'v8.execute', 'disabled-by-default-v8.gc'];
    const traced = async (file, categories) => {
      await browser.startTracing(page, { path: file, screenshots: false, categories });
      const r = await once();
      const trace = JSON.parse((await browser.stopTracing()).toString());
      await back();
      return { r, trace };
    };
    const t1 = await traced(traceFile, timeline);
    const t2 = await traced(traceFile.replace(/\.json$/, '-profile.json'), [...timeline, 'disabled-by-default-v8.cpu_profiler']);
    await context.close();
    return {
      step: { kind: step.kind, label: step.label, before: step.before }, measuredMs: step.ms, warmUpMs: warm,
      tracedMs: t1.r.ms, profiledMs: t2.r.ms,
      // The timed part (action → timer + forced layout) and the frame after it (its paint).
      trace: traceBreakdown(t1.trace, 'kz-scale-start', 'kz-scale-end'),
      frame: traceBreakdown(t1.trace, 'kz-scale-end', 'kz-scale-frame'),
      profile: profileBreakdown(t2.trace, 'kz-scale-start', 'kz-scale-end', glue),
      traceFile,
    };
  } catch (e) {
    await context.close().catch(() => {});
    throw e;
  }
}

// ---- the report --------------------------------------------------------------------------------
const f1 = (x) => (x == null ? '–' : x.toFixed(1));
const f0 = (x) => (x == null ? '–' : String(Math.round(x)));
const mib = (b) => (b == null ? '–' : (b / 1048576).toFixed(1));
const ratio = (x) => (x == null ? '–' : `${x.toFixed(2)}×`);
const pad = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
const met = (v, limit) => (limit == null || v == null ? '' : v <= limit ? 'met' : 'MISSED');

function table(res) {
  const L = [];
  const say = (s = '') => L.push(s);
  say(`Scale benchmark of ${relative(repo, res.dist) || '.'} (${res.revision.built ? 'built now from' : 'an existing build; HEAD is'} ${res.revision.commit}` +
    `${res.revision.dirty ? ' + uncommitted changes' : ''}) — Chromium ${res.chromium}, headless, ${VIEWPORT.width}×${VIEWPORT.height}, no throttling, ${res.date}`);
  say(`CPUs ${res.load.busyBefore == null ? '?' : Math.round(res.load.busyBefore * 100)} % busy just before; load average ${res.load.before.map((x) => x.toFixed(1)).join(' ')} at the start, ${res.load.after.map((x) => x.toFixed(1)).join(' ')} at the end (${res.load.cpus} CPUs)` +
    ((res.load.busyBefore ?? (res.load.before[0] / res.load.cpus)) > 0.25 ? ' — BUSY machine: expect noise' : ''));
  say(`${res.changes} changes per scale (sector toggles, date selects, search keystrokes, measure select), ${res.pause ? `${res.pause} ms apart` : 'each a frame after the last'}; times in ms from navigation start / from the action`);
  say();
  const w = [6, 8, 8, 7, 7, 7, 7, 7, 13, 7, 7, 7, 10, 11, 11];
  say(pad(['scale', 'activ.', 'data', 'painted', 'live', 'chart', 'all', 'longest', 'target', 'median', 'p95', 'max', 'p95 target', 'heap MiB', 'wasm MiB'], w));
  for (const r of res.results) {
    const t = TARGET_P95[r.times], lt = TARGET_LONG_TASK[r.times];
    const longest = r.load.longest == null ? '<50' : f0(r.load.longest);
    say(pad([`${r.times}×${r.cpuBusy > BUSY ? '*' : ''}`, r.activities, `${(r.bytes / 1024).toFixed(0)} KiB`, f0(r.load.painted), f0(r.load.live), f0(r.load.chart), f0(r.load.all),
      longest, lt ? `≤${lt} ${met(r.load.longest ?? 0, lt)}` : '',
      f1(r.summary.all.median), f1(r.summary.all.p95), f1(r.summary.all.max), t ? `≤${t} ${met(r.summary.all.p95, t)}` : '',
      `${mib(r.memory.load.heap)}→${mib(r.memory.after.heap)}`, `${mib(r.memory.load.wasm)}→${mib(r.memory.after.wasm)}`], w));
  }
  say('  painted: pre-painted chart on screen (bundled numbers) · live: app took over · chart: live and showing this dataset\'s numbers ·');
  say('  all: filter form, list and report painted too · longest: longest main-thread task while loading (long tasks ≥ 50 ms) ·');
  say(`  CPUs busy during each scale (this benchmark's browser included; ${res.load.cpus} CPUs): ` +
    res.results.map((r) => `${r.times}× ${r.cpuBusy == null ? '?' : Math.round(r.cpuBusy * 100)} %`).join(', ') +
    (res.results.some((r) => r.cpuBusy > BUSY) ? ` — * over ${BUSY * 100} %: something else was running, those figures are skewed` : ''));
  say('  heap: usedJSHeapSize after load → after the changes (after a forced GC: ' +
    res.results.map((r) => `${r.times}× ${mib(r.memory.load.heapAfterGC)}→${mib(r.memory.after.heapAfterGC)}`).join(', ') + ')');
  say();
  say('Per kind of change: median / p95 / max ms (n), mean activities shown');
  const wk = [6, 30, 30, 30, 30];
  say(pad(['scale', ...KINDS], wk));
  for (const r of res.results) {
    say(pad([`${r.times}×`, ...KINDS.map((k) => {
      const s = r.summary.byKind[k];
      return `${f1(s.median)} / ${f1(s.p95)} / ${f1(s.max)} (${s.n}) ${f0(s.shown)}`;
    })], wk));
  }
  const g = res.growth;
  if (g.length) {
    say();
    say('Growth against 1× (time ratio vs ratio of activities shown; at most linear when time ratio ≤ activities ratio)');
    for (const x of g) {
      say(`  ${x.times}×/1×: median ${ratio(x.median)}, p95 ${ratio(x.p95)}; activities shown ${ratio(x.shown)} (data ${x.data}×) → ` +
        `${x.atMostLinear ? 'at most linear' : 'MORE than linear'}; by kind (median): ` +
        KINDS.map((k) => `${k} ${ratio(x.byKind[k].median)}`).join(', '));
    }
  }
  for (const r of res.results) {
    if (r.summary.late.length) say(`  ${r.times}×: ${r.summary.late.length} change(s) still changed markup a frame later: ${r.summary.late.map((l) => `${l.label} [${l.regions.join(',')}]`).join('; ')}`);
  }
  const slow = res.results.map((r) => {
    const s = [...r.changes].sort((a, b) => b.ms - a.ms).slice(0, 3);
    return `${r.times}×: ${s.map((c) => `${c.label} ${f1(c.ms)}`).join(', ')}`;
  });
  say(`Slowest changes — ${slow.join(' · ')}`);
  say(`Changes that left the URL as it was (e.g. a typed space; the search is trimmed): ` +
    res.results.map((r) => `${r.times}× ${r.summary.unchanged.length}${r.summary.unchanged.length ? ` (${[...new Set(r.summary.unchanged)].join(', ')})` : ''}`).join(', '));
  for (const t of res.traces ?? []) {
    say();
    say(`Trace of "${t.step.label}" (${t.step.kind}; ${t.why}) at ${t.times}×, replayed from ?${t.step.before.replace(/^\?/, '')}: ` +
      `${f1(t.measuredMs)} ms in the run; replayed ${t.warmUpMs.map(f1).join(', ')} ms (warm-up), ${f1(t.tracedMs)} ms traced, ${f1(t.profiledMs)} ms traced with V8's sampler`);
    if (t.trace) {
      say(`  main thread, action → timer + forced layout (${f1(t.trace.windowMs)} ms window): ` +
        Object.entries(t.trace.byCategory).sort((a, b) => b[1] - a[1]).map(([c, ms]) => `${c} ${f1(ms)}`).join(', '));
      say(`  top events (self ms): ${t.trace.top.slice(0, 8).map(([n, ms]) => `${n} ${f1(ms)}`).join(', ')}`);
    }
    if (t.frame) {
      say(`  then until the next frame's timer (${f1(t.frame.windowMs)} ms; rendering the update): ` +
        Object.entries(t.frame.byCategory).sort((a, b) => b[1] - a[1]).map(([c, ms]) => `${c} ${f1(ms)}`).join(', '));
    }
    if (t.profile) say(`  V8 samples in the same window, second trace (every ${f0(t.profile.intervalUs)} µs; self ms): ${Object.entries(t.profile.byBucket).sort((a, b) => b[1] - a[1]).map(([c, ms]) => `${c} ${f1(ms)}`).join(', ')}`);
    if (t.profile?.topWasm.length) say(`  top wasm functions: ${t.profile.topWasm.map(([n, ms]) => `${n || '?'} ${f1(ms)}`).join(', ')}`);
    say(`  trace files: ${relative(repo, t.traceFile)} and ${relative(repo, t.traceFile.replace(/\.json$/, '-profile.json'))}`);
  }
  return L.join('\n');
}

// ---- main --------------------------------------------------------------------------------------
async function main() {
  const rev = revision();
  if (!opt['no-build']) build();
  const { proc, url } = await serve();
  let browser;
  const stop = () => { try { proc.kill(); } catch { /* gone */ } };
  process.on('SIGINT', () => { stop(); process.exit(130); });
  try {
    const busyBefore = await waitIdle(Number(opt['wait-idle']) || 0);
    const loadBefore = loadavg();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    const steps = plan(changes);
    const results = [];
    for (const times of scales) {
      log(`${times}×: loading and ${steps.length} changes`);
      const c0 = cpuTimes();
      const r = await runScale(browser, url, times, steps);
      const c1 = cpuTimes();
      r.cpuBusy = c0 && c1 && c1.total > c0.total ? 1 - (c1.idle - c0.idle) / (c1.total - c0.total) : null; // ours included
      r.summary = summarise(r);
      log(`${times}×: chart ${f0(r.load.chart)} ms, longest task ${r.load.longest == null ? '<50' : f0(r.load.longest)} ms, changes median ${f1(r.summary.all.median)} p95 ${f1(r.summary.all.p95)} ms`);
      results.push(r);
    }
    const res = {
      revision: { ...rev, built: !opt['no-build'] },
      load: { before: loadBefore, after: loadavg(), cpus: cpus().length, busyBefore },
      date: new Date().toISOString(), dist, chromium: browser.version(), flags: FLAGS, viewport: VIEWPORT, changes: steps.length, pause,
      targets: { p95: TARGET_P95, longestLoadingTask: TARGET_LONG_TASK }, results, growth: growth(results),
      contended: results.filter((r) => r.cpuBusy > BUSY).map((r) => r.times),
    };
    if (!opt['no-trace']) {
      // The slowest change of the slowest kind (by median), and the slowest change of all if it
      // is another one.
      const at = results.find((r) => r.times === traceAt);
      const kind = KINDS.map((k) => [k, at.summary.byKind[k].median ?? 0]).sort((a, b) => b[1] - a[1])[0][0];
      const picks = [[at.changes.filter((c) => c.kind === kind).sort((a, b) => b.ms - a.ms)[0], `the slowest ${kind} change; ${kind} has the highest median`]];
      const worst = [...at.changes].sort((a, b) => b.ms - a.ms)[0];
      if (worst !== picks[0][0]) picks.push([worst, 'the slowest change of all']);
      mkdirSync(dirname(out), { recursive: true });
      res.traces = [];
      for (const [i, [step, why]] of picks.entries()) {
        log(`tracing "${step.label}" at ${at.times}×`);
        const file = `${out.replace(/\.json$/, '')}-trace${i ? i + 1 : ''}.json`;
        res.traces.push({ times: at.times, why, ...(await traceOne(browser, url, at.times, step, file)) });
      }
    }
    const text = table(res);
    console.log(text);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify({ ...res, table: text }, null, 1));
    log(`wrote ${relative(repo, out)}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    stop();
  }
}

export { plan, profileBreakdown, traceBreakdown, stats };
if (process.argv[1] && resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  main().catch((e) => { console.error('[scale] failed:', e.stack || e.message || e); process.exitCode = 1; });
}
