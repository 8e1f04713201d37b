// End-to-end tests: Playwright driving Debian's Chromium against the whole
// shop, started by `cargo xtask test` (which sets BASE_URL and PSP_URL).
import { defineConfig } from '@playwright/test';

const baseURL = process.env.BASE_URL;
if (!baseURL) {
  throw new Error('Run the end-to-end tests with `cargo xtask test`: it starts the shop and sets BASE_URL.');
}

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'target/e2e/test-results',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  // Against the cluster (two shop processes behind HAProxy, which
  // `cargo xtask test` starts for its own step) only the cluster's journey
  // runs; against the one-process shop, everything else.
  projects: process.env.CLUSTER_SHOP_PIDS
    ? [{ name: 'cluster', testMatch: /cluster\.spec\.ts/ }]
    : [
        { name: 'shop', testIgnore: /(over-time|cluster)\.spec\.ts/ },
        // Moves the shop's and the PSP's clocks days ahead: after everything else.
        { name: 'over-time', testMatch: /over-time\.spec\.ts/, dependencies: ['shop'] },
      ],
  use: {
    baseURL,
    browserName: 'chromium',
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
