import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { click, mount, q, text } from '@/components/log/testing';
import { Popup } from './Popup';

// The popup's own buttons when the background cannot answer (it is restarting, or refuses): the
// user is told, and the button is free again (review L3).

const TAB = { id: 7, url: 'https://www.example.gov.cn/art/2023/report.html', active: true };
const LOST = 'Could not establish connection. Receiving end does not exist.';

type Fake = {
  i18n: { getUILanguage(): string };
  tabs: { query(): Promise<unknown[]>; getCurrent(): Promise<undefined> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((ok) => setTimeout(ok, 10));
  }
  throw new Error(`timed out: ${what}`);
};

let view: ReturnType<typeof mount> | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  const b = fakeBrowser as unknown as Fake;
  b.i18n.getUILanguage = () => 'zh-CN';
  b.tabs.getCurrent = async () => undefined;
  b.tabs.query = async () => [TAB];
});
afterEach(() => {
  view?.unmount();
  view = undefined;
});

const auditButton = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b).startsWith('审核此页'));

describe('the popup, when the background does not answer', () => {
  it('says so when asked to audit the page, and frees the button', async () => {
    const asked: unknown[] = [];
    (fakeBrowser as unknown as Fake).runtime.sendMessage = async (m) => {
      asked.push(m);
      throw new Error(LOST);
    };
    view = mount(<Popup firstRowsRead={Promise.resolve([])} />);
    const { root } = view;
    await until(() => auditButton(root)?.disabled === false, 'the tab');
    click(auditButton(root));
    await until(() => q(root, '.error') !== null, 'the error');
    expect(asked).toEqual([{ type: 'audit-tab', tabId: TAB.id }]);
    expect(text(q(root, '.error'))).toContain(LOST);
    await until(() => auditButton(root)?.disabled === false, 'the button freed');
    expect(text(auditButton(root))).toContain('审核此页');
  });

  it('says so when the active tab cannot be read', async () => {
    (fakeBrowser as unknown as Fake).tabs.query = async () => {
      throw new Error('tabs unavailable');
    };
    view = mount(<Popup firstRowsRead={Promise.resolve([])} />);
    const { root } = view;
    await until(() => q(root, '.error') !== null, 'the error');
    expect(text(q(root, '.error'))).toContain('tabs unavailable');
    // no tab: nothing to audit
    expect(auditButton(root)?.disabled).toBe(true);
  });
});
