// axe-core on every view, in both themes.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open } from './helpers.mjs';

const views = {
  overview: '/',
  filtered: '/?sector=media&q=journalists',
  'activity open': '/?activity=kz2006-a15',
  'chart as table': '/?table=1&measure=people_trained',
  'date range': '/?from=2006-03&to=2006-06',
};

for (const scheme of ['light', 'dark']) {
  for (const [name, path] of Object.entries(views)) {
    test(`axe finds nothing: ${name}, ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, path);
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
      expect(summary).toEqual([]);
    });
  }
}
