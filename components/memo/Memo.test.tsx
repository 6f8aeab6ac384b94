import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '@/utils/audit/result';
import { runAudit } from '@/utils/audit/run';
import { LogDb } from '@/utils/log/db';
import { getEvidence, getVerdicts } from '@/utils/log/queries';
import { clone, parseFixture } from '@/utils/log/testing/fixtures';
import { addAudit, addEvidence, setVerdict } from '@/utils/log/write';
import { click, mount, q, qa, text } from '../log/testing';
import { Memo } from './Memo';

// The audit memo over a real logged audit: the county's 2019 report (its Table 4 does not add up), a verdict with a
// note and an evidence screenshot on that finding.

const URL = 'https://www.example.gov.cn/xxgk/2019.html';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

async function logged() {
  process.env.TZ = 'Asia/Shanghai';
  const db = new LogDb(`memo-${Math.random()}`);
  const model = clone(parseFixture('2019/seed001-fragment', URL));
  const { record } = await addAudit(
    model,
    runAudit(model),
    { extensionVersion: '0.1.0', auditedAt: Date.UTC(2024, 0, 4, 1, 30) },
    db,
  );
  const t401 = record.findings.find((f) => f.spec === 'T4-01') as Finding;
  await setVerdict(URL, t401.fingerprint, { verdict: 'confirmed', note: '已电话核实' }, db);
  await addEvidence(
    {
      recordId: record.id,
      fingerprint: t401.fingerprint,
      url: URL,
      screenshot: PNG,
      cells: [{ address: 'reviews/rev/total', text: '1' }],
      capturedAt: Date.UTC(2024, 0, 4, 2),
    },
    db,
  );
  return { record, t401, verdicts: await getVerdicts(URL, db), evidence: await getEvidence(record.id, db) };
}

describe('Memo', () => {
  it('prints the identity, the findings grouped as in the panel with arithmetic, cells, verdicts and evidence', async () => {
    const { record, t401, verdicts, evidence } = await logged();
    const onPrint = vi.fn();
    const { root } = mount(
      <Memo
        lang="zh"
        record={record}
        verdicts={verdicts}
        evidence={evidence}
        now={Date.UTC(2024, 0, 5)}
        onPrint={onPrint}
      />,
    );
    expect(text(q(root, 'h1'))).toBe('政府信息公开工作年度报告审核备忘录');
    const identity = text(q(root, 'table.identity'));
    expect(identity).toContain('中宁县人民政府');
    expect(identity).toContain(URL);
    expect(q(root, `table.identity a[href="${URL}"]`)).not.toBeNull();
    // the groups in the panel's order, each finding once
    const groups = qa(root, 'section.group').map((s) => s.getAttribute('data-group'));
    expect(groups).toEqual([...new Set(groups)]);
    expect(qa(root, 'li.finding')).toHaveLength(record.findings.length);
    const item = q(root, `section[data-group="reviews"] li[data-spec="T4-01"]`)!;
    expect(text(item.querySelector('.message'))).toBe(t401.message.zh);
    expect(text(item.querySelector('.cells'))).toMatch(/^涉及单元格：.+ = \d/);
    expect(text(item.querySelector('.verdict'))).toBe('复核结论：已确认 · 复核备注：已电话核实');
    expect(item.querySelector('figure.evidence img')?.getAttribute('src')).toBe(PNG);
    const other = qa(root, 'li.finding').find((li) => li !== item)!;
    expect(text(other.querySelector('.verdict'))).toBe('复核结论：未复核');
    click(q(root, 'button[name=print]'));
    expect(onPrint).toHaveBeenCalledTimes(1);
  });

  it('reads in English', async () => {
    const { record, verdicts, evidence } = await logged();
    const { root } = mount(
      <Memo lang="en" record={record} verdicts={verdicts} evidence={evidence} now={0} />,
    );
    expect(text(q(root, 'h1'))).toBe('Audit memo: annual information disclosure report');
    expect(q(root, 'button[name=print]')).toBeNull();
    expect(text(q(root, 'section[data-group="reviews"] h2'))).toBe('Table 4 · reviews and lawsuits');
    expect(text(q(root, 'li[data-spec="T4-01"] .verdict'))).toBe(
      'Reviewer’s verdict: confirmed · Reviewer’s note: 已电话核实',
    );
  });
});
