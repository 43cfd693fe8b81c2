// Reader flows: dates that isolate a month, actions that show their result, visible state,
// reachable actions, embeds that fit partner pages, and colours that hold in both themes.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { dataset, open, live, matchCount, contrast } from './helpers.mjs';
import { datedInside, looselyDated } from './dates.mjs';

const title = (id) => dataset.activities.find((a) => a.id === id).title;

test('September to September lists what is dated in September, and counts the year-only apart', async ({ page }) => {
  await open(page, '/');
  await page.locator('#filters select[name="from"]').selectOption('2006-09');
  await page.locator('#filters select[name="to"]').selectOption('2006-09');
  await expect(page).toHaveURL(/from=2006-09&to=2006-09/);
  const inside = datedInside([2006, 9], [2006, 9]);
  const loose = looselyDated([2006, 9], [2006, 9]);
  const yearOnly = loose.filter((a) => !a.time.end && /^\d{4}$/.test(a.time.start));
  expect(inside.map((a) => a.id).sort()).toEqual(['kz2006-a04', 'kz2006-a05', 'kz2006-a54']);
  await expect(page.getByTestId('match-count')).toHaveText(String(inside.length));
  await expect(page.locator('.activity-card')).toHaveCount(inside.length);
  await expect(page.locator('.loose')).toContainText(`+ ${yearOnly.length} dated only to 2006`);
  await page.locator('.loose a').click();
  await expect(page).toHaveURL(/imprecise=1/);
  await expect(page.getByTestId('match-count')).toHaveText(String(inside.length + loose.length));
});

test('the date range chip shows the months and removes the range', async ({ page }) => {
  await open(page, '/?from=2006-09&to=2006-09');
  const chip = page.getByRole('link', { name: 'Remove filter: September 2006' });
  await expect(chip).toBeVisible();
  await chip.click();
  await expect(page).not.toHaveURL(/from=/);
  expect(await matchCount(page)).toBe(dataset.activities.length);
});

const sep29 = dataset.events.filter((e) => e.date === '2006-09-29').map((e) => e.activity);

test('both 29 September events can be reached by mouse, and do not cover each other', async ({ page }) => {
  await open(page, '/');
  const marks = page.locator('.timeline .mark[aria-label^="29 September 2006"]');
  await expect(marks).toHaveCount(2);
  const [a, b] = [await marks.nth(0).boundingBox(), await marks.nth(1).boundingBox()];
  const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlap).toBe(false);
  for (let i = 0; i < 2; i++) {
    const id = await marks.nth(i).getAttribute('data-activity');
    await marks.nth(i).click();
    await expect(page.locator('#detail-h')).toHaveText(title(id));
    await page.keyboard.press('Escape');
    await expect(page.locator('#detail')).toBeHidden();
  }
  expect((await marks.evaluateAll((ms) => ms.map((m) => m.dataset.activity))).sort()).toEqual([...sep29].sort());
});

test('both 29 September events can be reached by touch on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await open(page, '/');
  const marks = page.locator('.timeline .mark[aria-label^="29 September 2006"]');
  await expect(marks).toHaveCount(2);
  const seen = [];
  for (let i = 0; i < 2; i++) {
    await marks.nth(i).tap();
    await expect(page.locator('#detail-h')).toBeVisible();
    seen.push(await page.locator('#detail-h').textContent());
    // On a phone the activity fills the screen.
    const sheet = await page.locator('#detail').boundingBox();
    expect(sheet.width).toBe(390);
    await page.getByRole('button', { name: 'Close the activity' }).tap();
    await expect(page.locator('#detail')).toBeHidden();
  }
  expect(seen.sort()).toEqual(sep29.map(title).sort());
  await context.close();
});

test('both 29 September events can be reached with the keyboard', async ({ page }) => {
  await open(page, '/');
  const marks = page.locator('.timeline .mark[aria-label^="29 September 2006"]');
  await marks.first().focus();
  const ids = [await page.evaluate(() => document.activeElement.dataset.activity)];
  // Arrow keys move in date order: the other mark of the same day is next to it.
  await page.keyboard.press('ArrowRight');
  let next = await page.evaluate(() => document.activeElement.dataset.activity);
  if (!sep29.includes(next) || next === ids[0]) {
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    next = await page.evaluate(() => document.activeElement.dataset.activity);
  }
  ids.push(next);
  expect(ids.sort()).toEqual([...sep29].sort());
  await page.keyboard.press('Enter');
  await expect(page.locator('#detail-h')).toHaveText(title(next));
  await expect(page.locator('#detail-h')).toBeFocused();
});

test('opening an activity from a timeline mark brings its heading into view and focus; Esc returns', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, '/');
  const mark = page.locator('.timeline .mark[data-activity="kz2006-a50"]').first();
  await mark.click();
  const heading = page.locator('#detail-h');
  await expect(heading).toHaveText(title('kz2006-a50'));
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(page.locator('#detail')).toBeHidden();
  await expect(page).not.toHaveURL(/activity=/);
  expect(await page.evaluate(() => document.activeElement.dataset.activity)).toBe('kz2006-a50');
});

test('opening an activity from a passage in the report brings its heading into view and focus; Esc returns', async ({ page }) => {
  await open(page, '/');
  const passage = page.locator('.report-text a.cite[data-activity="kz2006-a40"]').first();
  await passage.scrollIntoViewIfNeeded();
  await passage.evaluate((el) => { el.__clicked = true; });
  await passage.click();
  const heading = page.locator('#detail-h');
  await expect(heading).toHaveText(title('kz2006-a40'));
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(page.locator('#detail')).toBeHidden();
  // Focus is back on the very passage that was selected (the page kept its element).
  expect(await page.evaluate(() => document.activeElement.__clicked === true)).toBe(true);
  await expect(page.locator(':focus')).toBeInViewport();
});

test('"Show in report" offers the way back to the activity', async ({ page }) => {
  await open(page, '/?activity=kz2006-a40');
  await page.getByRole('button', { name: 'Show in report' }).first().click();
  await expect(page.locator('#cite-kz2006-a40-0')).toBeFocused();
  await expect(page.locator('#cite-kz2006-a40-0')).toBeInViewport();
  const back = page.getByRole('button', { name: 'Back to the activity' });
  await expect(back).toBeInViewport();
  await back.click();
  await expect(page.locator('#detail-h')).toBeFocused();
  await expect(page.locator('#detail-h')).toBeInViewport();
});

test('a has= filter shows a chip that removes it', async ({ page }) => {
  await open(page, '/?has=people_trained');
  const trained = dataset.activities.filter((a) => a.metrics.some((m) => m.measure === 'people_trained'));
  expect(await matchCount(page)).toBe(trained.length);
  const chip = page.getByRole('link', { name: 'Remove filter: with a figure for people trained' });
  await expect(chip).toBeVisible();
  // The list shows the figures themselves.
  await expect(page.locator('.activity-card .figures', { hasText: '42 political party members trained' })).toBeVisible();
  await chip.click();
  await expect(page).not.toHaveURL(/has=/);
  expect(await matchCount(page)).toBe(dataset.activities.length);
});

test('"Clear all" says what it clears, and the sector count does not clear filters', async ({ page }) => {
  await open(page, '/?sector=media&kind=training');
  const clear = page.getByRole('link', { name: /^Clear all 2 filters$/ });
  await expect(clear).toHaveAttribute('title', 'Removes: Media freedom only; Training');
  await expect(page.locator('.headline .tile', { hasText: 'Sectors' })).not.toHaveAttribute('href');
  await clear.click();
  expect(await matchCount(page)).toBe(dataset.activities.length);
});

test('CSV, JSON, cite and embed are within 30 Tab presses of the top', async ({ page }) => {
  await open(page, '/');
  const reached = new Set();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => {
      const e = document.activeElement;
      return e.getAttribute('aria-label') || e.textContent.trim();
    }));
  }
  for (const name of ['Download CSV', 'Download JSON', 'Cite this view', 'Embed this view']) {
    expect([...reached], name).toContain(name);
  }
});

test('skip links take the keyboard to each region', async ({ page }) => {
  await open(page, '/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the sector chart' })).toBeFocused();
  for (const [name, id] of [['activities', 'activities'], ['report text', 'reader']]) {
    await page.getByRole('link', { name: `Skip to the ${name}` }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(`#${id}`)).toBeFocused();
    await expect(page.locator(`#${id}`)).toBeInViewport();
  }
});

test('downloads are named for what they hold, and the list is not a box of its own', async ({ page }) => {
  await open(page, '/?sector=trafficking');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('kz2006-trafficking.csv');
  const rows = (await readFile(await csv.path(), 'utf8')).trim().split('\r\n');
  expect(rows.length).toBe(dataset.activities.filter((a) => a.sector === 'trafficking').length + 1);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  expect(json.suggestedFilename()).toBe('kz2006-trafficking.json');
  expect(await page.locator('.activity-list').evaluate((el) => getComputedStyle(el).overflowY)).toBe('visible');
});

test('the citation has a Copy button', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '/?sector=media');
  await page.getByRole('button', { name: 'Cite this view' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Cite this view' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy citation' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(dataset.reports[0].title);
  expect(copied).toMatch(/View \(in English\): http:\/\/127\.0\.0\.1:\d+\/\?sector=media/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Cite this view' }).first()).toBeFocused();
});

test('searching a date in the forms the report and the app use finds both events of the day', async ({ page }) => {
  await open(page, '/');
  for (const typed of ['29 September 2006', 'September 29', '29 September']) {
    await page.locator('#q').fill(typed);
    for (const id of sep29) await expect(page.locator(`.activity-card a[data-activity="${id}"]`)).toBeVisible();
  }
  await page.locator('#q').fill('Sep 2006');
  await expect(page.locator('.activity-card a[data-activity="kz2006-a54"]')).toBeVisible();
});

test('the embed preview shows the whole embed at 320 px', async ({ page }) => {
  await open(page, '/?sector=media');
  await page.getByRole('button', { name: 'Embed this view' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  await dialog.getByRole('radio', { name: '320 px' }).check();
  const frame = dialog.locator('iframe.embed-preview');
  await expect(frame).toBeVisible();
  expect(Math.round((await frame.boundingBox()).width)).toBe(320);
  const inner = page.frameLocator('iframe.embed-preview');
  await expect(inner.locator('.sector-chart .bar-hit').first()).toBeVisible();
  // The preview grows to the embed's own height: nothing is cut off or scrolled.
  await expect.poll(async () => {
    const outer = (await frame.boundingBox()).height;
    const content = await frame.evaluate((f) => f.contentDocument.documentElement.scrollHeight);
    return Math.abs(outer - content);
  }).toBeLessThanOrEqual(2);
  await expect(dialog.locator('#embed-code')).toHaveValue(/height:\d+px/);
});

test('"One activity" is offered only with an activity open', async ({ page }) => {
  await open(page, '/');
  await page.getByRole('button', { name: 'Embed this view' }).first().click();
  const option = page.locator('#embed-options option[value="activity"]');
  await expect(option).toBeDisabled();
  await expect(option).toContainText('open an activity first');
  await page.keyboard.press('Escape');
  await open(page, '/?activity=kz2006-a15');
  await page.getByRole('button', { name: 'Embed this view' }).first().click();
  await expect(option).toBeEnabled();
});

test('an embed is light on a light page when the reader’s system is dark, unless told otherwise', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const background = async (q) => {
    await page.goto(`http://127.0.0.1:4174/?origin=${encodeURIComponent('http://127.0.0.1:4173')}&q=${encodeURIComponent(q)}`);
    const frame = page.frameLocator('#embed');
    await expect(frame.locator('main.embed')).toBeVisible();
    return frame.locator('html').evaluate((h) => getComputedStyle(h).backgroundColor);
  };
  expect(await background('embed=chart')).toBe('rgb(255, 255, 255)');
  expect(await background('embed=chart&theme=dark')).toBe('rgb(18, 20, 23)');
  expect(await background('embed=chart&theme=auto')).toBe('rgb(18, 20, 23)');
});

test('an embed names its filter in a caption', async ({ page }) => {
  await open(page, '/?embed=chart&sector=media');
  await expect(page.locator('.embed-caption')).toHaveText('Media freedom only');
});


for (const scheme of ['light', 'dark']) {
  test(`every sector colour keeps 3:1 against its background (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, '/');
    const pairs = await page.evaluate(() => {
      const panel = getComputedStyle(document.querySelector('.sector-chart')).backgroundColor;
      const page = getComputedStyle(document.documentElement).backgroundColor;
      return [...document.querySelectorAll('.bar-hit')].map((b) => ({
        sector: b.dataset.sector,
        colour: getComputedStyle(b.querySelector('.bar')).backgroundColor,
        mark: getComputedStyle(document.querySelector(`.chip[data-sector="${b.dataset.sector}"]`)).borderLeftColor,
        panel,
        page,
      }));
    });
    expect(pairs.length).toBe(dataset.sectors.length);
    for (const p of pairs) {
      for (const bg of [p.panel, p.page]) {
        expect(contrast(p.colour, bg), `${p.sector} on ${bg}`).toBeGreaterThanOrEqual(3);
        expect(contrast(p.mark, bg), `${p.sector} chip on ${bg}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
}

test('codes and offsets stay out of the reader’s way', async ({ page }) => {
  await open(page, '/?activity=kz2006-a11');
  const text = await page.locator('#detail').innerText();
  expect(text).not.toMatch(/F framework|OECD DAC \d|characters \d/);
  await expect(page.locator('#detail dd span[title*="OECD DAC purpose code"]')).toHaveCount(1);
  const notes = await page.locator('.activity-card .meta').allTextContents();
  expect(notes.filter((n) => n.includes('no date given')).length).toBe(0);
  await live(page);
});
