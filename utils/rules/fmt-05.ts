import { claimPlace, claimsOf, sentenceOf, textKey } from './lib/text';
import type { Evaluation, Rule } from './types';

// FMT-05: the cited basis of the format. 2021 reports onward follow 国办公开办函〔2021〕30号; 2019
// and 2020 reports 国办公开办函〔2019〕60号. The cited title must be the official one; the 2008
// 条例 (国务院令第492号) is not the current basis after 2019.

const OFFICIAL: Record<string, string> = {
  '国办公开办函〔2019〕60号':
    '国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知',
  '国办公开办函〔2021〕30号':
    '国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知',
};

/** Title key: folded, brackets of every kind removed. */
const titleKey = (t: string): string => textKey(t).replace(/[《》〈〉<>「」『』"'“”\s]/g, '');

/** Where two strings differ: the differing middle parts, e.g. 事宜 / 事项. */
function difference(a: string, b: string): [string, string] {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  // show at least two characters: 事宜 / 事项 rather than 宜 / 项
  const from = Math.max(0, Math.min(i, i - (2 - Math.min(a.length - j - i, b.length - j - i))));
  return [a.slice(from, a.length - j), b.slice(from, b.length - j)];
}

export const fmt05: Rule = {
  id: 'FMT-05',
  spec: 'FMT-05',
  severity: 'info',
  judgesYear: true,
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '引用的格式依据正确',
    en: 'The cited basis of the format is right',
  },
  description: {
    zh: '2021 年度起的报告应依据国办公开办函〔2021〕30号，只引 60号为警告；2019、2020 年度的报告引 30号为错误；所引文件标题与官方标题不符为提示；2019 年以后仍以国务院令第492号为依据为提示。',
    en: 'Reports for 2021 onward follow 国办公开办函〔2021〕30号 (citing only 60号: warning); 2019 and 2020 reports citing 30号 is an error; a cited title that differs from the official one, or the 2008 regulations (国务院令第492号) cited as current after 2019, is an info.',
  },
  messages: {
    old: {
      zh: '{year} 年度报告仍依据国办公开办函〔2019〕60号，应依据〔2021〕30号',
      en: 'A {year} report still cites 国办公开办函〔2019〕60号; it should follow 〔2021〕30号',
    },
    anachronism: {
      zh: '{year} 年度报告引用了 2021 年 9 月才印发的国办公开办函〔2021〕30号（年度是否有误？）',
      en: 'A {year} report cites 国办公开办函〔2021〕30号, issued only in September 2021 (is the year wrong?)',
    },
    title: {
      zh: '所引{doc}标题为“{cited}”，官方标题为“{official}”（“{got}”应为“{want}”）',
      en: 'The title cited for {doc} reads "{cited}"; the official title is "{official}" ("{got}" should be "{want}")',
    },
    repealed: {
      zh: '{year} 年度报告以国务院令第492号（2008 年条例）为依据，现行条例为国务院令第711号',
      en: 'A {year} report cites 国务院令第492号 (the 2008 regulations); the current ones are 国务院令第711号',
    },
  },
  evaluate(model) {
    const year = model.year;
    if (year === null) return [];
    const cites = claimsOf(model, 'citation');
    const out: Evaluation[] = [];
    const cited60 = cites.filter((c) => c.subject === '国办公开办函〔2019〕60号');
    const cited30 = cites.filter((c) => c.subject === '国办公开办函〔2021〕30号');
    if (year >= 2021 && cited60.length > 0) {
      const c = cited60[0]!;
      out.push(
        cited30.length === 0
          ? {
              outcome: 'fail',
              messageId: 'old',
              severity: 'warning',
              data: { year },
              cells: [],
              sentence: sentenceOf(c),
              place: 'basis',
            }
          : { outcome: 'pass', place: 'basis' },
      );
    } else if (year <= 2020 && cited30.length > 0) {
      out.push({
        outcome: 'fail',
        messageId: 'anachronism',
        severity: 'error',
        data: { year },
        cells: [],
        sentence: sentenceOf(cited30[0]!),
        place: 'basis',
      });
    } else if (cited60.length + cited30.length > 0) out.push({ outcome: 'pass', place: 'basis' });

    for (const c of [...cited60, ...cited30]) {
      const official = OFFICIAL[c.subject!]!;
      const cited = c.qualifiers[0];
      if (!cited) continue;
      const place = () => claimPlace(model, c, 'title');
      const a = titleKey(cited);
      const b = titleKey(official);
      if (a === b) {
        out.push({ outcome: 'pass' });
        continue;
      }
      const [got, want] = difference(a, b);
      out.push({
        outcome: 'fail',
        messageId: 'title',
        severity: 'info',
        data: { doc: c.subject!, cited: cited.replace(/^《|》$/g, ''), official, got, want },
        cells: [],
        sentence: sentenceOf(c),
        place: place(),
      });
    }
    for (const c of cites.filter((x) => x.subject === '国务院令第492号')) {
      if (year >= 2019)
        out.push({
          outcome: 'fail',
          messageId: 'repealed',
          severity: 'info',
          data: { year },
          cells: [],
          sentence: sentenceOf(c),
          place: claimPlace(model, c),
        });
    }
    return out;
  },
};
