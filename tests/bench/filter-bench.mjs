// Benchmark (not a test): how long a filter change takes to update every view, in Chromium, on
// the bundled data and on a synthetic dataset 100 times its size. Prints figures; asserts nothing.
// Usage (after a release build): node tests/bench/filter-bench.mjs [runs]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { scaledDataset, dataset as base } from '../e2e/helpers.mjs';

const runs = Number(process.argv[2] ?? 30);
const port = 4390;
const here = new URL('.', import.meta.url);
const server = spawn('node', [new URL('../server.mjs', here).pathname, String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

const scaled = (times) => JSON.stringify(scaledDataset(times));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});

async function measure(label, body) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  if (body) await page.route('**/data/kazakhstan-2006.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('html[data-state="live"]').waitFor({ state: 'attached', timeout: 60_000 });
  const times = await page.evaluate(async (runs) => {
    const out = [];
    const sectors = ['media', 'rule-of-law', 'trafficking'];
    for (let i = 0; i < runs; i++) {
      const btn = document.querySelector(`.sector-chart button[data-sector="${sectors[i % 3]}"]`);
      const t0 = performance.now();
      btn.click();
      // Leptos runs its effects in microtasks; a macrotask later every view has updated.
      await new Promise((r) => setTimeout(r, 0));
      void document.body.offsetHeight; // include style and layout
      out.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, runs);
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  const n = await page.getByTestId('match-count').textContent();
  console.log(`${label.padEnd(30)} runs ${runs}  median ${q(0.5)} ms  p90 ${q(0.9)} ms  max ${q(1)} ms  (last view: ${n} activities)`);
  await page.close();
}

await measure(`bundled (${base.activities.length} activities)`);
await measure(`100× (${base.activities.length * 100} activities)`, scaled(100));
await browser.close();
server.kill();
