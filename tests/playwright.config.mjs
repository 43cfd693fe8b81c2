// Browser tests: Playwright driving Debian's Chromium (never a downloaded browser) against the
// release build in ../dist, served by a plain static server with deep-link fallback.
import { defineConfig } from '@playwright/test';

const port = 4173;
export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    acceptDownloads: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    { command: `node server.mjs ${port}`, url: `http://127.0.0.1:${port}/`, reuseExistingServer: false, stdout: 'ignore' },
    // A partner site on another origin, for the embed tests.
    { command: `node server.mjs ${port + 1} fixtures/partner`, url: `http://127.0.0.1:${port + 1}/`, reuseExistingServer: false, stdout: 'ignore' },
  ],
});
