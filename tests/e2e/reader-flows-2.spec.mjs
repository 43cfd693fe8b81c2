// Reader flows, second round: figures no one can misread, results in reach on a phone, embeds
// that answer, excerpts that end at words, colours that hold, a reader's way back, downloads that
// open everywhere. One test per item of issue 18.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dataset, open, live, matchCount, contrast } from './helpers.mjs';

const catalogue = (lang) => JSON.parse(readFileSync(new URL(`../../data/i18n/ui.${lang}.json`, import.meta.url), 'utf8'));


test('a filtered figure says it counts the view, shows the report total beside it and how it was summed', async ({ page }) => {
  const trained = dataset.activities.flatMap((a) => a.metrics).filter((m) => m.measure === 'people_trained');
  const reportTotal = trained.reduce((s, m) => s + m.value, 0);
  await open(page, '/?q=trained');
  const tile = page.locator('.headline .tile', { hasText: 'People trained' });
  await expect(tile.locator('.whole')).toContainText('in this view');
  await expect(tile.locator('.whole')).toContainText(`${reportTotal} in the report`);
  // How it was summed: each figure, with its sentence (marked as English).
  const summed = page.locator('#summary details.summed');
  await summed.locator('summary').click();
  const quotes = await summed.locator('q[lang="en"]').allTextContents();
  const inView = trained.filter((m) => quotes.includes(m.evidence.quote));
  expect(inView.length).toBeGreaterThan(0);
  await expect(summed).toContainText('People trained');
  // The whole report's view says nothing of the kind.
  await open(page, '/');
  await expect(page.locator('.headline .whole')).toHaveCount(0);
});

test('"train", "trained" and "training" find the same activities', async ({ page }) => {
  await open(page, '/');
  const ids = async (q) => {
    await page.locator('#q').fill(q);
    await expect(page).toHaveURL(new RegExp(`q=${q}`));
    await expect(page.locator('.activity-card').first()).toBeVisible();
    return page.locator('.activity-card a[data-activity]').evaluateAll((as) => as.map((a) => a.dataset.activity).sort());
  };
  const trained = await ids('trained');
  expect(trained.length).toBeGreaterThan(3);
  expect(await ids('train')).toEqual(trained);
  expect(await ids('training')).toEqual(trained);
  // Every form is marked where it stands.
  await expect(page.locator('.activity-card mark', { hasText: /^trained$/i }).first()).toBeVisible();
});

test('after tapping a sector on a 390×844 phone, the first result is one tap away', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await open(page, '/');
  await page.locator('.sector-chart button[data-sector="media"]').tap();
  await expect(page).toHaveURL(/sector=media/);
  const n = dataset.activities.filter((a) => a.sector === 'media').length;
  const show = page.locator('.show-list');
  await expect(show).toBeInViewport();
  await expect(show).toHaveText(`Show ${n} activities ↓`);
  await show.tap();
  await expect(page.locator('.activity-card').first()).toBeInViewport();
  await context.close();
});

test('the count leads to the list on every width', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await open(page, '/?sector=trafficking');
  await page.locator('#results .count a').click();
  await expect(page.locator('#activities')).toBeFocused();
  await expect(page.locator('.activity-card').first()).toBeInViewport();
});

test('the first 844 px of a phone hold what the page is and a headline figure; the exports are one tap away', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await open(page, '/');
  for (const sel of ['.intro', '.headline .figure', '.sector-chart .bars']) {
    const b = await page.locator(sel).first().boundingBox();
    expect(b.y + b.height, sel).toBeLessThanOrEqual(844);
  }
  await expect(page.locator('.intro')).toContainText('Kazakhstan in 2006');
  // The headline figures come before the export buttons.
  const figure = await page.locator('.headline').first().boundingBox();
  const share = page.getByRole('button', { name: 'Share & download' });
  await expect(share).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeHidden();
  await share.tap();
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeVisible();
  const csv = await page.getByRole('button', { name: 'Download CSV' }).boundingBox();
  expect(csv.y).toBeGreaterThan(figure.y - 200);
  await context.close();
});

for (const width of [320, 390]) {
  test(`the timeline fits ${width} px: no sideways scrolling, no two month labels overlap`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await open(page, '/');
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    // The timeline itself is as wide as its panel, which scrolls nothing sideways.
    const fit = await page.evaluate(() => {
      const body = document.getElementById('timeline-body');
      const tl = body.querySelector('.tl').getBoundingClientRect();
      const b = body.getBoundingClientRect();
      const scrolls = getComputedStyle(body).overflowX !== 'visible' && body.scrollWidth > body.clientWidth;
      return { inside: tl.left >= b.left - 1 && tl.right <= b.right + 1, scrolls };
    });
    expect(fit).toEqual({ inside: true, scrolls: false });
    const boxes = await page.locator('.tl-axis .tick .m').evaluateAll((els) => els
      .filter((e) => getComputedStyle(e).visibility === 'visible')
      .map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.right]; }));
    expect(boxes.length).toBeGreaterThan(3);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i][0], `label ${i}`).toBeGreaterThanOrEqual(boxes[i - 1][1]);
    // Every month is still there to reach: its tick line spans the axis.
    expect(await page.locator('.tl-axis .tick').count()).toBe(14);
    // The tooltip of the first and the last mark stays inside the viewport.
    for (const mark of [page.locator('.timeline .mark-day').first(), page.locator('.timeline .mark-day').last()]) {
      await mark.hover();
      const tip = await mark.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el, '::after');
        const w = parseFloat(s.width);
        // `left` resolves to pixels from the mark; a centred tooltip is moved back by half its width.
        const left = r.left + parseFloat(s.left) - (s.transform === 'none' ? 0 : w / 2);
        return { left, right: left + w };
      });
      expect(tip.left).toBeGreaterThanOrEqual(0);
      expect(tip.right).toBeLessThanOrEqual(width);
    }
  });
}

test('a mark chosen in a timeline embed shows its title, date and a link to it in the full explorer', async ({ page }) => {
  await open(page, '/?embed=timeline&lang=ru');
  const mark = page.locator('.timeline .mark[data-activity]').first();
  const id = await mark.getAttribute('data-activity');
  await mark.click();
  const choice = page.locator('#embed-choice');
  const ru = JSON.parse(readFileSync(new URL('../../data/i18n/kazakhstan-2006.ru.json', import.meta.url), 'utf8'));
  await expect(choice).toContainText(ru.activities[id].title);
  const link = choice.getByRole('link');
  const href = await link.getAttribute('href');
  expect(href).toContain(`activity=${id}`);
  expect(href).toContain('lang=ru');
  expect(href).toContain('theme=light');
  expect(href).not.toContain('embed=');
  // A bar chosen in a chart embed says what it is, too.
  await open(page, '/?embed=chart');
  await page.locator('.sector-chart button[data-sector="media"]').click();
  await expect(page.locator('#embed-choice')).toContainText('Media freedom');
  await expect(page.locator('#embed-choice a')).toHaveAttribute('href', /sector=media/);
});

test('excerpts start and end at word boundaries of the report text', async ({ page }) => {
  const paragraphs = Object.fromEntries(dataset.reports[0].paragraphs.map((p) => [p.id, p.text]));
  for (const id of ['kz2006-a11', 'kz2006-a15', 'kz2006-a40']) {
    await open(page, `/?activity=${id}`);
    const a = dataset.activities.find((x) => x.id === id);
    const shown = await page.locator('#detail .evidence blockquote').allTextContents();
    expect(shown.length).toBe(a.evidence.length);
    shown.forEach((text, n) => {
      const p = paragraphs[a.evidence[n].paragraph];
      const core = text.replace(/^…/, '').replace(/…$/, '');
      const at = p.indexOf(core);
      expect(at, text).toBeGreaterThanOrEqual(0);
      expect(at === 0 || /\s/.test(p[at - 1]), `starts mid-word: ${text.slice(0, 30)}`).toBe(true);
      const end = at + core.length;
      expect(end === p.length || /[\s]/.test(p[end]) || /[.,;:!?)’"]/.test(p[end - 1]), `ends mid-word: ${text.slice(-30)}`).toBe(true);
    });
  }
});

test('the Kazakh count reads naturally for every count', async ({ page }) => {
  const counts = new Map();
  for (const s of dataset.sectors) counts.set(s.id, dataset.activities.filter((a) => a.sector === s.id).length);
  for (const [view, n] of [['', dataset.activities.length], ...[...counts].slice(0, 4).map(([s, k]) => [`&sector=${s}`, k])]) {
    await open(page, `/?lang=kk${view}`);
    await expect(page.locator('#results .count')).toHaveText(`${dataset.activities.length} іс-шарадан ${n}`);
  }
});

for (const scheme of ['light', 'dark']) {
  test(`the year-only band and unselected bars keep 3:1 against the panel (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, '/?sector=media');
    const found = await page.evaluate(() => {
      const panel = getComputedStyle(document.querySelector('.timeline')).backgroundColor;
      const bands = [...document.querySelectorAll('.mark-year')].map((m) => getComputedStyle(m, '::before').borderTopColor);
      const faded = [...document.querySelectorAll('.bar-hit.faded .bar')].map((b) => getComputedStyle(b).boxShadow);
      return { panel, bands, faded };
    });
    expect(found.bands.length).toBeGreaterThan(0);
    expect(found.faded.length).toBeGreaterThan(0);
    for (const c of found.bands) expect(contrast(c, found.panel), `band ${c}`).toBeGreaterThanOrEqual(3);
    for (const shadow of found.faded) {
      const c = shadow.match(/rgba?\([^)]*\)/)[0];
      expect(contrast(c, found.panel), `bar outline ${c}`).toBeGreaterThanOrEqual(3);
    }
  });
}

test('the report reader: "Back to the activity" is translated, covers no text, and the passage stands out', async ({ page }) => {
  await open(page, '/?activity=kz2006-a40&lang=ru');
  await page.getByRole('button', { name: catalogue('ru').ShowInReport }).first().click();
  const passage = page.locator('#cite-kz2006-a40-0');
  await expect(passage).toBeFocused();
  const back = page.getByRole('button', { name: catalogue('ru').BackToActivity });
  await expect(back).toBeInViewport();
  // In the text's flow: no line of the report's text lies under it.
  const overlaps = await back.evaluate((b) => {
    const r = b.getBoundingClientRect();
    const walker = document.createTreeWalker(document.getElementById('reader-text'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (b.contains(n) || !n.nodeValue.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const line of range.getClientRects()) {
        if (line.left < r.right - 1 && r.left + 1 < line.right && line.top < r.bottom - 1 && r.top + 1 < line.bottom) return true;
      }
    }
    return false;
  });
  expect(overlaps).toBe(false);
  // The passage stands out from every other highlight.
  const looks = await page.evaluate(() => {
    const s = (el) => {
      const c = getComputedStyle(el);
      return { outline: c.outlineStyle === 'none' ? 0 : parseFloat(c.outlineWidth), bg: c.backgroundColor };
    };
    const shown = s(document.querySelector('a.cite.shown'));
    const other = s(document.querySelector('a.cite:not(.current):not(.shown)'));
    return { shown, other };
  });
  expect(looks.shown.outline).toBeGreaterThanOrEqual(3);
  expect(looks.other.outline).toBe(0);
  expect(looks.shown.bg).not.toBe(looks.other.bg);
  await back.click();
  await expect(page.locator('#detail-h')).toBeFocused();
});

test('the CSV opens in Excel with accents and Cyrillic intact (a UTF-8 byte order mark)', async ({ page }) => {
  await open(page, '/?lang=ru&sector=media');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#actions .csv').click()]);
  const bytes = await readFile(await dl.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain('Свобода СМИ');
});

test('the citation box shows the view’s address without scrolling', async ({ page }) => {
  await open(page, '/?sector=media&kind=training&q=journalists');
  await page.getByRole('button', { name: 'Cite this view' }).first().click();
  const box = page.locator('#cite-text');
  await expect(box).toBeVisible();
  expect(await box.inputValue()).toContain('sector=media');
  expect(await box.evaluate((t) => t.scrollHeight <= t.clientHeight + 1)).toBe(true);
  expect(await matchCount(page)).toBeGreaterThan(0);
});
