import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import type { Finding } from '../audit/result';
import { runAudit } from '../audit/run';
import { parseReport } from '../report/parse';
import { legacyTextPlace, textPlace } from '../rules/lib/text';
import { reportPage, t3Row } from '../rules/testing/pages';
import { LogDb } from './db';
import { getRecordDetail } from './queries';
import { addAudit, setVerdict } from './write';

// A reviewer's verdict on a text finding must survive the portal correcting a number in that
// sentence (review M5): the place of a text finding masks the sentence's digits, so its
// fingerprint stays. Verdicts given under the old keys (the sentence verbatim) stay readable.

const URL = 'https://www.example.gov.cn/xxgk/2021/report.html';
const t3 = { ...t3Row('new', [3, 2, 0, 0, 0, 0, 5]), ...t3Row('carryIn', [1, 0, 0, 0, 0, 0, 1]) };
const page = (sentence: string) => reportPage({ t3, text: { 一: [sentence] } });
const read = (html: string) => parseReport(documentFromHtml(html, URL), { url: URL }).model;
const txt01 = (findings: readonly Finding[]) => {
  const found = findings.filter((f) => f.rule === 'TXT-01');
  expect(found).toHaveLength(1);
  return found[0]!;
};

let n = 0;
const freshDb = () => new LogDb(`verdict-survives-${++n}-${Math.random()}`);

describe('text places mask the numbers', () => {
  it('textPlace is the same for two sentences that differ only in their numbers', () => {
    expect(textPlace('2021年，共收到申请 7 件。')).toBe(textPlace('2021年,共收到申请17件。'));
    expect(textPlace('共收到申请七件')).toBe(textPlace('共收到申请十二件'));
    expect(textPlace('共收到申请7件')).not.toBe(textPlace('共办结申请7件'));
  });

  it('a corrected number keeps the TXT-01 fingerprint', () => {
    const before = txt01(runAudit(read(page('2021年，共收到政府信息公开申请7件。'))).findings);
    const after = txt01(runAudit(read(page('2021年，共收到政府信息公开申请8件。'))).findings);
    expect(after.message.zh).not.toBe(before.message.zh);
    expect(after.fingerprint).toBe(before.fingerprint);
  });

  it('the finding names the fingerprint the sentence had before masking, for old verdicts', () => {
    const f = txt01(runAudit(read(page('2021年，共收到政府信息公开申请7件。'))).findings);
    expect(f.formerFingerprint).toBeDefined();
    expect(f.formerFingerprint).not.toBe(f.fingerprint);
    // what the engine before masking computed: the sentence verbatim in the place
    const sentence = f.sentence!.text;
    expect(legacyTextPlace(sentence)).toContain('7');
    // computed by the engine of 6c30d13 (before masking) for this very page
    expect(f.formerFingerprint).toBe('TXT-01:bb517fec');
  });
});

describe('a verdict survives a corrected number', () => {
  it('keeps the verdict when the page corrects the number of its sentence', async () => {
    const db = freshDb();
    const first = read(page('2021年，共收到政府信息公开申请7件。'));
    const filed = await addAudit(first, runAudit(first), { url: URL, extensionVersion: '0.1.0' }, db);
    const finding = txt01(filed.record.findings);
    await setVerdict(URL, finding.fingerprint, { verdict: 'confirmed', note: '已去电核实' }, db);

    const corrected = read(page('2021年，共收到政府信息公开申请9件。'));
    const again = await addAudit(corrected, runAudit(corrected), { url: URL, extensionVersion: '0.1.0' }, db);
    const detail = await getRecordDetail(again.record.id, db);
    const now = txt01(detail!.record.findings);
    expect(detail!.verdicts[now.fingerprint]?.verdict).toBe('confirmed');
    expect(detail!.verdicts[now.fingerprint]?.note).toBe('已去电核实');
  });

  it('reads a verdict stored under the old key (the sentence verbatim) for the new finding', async () => {
    const db = freshDb();
    const model = read(page('2021年，共收到政府信息公开申请7件。'));
    const filed = await addAudit(model, runAudit(model), { url: URL, extensionVersion: '0.1.0' }, db);
    const finding = txt01(filed.record.findings);
    // a verdict written by the engine before masking
    await setVerdict(URL, finding.formerFingerprint!, { verdict: 'dismissed', note: '旧版' }, db);
    const detail = await getRecordDetail(filed.record.id, db);
    expect(detail!.verdicts[finding.fingerprint]?.verdict).toBe('dismissed');
  });
});
