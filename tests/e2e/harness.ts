import { existsSync, readdirSync, statSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { OPEN_SHADOW_FOR_TESTS, type TabResult, tabKey } from '../../entrypoints/shared/messages';
import { SETTINGS_KEY } from '../../utils/settings';

// Real Chromium with the built extension, and fixture pages served as if from a *.gov.cn portal:
// the host resolver maps every *.gov.cn name to the local static server, so the manifest's
// content-script match and host permission apply exactly as on a real portal.

export const CHROMIUM = '/usr/bin/chromium';
export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = join(REPO, '.output', 'chrome-mv3');
export const DEFAULT_HOST = 'www.example.gov.cn';
/** A site that is not a portal: the manifest's detector does not run there. */
export const OTHER_HOST = 'www.example.org';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface StaticServer {
  port: number;
  close(): Promise<void>;
}

/** Serves the files under `root` on 127.0.0.1 at a random port. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export interface LaunchOptions {
  /** folder served as the portal's document root */
  root: string;
  /** host name the pages are opened under; any *.gov.cn name reaches the local server */
  host?: string;
  extensionDir?: string;
  /** headed window; default: only when DISPLAY is set and GOUJI_HEADED=1 */
  headed?: boolean;
  /**
   * Host permissions to grant at install, as if the user had accepted them in the options page:
   * the extension is copied and these patterns are added to the copy's host_permissions (headless
   * Chromium cannot click the permission prompt). permissions.request then resolves at once.
   */
  grantHosts?: string[];
  /** viewport size of new pages */
  viewport?: { width: number; height: number };
  /**
   * The browser profile to use and keep: launch again with the same folder to see what an
   * extension stored survive a restart (IndexedDB, storage). Default: a fresh one, removed on close.
   */
  userDataDir?: string;
  /**
   * Leave the overlay's shadow root closed, as users get it. By default the harness sets the
   * extension-storage switch (OPEN_SHADOW_FOR_TESTS) that opens it, so tests can read and click the
   * panel; no page can set that switch.
   */
  closedShadowRoot?: boolean;
}

export interface Harness {
  /** e.g. http://www.example.gov.cn:41234 */
  origin: string;
  extensionId: string;
  context: BrowserContext;
  /** the extension's service worker as of now (MV3 may restart it; this always finds the live one) */
  serviceWorker(): Promise<Worker>;
  /** opens `path` (relative to the served root) in a new tab and waits for load */
  open(path: string): Promise<Page>;
  /** the extension-side tab id of a page, found by its URL */
  tabIdOf(page: Page): Promise<number>;
  /** what the background keeps for this page's tab in storage.session, if anything */
  readTabResult(page: Page): Promise<TabResult | undefined>;
  /** polls readTabResult until `done` holds (default: a model is there) */
  waitForTabResult(
    page: Page,
    opts?: { timeout?: number; done?: (r: TabResult) => boolean },
  ): Promise<TabResult>;
  /** DOM changes since DOMContentLoaded: mutation records seen, and whether the markup differs */
  domChangesSinceReady(page: Page): Promise<{ mutations: number; markupChanged: boolean }>;
  /** the service worker's console, for failure messages */
  workerLog: string[];
  /** the action badge text of the page's tab ('' when none) */
  badgeText(page: Page): Promise<string>;
  /** writes the options (storage.sync `settings`), e.g. { lang: 'zh' } */
  setSettings(settings: Record<string, unknown>): Promise<void>;
  /** sends a runtime message from an extension page, as the popup would; returns the answer */
  sendMessage(message: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export function checkPrerequisites(extensionDir = EXTENSION_DIR): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or run .ci/run.`,
    );
  }
  const manifest = join(extensionDir, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  // A stale build makes "browser ≠ Node" failures that are not bugs; say so up front.
  const built = statSync(manifest).mtimeMs;
  const stale = ['utils', 'entrypoints'].some((dir) => newestMtime(join(REPO, dir)) > built);
  if (stale) console.warn(`[e2e] ${extensionDir} is older than the sources: run \`npm run build\`.`);
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((max, e) => Math.max(max, statSync(join(e.parentPath, e.name)).mtimeMs), 0);
}

// Minimal typing of the extension APIs used inside the service worker.
interface WorkerChrome {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: {
    session: { get(key: string): Promise<Record<string, unknown>> };
    local: { set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> };
    sync: { set(items: Record<string, unknown>): Promise<void> };
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** A copy of the built extension whose manifest also holds `hosts` as granted host permissions. */
async function extensionWithHosts(extensionDir: string, hosts: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gouji-ext-'));
  await cp(extensionDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return dir;
}

// Runs in the page (main world) before any page script: records DOM changes made after
// DOMContentLoaded, i.e. by anything but the parser, including content scripts.
function watchDom() {
  const w = window as unknown as { __goujiDom?: { ready: string; mutations: number } };
  document.addEventListener('DOMContentLoaded', () => {
    const state = { ready: document.documentElement.outerHTML, mutations: 0 };
    w.__goujiDom = state;
    new MutationObserver((records) => {
      state.mutations += records.length;
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

export async function launch(options: LaunchOptions): Promise<Harness> {
  const builtDir = options.extensionDir ?? EXTENSION_DIR;
  checkPrerequisites(builtDir);
  const extensionDir = options.grantHosts?.length
    ? await extensionWithHosts(builtDir, options.grantHosts)
    : builtDir;
  const removeCopy = () =>
    extensionDir === builtDir ? Promise.resolve() : rm(extensionDir, { recursive: true, force: true });
  const host = options.host ?? DEFAULT_HOST;
  const headed = options.headed ?? (Boolean(process.env.DISPLAY) && process.env.GOUJI_HEADED === '1');
  const server = await serveStatic(options.root);
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'gouji-e2e-')));
  const removeProfile = () =>
    options.userDataDir ? Promise.resolve() : rm(userDataDir, { recursive: true, force: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      // Playwright's own --headless flag would be fine too, but --headless=new states the
      // requirement: only the new headless mode runs extensions.
      headless: false,
      ...(options.viewport ? { viewport: options.viewport } : {}),
      // Playwright passes --disable-extensions by default.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        ...(headed ? [] : ['--headless=new']),
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        `--host-resolver-rules=MAP *.gov.cn 127.0.0.1, MAP *.example.org 127.0.0.1`,
      ],
    });
  } catch (err) {
    await server.close();
    await removeProfile();
    await removeCopy();
    throw err;
  }

  const workerLog: string[] = [];
  const isOurs = (w: Worker) =>
    w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js');
  const listen = (w: Worker) => {
    if (isOurs(w)) w.on('console', (m) => workerLog.push(`[${m.type()}] ${m.text()}`));
  };
  context.serviceWorkers().forEach(listen);
  context.on('serviceworker', listen);

  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 }));

  const first = await serviceWorker();
  const extensionId = new URL(first.url()).host;
  await first.evaluate(
    async ({ key, open }) => {
      const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
      if (open) await chrome.storage.local.set({ [key]: true });
      else await chrome.storage.local.remove(key);
    },
    { key: OPEN_SHADOW_FOR_TESTS, open: !options.closedShadowRoot },
  );
  await context.addInitScript(watchDom);
  const origin = `http://${host}:${server.port}`;

  const tabIdOf = async (page: Page): Promise<number> => {
    const worker = await serviceWorker();
    const id = await worker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
      return (await chrome.tabs.query({})).find((t) => t.url === url)?.id;
    }, page.url());
    // An unknown tab must not read as "nothing stored".
    if (id === undefined) throw new Error(`no tab has the URL ${page.url()}`);
    return id;
  };

  const readTabResult = async (page: Page): Promise<TabResult | undefined> => {
    const key = tabKey(await tabIdOf(page));
    const worker = await serviceWorker();
    const stored = await worker.evaluate(async (k) => {
      const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
      return (await chrome.storage.session.get(k))[k];
    }, key);
    return stored as TabResult | undefined;
  };

  const badgeText = async (page: Page): Promise<string> => {
    const tabId = await tabIdOf(page);
    const worker = await serviceWorker();
    return worker.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
      return chrome.action.getBadgeText({ tabId: id });
    }, tabId);
  };

  const setSettings = async (settings: Record<string, unknown>): Promise<void> => {
    const worker = await serviceWorker();
    await worker.evaluate(
      async ({ key, value }) => {
        const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
        await chrome.storage.sync.set({ [key]: value });
      },
      { key: SETTINGS_KEY, value: settings },
    );
  };

  // The worker cannot message itself; an extension page can, like the popup does.
  let messenger: Page | null = null;
  const sendMessage = async (message: unknown): Promise<unknown> => {
    if (!messenger || messenger.isClosed()) {
      messenger = await context.newPage();
      await messenger.goto(`chrome-extension://${extensionId}/popup.html`);
    }
    return messenger.evaluate(async (m) => {
      const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
      return chrome.runtime.sendMessage(m);
    }, message);
  };

  return {
    origin,
    extensionId,
    context,
    serviceWorker,
    workerLog,
    badgeText,
    setSettings,
    sendMessage,
    async open(path) {
      const page = await context.newPage();
      await page.goto(new URL(path.replace(/^\/?/, '/'), origin).href, { waitUntil: 'load' });
      return page;
    },
    tabIdOf,
    readTabResult,
    async waitForTabResult(
      page,
      { timeout = 20_000, done = (r: TabResult) => r.model !== null || r.error !== null } = {},
    ) {
      const deadline = Date.now() + timeout;
      let last: TabResult | undefined;
      while (Date.now() < deadline) {
        last = await readTabResult(page);
        if (last && done(last)) return last;
        await new Promise((ok) => setTimeout(ok, 200));
      }
      throw new Error(
        `No finished result for ${page.url()} within ${timeout} ms. Last: ${JSON.stringify(last)?.slice(0, 300)}\n` +
          `Service worker log:\n${workerLog.join('\n') || '(empty)'}`,
      );
    },
    async domChangesSinceReady(page) {
      return page.evaluate(() => {
        const state = (window as unknown as { __goujiDom?: { ready: string; mutations: number } }).__goujiDom;
        if (!state) throw new Error('DOM watcher did not run (page loaded before the harness hooked it?)');
        return {
          mutations: state.mutations,
          markupChanged: state.ready !== document.documentElement.outerHTML,
        };
      });
    },
    async close() {
      await context.close().catch(() => {});
      await server.close();
      await removeProfile();
      await removeCopy();
    },
  };
}
