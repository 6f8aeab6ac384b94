import { AGENCY_KIND_LABELS, classifyAgency } from './lib/agency';
import { getCell, isUnknown, loc, t2 } from './lib/cells';
import type { Rule } from './types';

const ROW = 'art20_1.regulations';

export const t212: Rule = {
  id: 'T2-12',
  spec: 'T2-12',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '无规章制定权的机关填报了本年制发规章',
    en: 'Regulations issued by a body without rule-making power',
  },
  description: {
    zh: '只有国务院部门和省、自治区、直辖市、设区的市、自治州人民政府（或代为填报的司法部门）能制定规章。县级、乡镇、园区和地方政府部门的报告中本年制发（新制作）规章大于 0，多半是把规范性文件填进了规章栏。',
    en: 'Only State Council departments and the governments of provinces, municipalities, cities with districts and autonomous prefectures (or their legal-affairs departments reporting for them) can make regulations (规章). A county, township, park or local department reporting regulations made this year has probably put normative documents in the regulations row.',
  },
  messages: {
    noPower: {
      zh: '{agency}是{kind}，没有规章制定权，但“规章”本年制发 {made} 件（是否把规范性文件填进了规章栏？）',
      en: '{agency} is {kind} without rule-making power, yet it reports {made} regulations made this year (normative documents in the regulations row?)',
    },
  },
  evaluate(model) {
    const col = model.tables.active?.[ROW]?.made ? 'made' : 'newMade';
    const a = t2(ROW, col);
    const cell = getCell(model, a);
    if (!cell || isUnknown(cell)) return [];
    if (cell.value === 0) return [{ outcome: 'pass', place: ROW }];
    const agency = classifyAgency(model);
    if (agency.rulemaking !== false) return [{ outcome: 'pass', place: ROW }];
    return [
      {
        outcome: 'fail',
        messageId: 'noPower',
        data: { agency: agency.name, ...loc('kind', AGENCY_KIND_LABELS[agency.kind]), made: cell.value! },
        cells: [a],
        place: ROW,
      },
    ];
  },
};
