import { claimApplicants } from '../report/claims';
import { getCell, isUnknown, sumOf, t3 } from './lib/cells';
import { admits, claimPlace, claimsOf, isApprox, sentenceOf, shown } from './lib/text';
import type { Evaluation, Rule } from './types';

// TXT-01: the application count the text states equals 本年新收 (or 新收 + 上年结转 when the
// sentence counts the carried-over ones, 上年结转 / 共办理). The applicant breakdown right after the
// count ("涉及自然人80件、商业企业1件") is checked column by column the same way: each named kind
// against its column of 本年新收 (法人或其他组织: the sum of its five columns).

const LEGAL_COLS = ['BIZ', 'RES', 'SOC', 'LEG', 'OTH'];
const WHO: Record<string, { zh: string; en: string }> = {
  NP: { zh: '自然人', en: 'natural persons' },
  LEGAL: { zh: '法人或其他组织', en: 'legal persons and other organisations' },
  BIZ: { zh: '商业企业', en: 'businesses' },
  RES: { zh: '科研机构', en: 'research institutions' },
  SOC: { zh: '社会公益组织', en: 'public-interest organisations' },
  LEG: { zh: '法律服务机构', en: 'legal service providers' },
};

export const txt01: Rule = {
  id: 'TXT-01',
  spec: 'TXT-01',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '正文申请数与表三新收数一致',
    en: 'Applications stated in the text match Table 3',
  },
  description: {
    zh: '正文“收到/受理政府信息公开申请 N 件”应等于表三“本年新收”总计，或在句中提到上年结转时等于新收与上年结转之和。正文明确写“本年新收”而不符时为错误。',
    en: 'The text\'s "received N applications" must equal Table 3 new applications (total column), or new plus carried over when the sentence counts those. A mismatch is an error when the text literally says "new this year".',
  },
  messages: {
    mismatch: {
      zh: '正文称收到申请 {stated}，但表三本年新收总计为 {new}，新收加上年结转为 {both}',
      en: 'The text states {stated} applications, but Table 3 has {new} new, {both} with those carried over',
    },
    mismatchNew: {
      zh: '正文称本年新收申请 {stated}，但表三本年新收总计为 {new}',
      en: 'The text states {stated} new applications, but Table 3 has {new}',
    },
    carryIn: {
      zh: '正文称上年结转 {stated}，但表三上年结转总计为 {carryIn}',
      en: 'The text states {stated} carried over, but Table 3 has {carryIn}',
    },
    applicant: {
      zh: '正文称{who}申请 {stated}，但表三本年新收{who}为 {new}，新收加上年结转为 {both}',
      en: 'The text states {stated} applications from {who}, but Table 3 has {new} new, {both} with those carried over',
    },
    unreadable: {
      zh: '无法判定：表三本年新收总计未能读出（正文称 {stated}）',
      en: 'Cannot be judged: Table 3 new applications total could not be read (text: {stated})',
    },
  },
  evaluate(model) {
    if (!model.tables.applications) return [];
    const out: Evaluation[] = [];
    for (const c of claimsOf(model, 'applicationsReceived')) {
      const n = c.numbers.count;
      if (!n) continue;
      const place = () => claimPlace(model, c);
      const sentence = sentenceOf(c);
      const newA = t3('new', 'TOT');
      const carryA = t3('carryIn', 'TOT');
      const newC = getCell(model, newA);
      if (isUnknown(newC)) {
        out.push({
          outcome: 'uncertain',
          messageId: 'unreadable',
          data: { stated: shown(n) },
          cells: [newA],
          sentence,
          place: place(),
        });
        continue;
      }
      const nv = newC!.value!;
      const cv = getCell(model, carryA)?.value ?? 0;
      const literalNew = c.qualifiers.includes('本年新收');
      const ok = literalNew ? admits(n, nv) : admits(n, nv) || admits(n, nv + cv);
      if (ok) out.push({ outcome: 'pass' });
      else
        out.push({
          outcome: 'fail',
          messageId: literalNew ? 'mismatchNew' : 'mismatch',
          severity: literalNew && !isApprox(n) ? 'error' : 'warning',
          data: { stated: shown(n), new: nv, both: nv + cv },
          cells: literalNew ? [newA] : [newA, carryA],
          sentence,
          expected: nv,
          actual: n.value,
          place: place(),
        });
      for (const a of claimApplicants(c)) {
        const cols = a.key === 'LEGAL' ? LEGAL_COLS : [a.key];
        const nS = sumOf(
          model,
          cols.map((col) => t3('new', col)),
        );
        const cS = sumOf(
          model,
          cols.map((col) => t3('carryIn', col)),
        );
        const aPlace = () => `${place()}/by:${a.key}`;
        if (nS.unknown.length > 0) continue; // the count's own check says what could not be read
        const both = nS.value + (cS.unknown.length > 0 ? 0 : cS.value);
        const fine = literalNew ? admits(a.n, nS.value) : admits(a.n, nS.value) || admits(a.n, both);
        const who = WHO[a.key] ?? { zh: a.key, en: a.key };
        out.push(
          fine
            ? { outcome: 'pass' }
            : {
                outcome: 'fail',
                messageId: 'applicant',
                severity: 'warning',
                data: { who_zh: who.zh, who_en: who.en, stated: shown(a.n), new: nS.value, both },
                cells: cols.map((col) => t3('new', col)),
                sentence,
                expected: nS.value,
                actual: a.n.value,
                place: aPlace(),
              },
        );
      }
      const ci = c.numbers.carryIn;
      if (ci) {
        const ok2 = admits(ci, cv);
        out.push(
          ok2
            ? { outcome: 'pass' }
            : {
                outcome: 'fail',
                messageId: 'carryIn',
                data: { stated: shown(ci), carryIn: cv },
                cells: [carryA],
                sentence,
                expected: cv,
                actual: ci.value,
                place: `${place()}/carryIn`,
              },
        );
      }
    }
    return out;
  },
};
