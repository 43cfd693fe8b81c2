// The first-load size budget: gzip -9 of the built index.html + .js + .wasm + .css, read from the
// .gz copies that .ci/build.sh writes with `gzip -9 -n` (what a static host would send).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

/** The one place the budget is written, in KiB (1024 bytes), gzip -9. Measured 2026-11-26:
 * 246.4 KiB; 10 % over that would pass the 250 KiB ceiling, so the budget is the ceiling. */
export const BUDGET_KIB = 250;

const dist = new URL('../dist/', import.meta.url);
// The page and the glue, wasm and stylesheet its tags load (not the service worker or the
// partner script, which the first paint does not wait for).
const html = readFileSync(new URL('index.html', dist), 'utf8');
const linked = [...html.matchAll(/(?:href|src)="\/?([^"?#]+\.(?:js|wasm|css))"/g)].map((m) => m[1].replace(/^.*\//, ''));
const assets = ['index.html', ...new Set(linked)].filter((f) => readdirSync(dist).includes(f));

test('the first load fits the size budget', () => {
  let total = 0;
  for (const f of assets) {
    const raw = readFileSync(new URL(f, dist));
    const gz = readFileSync(new URL(`${f}.gz`, dist)).length;
    total += gz;
    console.log(`${f.padEnd(44)} ${String(raw.length).padStart(8)} B raw ${String(gz).padStart(8)} B gzip`);
  }
  console.log(`total ${(total / 1024).toFixed(1)} KiB gzip; budget ${BUDGET_KIB} KiB`);
  for (const ext of ['.wasm', '.js', '.css']) assert.ok(assets.some((f) => f.endsWith(ext)), `index.html loads no ${ext}`);
  assert.ok(total <= BUDGET_KIB * 1024, `first load is ${(total / 1024).toFixed(1)} KiB gzip, over the ${BUDGET_KIB} KiB budget`);
});

test('every asset has precompressed copies beside it', () => {
  const all = readdirSync(dist);
  for (const f of assets) {
    assert.ok(all.includes(`${f}.gz`), `${f}.gz missing`);
    assert.ok(all.includes(`${f}.br`), `${f}.br missing`);
  }
});
