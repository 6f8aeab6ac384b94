import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Portal, servePortal } from '../sweep/portal';
import { type FirefoxHarness, launchFirefox } from './firefox';
import { REPO } from './harness';

// The sweep in real Firefox (MV2): there is no offscreen document, so the background page holds the
// runner in a frame. Started as the popup starts it, it works through the queue and files the
// reports in the log, as in Chromium.

interface Row {
  state: string;
  finished?: boolean;
  status?: string | null;
  url?: string;
  latest?: number;
}

let ff: FirefoxHarness;
let portal: Portal;
beforeAll(async () => {
  portal = await servePortal();
  ff = await launchFirefox(REPO);
}, 60_000);
afterAll(async () => {
  await ff?.close();
  await portal?.close();
});

/** A store of the log's database, read with plain IndexedDB from the add-on's page. */
const store = (name: string) =>
  ff.inExtension(
    (n: string) =>
      new Promise<Row[]>((ok, fail) => {
        const open = indexedDB.open('gouji-log');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction(n, 'readonly').objectStore(n).getAll();
          all.onsuccess = () => {
            ok(all.result as Row[]);
            open.result.close();
          };
          all.onerror = () => fail(all.error);
        };
      }),
    name,
  );

describe('a sweep in Firefox', () => {
  it('runs in the background page and files every report in the log', async () => {
    const list = `http://www.example.gov.cn:${portal.port}/xxgk/nb/index.html`;
    const started = await ff.inExtension(
      (l: string) =>
        (
          globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).browser.runtime.sendMessage({ type: 'sweep-start', list: l }),
      list,
    );
    expect(started).toMatchObject({ ok: true });
    await expect
      .poll(async () => (await store('sweeps'))[0]?.state, { timeout: 90_000, interval: 1_000 })
      .toBe('done');
    const items = await store('sweepItems');
    const count = (s: string) => items.filter((i) => i.status === s).length;
    expect(items).toHaveLength(16);
    expect([count('audited'), count('not-a-report'), count('unreadable'), count('fetch-failed')]).toEqual([
      13, 1, 1, 1,
    ]);
    const audits = (await store('audits')).filter((r) => r.latest === 1);
    expect(audits).toHaveLength(13);
    expect(Math.max(...portal.maxInFlight().values())).toBeLessThanOrEqual(2);
  }, 120_000);
});
