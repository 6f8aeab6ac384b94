import { describe, expect, it } from 'vitest';
import type { Finding, Localized } from '@/utils/audit/result';
import { runAudit } from '@/utils/audit/run';
import { LogDb } from '@/utils/log/db';
import { logAudit, notSaved } from '@/utils/log/hub';
import { listLatest } from '@/utils/log/queries';
import { parseFixture } from '@/utils/log/testing/fixtures';
import { type FilingSteps, fileAudit } from './file-audit';

// The background's handling of an audit: the log is written first, and the cosmetic steps after
// it (the session cache, the badge) can fail without costing the record (review M2).

let n = 0;
const freshDb = () => new LogDb(`file-audit-test-${++n}-${Math.random()}`);
const URL = 'https://www.example.gov.cn/xxgk/2019/report.html';

function setup(over: Partial<FilingSteps> = {}) {
  const db = freshDb();
  const model = parseFixture('2019/seed001-fragment', URL);
  const audit = runAudit(model);
  const order: string[] = [];
  const warnings: string[] = [];
  const told: Localized[] = [];
  let badged: readonly Finding[] | null | undefined;
  const steps: FilingSteps = {
    log: async () => {
      order.push('log');
      return logAudit(model, audit, URL, { extensionVersion: '0.1.0' }, db);
    },
    cache: async () => {
      order.push('cache');
    },
    badge: async (findings) => {
      order.push('badge');
      badged = findings;
    },
    failed: async (error) => {
      told.push(error);
    },
    describe: notSaved,
    warn: (step) => warnings.push(step),
    ...over,
  };
  return { db, audit, steps, order, warnings, told, badged: () => badged };
}

describe('fileAudit', () => {
  it('writes the log before the session cache and the badge, and badges the logged findings', async () => {
    const s = setup();
    const filing = await fileAudit(s.audit.findings, s.steps);
    expect(s.order).toEqual(['log', 'cache', 'badge']);
    expect(filing.error).toBeUndefined();
    expect(filing.logged?.recordId).toBeTruthy();
    expect(s.badged()).toBe(filing.logged?.findings);
    expect((await listLatest({}, s.db)).total).toBe(1);
  });

  it('keeps the record when the tab was closed meanwhile (badge and cache reject)', async () => {
    const closed = () => Promise.reject(new Error('No tab with id: 42.'));
    const s = setup({ cache: closed, badge: closed });
    const filing = await fileAudit(s.audit.findings, s.steps);
    expect(filing.error).toBeUndefined();
    expect(s.warnings).toEqual(['cache', 'badge']);
    const list = await listLatest({}, s.db);
    expect(list.total).toBe(1);
    expect(list.items[0]?.url).toBe(URL);
    expect(s.told).toEqual([]);
  });

  it('keeps the record when storage.session is full', async () => {
    const s = setup({ cache: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) });
    await fileAudit(s.audit.findings, s.steps);
    expect((await listLatest({}, s.db)).total).toBe(1);
    expect(s.order).toEqual(['log', 'badge']);
  });

  it('tells the page and the popup when the write fails, and still badges the engine findings', async () => {
    const s = setup({
      log: () => Promise.reject(new Error('QuotaExceededError')),
    });
    const filing = await fileAudit(s.audit.findings, s.steps);
    expect(filing.logged).toBeNull();
    expect(filing.error?.en).toContain('not saved');
    expect(filing.error?.en).toContain('QuotaExceededError');
    expect(s.told).toEqual([filing.error]);
    expect(s.order).toEqual(['cache', 'badge']);
    expect(s.badged()).toBe(s.audit.findings);
  });

  it('a failure to tell about a failed write is only a warning', async () => {
    const s = setup({
      log: () => Promise.reject(new Error('blocked')),
      failed: () => Promise.reject(new Error('no receiver')),
    });
    const filing = await fileAudit(s.audit.findings, s.steps);
    expect(filing.error?.zh).toContain('未能存入日志');
    expect(s.warnings).toEqual(['failed']);
  });
});
