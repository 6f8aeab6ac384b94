// A polite fetcher for sweeping a portal: county portals are small servers, and an inspector's tool
// must never look like an attack on them. Per host: at most `perHost` requests at a time and a pause
// after each; per request: a timeout (body included) and a size cap; retries with back-off on 5xx
// and timeouts only (a 404 stays a 404). No cookies or credentials are sent.
// The `fetch` and `sleep` are injected so the CLI, the extension and the tests share it.

export interface FetchPolicy {
  /** requests in flight to one host */
  perHost: number;
  /** pause after each request before the host's slot is free again, ms */
  pauseMs: number;
  timeoutMs: number;
  maxBytes: number;
  /** extra attempts after a 5xx, a timeout or a network error */
  retries: number;
  /** first back-off, doubled at each retry, ms */
  backoffMs: number;
}

export const POLITE: FetchPolicy = {
  perHost: 2,
  pauseMs: 500,
  timeoutMs: 20_000,
  maxBytes: 30 * 1024 * 1024,
  retries: 2,
  backoffMs: 1_000,
};

export interface Fetched {
  /** the URL after redirects */
  url: string;
  status: number;
  contentType: string;
  /** charset=… of the Content-Type header, lower case */
  charset: string | null;
  bytes: Uint8Array;
}

export type FetchFailure = 'http' | 'timeout' | 'too-large' | 'network';

export class FetchError extends Error {
  constructor(
    readonly kind: FetchFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export type Fetcher = (url: string) => Promise<Fetched>;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface HostSlots {
  active: number;
  waiting: Array<() => void>;
}

export function politeFetcher(
  policy: Partial<FetchPolicy> = {},
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  sleep: (ms: number) => Promise<void> = defaultSleep,
): Fetcher {
  const p: FetchPolicy = { ...POLITE, ...policy };
  const hosts = new Map<string, HostSlots>();

  const acquire = async (host: string) => {
    const slots = hosts.get(host) ?? { active: 0, waiting: [] };
    hosts.set(host, slots);
    while (slots.active >= p.perHost) await new Promise<void>((resolve) => slots.waiting.push(resolve));
    slots.active++;
    return slots;
  };
  const release = async (slots: HostSlots) => {
    if (p.pauseMs > 0) await sleep(p.pauseMs);
    slots.active--;
    slots.waiting.shift()?.();
  };

  const once = async (url: string): Promise<Fetched> => {
    const signal = AbortSignal.timeout(p.timeoutMs);
    let response: Response;
    try {
      response = await fetchImpl(url, {
        signal,
        redirect: 'follow',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
    } catch (error) {
      throw asFetchError(error);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new FetchError('http', `HTTP ${response.status}`, response.status);
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > p.maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw new FetchError('too-large', `larger than ${p.maxBytes} bytes`);
    }
    const bytes = await readCapped(response, p.maxBytes).catch((error) => {
      throw asFetchError(error);
    });
    const contentType = response.headers.get('content-type') ?? '';
    return {
      url: response.url || url,
      status: response.status,
      contentType,
      charset: /charset=["']?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? null,
      bytes,
    };
  };

  return async (url: string) => {
    const host = new URL(url).host.toLowerCase();
    for (let attempt = 0; ; attempt++) {
      const slots = await acquire(host);
      try {
        return await once(url);
      } catch (error) {
        const e = error as FetchError;
        const retryable = e.kind === 'timeout' || e.kind === 'network' || (e.status ?? 0) >= 500;
        if (!retryable || attempt >= p.retries) throw e;
      } finally {
        await release(slots);
      }
      await sleep(p.backoffMs * 2 ** attempt);
    }
  };
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new FetchError('too-large', `larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function asFetchError(error: unknown): FetchError {
  if (error instanceof FetchError) return error;
  const e = error as Error & { cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return new FetchError('timeout', 'timed out');
  return new FetchError('network', e?.cause?.code ?? e?.message ?? String(error));
}
