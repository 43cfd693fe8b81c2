// "What came of it": the counts by result class add up to the activities in view, a class is a
// filter in the URL (Back and Forward follow it), an outcome opens its activity, the timeline
// marks the dated outcome, the exports carry outcomes, the embed works on another origin and
// sizes itself, and the citations the dialog writes parse in a reference manager's parser.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { dataset, open, matchCount, collectErrors } from './helpers.mjs';

const classOf = (id) => dataset.outcomes.find((o) => o.activities.includes(id))?.result ?? 'not_reported';
const inView = (sector) => dataset.activities.filter((a) => !sector || a.sector === sector);

/** The six counts the view shows, by class id. */
async function counts(page) {
  const chips = page.locator('#outcomes .result-chip');
  await expect(chips).toHaveCount(6);
  const out = {};
  for (const chip of await chips.all()) {
    out[await chip.getAttribute('data-result')] = Number(await chip.locator('.n').textContent());
  }
  return out;
}

for (const sector of ['', 'rule-of-law', 'media']) {
  test(`the counts by result class add up to the activities in view${sector ? ` (${sector})` : ''}`, async ({ page }) => {
    const errors = collectErrors(page);
    await open(page, sector ? `/?sector=${sector}` : '/');
    await expect(page.locator('#outcomes .pair').first()).toBeAttached();
    const c = await counts(page);
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    expect(total).toBe(await matchCount(page));
    expect(total).toBe(inView(sector).length);
    for (const [cls, n] of Object.entries(c)) {
      expect(n, cls).toBe(inView(sector).filter((a) => classOf(a.id) === cls).length);
    }
    await expect(page.locator('#outcomes .pair')).toHaveCount(total - c.not_reported);
    await expect(page.getByTestId('outcomes-count')).toHaveText(
      `Activities in view: ${total}. The report states an outcome for ${total - c.not_reported} of them.`);
    expect(errors).toEqual([]);
  });
}

test('a result class is a filter in the URL; Back and Forward step through it', async ({ page }) => {
  await open(page, '/');
  const achieved = page.locator('#outcomes .result-chip[data-result="achieved"]');
  await achieved.click();
  await expect(page).toHaveURL(/[?&]result=achieved(&|$)/);
  await expect(achieved).toHaveAttribute('aria-pressed', 'true');
  const n = dataset.outcomes.filter((o) => o.result === 'achieved').length;
  await expect(page.getByTestId('match-count')).toHaveText(String(n));
  await expect(page.locator('#outcomes .pair')).toHaveCount(n);
  await expect(page.locator('.active-filters')).toContainText('outcome: Achieved');
  // The counts keep every class selectable: another class adds to the filter.
  await page.locator('#outcomes .result-chip[data-result="reversed"]').click();
  await expect(page).toHaveURL(/[?&]result=achieved,reversed(&|$)/);
  await expect(page.getByTestId('match-count')).toHaveText(String(n + 1));
  await page.goBack();
  await expect(page).toHaveURL(/[?&]result=achieved$/);
  await expect(page.getByTestId('match-count')).toHaveText(String(n));
  await page.goBack();
  await expect(page).not.toHaveURL(/result=/);
  await expect(page.getByTestId('match-count')).toHaveText(String(dataset.activities.length));
  await page.goForward();
  await expect(page).toHaveURL(/[?&]result=achieved$/);
  await expect(achieved).toHaveAttribute('aria-pressed', 'true');
  // No outcome reported is a class too, counted honestly.
  await open(page, '/?result=not_reported');
  const none = dataset.activities.length - dataset.outcomes.flatMap((o) => o.activities).length;
  expect(await matchCount(page)).toBe(none);
  await expect(page.locator('#outcomes .pair')).toHaveCount(0);
  await expect(page.locator('#outcomes .empty')).toBeVisible();
});

test('an outcome opens its activity, whose sheet says what came of it', async ({ page }) => {
  await open(page, '/?result=achieved&sector=assembly');
  const a = dataset.activities.find((x) => x.id === 'kz2006-a35');
  const pair = page.locator('#outcomes .pair[data-outcome="kz2006-o04"]');
  await expect(pair.locator('blockquote').last()).toHaveText('In December the ban was removed.');
  await pair.getByRole('link', { name: a.title }).click();
  await expect(page).toHaveURL(/activity=kz2006-a35/);
  await expect(page.getByRole('heading', { level: 3, name: a.title })).toBeFocused();
  await expect(page.locator('#detail .facts')).toContainText('Achieved: The ban on rallies');
});

test('the timeline marks the outcome the report dates, and it opens its activity', async ({ page }) => {
  await open(page, '/');
  const mark = page.locator('.timeline .mark-outcome[data-key="kz2006-o04"]');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveAttribute('aria-label', /^December 2006 \(month only\): Outcome: The ban/);
  await mark.click();
  await expect(page).toHaveURL(/activity=kz2006-a35/);
});

test('CSV and JSON carry the outcomes of the view', async ({ page }) => {
  await open(page, '/?result=achieved');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('kz2006-achieved.csv');
  const rows = (await readFile(await csv.path(), 'utf8')).trim().split('\r\n');
  const header = rows[0].split(',');
  for (const col of ['result', 'outcome_id', 'outcome', 'outcome_actor', 'outcome_date', 'outcome_quote']) {
    expect(header).toContain(col);
  }
  const achieved = dataset.outcomes.filter((o) => o.result === 'achieved');
  expect(rows.length).toBe(achieved.length + 1);
  for (const o of achieved) expect(rows.some((r) => r.includes(`,achieved,${o.id},`))).toBe(true);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  const data = JSON.parse(await readFile(await json.path(), 'utf8'));
  expect(data.outcomes.map((o) => o.id)).toEqual(achieved.map((o) => o.id));
  expect(data.outcomes[0].evidence.quote).toBe(achieved[0].evidence.quote);
});

test('the cite dialog downloads and copies BibTeX, RIS and CSL-JSON that parse', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '/?sector=media&result=not_achieved');
  await page.getByRole('button', { name: 'Cite this view' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Cite this view' });
  await dialog.locator('#cite-format').selectOption('bibtex');
  const [view] = await Promise.all([page.waitForEvent('download'), dialog.locator('button[data-cite="view download"]').click()]);
  expect(view.suggestedFilename()).toBe('kz2006-media-not-achieved-citation.bib');
  const entry = parseBibtex(await readFile(await view.path(), 'utf8'));
  expect(entry.errors).toEqual([]);
  expect(entry.entries[0].type).toBe('dataset');
  expect(entry.entries[0].fields.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?sector=media&result=not_achieved$/);
  expect(entry.entries[0].fields.version).toBe(dataset.dataset.version);
  expect(entry.entries[0].fields.urldate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const [report] = await Promise.all([page.waitForEvent('download'), dialog.locator('button[data-cite="report download"]').click()]);
  expect(report.suggestedFilename()).toBe('kz2006-report.bib');
  const r = parseBibtex(await readFile(await report.path(), 'utf8'));
  expect(r.errors).toEqual([]);
  expect(r.entries[0].fields.author).toEqual([{ name: 'U.S. Department of State' }]);
  await dialog.locator('#cite-format').selectOption('ris');
  await dialog.locator('button[data-cite="view copy"]').click();
  await expect(dialog.locator('#cite-formats-copied')).toHaveText('Copied');
  const ris = await page.evaluate(() => navigator.clipboard.readText());
  expect(ris).toMatch(/^TY {2}- DATA\r\n/);
  expect(ris).toContain('ER  - ');
  await dialog.locator('#cite-format').selectOption('csl-json');
  await dialog.locator('button[data-cite="report copy"]').click();
  const csl = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  expect(csl[0]).toMatchObject({ type: 'report', author: [{ literal: 'U.S. Department of State' }] });
});

test('the outcomes embed loads on another origin and sizes itself', async ({ page }) => {
  const APP = 'http://127.0.0.1:4173';
  await page.goto(`http://127.0.0.1:4174/?origin=${encodeURIComponent(APP)}&q=${encodeURIComponent('embed=outcomes&embed_id=o1&sector=rule-of-law')}`);
  const frame = page.frameLocator('#embed');
  await expect(frame.locator('main.embed #outcomes .result-chip')).toHaveCount(6);
  await expect(frame.locator('#outcomes .pair').first()).toBeVisible();
  await expect(frame.locator('#toolbar')).toBeHidden();
  await expect(frame.getByRole('link', { name: /Open the full explorer/ })).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:4173\//);
  // An outcome opens its activity in the full explorer, in a new tab.
  await expect(frame.locator('#outcomes .pair a').first()).toHaveAttribute('target', '_blank');
  const heights = async () => {
    const f = page.frames().find((x) => x.url().startsWith(APP));
    const inner = await f.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const outer = await page.locator('#embed').evaluate((el) => el.getBoundingClientRect().height);
    return { inner, outer };
  };
  await expect.poll(async () => { const h = await heights(); return Math.abs(h.inner - h.outer); }).toBeLessThanOrEqual(2);
  expect((await heights()).outer).toBeGreaterThan(300);
  // A class chosen in the embed filters it, and its state message says so.
  await frame.locator('#outcomes .result-chip[data-result="achieved"]').click();
  await expect.poll(() => page.evaluate(() => {
    const ours = window.messages.filter((m) => m.data && m.data.type === 'kz-explorer:embed');
    return ours.length ? ours[ours.length - 1].data.state : null;
  })).toBe('sector=rule-of-law&result=achieved');
});
