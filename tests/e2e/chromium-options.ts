// How the end-to-end tests and the UI benchmark start Debian's Chromium (the same options for both).
import type { LaunchOptions } from '@playwright/test';

/** Playwright's own --disable-features list (playwright-core 1.65, chromiumSwitches.ts). Chromium
 * keeps only the last --disable-features switch on its command line, and ours comes after
 * Playwright's, so its list must be repeated here or those features would come back on. */
const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

/** Since Chromium 151 the browser pre-renders its own address-bar popup (a WebUI page) in a renderer
 * process of its own, headless too; on two cores that process took up to a second of CPU while the
 * app's first screen loaded. Neither the Electron app nor browser mode has an address bar, so it is
 * switched off, as Puppeteer does by default. */
const browserUiFeatures = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--disable-features=${[...playwrightDisabledFeatures, ...browserUiFeatures].join(',')}`,
  ],
};
