import { agencyKeyOf, siteOf } from '../../log/keys';
import { type MemberKind, scopeCounts } from '../../report/claims/index';
import {
  cellAddress,
  type ReportModel,
  T2_AMOUNT_COLS,
  T2_SIGNED_COLS,
  type TableId,
} from '../../report/model';
import { cellLabel } from '../labels';
import { getCell, loc, TABLE_FORMATS, t3, t4 } from '../lib/cells';
import type { CrossBodyRule, SweptReport, XbdEvaluation } from './types';

// XBD-02: a government's report (某县人民政府 / 某县) counts the requests, reviews and lawsuits of the
// government, and a county's departments (某县…局) and townships (某县…镇) report their own on the
// same portal. The government's totals cannot then be below the sum of its parts' totals. Only a
// warning: a government may report its own office's figures alone, and the parts may count cases
// the government also counts; the inspector decides.
//
// XDOC-01's part across reports lives here too, so one cell never gets two findings for one
// difference: when the government's report says it was compiled from its members' reports
// ("汇总12个乡镇、29个政府组成部门…编制而成", an aggregationScope claim) and the sweep holds exactly
// that many township and department reports (one each), every count cell of its 表二, 表三 and 表四
// must equal the sum of the members' cells, not only be at least it.

/** The totals compared, as addresses. */
const TOTALS = [t3('new', 'TOT'), t4('rev', 'total'), t4('litDirect', 'total'), t4('litAfterRev', 'total')];

/** A place's government: the key is a place name (中宁县, 银川市, 西夏区…), 人民政府 already dropped by agencyKeyOf. */
const PLACE = /^[\p{Script=Han}]{1,12}?(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|区|镇|乡|街道)$/u;

const keyOf = (m: ReportModel) => agencyKeyOf(m.agency, m.title);

/** Zones and communities end like places but have no government of their own. */
const NOT_A_GOVERNMENT = /(?:园区|开发区|高新区|保税区|景区|社区|管委会|校区|矿区)$/;

export function isGovernment(model: ReportModel): boolean {
  const key = keyOf(model);
  return PLACE.test(key) && !NOT_A_GOVERNMENT.test(key);
}

/** The reports of the same year on the same portal whose issuer is named inside the government's place. */
export function partsOf(government: SweptReport, others: readonly SweptReport[]): SweptReport[] {
  const key = keyOf(government.model);
  const site = siteOf(government.model.host);
  return others.filter((o) => {
    const k = keyOf(o.model);
    return (
      o.url !== government.url &&
      o.model.year === government.model.year &&
      siteOf(o.model.host) === site &&
      k.length > key.length &&
      k.startsWith(key)
    );
  });
}

/** Townships (镇/乡/街道/苏木) among the parts; every other body under the place is a department. */
const memberKindOf = (government: string, part: string): MemberKind =>
  /(?:镇|乡|街道|街道办事处|苏木)$/.test(part.slice(government.length)) ? 'township' : 'department';

/**
 * The members of a compiled report, when the sweep holds every one it names: its parts of the kinds
 * its compiling statement counts, exactly as many of each, one report per body. Else null.
 */
export function membersOf(report: SweptReport, parts: readonly SweptReport[]): SweptReport[] | null {
  const compiled = report.model.claims.find(
    (c) => c.kind === 'aggregationScope' && c.subject === 'aggregate',
  );
  if (!compiled) return null;
  const scope = scopeCounts(compiled);
  const key = keyOf(report.model);
  const members = parts.filter((p) => scope.has(memberKindOf(key, keyOf(p.model))));
  if (new Set(members.map((p) => keyOf(p.model))).size !== members.length) return null;
  for (const [kind, { value }] of scope) {
    if (members.filter((p) => memberKindOf(key, keyOf(p.model)) === kind).length !== value) return null;
  }
  return members;
}

/** The count cells of a report's tables (表二 without amounts and signed changes; 表三; 表四). */
function countCells(model: ReportModel): string[] {
  const out: string[] = [];
  for (const table of ['active', 'applications', 'reviews'] as TableId[]) {
    for (const [row, cols] of Object.entries(model.tables[table] ?? {})) {
      for (const col of Object.keys(cols)) {
        if (table === 'active' && (T2_AMOUNT_COLS.has(col) || T2_SIGNED_COLS.has(col))) continue;
        out.push(cellAddress(table, row, col));
      }
    }
  }
  return out;
}

const partsText = (parts: readonly SweptReport[], address: string): string =>
  parts
    .slice(0, 6)
    .map((p) => `${p.model.agency ?? p.url} ${getCell(p.model, address)!.value}`)
    .join('、') + (parts.length > 6 ? '…' : '');

export const xbd02: CrossBodyRule = {
  id: 'XBD-02',
  spec: 'XBD-02',
  severity: 'warning',
  formats: TABLE_FORMATS,
  title: {
    zh: '政府报告的表三、表四总数不小于其部门报告之和',
    en: 'A government’s Table 3/4 totals are at least the sum of its departments’',
  },
  description: {
    zh: '同一门户、同一年度，本级人民政府报告的新收申请总数和行政复议、行政诉讼总计，不应小于名称在其辖下的部门、乡镇报告的相应数之和（总数不能小于部分之和）。政府报告可能只统计本级，故只作警告。报告称由成员单位报告“汇总……编制而成”且同批审核中恰有其所称数量的乡镇、部门报告时，表二、表三、表四的每一个计数单元格都应等于成员单位相应单元格之和（XDOC-01 的跨报告部分）。',
    en: 'On one portal and for one year, the government’s new applications and its review and lawsuit totals should not be below the sum of those of the departments and townships named under it (the whole cannot be smaller than its parts). A government may count its own office alone, so this is a warning. When the report says it was compiled from its members’ reports (汇总……编制而成) and the sweep holds exactly as many township and department reports as it names, every count cell of Tables 2, 3 and 4 must equal the sum of the members’ cells (the part of XDOC-01 across reports).',
  },
  messages: {
    notSum: {
      zh: '本报告称由成员单位报告汇总编制，{cell}为 {own}，但本门户同年全部 {count} 份成员单位报告的该项合计 {sum}（{parts}）',
      en: 'This report says it was compiled from its members’ reports, but {cell} is {own} while all {count} member reports on this portal add up to {sum} for the same year ({parts})',
    },
    belowParts: {
      zh: '{cell}为 {own}，但本门户同年 {count} 份部门、乡镇报告的该项合计 {sum}（{parts}）',
      en: '{cell} is {own}, but {count} reports of departments and townships on this portal add up to {sum} for the same year ({parts})',
    },
  },
  evaluate(report, ctx) {
    const { model } = report;
    if (model.year === null || !isGovernment(model)) return [];
    const parts = partsOf(report, ctx.others).filter((p) => TABLE_FORMATS.includes(p.model.format as never));
    if (!parts.length) return [];
    const members = membersOf(report, parts);
    if (members) {
      // compiled from exactly these reports: every count cell is the sum of theirs
      return countCells(model).map((address): XbdEvaluation => {
        const own = getCell(model, address);
        const theirs = members.map((p) => getCell(p.model, address)?.value);
        if (!own || own.value === null || theirs.some((v) => v == null))
          return { outcome: 'notApplicable', place: address };
        const sum = theirs.reduce((s: number, v) => s + v!, 0);
        if (sum === own.value) return { outcome: 'pass', place: address };
        return {
          outcome: 'fail',
          messageId: 'notSum',
          place: address,
          cells: [address],
          otherCells: members.map((p) => ({ model: p.model, cells: [address] })),
          expected: sum,
          actual: own.value,
          data: {
            own: own.value,
            sum,
            count: members.length,
            parts: partsText(members, address),
            ...loc('cell', cellLabel(address, model.legacyRows)),
          },
        };
      });
    }
    return TOTALS.map((address): XbdEvaluation => {
      const own = getCell(model, address);
      if (!own || own.value === null) return { outcome: 'notApplicable', place: address };
      const counted = parts.filter((p) => getCell(p.model, address)?.value != null);
      const sum = counted.reduce((s, p) => s + getCell(p.model, address)!.value!, 0);
      if (sum <= own.value) return { outcome: 'pass', place: address };
      return {
        outcome: 'fail',
        messageId: 'belowParts',
        place: address,
        cells: [address],
        otherCells: counted.map((p) => ({ model: p.model, cells: [address] })),
        expected: sum,
        actual: own.value,
        data: {
          own: own.value,
          sum,
          count: counted.length,
          parts: partsText(counted, address),
          ...loc('cell', cellLabel(address, model.legacyRows)),
        },
      };
    });
  },
};
