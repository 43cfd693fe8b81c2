// The first-load size budget: gzip -9 of the built index.html + .js + .wasm + .css, read from the
// .gz copies that .ci/build.sh writes with `gzip -9 -n` (what a static host would send).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

/** The one place the budget is written, in KiB (1024 bytes), gzip -9. Measured 2026-11-26:
 * 246.4 KiB; 10 % over that would pass the 250 KiB ceiling, so the budget is the ceiling. */
export const BUDGET_KIB = 250;

const dist = new URL('../dist/', import.meta.url);
// The page and the hashed glue, wasm and stylesheet it loads (not the service worker or the
// partner script, which the first paint does not wait for).
const assets = readdirSync(dist).filter((f) => f === 'index.html' || /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(f));

test('the first load fits the size budget', () => {
  let total = 0;
  for (const f of assets) {
    const raw = readFileSync(new URL(f, dist));
    const gz = readFileSync(new URL(`${f}.gz`, dist)).length;
    total += gz;
    console.log(`${f.padEnd(44)} ${String(raw.length).padStart(8)} B raw ${String(gz).padStart(8)} B gzip`);
  }
  console.log(`total ${(total / 1024).toFixed(1)} KiB gzip; budget ${BUDGET_KIB} KiB`);
  assert.ok(assets.some((f) => f.endsWith('.wasm')) && assets.some((f) => f.endsWith('.js')), 'dist/ has no build');
  assert.ok(total <= BUDGET_KIB * 1024, `first load is ${(total / 1024).toFixed(1)} KiB gzip, over the ${BUDGET_KIB} KiB budget`);
});

test('every asset has precompressed copies beside it', () => {
  const all = readdirSync(dist);
  for (const f of assets) {
    assert.ok(all.includes(`${f}.gz`), `${f}.gz missing`);
    assert.ok(all.includes(`${f}.br`), `${f}.br missing`);
  }
});
