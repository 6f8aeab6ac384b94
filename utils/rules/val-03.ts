import { cellLabel } from './labels';
import { AGENCY_KIND_LABELS, classifyAgency } from './lib/agency';
import { getCell, hasFlag, loc, t2 } from './lib/cells';
import type { Evaluation, Rule } from './types';

const PROCUREMENT = t2('art20_9.procurement', 'amount');
const FEES = t2('art20_8.fees', 'amountWan');
/** 100 亿元 in 万元: more than a county-level body plausibly reports */
const TOO_LARGE_WAN = 1_000_000;

/** The amount in 万元, when the unit is known. */
function inWan(value: number, unit: string | undefined): number | null {
  if (unit === '万元') return value;
  if (unit === '元') return value / 10_000;
  if (unit === '亿元') return value * 10_000;
  return null;
}

export const val03: Rule = {
  id: 'VAL-03',
  spec: 'VAL-03',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '金额单元格',
    en: 'Amount cells',
  },
  description: {
    zh: '2019 版“采购总金额”应为不小于 0 的数，可带单位（万元/元/亿元），表头没有单位，不带单位只作提示。2021 版“本年收费金额（单位：万元）”应为不小于 0 的数，写成“元”是单位冲突（警告）。县级及以下机关的金额达到 100 万万元以上，多半是按元填写（提示）。',
    en: 'The 2019 “procurement amount” is a number ≥ 0 with an optional unit (万元/元/亿元); the header has no unit, so a bare number is a note. The 2021 “fees collected (unit: 10,000 yuan)” is a number ≥ 0; a 元 unit conflicts with the header (warning). An amount of a million 万元 or more from a county-level or lower body was probably entered in yuan (note).',
  },
  messages: {
    notAmount: { zh: '{cell}“{raw}”不是有效金额', en: '{cell} “{raw}” is not a valid amount' },
    noUnit: {
      zh: '{cell}“{raw}”没有单位，表头也没有，无法确定是元还是万元',
      en: '{cell} “{raw}” has no unit and neither has the header: yuan or 10,000 yuan?',
    },
    yuanInWan: {
      zh: '{cell}表头单位是万元，但填写为“{raw}”（元）',
      en: '{cell} is in 10,000 yuan by its header, but reads “{raw}” (yuan)',
    },
    tooLarge: {
      zh: '{cell}为 {wan} 万元，对{kind}来说过大，可能按元填写',
      en: '{cell} is {wan} × 10,000 yuan, too large for {kind}; entered in yuan?',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    const agency = classifyAgency(model);
    const small = agency.level === 'county' || agency.level === 'township';
    for (const a of [PROCUREMENT, FEES]) {
      const c = getCell(model, a);
      if (!c || hasFlag(c, 'blank') || hasFlag(c, 'missing')) continue;
      const data = { ...loc('cell', cellLabel(a)), raw: c.raw.trim() };
      if (c.value === null || c.value < 0) {
        out.push({ outcome: 'fail', messageId: 'notAmount', data, cells: [a], place: a });
        continue;
      }
      const unit =
        c.unit ??
        (/亿元/.test(c.raw) ? '亿元' : /万元/.test(c.raw) ? '万元' : /元/.test(c.raw) ? '元' : undefined);
      const header = a === FEES ? '万元' : undefined;
      if (a === FEES && unit === '元') {
        out.push({ outcome: 'fail', messageId: 'yuanInWan', data, cells: [a], place: a });
        continue;
      }
      if (a === PROCUREMENT && !unit && c.value > 0) {
        out.push({ outcome: 'fail', severity: 'info', messageId: 'noUnit', data, cells: [a], place: a });
        continue;
      }
      const wan = inWan(c.value, unit ?? header);
      if (small && wan !== null && wan >= TOO_LARGE_WAN) {
        out.push({
          outcome: 'fail',
          severity: 'info',
          messageId: 'tooLarge',
          data: { ...data, wan, ...loc('kind', AGENCY_KIND_LABELS[agency.kind]) },
          cells: [a],
          place: `${a}:size`,
        });
        continue;
      }
      out.push({ outcome: 'pass', place: a });
    }
    return out;
  },
};
