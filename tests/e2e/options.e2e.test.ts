import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch, OTHER_HOST, REPO } from './harness';
import { hasHost, waitForHost } from './overlay-helpers';

// The options page: sites besides *.gov.cn where the detector runs, and the language. Headless
// Chromium cannot answer a permission prompt, so the harness installs a build whose manifest
// already holds *.example.org: permissions.request then resolves at once, as after a "yes".

const SAMPLE = 'scripts/demo/sample-report.html';
const SCRIPT_ID = 'gouji-detector-user-sites';

interface WorkerChrome {
  scripting: {
    getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; allFrames?: boolean }[]>;
  };
  storage: { sync: { get(key: string): Promise<Record<string, unknown>> } };
}

let h: Harness;
let otherOrigin: string;
beforeAll(async () => {
  h = await launch({ root: REPO, grantHosts: [`*://*.${OTHER_HOST.split('.').slice(1).join('.')}/*`] });
  otherOrigin = `http://${OTHER_HOST}:${new URL(h.origin).port}`;
  await h.setSettings({ lang: 'zh' });
});
afterAll(async () => {
  await h?.close();
});

const registered = async () =>
  (await h.serviceWorker()).evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
    return chrome.scripting.getRegisteredContentScripts();
  });

const settings = async () =>
  (await h.serviceWorker()).evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
    return (await chrome.storage.sync.get('settings')).settings as { lang: string; sites: string[] };
  });

async function openOther(path: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${otherOrigin}/${path}`, { waitUntil: 'load' });
  return page;
}

describe('options page', () => {
  let options: Page;
  beforeAll(async () => {
    options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByRole('heading', { name: '勾稽 设置' }).waitFor();
  });
  afterAll(async () => {
    await options?.close();
  });

  it('a report on a site the user did not add is left alone', async () => {
    const page = await openOther(SAMPLE);
    await page.waitForTimeout(1500);
    expect(await h.readTabResult(page)).toBeUndefined();
    expect(await hasHost(page)).toBe(false);
    await page.close();
  });

  it('adds a site: asks for access, registers the detector there, and its reports get the overlay', async () => {
    await options.getByRole('textbox').fill(`https://${OTHER_HOST}/zwgk/nb/2023.html`);
    await options.getByRole('button', { name: '添加' }).click();
    await options.locator(`li[data-site="*://${OTHER_HOST}/*"]`).waitFor();
    expect((await settings()).sites).toEqual([`*://${OTHER_HOST}/*`]);
    await expect
      .poll(async () => (await registered()).find((s) => s.id === SCRIPT_ID)?.matches)
      .toEqual([`*://${OTHER_HOST}/*`]);
    expect((await registered()).find((s) => s.id === SCRIPT_ID)?.allFrames).toBe(true);

    const page = await openOther(SAMPLE);
    await waitForHost(page);
    expect((await h.waitForTabResult(page)).model?.kind).toBe('report');
    expect(await h.badgeText(page)).toMatch(/^\d+$/);
    await page.close();
  });

  it('refuses what is not a site or a whole public suffix, and says *.gov.cn needs no entry', async () => {
    await options.getByRole('textbox').fill('not a site');
    await options.getByRole('button', { name: '添加' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toContain('无法识别');
    await options.getByRole('textbox').fill('www.beijing.gov.cn');
    await options.getByRole('button', { name: '添加' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toContain('已默认自动审核');
    // a whole public suffix is no site: refused before the browser is asked (which would say "denied")
    for (const suffix of ['*.com.cn', '*.cn']) {
      await options.getByRole('textbox').fill(suffix);
      await options.getByRole('button', { name: '添加' }).click();
      await expect
        .poll(() => options.getByRole('status').textContent())
        .toContain(`${suffix} 涵盖整个公共域名后缀`);
    }
    expect((await settings()).sites).toEqual([`*://${OTHER_HOST}/*`]);
  });

  it('stores the language, and the page follows it', async () => {
    await options.getByLabel('English（英文）').check();
    await expect.poll(async () => (await settings()).lang).toBe('en');
    await options.getByRole('heading', { name: 'Gouji settings' }).waitFor();
    await options.getByLabel('中文 (Chinese)').check();
    await expect.poll(async () => (await settings()).lang).toBe('zh');
  });

  it('removes a site: the detector no longer runs there', async () => {
    await options.locator(`li[data-site="*://${OTHER_HOST}/*"] button`).click();
    await expect.poll(async () => (await registered()).some((s) => s.id === SCRIPT_ID)).toBe(false);
    expect((await settings()).sites).toEqual([]);
    const page = await openOther(SAMPLE);
    await page.waitForTimeout(1500);
    expect(await hasHost(page)).toBe(false);
    await page.close();
  });
});

describe('popup', () => {
  it('"审核此页" audits a page the detector does not run on, and the overlay appears', async () => {
    const page = await openOther(SAMPLE);
    const tabId = await h.tabIdOf(page);
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: /审核此页/ }).click();
    await waitForHost(page);
    expect((await h.waitForTabResult(page)).model?.kind).toBe('report');
    await popup.close();
    await page.close();
  });
});
