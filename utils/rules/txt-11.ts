import { getCell, isUnknown, t3 } from './lib/cells';
import { claimPlace, claimsOf, sentenceOf, shown } from './lib/text';
import type { Evaluation, Rule } from './types';

// TXT-11 (F2021): what the text says about 信息处理费 must be coherent with the applications.
// A fee collected, or fee notices sent, while no application was received or carried over is
// impossible (error); "未收取" next to an amount collected, or "未发出收费通知" while Table 3
// counts unpaid fee notices (（六）2), is a contradiction to review (warning).

export const txt11: Rule = {
  id: 'TXT-11',
  spec: 'TXT-11',
  severity: 'warning',
  formats: ['2021', 'hybrid'],
  title: {
    zh: '信息处理费表述与申请办理情况一致',
    en: 'Information-processing fee statements agree with the applications',
  },
  description: {
    zh: '正文称收取了信息处理费或发出了收费通知，则本年须有政府信息公开申请（新收或上年结转）；“未收取信息处理费”不应与收取金额并存；“未发出收费通知”时表三（六）2“逾期未按收费通知要求缴纳费用”应为 0。',
    en: 'A fee collected or fee notices sent require applications this year (new or carried over); "no fee collected" must not sit next to an amount collected; "no fee notice sent" requires Table 3 (6)2 (fee not paid after notice) to be 0.',
  },
  messages: {
    noApplications: {
      zh: '正文称{what} {stated}，但表三本年新收和上年结转的申请均为 0',
      en: 'The text states {stated} {what}, but Table 3 has no new or carried-over applications',
    },
    contradiction: {
      zh: '正文既称未收取信息处理费，又称收取 {stated}',
      en: 'The text says no processing fee was collected and also that {stated} was collected',
    },
    notices: {
      zh: '正文称未发出收费通知，但表三“逾期未按收费通知要求缴纳费用”为 {r62} 件',
      en: 'The text says no fee notice was sent, but Table 3 counts {r62} applications not paid after a fee notice',
    },
  },
  evaluate(model) {
    const claims = claimsOf(model, 'infoFee');
    if (claims.length === 0) return [];
    const out: Evaluation[] = [];
    const newA = t3('new', 'TOT');
    const carryA = t3('carryIn', 'TOT');
    const newC = getCell(model, newA);
    const carryC = getCell(model, carryA);
    const known = model.tables.applications && !isUnknown(newC) && !isUnknown(carryC);
    const apps = known ? newC!.value! + carryC!.value! : null;
    const collected = claims.find((c) => (c.numbers.amount?.value ?? 0) > 0);
    for (const c of claims) {
      const place = () => claimPlace(model, c);
      const sentence = sentenceOf(c);
      const amount = c.numbers.amount;
      const notices = c.numbers.notices;
      for (const [what, n] of [
        [{ zh: '收取信息处理费', en: 'processing fees collected' }, amount],
        [{ zh: '发出收费通知', en: 'fee notices sent' }, notices],
      ] as const) {
        if (!n || n.value <= 0 || apps === null) continue;
        const p = () => `${place()}/${what.en}`;
        out.push(
          apps > 0
            ? { outcome: 'pass' }
            : {
                outcome: 'fail',
                messageId: 'noApplications',
                severity: 'error',
                data: { what_zh: what.zh, what_en: what.en, stated: shown(n) },
                cells: [newA, carryA],
                sentence,
                place: p(),
              },
        );
      }
      if (c.qualifiers.includes('none')) {
        out.push(
          collected && collected !== c
            ? {
                outcome: 'fail',
                messageId: 'contradiction',
                data: { stated: shown(collected.numbers.amount!) },
                cells: [],
                sentence,
                place: `${place()}/none`,
              }
            : { outcome: 'pass' },
        );
      }
      if (c.qualifiers.includes('noNotice')) {
        const a = t3('r6_2', 'TOT');
        const r62 = getCell(model, a);
        if (r62 && !isUnknown(r62))
          out.push(
            r62.value === 0
              ? { outcome: 'pass' }
              : {
                  outcome: 'fail',
                  messageId: 'notices',
                  data: { r62: r62.value! },
                  cells: [a],
                  sentence,
                  place: `${place()}/noNotice`,
                },
          );
      }
    }
    return out;
  },
};
