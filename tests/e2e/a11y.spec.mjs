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
  'embed: chart': '/?embed=chart&embed_id=a',
  'embed: timeline': '/?embed=timeline',
  'embed: activity': '/?embed=activity&activity=kz2006-a15',
  'what came of it, a result chosen': '/?result=achieved,partly&sector=rule-of-law',
  'embed: outcomes': '/?embed=outcomes&embed_id=o',
};

for (const scheme of ['light', 'dark']) {
  for (const [name, path] of Object.entries(views)) {
    test(`axe finds nothing: ${name}, ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      if (path.includes('embed=')) {
        await page.goto(path);
        await expect(page.locator('main.embed')).toBeVisible();
      } else {
        await open(page, path);
      }
      if (path.includes('result=') || path.includes('embed=outcomes')) {
        await expect(page.locator('#outcomes .pair').first()).toBeVisible();
      }
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
      expect(summary).toEqual([]);
    });
  }
}
