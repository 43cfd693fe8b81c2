// Shared helpers: the bundled dataset as the oracle, and waiting for the app.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

export const dataset = JSON.parse(
  readFileSync(new URL('../../public/data/kazakhstan-2006.json', import.meta.url), 'utf8'));
export const DATA_URL = '**/data/kazakhstan-2006.json';

/** Opens a view and waits until the app has taken over the pre-painted page. */
export async function open(page, path = '/') {
  await page.goto(path);
  await live(page);
}

/** Waits until the app has taken over the pre-painted page (its data loaded and bound). */
export async function live(page) {
  await expect(page.locator('html[data-state="live"]')).toHaveCount(1, { timeout: 20_000 });
}

/** The number the match counter shows. */
export async function matchCount(page) {
  return Number(await page.getByTestId('match-count').textContent());
}

/** Collects console errors and uncaught exceptions for the page's lifetime. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** The same report with every activity, event and outcome copied `times` times under new ids. */
export function scaledDataset(times) {
  const d = structuredClone(dataset);
  d.activities = []; d.events = []; d.outcomes = [];
  for (let k = 0; k < times; k++) {
    for (const a of dataset.activities) {
      const c = structuredClone(a);
      c.id = `${a.id}-${k}`;
      c.metrics.forEach((m) => { m.id = `${m.id}-${k}`; });
      d.activities.push(c);
    }
    for (const e of dataset.events) d.events.push({ ...structuredClone(e), id: `${e.id}-${k}`, activity: `${e.activity}-${k}` });
    for (const o of dataset.outcomes) d.outcomes.push({ ...structuredClone(o), id: `${o.id}-${k}`, activities: o.activities.map((a) => `${a}-${k}`) });
  }
  return d;
}

/** WCAG contrast of two CSS colours given as `rgb(…)`/`rgba(…)`. */
export function contrast(a, b) {
  const lum = (s) => {
    const [r, g, bl] = s.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
      const x = c / 255;
      return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
