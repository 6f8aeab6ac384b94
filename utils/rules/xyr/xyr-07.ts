import type { ReportModel } from '../../report/model';
import { TABLE_FORMATS } from '../lib/cells';
import { prose } from '../lib/text';
import { compact, otherData, quote } from './lib';
import type { CrossYearRule } from './types';

// Follow-through: section 五 (存在的主要问题及改进情况) of year Y should say how the problems and
// measures of Y−1's section 五 were handled. A reader compares the two lists; the rule only notes
// (info) when Y's section 五 never refers back to last year, and puts both lists in the message.
// The lists are also data for the popup's detail view (followThrough).

const MAX_ITEMS = 6;

/** The items of a report's section 五: its paragraphs, split at 一是/二是… and (一)(二)… */
export function sectionFiveItems(model: ReportModel): string[] {
  const items: string[] = [];
  for (const p of prose(model).filter((x) => x.section === '五')) {
    const parts = p.text
      .split(/(?=[一二三四五六七八九十]是)|(?=[（(][一二三四五六七八九十][)）])/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    items.push(...parts);
  }
  return items;
}

export interface FollowThrough {
  previous: string[];
  current: string[];
  /** Y's section 五 refers to last year's problems or to their handling */
  refersBack: boolean;
}

export function followThrough(current: ReportModel, previous: ReportModel): FollowThrough {
  const cur = sectionFiveItems(current);
  const prevYear = current.year === null ? '' : `|${current.year - 1}年`;
  const back = new RegExp(`(上一?年度?|去年|上年${prevYear})[^。]{0,40}(问题|不足|整改|改进|措施|落实)`);
  return {
    previous: sectionFiveItems(previous),
    current: cur,
    refersBack: back.test(compact(cur.join('。'))),
  };
}

const list = (items: string[], lang: 'zh' | 'en'): string => {
  if (items.length === 0) return lang === 'zh' ? '（无）' : '(none)';
  const shown = items.slice(0, MAX_ITEMS).map((s, i) => `${i + 1}. ${quote(s, 50)}`);
  const more = items.length - shown.length;
  if (more > 0) shown.push(lang === 'zh' ? `……另 ${more} 项` : `… ${more} more`);
  return shown.join(lang === 'zh' ? '；' : '; ');
};

export const xyr07: CrossYearRule = {
  id: 'XYR-07',
  spec: 'XYR-07',
  severity: 'info',
  formats: { previous: TABLE_FORMATS, current: TABLE_FORMATS },
  needsPrevious: true,
  title: {
    zh: '问题整改的跟进',
    en: "Follow-through on last year's problems",
  },
  description: {
    zh: '第五部分“存在的主要问题及改进情况”应交代上一年度报告所列问题和措施的落实情况。本年第五部分未提及上一年度时作提示，并列出两年的条目以便对照。',
    en: "Section 5 (problems and improvements) should report how the problems and measures listed in last year's section 5 were handled. When this year's section 5 never refers back to last year it is noted, with both years' items side by side.",
  },
  messages: {
    noFollowUp: {
      zh: '第五部分未提及上一年度报告{other}所列问题的整改情况。上一年度：{previous}。本年度：{current}',
      en: "Section 5 does not say how the problems listed in last year's report {other} were handled. Last year: {previous}. This year: {current}",
    },
  },
  evaluate(current, ctx) {
    const previous = ctx.previous;
    if (!previous) return [];
    const f = followThrough(current, previous);
    if (f.previous.length === 0) return [];
    if (f.refersBack) return [{ outcome: 'pass', place: '五' }];
    return [
      {
        outcome: 'fail',
        messageId: 'noFollowUp',
        data: {
          ...otherData(ctx.previousRef),
          previous_zh: list(f.previous, 'zh'),
          previous_en: list(f.previous, 'en'),
          current_zh: list(f.current, 'zh'),
          current_en: list(f.current, 'en'),
        },
        cells: [],
        place: '五',
      },
    ];
  },
};
