import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runAudit } from '@/utils/audit/run';
import { LogDb } from '@/utils/log/db';
import { type RecordDetail as Detail, getRecordDetail } from '@/utils/log/queries';
import { clone, freshNarrative, nextYear, parseFixture, setCell } from '@/utils/log/testing/fixtures';
import { addAudit, addEvidence, setVerdict } from '@/utils/log/write';
import { RecordDetail } from './RecordDetail';
import { click, mount, q, qa, text, type } from './testing';

// The detail view over real log data: the county's 2019 report, its 2020 report (cross-year
// findings), and the 2020 page re-audited with other numbers (XYR-08).

const URL_2019 = 'https://www.example.gov.cn/xxgk/2019.html';
const URL_2020 = 'https://www.example.gov.cn/xxgk/2020.html';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';
let detail: Detail;
let prevId: string;

beforeAll(async () => {
  process.env.TZ = 'Asia/Shanghai';
  const db = new LogDb('detail-test');
  const y2019 = nextYear(parseFixture('2019/seed001-fragment', URL_2019), {
    year: 2019,
    paragraphs: freshNarrative(2019, ['一是公开内容不够全面。二是解读形式单一。']),
  });
  prevId = (
    await addAudit(y2019, runAudit(y2019), { extensionVersion: '0.1.0', auditedAt: Date.UTC(2024, 0, 2) }, db)
  ).record.id;
  const y2020 = nextYear(y2019, {
    paragraphs: freshNarrative(2020, ['存在的问题是人员力量不足。']),
    cells: { 'applications/carryIn/NP': 2 },
  });
  await addAudit(
    y2020,
    runAudit(y2020),
    { url: URL_2020, extensionVersion: '0.1.0', auditedAt: Date.UTC(2024, 0, 3) },
    db,
  );
  const edited = clone(y2020);
  setCell(edited, 'reviews/litDirect/upheld', 1);
  setCell(edited, 'reviews/litDirect/total', 2);
  const { record } = await addAudit(
    edited,
    runAudit(edited),
    {
      url: URL_2020,
      extensionVersion: '0.1.1',
      auditedAt: Date.UTC(2024, 0, 4, 1, 30),
    },
    db,
  );
  const t401 = record.findings.find((f) => f.spec === 'T4-01')!;
  await setVerdict(URL_2020, t401.fingerprint, { verdict: 'confirmed', note: '已电话核实' }, db);
  await addEvidence(
    {
      recordId: record.id,
      fingerprint: t401.fingerprint,
      url: URL_2020,
      screenshot: PNG,
      cells: [{ address: 'reviews/rev/pending', text: '1' }],
      sentence: '其中1件引起行政诉讼',
      capturedAt: Date.UTC(2024, 0, 4, 2),
    },
    db,
  );
  detail = (await getRecordDetail(record.id, db))!;
});

const props = (over = {}) => ({
  lang: 'zh' as const,
  detail,
  onVerdict: vi.fn(),
  onNote: vi.fn(),
  onOpenRecord: vi.fn(),
  ...over,
});

describe('RecordDetail', () => {
  it('names the report, links back to the page and lists what was audited', () => {
    const { root } = mount(<RecordDetail {...props()} />);
    expect(text(q(root, 'h2'))).toBe('中宁县2020年政府信息公开工作年度报告');
    const link = q<HTMLAnchorElement>(root, 'a.open-page')!;
    expect(link.getAttribute('href')).toBe(URL_2020);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(text(q(root, 'dl'))).toContain('2024-01-04 09:30 · 第 2 版 · 扩展版本 0.1.1');
  });

  it('opens the printable audit memo of this record when the popup offers it', () => {
    const onMemo = vi.fn();
    const { root } = mount(<RecordDetail {...props({ onMemo })} />);
    expect(text(q(root, 'button[name=memo]'))).toBe('审核备忘录（可打印）');
    click(q(root, 'button[name=memo]'));
    expect(onMemo).toHaveBeenCalledWith(detail.record.id);
    const { root: without } = mount(<RecordDetail {...props()} />);
    expect(q(without, 'button[name=memo]')).toBeNull();
  });

  it('says which file was audited, for an audit from the report viewer; nothing for a page', () => {
    expect(q(mount(<RecordDetail {...props()} />).root, '[data-document]')).toBeNull();
    const document = {
      type: 'pdf' as const,
      url: 'https://www.example.gov.cn/files/2020.pdf',
      from: URL_2020,
      hash: `${'0123456789ab'.repeat(5)}cdef`,
    };
    const fromPdf = { ...detail, record: { ...detail.record, document } };
    const { root } = mount(<RecordDetail {...props({ detail: fromPdf })} />);
    const row = q(root, '[data-document="pdf"]');
    expect(text(row)).toContain('PDF 文件');
    expect(text(row)).toContain(`来自 ${URL_2020}`);
    expect(text(row)).toContain('SHA-256 0123456789ab');
  });

  it('groups findings by table with the arithmetic, and shows verdicts, notes and evidence', () => {
    const p = props();
    const { root } = mount(<RecordDetail {...p} />);
    const groups = qa(root, 'section.findings section.group').map((s) => s.dataset.group);
    expect(groups).toContain('reviews');
    expect(groups).not.toContain('crossYear');
    const t401 = q(root, 'section[data-group=reviews] li.finding')!;
    expect(text(t401.querySelector('.message'))).toBe(
      '行政复议：结果维持 0 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 1，但总计为 0（差 1）',
    );
    expect(text(t401.querySelector('.arithmetic'))).toBe('应为 1，实为 0');
    expect(text(t401.querySelector('.badge'))).toBe('错误');
    expect(t401.className).toContain('verdict-confirmed');
    expect(q(t401, 'button[name=confirm]')!.getAttribute('aria-pressed')).toBe('true');
    expect(q(t401, 'button[name=dismiss]')!.getAttribute('aria-pressed')).toBe('false');
    expect(q<HTMLTextAreaElement>(t401, 'textarea[name=note]')!.value).toBe('已电话核实');
    expect(q<HTMLImageElement>(t401, '.evidence img')!.src).toBe(PNG);
    expect(text(t401.querySelector('.evidence'))).toContain('行政复议·尚未审结 “1”');
    expect(text(t401.querySelector('.evidence'))).toContain('“其中1件引起行政诉讼”');
    expect(text(t401.querySelector('.evidence'))).toContain('取证于 2024-01-04 10:00');

    const fp = t401.dataset.fingerprint!;
    const finding = detail.record.findings.find((f) => f.fingerprint === fp)!;
    click(q(t401, 'button[name=dismiss]'));
    click(q(t401, 'button[name=confirm]'));
    expect(p.onVerdict.mock.calls).toEqual([
      [finding, 'dismissed'],
      [finding, null],
    ]);
    type(q(t401, 'textarea[name=note]'), '已电话核实，对方承认漏填', 'blur');
    expect(p.onNote).toHaveBeenCalledWith(finding, '已电话核实，对方承认漏填');
  });

  it('shows the previous year, the cross-year findings, the follow-through lists and the change with both numbers', () => {
    const p = props();
    const { root } = mount(<RecordDetail {...p} />);
    const cross = q(root, 'section.cross-year')!;
    const prev = q<HTMLButtonElement>(cross, 'button[name=previous-year]')!;
    expect(text(prev)).toBe('中宁县2019年政府信息公开工作年度报告（2019年）');
    click(prev);
    expect(p.onOpenRecord).toHaveBeenCalledWith(prevId);
    const x01 = qa(cross, 'li.finding').find((li) => text(li.querySelector('.spec')) === 'XYR-01')!;
    expect(text(x01.querySelector('.message'))).toContain(
      '自然人列：本年度上年结转 2，但上一年度报告《中宁县2019年政府信息公开工作年度报告》（2019年）的结转下年度继续办理为 0（差 2）',
    );
    expect(text(x01.querySelector('.arithmetic'))).toBe('应为 0，实为 2');
    expect(qa(cross, '.follow-through ol.previous li').map(text)).toEqual([
      '一是公开内容不够全面。',
      '二是解读形式单一。',
    ]);
    expect(qa(cross, '.follow-through ol.current li').map(text)).toEqual(['存在的问题是人员力量不足。']);
    const rows = qa(cross, '.change tbody tr').map((tr) => qa(tr, 'td').map(text));
    expect(rows).toEqual([
      ['行政诉讼·未经复议直接起诉·总计', '1', '2'],
      ['行政诉讼·未经复议直接起诉·结果维持', '0', '1'],
    ]);
    expect(text(q(cross, '.change h4'))).toBe('发布后有变动：与 2024-01-03 08:00 的第 1 版相比');
    expect(qa(cross, 'li.finding .spec').map(text)).toContain('XYR-08');
  });

  it('lists the page’s versions and opens another one', () => {
    const p = props();
    const { root } = mount(<RecordDetail {...p} />);
    const versions = qa<HTMLButtonElement>(root, 'section.history button');
    expect(versions.map(text)).toEqual([
      '第 2 版 · 2024-01-04 09:30 · 发布后有变动 · 当前',
      '第 1 版 · 2024-01-03 08:00',
    ]);
    expect(versions[0]!.disabled).toBe(true);
    click(versions[1]);
    expect(p.onOpenRecord).toHaveBeenCalledWith(detail.history[1]!.id);
  });

  it('deletes only after a confirmation, opens the page through the popup when it can', () => {
    const onDelete = vi.fn();
    const onOpenPage = vi.fn();
    const { root } = mount(<RecordDetail {...props({ onDelete, onOpenPage })} />);
    click(q(root, 'button[name=delete]'));
    expect(onDelete).not.toHaveBeenCalled();
    click(q(root, 'button[name=delete-no]'));
    expect(q(root, 'button[name=delete-yes]')).toBeNull();
    click(q(root, 'button[name=delete]'));
    click(q(root, 'button[name=delete-yes]'));
    expect(onDelete).toHaveBeenCalledWith(detail.record.id);
    click(q(root, 'a.open-page'));
    expect(onOpenPage).toHaveBeenCalledWith(URL_2020);
  });

  it('speaks English when asked', () => {
    const { root } = mount(<RecordDetail {...props({ lang: 'en' })} />);
    expect(text(q(root, 'a.open-page'))).toBe('Open the page');
    expect(text(q(root, 'section.cross-year h3'))).toBe('Year-on-year checks');
    expect(text(q(root, 'section[data-group=reviews] h4'))).toBe('Table 4 · reviews and lawsuits');
    expect(q(root, 'section[data-group=reviews] button[name=dismiss]')!.textContent).toBe('False alarm');
    expect(text(q(root, '.change tr[data-address="reviews/litDirect/total"] td'))).toBe(
      'lawsuits filed directly · total',
    );
  });
});
