// End-to-end tests of the real UI in Debian's Chromium against browser mode (`kartlegg serve`).
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/chromium-options';

export default defineConfig({
  testDir: 'tests/e2e',
  // Generous limits: CI machines are busy too, and a package import on two loaded cores took over 60 s.
  // A passing test is not slowed by them; only a hang takes this long to be reported.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    locale: 'nb-NO',
    viewport: { width: 1280, height: 900 },
    launchOptions: chromiumLaunchOptions,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
