import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { runAudit } from '../../utils/audit/run';
import { detectReport } from '../../utils/report/detect';
import { parseReport } from '../../utils/report/parse';
import {
  admit,
  InboundMessageSchema,
  REAUDIT_KEY,
  ReauditLimiter,
  SENDER_CLASS,
  type SenderFacts,
  senderClassOf,
} from './inbound';

// The background's gate: who may send what, and what a message must look like.

const SELF = { id: 'gouji-test-id', base: 'chrome-extension://gouji-test-id/' };
const PAGE_URL = 'https://www.example.gov.cn/zwgk/2023/report.html';

/** A content script in tab 7 (a frame of a portal page). */
const content: SenderFacts = { id: SELF.id, url: PAGE_URL, tab: { id: 7 }, frameId: 0 };
/** The popup (an extension page; no tab). */
const popup: SenderFacts = { id: SELF.id, url: `${SELF.base}popup.html` };
/** The options page opened in a tab: still an extension page. */
const optionsInTab: SenderFacts = { id: SELF.id, url: `${SELF.base}options.html`, tab: { id: 3 } };

const html = readFileSync(join(__dirname, '../../tests/e2e/pages/report-2021.html'), 'utf8');
const doc = documentFromHtml(html, PAGE_URL);
const { model } = parseReport(doc, { url: PAGE_URL });
const audit = runAudit(model);

describe('sender classes', () => {
  it('tells a content script from an extension page', () => {
    expect(senderClassOf(content, SELF)).toBe('content');
    expect(senderClassOf({ ...content, url: 'file:///home/u/report.html' }, SELF)).toBe('content');
    expect(senderClassOf(popup, SELF)).toBe('page');
    expect(senderClassOf(optionsInTab, SELF)).toBe('page');
  });

  it('knows no other sender', () => {
    expect(senderClassOf({ ...content, id: 'another-extension' }, SELF)).toBeNull();
    expect(senderClassOf({ ...popup, id: 'another-extension' }, SELF)).toBeNull();
    expect(senderClassOf({ id: SELF.id, url: PAGE_URL }, SELF)).toBeNull(); // no tab
    expect(senderClassOf({ ...content, tab: { id: -1 } }, SELF)).toBeNull(); // TAB_ID_NONE
    expect(senderClassOf({ ...content, url: 'data:text/html,x' }, SELF)).toBeNull();
    expect(senderClassOf({ ...content, url: 'chrome-extension://other/page.html' }, SELF)).toBeNull();
    expect(senderClassOf({ id: SELF.id, tab: { id: 7 } }, SELF)).toBeNull(); // no url
  });
});

describe('admit', () => {
  it('admits what the scripts and pages really send', () => {
    const detected = { type: 'report-detected', detection: detectReport(doc) };
    expect(admit(detected, content, SELF)).toMatchObject({ ok: true, from: 'content' });
    const audited = { type: 'audited', model, audit, requested: true };
    const admitted = admit(audited, content, SELF);
    expect(admitted.ok).toBe(true);
    // the admitted message is the parsed one, equal to what was sent
    if (admitted.ok) expect(admitted.message).toEqual(audited);
    expect(admit({ type: 'audit-failed', error: 'boom' }, content, SELF).ok).toBe(true);
    expect(admit({ type: 'audit-tab', tabId: 12 }, popup, SELF).ok).toBe(true);
    expect(admit({ type: 'toggle-overlay' }, popup, SELF).ok).toBe(true);
    expect(admit({ type: 'log-clear' }, popup, SELF).ok).toBe(true);
    expect(
      admit({ type: 'log-verdict', url: PAGE_URL, fingerprint: 'f', verdict: null }, popup, SELF).ok,
    ).toBe(true);
    expect(admit({ type: 'log-import', text: '{}' }, optionsInTab, SELF).ok).toBe(true);
  });

  it("refuses a content script's log-clear and audit-tab, for its own tab or another", () => {
    for (const message of [
      { type: 'log-clear' },
      { type: 'audit-tab', tabId: 8 },
      { type: 'audit-tab', tabId: 7 },
      { type: 'toggle-overlay', tabId: 8 },
      { type: 'log-delete', id: 'x' },
      { type: 'log-import', text: '{}' },
    ]) {
      const result = admit(message, content, SELF);
      expect(result.ok, message.type).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/needs a page sender, got content/);
    }
  });

  it("refuses an extension page's content-script messages (they would fake a tab's audit)", () => {
    expect(admit({ type: 'audit-failed', error: 'x' }, popup, SELF).ok).toBe(false);
    expect(admit({ type: 'audited', model, audit }, optionsInTab, SELF).ok).toBe(false);
  });

  it('refuses unknown types, non-objects and foreign senders', () => {
    for (const raw of [null, undefined, 42, 'log-clear', {}, { type: 'toString' }, { type: '__proto__' }]) {
      expect(admit(raw, popup, SELF).ok).toBe(false);
    }
    expect(admit({ type: 'log-clear' }, { ...popup, id: 'evil' }, SELF).ok).toBe(false);
  });

  it('refuses malformed payloads and says which tab could not be read', () => {
    const badModel = { type: 'audited', model: { ...model, tables: 'nope' }, audit };
    const result = admit(badModel, content, SELF);
    expect(result).toMatchObject({ ok: false, malformedFromTab: 7 });
    if (!result.ok) expect(result.reason).toMatch(/^malformed audited: model\.tables/);
    // an extra field is refused, not silently dropped
    expect(admit({ type: 'log-clear', all: true }, popup, SELF).ok).toBe(false);
    expect(admit({ type: 'audit-tab', tabId: '7' }, popup, SELF).ok).toBe(false);
    expect(admit({ type: 'audit-tab', tabId: -1 }, popup, SELF).ok).toBe(false);
    // a malformed page message is not blamed on a tab
    const fromPopup = admit({ type: 'audit-tab' }, popup, SELF);
    expect(fromPopup.ok).toBe(false);
    expect(fromPopup).not.toHaveProperty('malformedFromTab');
  });

  it('has a sender class for every type in the union, and a schema for every sender class', () => {
    const inUnion = InboundMessageSchema.options.map((o) => o.shape.type.value).sort();
    expect(inUnion).toEqual(Object.keys(SENDER_CLASS).sort());
  });
});

describe('the sweep messages', () => {
  const runner: SenderFacts = { id: SELF.id, url: `${SELF.base}sweep-runner.html` };
  const list = 'https://www.example.gov.cn/xxgk/nb/index.html';

  it('lets the popup and the sweep view start and steer a sweep, and the runner file a report', () => {
    expect(admit({ type: 'sweep-start', list }, popup, SELF)).toMatchObject({ ok: true, from: 'page' });
    expect(admit({ type: 'sweep-control', id: 'sw-1', action: 'pause' }, optionsInTab, SELF).ok).toBe(true);
    const filed = admit({ type: 'sweep-audited', url: PAGE_URL, model, audit }, runner, SELF);
    expect(filed).toMatchObject({ ok: true, from: 'page' });
    expect(filed.ok && filed.message.type === 'sweep-audited' && filed.message.model.year).toBe(model.year);
  });

  it('refuses them from a portal page, and in any shape but their own', () => {
    for (const m of [
      { type: 'sweep-start', list },
      { type: 'sweep-control', id: 'sw-1', action: 'cancel' },
      { type: 'sweep-audited', url: PAGE_URL, model, audit },
    ])
      expect(admit(m, content, SELF)).toMatchObject({
        ok: false,
        reason: `${m.type} needs a page sender, got content`,
      });
    expect(admit({ type: 'sweep-start', list: 'file:///etc/passwd' }, popup, SELF).ok).toBe(false);
    expect(admit({ type: 'sweep-start', list, cookies: true }, popup, SELF).ok).toBe(false);
    expect(admit({ type: 'sweep-control', id: 'sw-1', action: 'delete' }, popup, SELF).ok).toBe(false);
    expect(admit({ type: 'sweep-audited', url: PAGE_URL, model, audit: {} }, runner, SELF).ok).toBe(false);
  });
});

describe('the list page offer', () => {
  it('takes the list detection and the offer click from a content script only, with no address in them', () => {
    expect(admit({ type: 'list-detected' }, content, SELF)).toMatchObject({ ok: true, from: 'content' });
    expect(admit({ type: 'sweep-this-list' }, content, SELF)).toMatchObject({ ok: true, from: 'content' });
    expect(admit({ type: 'sweep-this-list' }, popup, SELF).ok).toBe(false);
    // the page cannot name another list to sweep: the background takes the sender's own address
    expect(admit({ type: 'sweep-this-list', list: 'https://other.gov.cn/nb/' }, content, SELF)).toMatchObject(
      {
        ok: false,
      },
    );
  });
});

describe('ReauditLimiter', () => {
  /** storage.session as the worker sees it: survives a new limiter (a restarted worker), async. */
  const sessionArea = () => {
    const data: Record<string, unknown> = {};
    return {
      data,
      async get(key: string) {
        return key in data ? { [key]: structuredClone(data[key]) } : {};
      },
      async set(items: Record<string, unknown>) {
        Object.assign(data, structuredClone(items));
      },
    };
  };

  it('lets one requested re-audit of a page through per window', async () => {
    const limiter = new ReauditLimiter(sessionArea(), 10_000);
    expect(await limiter.allow('a', 0)).toBe(true);
    expect(await limiter.allow('a', 1)).toBe(false);
    expect(await limiter.allow('a', 9_999)).toBe(false);
    expect(await limiter.allow('b', 5)).toBe(true); // per page
    expect(await limiter.allow('a', 10_000)).toBe(true);
    expect(await limiter.allow('a', 10_001)).toBe(false);
  });

  it('remembers across a worker restart: a new limiter over the same session storage', async () => {
    const area = sessionArea();
    expect(await new ReauditLimiter(area, 10_000).allow('a', 0)).toBe(true);
    const afterRestart = new ReauditLimiter(area, 10_000);
    expect(await afterRestart.allow('a', 500)).toBe(false);
    expect(await afterRestart.allow('a', 10_000)).toBe(true);
    expect((area.data[REAUDIT_KEY] as Record<string, number>).a).toBe(10_000);
  });

  it('decides one message at a time: a flood that arrives together gets one through', async () => {
    const limiter = new ReauditLimiter(sessionArea(), 10_000);
    const decisions = await Promise.all(Array.from({ length: 20 }, () => limiter.allow('a', 100)));
    expect(decisions.filter(Boolean)).toHaveLength(1);
  });

  it('counts a page once whatever its #fragment', async () => {
    const limiter = new ReauditLimiter(sessionArea(), 10_000);
    const page = 'https://www.example.gov.cn/art/report.html';
    expect(await limiter.allow(`${page}#top`, 0)).toBe(true);
    expect(await limiter.allow(`${page}#t1`, 1)).toBe(false);
    expect(await limiter.allow(page, 2)).toBe(false);
    expect(await limiter.allow(`${page}?page=2`, 3)).toBe(true);
  });

  it('counts the audit as ordinary when the storage fails', async () => {
    const broken = {
      get: async () => ({}),
      set: async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
    };
    const limiter = new ReauditLimiter(broken, 10_000);
    expect(await limiter.allow('a', 0)).toBe(false);
    expect(await limiter.allow('b', 0)).toBe(false); // the queue goes on after a failure
  });

  it('stays small on many pages', async () => {
    const area = sessionArea();
    const limiter = new ReauditLimiter(area, 10);
    for (let i = 0; i < 1000; i++) await limiter.allow(`p${i}`, i * 100);
    const kept = Object.keys(area.data[REAUDIT_KEY] as Record<string, number>);
    expect(kept.length).toBeLessThanOrEqual(201);
    expect(kept).toContain('p999');
  });

  it('keeps the newest pages when more than it keeps are inside their window', async () => {
    const area = sessionArea();
    const limiter = new ReauditLimiter(area, 1_000_000);
    for (let i = 0; i < 250; i++) expect(await limiter.allow(`p${i}`, i)).toBe(true);
    const kept = area.data[REAUDIT_KEY] as Record<string, number>;
    expect(Object.keys(kept)).toHaveLength(200);
    expect(kept.p249).toBe(249);
    expect(kept.p0).toBeUndefined();
  });
});
