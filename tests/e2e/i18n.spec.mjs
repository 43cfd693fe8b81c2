// The explorer in Russian and Kazakh: no English interface text outside the report's own words
// (marked lang="en"), numbers and months in the locale's forms, the switch keeps the view, a
// deep link reproduces it, axe-core finds nothing, and English readers fetch no other language.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open, live, collectErrors } from './helpers.mjs';

const english = JSON.parse(readFileSync(new URL('../../data/i18n/ui.en.json', import.meta.url), 'utf8'));
const catalogue = (lang) =>
  JSON.parse(readFileSync(new URL(`../../data/i18n/ui.${lang}.json`, import.meta.url), 'utf8'));

// The English catalogue as what could show: each text's literal pieces between placeholders.
// Pieces of two words or more are looked for anywhere; one-word texts as a whole text node.
// Names that are the same in every language (file formats, "JavaScript", "HTTP") are left out.
const SAME_EVERYWHERE = /^(⤓ )?(CSV|JSON|SVG|PNG|HTTP|JavaScript|MB)$/;
const pieces = [...new Set(Object.values(english)
  .flatMap((t) => t.split(/\{\d\}/))
  .map((p) => p.trim().replace(/^[·:;,.()–—+“”\s]+|[·:;,.()–—+“”\s]+$/g, ''))
  .filter((p) => p.length >= 3 && /[A-Za-z]{3}/.test(p) && !SAME_EVERYWHERE.test(p)))];
const phrases = pieces.filter((p) => p.includes(' '));
const words = pieces.filter((p) => !p.includes(' '));

/** Visible text nodes, and the names and hints given in attributes, outside lang="en". */
async function interfaceText(page) {
  return page.evaluate(() => {
    const out = [];
    const english = (el) => el.closest('[lang]')?.getAttribute('lang') === 'en';
    const shown = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden' || e.hidden) return false;
        if (e.classList.contains('visually-hidden')) return true; // read aloud
      }
      return true;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || english(el) || !n.nodeValue.trim() || el.closest('script,style,template')) continue;
      if (shown(el)) out.push(n.nodeValue.trim());
    }
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder]')) {
      if (english(el) || !shown(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) out.push(v.trim());
      }
    }
    return out;
  });
}

async function expectNoEnglish(page, where) {
  const texts = await interfaceText(page);
  const found = [];
  for (const t of texts) {
    for (const p of phrases) if (t.includes(p)) found.push(`${p}  ←  ${t.slice(0, 80)}`);
    if (words.includes(t)) found.push(t);
  }
  expect(found, `${where}: English interface text`).toEqual([]);
}

const views = {
  'full explorer': '?sector=media&from=2006-01&to=2006-12&activity=kz2006-a15',
  'chart as table, a measure': '?table=1&measure=people_trained',
  'embed: chart': '?embed=chart&sector=media',
  'embed: timeline': '?embed=timeline',
  'embed: overview': '?embed=overview',
  'embed: outcomes': '?embed=outcomes&sector=rule-of-law',
  'embed: activity': '?embed=activity&activity=kz2006-a15',
};

for (const lang of ['ru', 'kk']) {
  for (const [name, query] of Object.entries(views)) {
    test(`${lang}: no English interface text in the ${name}`, async ({ page }) => {
      const errors = collectErrors(page);
      await open(page, `/${query}&lang=${lang}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      if (!query.includes('embed=')) {
        await expect(page.locator('#list .activity-card').first()).toBeVisible();
        await expect(page.locator('#reader-text .para').first()).toBeAttached();
        await expect(page.locator('#outcomes .pair').first()).toBeVisible();
        await page.locator('#reader-text').scrollIntoViewIfNeeded();
      }
      await expectNoEnglish(page, `${lang} ${name}`);
      if (!query.includes('embed=')) {
        // The dialogs too.
        await page.locator('#actions .cite').click();
        await expect(page.locator('#cite-text')).toBeVisible();
        await expect(page.locator('#cite-format')).toBeVisible();
        await expectNoEnglish(page, `${lang} cite dialog`);
        await page.keyboard.press('Escape');
        await page.locator('#actions .embed').click();
        await expect(page.locator('#embed-code')).toBeVisible();
        await expectNoEnglish(page, `${lang} embed dialog`);
        // The snippet embeds the view in its language.
        expect(await page.locator('#embed-code').inputValue()).toContain(`lang=${lang}`);
      }
      expect(errors).toEqual([]);
    });
  }

  test(`${lang}: axe-core finds nothing, with an activity open and in an embed`, async ({ page }) => {
    for (const query of [`?lang=${lang}&activity=kz2006-a15&sector=media`, `?lang=${lang}&embed=chart`]) {
      await open(page, `/${query}`);
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
      expect(summary, query).toEqual([]);
    }
  });
}

test('numbers, months and plurals follow the locale', async ({ page }) => {
  const ru = catalogue('ru');
  await open(page, '/?lang=ru');
  // Months on the timeline's axis, and a day as the locale writes it.
  await expect(page.locator('.tl-axis .tick').filter({ hasText: ru.S9 })).toHaveCount(1);
  await page.goto('/?lang=ru&q=29%20%D1%81%D0%B5%D0%BD%D1%82%D1%8F%D0%B1%D1%80%D1%8F'); // "29 сентября"
  await live(page);
  await expect(page.locator('#list .activity-card').first()).toContainText('29 сентября 2006 г.');
  // Figures grouped with no-break spaces, "more than" as «более».
  await page.goto('/?lang=ru&table=1&measure=people_reached');
  await live(page);
  const cells = await page.locator('#sector-body td').allTextContents();
  expect(cells.some((c) => /^более \d{1,3}\u00a0\d{3}$/.test(c)), cells.join(' | ')).toBe(true);
  // The count agrees with its number: 1 мероприятия, 5 мероприятий (after "из", the genitive).
  await expect(page.locator('#results .count')).toContainText('из 58 мероприятий');
  // Kazakh: the qualifier follows the number, with its suffix.
  await open(page, '/?lang=kk&table=1&measure=people_reached');
  const kk = await page.locator('#sector-body td').allTextContents();
  expect(kk.some((c) => /^\d{1,3}\u00a0\d{3}-(нан|ден|дан|тан|тен|нен) астам$/.test(c)), kk.join(' | ')).toBe(true);
  await expect(page.locator('.tl-axis .tick').filter({ hasText: catalogue('kk').S9 })).toHaveCount(1);
});

test('the switch keeps every filter, and a deep link with lang reproduces the view', async ({ page }) => {
  const view = 'sector=media&from=2006-09&to=2006-09&imprecise=1&sort=date&activity=kz2006-a15';
  await open(page, `/?${view}`);
  const chips = await page.locator('.active-filters .chip').count();
  await page.locator('.langs a[data-lang="ru"]').click();
  await live(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  const params = new URL(page.url()).searchParams;
  for (const [k, v] of new URLSearchParams(view)) expect(params.get(k), k).toBe(v);
  expect(params.get('lang')).toBe('ru');
  await expect(page.locator('.active-filters .chip')).toHaveCount(chips);
  await expect(page.locator('#detail')).toBeVisible();
  const switched = {
    count: await page.getByTestId('match-count').textContent(),
    chips: await page.locator('.active-filters .chip').allTextContents(),
    title: await page.locator('#detail h3').textContent(),
  };
  // The same address in a fresh page shows the same view.
  const fresh = await page.context().newPage();
  await open(fresh, page.url());
  expect({
    count: await fresh.getByTestId('match-count').textContent(),
    chips: await fresh.locator('.active-filters .chip').allTextContents(),
    title: await fresh.locator('#detail h3').textContent(),
  }).toEqual(switched);
  // And back to English.
  await page.locator('.langs a[data-lang="en"]').click();
  await live(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.active-filters .chip')).toHaveCount(chips);
});

test('the browser’s language is used when the link sets none', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'kk-KZ' });
  const page = await context.newPage();
  await open(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.locator('#sector-h')).toHaveText(/салалар бойынша/);
  await context.close();
});

test('the report, its title and every quote stay in English, marked as such', async ({ page }) => {
  await open(page, '/?lang=ru&activity=kz2006-a15');
  await expect(page.locator('h1')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#reader-text')).toHaveAttribute('lang', 'en');
  const quotes = page.locator('#detail blockquote, #detail q');
  expect(await quotes.count()).toBeGreaterThan(0);
  for (const q of await quotes.all()) await expect(q).toHaveAttribute('lang', 'en');
  // The translation is said to be ours, once.
  await expect(page.locator('.translation-note')).toHaveCount(1);
});

test('an English reader downloads no other language; another language’s files load only when chosen', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await open(page, '/');
  expect(fetched.filter((p) => /\.(ru|kk)\.json$/.test(p))).toEqual([]);
  fetched.length = 0;
  await open(page, '/?lang=kk');
  expect(fetched.filter((p) => /\.(ru|kk)\.json$/.test(p)).sort())
    .toEqual(['/data/kazakhstan-2006.kk.json', '/data/ui.kk.json']);
});

test('a language whose files cannot be had leaves the page in English, and says so', async ({ page }) => {
  await page.route('**/data/ui.ru.json', (route) => route.fulfill({ status: 404, body: 'no' }));
  await open(page, '/?lang=ru&sector=media');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#status')).toContainText('could not be loaded');
  await expect(page.locator('#sector-h')).toHaveText(/by sector/);
});
