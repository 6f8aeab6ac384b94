import { describe, expect, it } from 'vitest';
import { FetchError, politeFetcher } from './fetch';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fake server: answers after `ms`, recording requests in flight per host. */
function fakeServer(answer: (url: string, n: number) => Response | Promise<Response>, ms = 5) {
  const inFlight = new Map<string, number>();
  const max = new Map<string, number>();
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const counts = new Map<string, number>();
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const host = new URL(url).host;
    calls.push({ url, init });
    const n = (counts.get(url) ?? 0) + 1;
    counts.set(url, n);
    inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
    max.set(host, Math.max(max.get(host) ?? 0, inFlight.get(host)!));
    try {
      await tick(ms);
      init?.signal?.throwIfAborted();
      return await answer(url, n);
    } finally {
      inFlight.set(host, inFlight.get(host)! - 1);
    }
  }) as typeof fetch;
  return { fetchImpl, max, calls };
}

const ok = (text = 'ok', headers: Record<string, string> = {}) =>
  new Response(text, { status: 200, headers: { 'content-type': 'text/html; charset=GBK', ...headers } });

describe('politeFetcher', () => {
  it('keeps each host to two requests at a time, hosts apart', async () => {
    const server = fakeServer(() => ok());
    const get = politeFetcher({ pauseMs: 0 }, server.fetchImpl);
    const urls = [
      ...Array.from({ length: 8 }, (_, i) => `http://a.gov.cn/${i}.html`),
      ...Array.from({ length: 8 }, (_, i) => `http://b.gov.cn/${i}.html`),
    ];
    const results = await Promise.all(urls.map(get));
    expect(results).toHaveLength(16);
    expect(server.max.get('a.gov.cn')).toBe(2);
    expect(server.max.get('b.gov.cn')).toBe(2);
  });

  it('pauses after each request before the slot is free, and sends no credentials', async () => {
    const server = fakeServer(() => ok());
    const pauses: number[] = [];
    const get = politeFetcher({ pauseMs: 300 }, server.fetchImpl, async (ms) => {
      pauses.push(ms);
    });
    const page = await get('http://a.gov.cn/x.html');
    expect(pauses).toEqual([300]);
    expect(page).toMatchObject({ url: 'http://a.gov.cn/x.html', status: 200, charset: 'gbk' });
    expect(new TextDecoder().decode(page.bytes)).toBe('ok');
    expect(server.calls[0]!.init).toMatchObject({ credentials: 'omit', redirect: 'follow' });
  });

  it('retries a 5xx with a doubling back-off, and gives up after the retries', async () => {
    const server = fakeServer((url, n) =>
      url.endsWith('flaky') && n > 2 ? ok() : new Response('', { status: 503 }),
    );
    const backoffs: number[] = [];
    const get = politeFetcher({ pauseMs: 0, retries: 2, backoffMs: 100 }, server.fetchImpl, async (ms) => {
      if (ms) backoffs.push(ms);
    });
    expect((await get('http://a.gov.cn/flaky')).status).toBe(200);
    expect(backoffs).toEqual([100, 200]);
    const error = await get('http://a.gov.cn/down').catch((e) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ kind: 'http', status: 503 });
    expect(server.calls.filter((c) => c.url.endsWith('down'))).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    const server = fakeServer(() => new Response('', { status: 404 }));
    const get = politeFetcher({ pauseMs: 0, backoffMs: 1 }, server.fetchImpl);
    await expect(get('http://a.gov.cn/gone')).rejects.toMatchObject({ kind: 'http', status: 404 });
    expect(server.calls).toHaveLength(1);
  });

  it('times a request out, and retries it', async () => {
    const server = fakeServer(() => ok(), 200);
    const get = politeFetcher({ pauseMs: 0, timeoutMs: 20, retries: 1, backoffMs: 1 }, server.fetchImpl);
    await expect(get('http://a.gov.cn/slow')).rejects.toMatchObject({ kind: 'timeout' });
    expect(server.calls).toHaveLength(2);
  });

  it('refuses a body over the size cap, declared or streamed', async () => {
    const big = 'x'.repeat(2000);
    const declared = fakeServer(() => ok(big, { 'content-length': '2000' }));
    await expect(
      politeFetcher({ pauseMs: 0, maxBytes: 1000 }, declared.fetchImpl)('http://a.gov.cn/big'),
    ).rejects.toMatchObject({
      kind: 'too-large',
    });
    const streamed = fakeServer(
      () =>
        new Response(
          new ReadableStream({
            start(c) {
              for (let i = 0; i < 4; i++) c.enqueue(new TextEncoder().encode(big.slice(0, 500)));
              c.close();
            },
          }),
        ),
    );
    await expect(
      politeFetcher({ pauseMs: 0, maxBytes: 1000 }, streamed.fetchImpl)('http://a.gov.cn/big'),
    ).rejects.toMatchObject({
      kind: 'too-large',
    });
    expect(
      (await politeFetcher({ pauseMs: 0, maxBytes: 3000 }, streamed.fetchImpl)('http://a.gov.cn/big')).bytes,
    ).toHaveLength(2000);
  });
});
