// Debian's Chromium as every bench launches it (playwright-core, no browser download): the flags it
// needs to run headless in a container and to stay off the network on its own.
import { chromium } from 'playwright-core';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A plain headless browser, for pages that need no extension. */
export const launchChromium = () => chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });

/** A headless browser on a fresh profile with the built extension loaded; `args` are added to the flags. */
export const launchWithExtension = (profile, extension, { args = [], ...options } = {}) =>
  chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    // extensions need the new headless mode, which Playwright starts only as "headed"
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    ...options,
    args: [
      '--headless=new',
      ...FLAGS,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      ...args,
    ],
  });
