import type { Localized } from '../audit/result';
import { classifyAgency } from './lib/agency';
import { signature } from './lib/names';
import { wholeParagraph } from './lib/text';
import type { Evaluation, Rule } from './types';

// FMT-12: published on time (条例第四十九条): departments by 31 January of the next year, local
// governments by 31 March; pre-2019 reports (2008 条例第三十一条) by 31 March. A 管委会 is read as a
// department; when its report falls between the two deadlines the finding is uncertain.

type Deadline = { date: string; label: Localized; sure: boolean };

function deadline(model: Parameters<Rule['evaluate']>[0], year: number): Deadline {
  const jan: Localized = { zh: `${year + 1}年1月31日`, en: `31 January ${year + 1}` };
  const mar: Localized = { zh: `${year + 1}年3月31日`, en: `31 March ${year + 1}` };
  const y1 = year + 1;
  if (model.format === 'pre2019') return { date: `${y1}-03-31`, label: mar, sure: true };
  const kind = classifyAgency(model).kind;
  if (kind === 'province' || kind === 'city' || kind === 'county')
    return { date: `${y1}-03-31`, label: mar, sure: true };
  if (kind === 'department' || kind === 'central') return { date: `${y1}-01-31`, label: jan, sure: true };
  if (kind === 'park') return { date: `${y1}-01-31`, label: jan, sure: false };
  return { date: `${y1}-03-31`, label: mar, sure: false };
}

export const fmt12: Rule = {
  id: 'FMT-12',
  spec: 'FMT-12',
  severity: 'warning',
  judgesYear: true,
  formats: ['2019', '2021', 'pre2019', 'hybrid', 'unknown'],
  title: {
    zh: '按时发布',
    en: 'Published on time',
  },
  description: {
    zh: '《政府信息公开条例》第四十九条：县级以上人民政府部门在每年 1 月 31 日前、县级以上地方人民政府在 3 月 31 日前公布上一年度报告；2019 年以前的报告按 2008 年条例第三十一条为 3 月 31 日前。发布日期取页面的发布日期，缺少时取落款日期。',
    en: "Regulations art. 49: departments publish the previous year's report by 31 January, local governments by 31 March; pre-2019 reports (2008 regulations art. 31) by 31 March. The date is the page's publication date, else the date under the signature.",
  },
  messages: {
    late: {
      zh: '{date}发布，晚于{deadline}的期限（{who}）',
      en: 'Published {date}, after the deadline of {deadline} ({who})',
    },
    lateUnsure: {
      zh: '{date}发布，晚于部门的期限{deadline}；{who}适用哪个期限需人工确认',
      en: "Published {date}, after the departments' deadline of {deadline}; which deadline applies to {who} needs a human look",
    },
    early: {
      zh: '发布日期 {date} 早于报告年度结束，日期是否有误？',
      en: 'Published {date}, before the report year ended: is the date wrong?',
    },
  },
  evaluate(model) {
    if (model.year === null) return [];
    const sig = signature(model);
    const date = model.publishedAt ?? sig?.iso ?? null;
    if (!date) return [];
    const sentence = !model.publishedAt && sig ? { sentence: wholeParagraph(sig.date) } : {};
    const d = deadline(model, model.year);
    const kind = classifyAgency(model).kind;
    const who: Localized =
      model.format === 'pre2019'
        ? { zh: '2008 年条例', en: '2008 regulations' }
        : kind === 'department' || kind === 'central' || kind === 'park'
          ? { zh: '政府部门', en: 'a department' }
          : { zh: '地方人民政府', en: 'a local government' };
    if (Number(date.slice(0, 4)) <= model.year)
      return [
        {
          outcome: 'fail',
          messageId: 'early',
          severity: 'info',
          data: { date },
          cells: [],
          ...sentence,
          place: 'date',
        },
      ];
    if (date <= d.date) return [{ outcome: 'pass', place: 'date' }];
    const hard = `${model.year + 1}-03-31`;
    const ev: Evaluation =
      !d.sure && date <= hard
        ? {
            outcome: 'uncertain',
            messageId: 'lateUnsure',
            data: {
              date,
              deadline_zh: d.label.zh,
              deadline_en: d.label.en,
              who_zh: model.agency ?? '',
              who_en: model.agency ?? '',
            },
            cells: [],
            ...sentence,
            place: 'date',
          }
        : {
            outcome: 'fail',
            messageId: 'late',
            data: {
              date,
              deadline_zh: date > hard ? `${model.year + 1}年3月31日` : d.label.zh,
              deadline_en: date > hard ? `31 March ${model.year + 1}` : d.label.en,
              who_zh: who.zh,
              who_en: who.en,
            },
            cells: [],
            ...sentence,
            place: 'date',
          };
    return [ev];
  },
};
