import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { runAudit } from '../../utils/audit/run';
import { findAttachments } from '../../utils/report/attachments';
import { parseReport } from '../../utils/report/parse';
import { admit, type SenderFacts } from './inbound';

// The gate for the document messages: the viewer files its audits (extension page only), the
// popup opens the viewer, a page's auditor asks for the viewer on one of its files (http(s) only).

const SELF = { id: 'gouji-test-id', base: 'chrome-extension://gouji-test-id/' };
const PAGE_URL = 'https://www.example.gov.cn/zwgk/2023/report.html';
const content: SenderFacts = { id: SELF.id, url: PAGE_URL, tab: { id: 7 }, frameId: 0 };
const viewer: SenderFacts = { id: SELF.id, url: `${SELF.base}viewer.html?src=x`, tab: { id: 9 } };

const html = readFileSync(join(__dirname, '../../tests/e2e/pages/report-2021.html'), 'utf8').replace(
  '</body>',
  '<a href="/files/2022nb.pdf">2022年度报告.pdf</a></body>',
);
const doc = documentFromHtml(html, PAGE_URL);
const { model } = parseReport(doc, { url: PAGE_URL });
const audit = runAudit(model);
const source = {
  type: 'pdf',
  url: 'https://www.example.gov.cn/files/2022nb.pdf',
  from: PAGE_URL,
  hash: 'a'.repeat(64),
};

describe('document messages at the gate', () => {
  it('admits an audit with the attachments the auditor found', () => {
    const attachments = findAttachments(doc, PAGE_URL);
    expect(attachments).toHaveLength(1);
    expect(admit({ type: 'audited', model, audit, attachments }, content, SELF).ok).toBe(true);
    const bad = [{ ...attachments[0], url: 'javascript:alert(1)' }];
    expect(admit({ type: 'audited', model, audit, attachments: bad }, content, SELF).ok).toBe(false);
  });

  it('files a document audit only from an extension page, with a well-formed source', () => {
    const message = { type: 'document-audited', model, audit, source };
    expect(admit(message, viewer, SELF)).toMatchObject({ ok: true, from: 'page' });
    expect(admit(message, content, SELF).ok).toBe(false);
    expect(admit({ ...message, source: { ...source, hash: 'not a hash' } }, viewer, SELF).ok).toBe(false);
    expect(admit({ ...message, source: { ...source, type: 'exe' } }, viewer, SELF).ok).toBe(false);
  });

  it('opens the viewer for pages only, on web addresses only', () => {
    expect(admit({ type: 'open-viewer', paste: true }, viewer, SELF).ok).toBe(true);
    expect(admit({ type: 'open-viewer', src: source.url, from: PAGE_URL, tabId: 7 }, viewer, SELF).ok).toBe(
      true,
    );
    expect(admit({ type: 'open-viewer', src: source.url }, content, SELF).ok).toBe(false);
    expect(admit({ type: 'open-viewer', src: 'file:///etc/passwd' }, viewer, SELF).ok).toBe(false);
  });

  it('lets a page’s auditor ask for the viewer on a web file, and nothing more', () => {
    expect(admit({ type: 'audit-attachment', src: source.url }, content, SELF)).toMatchObject({ ok: true });
    expect(admit({ type: 'audit-attachment', src: 'chrome://settings' }, content, SELF).ok).toBe(false);
    expect(admit({ type: 'audit-attachment', src: source.url, tabId: 3 }, content, SELF).ok).toBe(false);
  });
});
