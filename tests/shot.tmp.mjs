import { chromium } from '@playwright/test';
const [url, out, w, scheme] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: Number(w ?? 1280), height: 1400 }, colorScheme: scheme ?? 'light' });
page.on('pageerror', e => console.log('pageerror', e.message));
await page.goto(url); await page.waitForTimeout(1500);
await page.screenshot({ path: out });
await browser.close();
