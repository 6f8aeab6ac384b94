import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../wxt.config';
import { DEFAULT_HOST, REPO, type StaticServer, serveStatic } from './harness';

// Real Firefox (Debian's firefox-esr) with the built MV2 extension, driven over WebDriver BiDi by
// puppeteer-core. The extension is installed as a temporary add-on, exactly as `web-ext run` or
// about:debugging would. *.gov.cn resolves to the local server through `network.dns.forceResolve`.
//
// The extension's own pages are reached by navigating a tab to moz-extension://<uuid>/…: the UUID
// is pinned by a pref, and Firefox lets the BiDi client navigate there only with
// --remote-allow-system-access. Nothing of this is in the built add-on.

export const FIREFOX = '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(REPO, '.output', 'firefox-mv2');
/** The moz-extension:// host of the add-on in the test profile. */
const EXTENSION_UUID = '0b7e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

export function checkFirefox(): void {
  if (!existsSync(FIREFOX))
    throw new Error(
      `Firefox not found at ${FIREFOX}: install it (apt-get install firefox-esr) or run .ci/run.`,
    );
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
}

export interface FirefoxHarness {
  browser: Browser;
  origin: string;
  extensionId: string;
  /** opens `path` (relative to the served root) on the *.gov.cn host in a new tab */
  open(path: string): Promise<Page>;
  /** opens one of the add-on's own pages (`viewer.html?src=…`) in a new tab, its document loaded */
  openExtensionPage(path: string): Promise<Page>;
  /** runs `fn` in an extension page (the popup's document), where `browser.*` is the add-on's */
  inExtension<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T>;
  close(): Promise<void>;
}

export async function launchFirefox(root: string): Promise<FirefoxHarness> {
  checkFirefox();
  const server: StaticServer = await serveStatic(root);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.dns.forceResolve': '127.0.0.1',
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      },
    });
  } catch (err) {
    await server.close();
    throw err;
  }
  let extensionId: string;
  try {
    extensionId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (err) {
    await browser.close();
    await server.close();
    throw err;
  }
  const origin = `http://${DEFAULT_HOST}:${server.port}`;

  let extPage: Page | null = null;
  const extensionPage = async (): Promise<Page> => {
    if (extPage && !extPage.isClosed()) return extPage;
    extPage = await openExtensionPage('popup.html');
    return extPage;
  };
  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    // Firefox navigates but the BiDi client is not told of the load of a moz-extension page:
    // wait for the document instead.
    await page.goto(`moz-extension://${EXTENSION_UUID}/${path}`, { timeout: 3000 }).catch(() => {});
    const deadline = Date.now() + 20_000;
    for (;;) {
      const ready = await page
        .evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete')
        .catch(() => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error('the extension page did not open');
      await new Promise((ok) => setTimeout(ok, 200));
    }
    return page;
  };

  return {
    browser,
    origin,
    extensionId,
    async open(path) {
      const page = await browser.newPage();
      await page.goto(new URL(path.replace(/^\/?/, '/'), origin).href, { waitUntil: 'load' });
      return page;
    },
    openExtensionPage,
    async inExtension<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T> {
      const page = await extensionPage();
      return (await page.evaluate(fn as (a: unknown) => Promise<unknown>, arg)) as T;
    },
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}
