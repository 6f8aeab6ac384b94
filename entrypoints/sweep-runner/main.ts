import { browser } from '#imports';
import { Budget } from '@/utils/budget';
import { logDb } from '@/utils/log/db';
import type { LogResult } from '@/utils/log/hub';
import { decodeBytes } from '@/utils/source/decode';
import { readReport } from '@/utils/source/index';
import { politeFetcher } from '@/utils/sweep/fetch';
import { type QueueDeps, runQueue } from '@/utils/sweep/queue';
import type { SweepAudited } from '../shared/messages';
import { PDF_RESOURCES } from '../shared/pdf-resources';
import { serialized } from '../shared/serial';

// The sweep runner: works through the sweep queue in the log's database (utils/sweep/queue.ts), a
// short step at a time. An offscreen document in Chrome (an MV3 worker has no DOM to read pages
// with), a frame of the background page in Firefox; started by the background (entrypoints/
// background.ts wakeRunner). It reads the queue and its items, and files each report through the
// background, the log's writer, like an audit the user made.
// Its pages are read with the extension's host access: *.gov.cn built in, other sites once the user
// granted them (the background starts no sweep without).

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/**
 * How long one swept page may take to be read. The runner holds no user's tab, but in Firefox it is
 * a frame of the background page, whose thread also files audits and sets badges; and unlike the
 * auditor it has no size gate before the parse (only the fetcher's size cap). 5 s is several times
 * what the largest page the auditor admits should take (about 0.6 s).
 */
const PAGE_BUDGET_MS = 5000;

const deps: QueueDeps = {
  // one fetcher for the runner's life: its per-host limits hold across sweeps
  fetch: politeFetcher(),
  decode: decodeBytes,
  budget: () => new Budget(PAGE_BUDGET_MS),
  toDocument: (html, url) => {
    const doc = parseHtml(html);
    // relative links resolve against the page's own address, not this extension page's
    const base = doc.createElement('base');
    base.href = url;
    doc.head.prepend(base);
    return doc;
  },
  readDocument: async (fetched) => {
    const read = await readReport(
      fetched.bytes,
      { contentType: fetched.contentType, name: fetched.url },
      { url: fetched.url, parseHtml, pdf: PDF_RESOURCES },
    );
    // the problem in both languages, as the sweep's rows are read in either
    const problem = read.problem ? `${read.problem.zh} / ${read.problem.en}` : undefined;
    return { model: read.parsed?.model ?? null, ...(problem ? { problem } : {}) };
  },
  async file(model, audit, url) {
    const message: SweepAudited = { type: 'sweep-audited', url, model, audit };
    const reply = (await browser.runtime.sendMessage(message)) as LogResult | { ok: false; error: string };
    if ('recordId' in reply) return reply.recordId;
    throw new Error(reply.error);
  },
};

const run = serialized(
  () => runQueue(logDb(), deps),
  (err) => console.error('[gouji] sweep runner', err),
);

browser.runtime.onMessage.addListener((message: unknown) => {
  if ((message as { type?: unknown } | null)?.type === 'sweep-wake') void run();
  // no answer: the wake is a broadcast, other pages ignore it too
  return undefined;
});

void run();
