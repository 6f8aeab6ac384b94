import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { startSweep } from './sweep-start';

// Starting a sweep from a click (popup, sweep view): a list outside *.gov.cn first asks for its
// site's optional host permission; refused, nothing is sent to the background, so nothing is
// fetched. (Headless Chromium cannot answer the browser's prompt, so this is tested here.)

interface FakeApis {
  permissions: { request(p: { origins: string[] }): Promise<boolean> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
}
const b = fakeBrowser as unknown as FakeApis;
let asked: string[][];
let sent: unknown[];
let grant: boolean;

beforeEach(() => {
  fakeBrowser.reset();
  asked = [];
  sent = [];
  grant = false;
  b.permissions.request = async ({ origins }) => {
    asked.push(origins);
    return grant;
  };
  b.runtime.sendMessage = async (m) => {
    sent.push(m);
    return { ok: true, id: 'sw-1' };
  };
});

describe('startSweep', () => {
  it('asks nothing for a *.gov.cn list and starts it', async () => {
    const list = 'http://www.example.gov.cn/xxgk/nb/index.html';
    expect(await startSweep(list)).toEqual({ ok: true, id: 'sw-1' });
    expect(asked).toEqual([]);
    expect(sent).toEqual([{ type: 'sweep-start', list }]);
  });

  it('asks for the site of a list elsewhere; refused, it sends nothing and says why', async () => {
    const result = await startSweep('https://xxgk.example.org:8443/nb/index.html');
    expect(asked).toEqual([['*://xxgk.example.org/*']]);
    expect(sent).toEqual([]);
    expect(result).toEqual({
      ok: false,
      error: {
        zh: '未获准访问 xxgk.example.org：没有获取任何页面。请允许访问该网站后再审核列表。',
        en: 'No access to xxgk.example.org was granted: nothing was fetched. Allow access to the site to sweep its list.',
      },
    });
  });

  it('starts it once the site is granted', async () => {
    grant = true;
    const list = 'https://xxgk.example.org/nb/index.html';
    expect(await startSweep(list)).toEqual({ ok: true, id: 'sw-1' });
    expect(asked).toEqual([['*://xxgk.example.org/*']]);
    expect(sent).toEqual([{ type: 'sweep-start', list }]);
  });
});
