import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromHtml } from '../../../cli/dom';
import { emptyTableInfo, type Paragraph, type ReportModel } from '../../report/model';
import { parseReport } from '../../report/parse';

// Test helpers: parse a page fixture as the content script would, and derive "next year's" report of
// the same body by editing a copy (report-formats.md §5.8 has no same-body consecutive pair among
// the seeds, so the pairs are built).

const ROOT = join(__dirname, '../../../tests/fixtures/pages');

export function parseFixture(
  name: string,
  url = `https://www.example.gov.cn/xxgk/${name}.html`,
): ReportModel {
  const html = readFileSync(join(ROOT, `${name}.html`), 'utf8');
  return parseReport(documentFromHtml(html, url), { url }).model;
}

export const clone = <T>(x: T): T => structuredClone(x);

/** Set a cell's number as if the page printed it (no flags). Creates the row if needed. */
export function setCell(model: ReportModel, address: string, value: number, flags: string[] = []): void {
  const [table, ...rest] = address.split('/');
  const col = rest.pop()!;
  const row = rest.join('/');
  const t = (model.tables as Record<string, Record<string, Record<string, unknown>> | null>)[table!];
  if (!t) throw new Error(`no table ${table}`);
  t[row] ??= {};
  t[row][col] = { raw: String(value), value, flags };
}

export interface NextYearEdits {
  year?: number;
  agency?: string | null;
  title?: string | null;
  host?: string | null;
  format?: ReportModel['format'];
  /** replace the narrative (keeps headings out) */
  paragraphs?: Paragraph[];
  cells?: Record<string, number>;
}

/** A copy of `model` as the same body's report for the following year (or as `edits` say). */
export function nextYear(model: ReportModel, edits: NextYearEdits = {}): ReportModel {
  const next = clone(model);
  const year = edits.year ?? (model.year ?? 0) + 1;
  next.year = year;
  next.title =
    edits.title !== undefined
      ? edits.title
      : (model.title?.replace(String(model.year), String(year)) ?? null);
  if (edits.agency !== undefined) next.agency = edits.agency;
  if (edits.host !== undefined) next.host = edits.host;
  if (edits.format) next.format = edits.format;
  if (edits.paragraphs) {
    next.paragraphs = edits.paragraphs;
    next.headings = [];
    next.claims = [];
  }
  for (const [address, value] of Object.entries(edits.cells ?? {})) setCell(next, address, value);
  return next;
}

/** A narrative of fresh sentences (nothing like any fixture), for pairs that must not look copied. */
export function freshNarrative(year: number, fiveItems: string[] = []): Paragraph[] {
  const text = [
    `${year}年，本机关围绕年度重点任务，完善信息发布审核流程，新建政策文件库并按季度更新目录。`,
    '在平台建设方面，门户网站改版上线，新增无障碍浏览与移动端适配，栏目调整为十二个。',
    '在监督保障方面，开展专项培训三次，邀请第三方机构评估公开质量并通报整改结果。',
    '依申请公开方面，规范受理、登记、答复全流程，统一答复文书格式，建立疑难申请会商机制。',
    '政策解读方面，坚持文件与解读同步起草、同步审签、同步发布，推出图解与视频解读。',
  ];
  const paras: Paragraph[] = text.map((t, i) => ({ id: `p${i + 1}`, section: '一', text: t }));
  for (const t of fiveItems) paras.push({ id: `p${paras.length + 1}`, section: '五', text: t });
  return paras;
}

/** A report model with no tables or text: cheap to store thousands of. */
export function tinyModel(over: Partial<ReportModel> = {}): ReportModel {
  const info = emptyTableInfo();
  return {
    kind: 'report',
    title: '某某县2022年政府信息公开工作年度报告',
    agency: '某某县人民政府',
    year: 2022,
    publishedAt: '2023-01-20',
    format: '2021',
    formatSignals: { f2019: [], f2021: [] },
    source: 'https://www.example.gov.cn/a.html',
    host: 'www.example.gov.cn',
    tables: { active: null, applications: null, reviews: null, legacy: null },
    tableInfo: { active: info, applications: info, reviews: info, legacy: info },
    legacyRows: [],
    headings: [],
    paragraphs: [],
    claims: [],
    ...over,
  };
}
