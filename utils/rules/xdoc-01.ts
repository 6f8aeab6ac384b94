import type { Localized } from '../audit/result';
import { type MemberKind, scopeCounts } from '../report/claims/index';
import { claimsOf, textPlace } from './lib/text';
import type { Evaluation, Rule } from './types';

// XDOC-01 (aggregation), the part one report can check: a report compiled from its members'
// reports ("汇总12个乡镇、29个政府组成部门、直属机构…编制而成") that names the same kind of member
// again with another count ("全县28个政府部门(单位)…") says two things about its scope. Only an
// info: the two sentences may count different sets (a department without a report of its own, a
// 直属机构 that is not a 政府部门), and the inspector decides.
//
// The part across reports — the compiled report equals, cell by cell, the sum of its members'
// reports — needs the members, which only a sweep holds: it is XBD-02 (utils/rules/xbd/xbd-02.ts),
// which compares a government's report with its parts' reports already, extended to every cell
// when the report states its scope and the sweep holds every member it names.

const KIND_LABELS: Record<MemberKind, Localized> = {
  township: { zh: '乡镇（街道）', en: 'townships' },
  department: { zh: '部门', en: 'departments' },
};

const members = (raws: string[], labels: string[]): string =>
  raws.map((r, i) => `${r}${labels[i]}`).join('、');

export const xdoc01: Rule = {
  id: 'XDOC-01',
  spec: 'XDOC-01',
  severity: 'info',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '汇总报告的汇总范围前后一致',
    en: 'A compiled report states one scope of members',
  },
  description: {
    zh: '由下属乡镇、部门报告“汇总……编制而成”的报告，正文再次提到同类成员单位的数量时应与汇总范围一致；两处统计口径可能不同，故只作提示。与成员单位报告的逐项比较由跨机关检查 XBD-02 完成（同一批审核中有全部成员单位的报告时）。',
    en: 'A report compiled from its townships’ and departments’ reports ("汇总……编制而成") should give the same count when it names that kind of member again; the two may count different sets, so this is a note. The cell-by-cell comparison with the members’ own reports is XBD-02’s, across the reports of a sweep that holds every member.',
  },
  messages: {
    scope: {
      zh: '报告称汇总{first}编制而成，此处称{second}（两处所指的{kind}范围可能不同）',
      en: 'The report says it was compiled from {first}, but here names {second} (the two may count different sets of {kind})',
    },
  },
  evaluate(model) {
    const compiled = claimsOf(model, 'aggregationScope').find((c) => c.subject === 'aggregate');
    if (!compiled) return [];
    const scope = scopeCounts(compiled);
    const out: Evaluation[] = [];
    for (const c of claimsOf(model, 'aggregationScope')) {
      if (c.subject !== 'restated') continue;
      for (const [kind, said] of scopeCounts(c)) {
        const first = scope.get(kind);
        if (!first) continue;
        const place = () => `${kind}/${textPlace(c.sentence)}`;
        out.push(
          first.value === said.value
            ? { outcome: 'pass' }
            : {
                outcome: 'fail',
                messageId: 'scope',
                data: {
                  first: members(first.raws, first.labels),
                  second: members(said.raws, said.labels),
                  kind_zh: KIND_LABELS[kind].zh,
                  kind_en: KIND_LABELS[kind].en,
                },
                cells: [],
                sentence: { paragraph: c.paragraph, text: c.sentence },
                expected: first.value,
                actual: said.value,
                place: place(),
              },
        );
      }
    }
    return out;
  },
};
