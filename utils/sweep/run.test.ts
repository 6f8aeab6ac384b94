import { describe, expect, it } from 'vitest';
import { Budget } from '../budget';
import { reportPage } from '../rules/testing/pages';
import type { Fetcher } from './fetch';
import { documentKind, runSweep, type SweepDeps } from './run';

// The runner with an in-memory portal: pause and cancel between links, and what the bytes are.

const LIST = 'http://x.gov.cn/nb/index.html';
const links = Array.from({ length: 6 }, (_, i) => `/nb/r${i}.html`);
const pages: Record<string, string> = {
  [LIST]: `<ul>${links.map((l, i) => `<li><a href="${l}">某县第${i}局2021年政府信息公开工作年度报告</a></li>`).join('')}</ul>`,
  ...Object.fromEntries(links.map((l, i) => [`http://x.gov.cn${l}`, reportPage({ agency: `某县第${i}局` })])),
};
const fetcher: Fetcher = async (url) => ({
  url,
  status: 200,
  contentType: 'text/html; charset=utf-8',
  charset: 'utf-8',
  bytes: new TextEncoder().encode(pages[url] ?? ''),
});
const deps = (over: Partial<SweepDeps> = {}): SweepDeps => ({
  fetch: fetcher,
  decode: (b) => new TextDecoder().decode(b),
  toDocument: (html) => new DOMParser().parseFromString(html, 'text/html'),
  ...over,
});

describe('runSweep', () => {
  it('audits every listed link', async () => {
    const result = await runSweep(LIST, deps());
    expect(result.entries.map((e) => e.status)).toEqual(Array(6).fill('audited'));
    expect(result.cancelled).toBeUndefined();
  });

  it('holds at the gate while paused and stops when cancelled, keeping the links read', async () => {
    let open: () => void = () => {};
    let gate: Promise<void> = Promise.resolve();
    let cancelled = false;
    let seen = 0;
    const run = runSweep(
      LIST,
      deps({
        onProgress: () => {
          if (++seen === 2) gate = new Promise((r) => (open = r));
        },
      }),
      { concurrency: 1, control: { gate: () => gate, cancelled: () => cancelled } },
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toBe(2);
    cancelled = true;
    open();
    const result = await run;
    expect(result.cancelled).toBe(true);
    expect(result.entries).toHaveLength(2);
  });

  it('takes a page that runs out of its time budget as one unreadable link, and reads the others', async () => {
    let pagesRead = 0;
    const result = await runSweep(
      LIST,
      deps({
        // the third page's clock jumps past any deadline after the read that sets it; the others' stand still
        budget: () => {
          const third = ++pagesRead === 3;
          let reads = 0;
          return new Budget(5000, () => (third && reads++ > 0 ? Number.POSITIVE_INFINITY : 0));
        },
      }),
      { concurrency: 1 },
    );
    expect(pagesRead).toBe(6);
    expect(result.entries.map((e) => e.status)).toEqual([
      'audited',
      'audited',
      'unreadable',
      'audited',
      'audited',
      'audited',
    ]);
    expect(result.entries[2]).toMatchObject({
      model: null,
      audit: null,
      note: '未读取：超过 5 秒仍未读完 / not read: reading took longer than 5 s',
    });
    expect(result.entries[3]!.model?.agency).toBe('某县第3局');
  });
});

describe('documentKind', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('trusts the bytes over the label', () => {
    expect(documentKind({ bytes: bytes('%PDF-1.7'), contentType: 'text/html', url: 'http://x/a.html' })).toBe(
      'pdf',
    );
    expect(documentKind({ bytes: bytes('<html>'), contentType: '', url: 'http://x/a' })).toBe('html');
    expect(
      documentKind({
        bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]),
        contentType: '',
        url: 'http://x/a.doc',
      }),
    ).toBe('doc');
    expect(
      documentKind({ bytes: new Uint8Array([0x50, 0x4b, 3, 4]), contentType: '', url: 'http://x/a.docx' }),
    ).toBe('docx');
    expect(
      documentKind({ bytes: new Uint8Array([0xff, 0xd8]), contentType: 'image/jpeg', url: 'http://x/a.jpg' }),
    ).toBe('other');
  });
});
