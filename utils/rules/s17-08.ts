import type { Claim, ReportModel } from '../report/model';
import { normalizeWithMap } from '../report/text-numbers';
import { getCell } from './lib/cells';
import { claimsOf, textPlace } from './lib/text';
import type { Evaluation, Rule } from './types';

// S17-08 (pre-2019 statistics tables): the text against the table. Documents the text says were
// published on the portal (portalDocuments claims) cannot exceed the table's 政府网站公开数量;
// 政策解读 N in the text (interpretationCount) equals the table's 进行政策解读的数量; "未接到…复议/
// 诉讼" (noReviewOrLitigation) means no 复议/诉讼 figures in the table. The narrative reader finds
// the statements (claims/publishing.ts, claims/reviews.ts); this rule only compares.

/** A claim's one figure, with the sentence it underlines. */
const stated = (c: Claim) => ({
  value: c.numbers.count!.value,
  raw: c.numbers.count!.raw,
  paragraph: c.paragraph,
  sentence: c.sentence,
});

/** Legacy rows whose label matches, with their values; rows under 规范性文件 items can be excluded. */
function rows(model: ReportModel, label: RegExp, notUnder?: RegExp) {
  return model.legacyRows.filter((r) => {
    if (r.heading || !label.test(r.label.replace(/\s+/g, ''))) return false;
    const parent = model.legacyRows.find((x) => x.key === r.parent);
    return !(notUnder && parent && notUnder.test(parent.label));
  });
}

const value = (model: ReportModel, key: string): number | null =>
  getCell(model, `legacy/${key}/value`)?.value ?? null;

export const s1708: Rule = {
  id: 'S17-08',
  spec: 'S17-08',
  severity: 'warning',
  formats: ['pre2019'],
  title: {
    zh: '正文与统计表一致（2019 年以前）',
    en: 'Text agrees with the statistics table (pre-2019)',
  },
  description: {
    zh: '正文称通过门户网站等发布的文件数不应超过统计表“政府网站公开数量”；正文“政策解读 N”应等于统计表“进行政策解读的数量”；正文称未发生行政复议、行政诉讼时统计表不应有复议、诉讼数。',
    en: 'Documents the text says were published on the portal cannot exceed the table\'s website count; "N policy interpretations" in the text must equal the table\'s count; "no reviews or lawsuits" means no such figures in the table.',
  },
  messages: {
    website: {
      zh: '正文称通过门户网站等发布文件 {stated}，但统计表政府网站公开数量合计为 {table}（{rows}）',
      en: "The text says {stated} documents were published on the portal, but the table's website counts add up to {table} ({rows})",
    },
    interpretation: {
      zh: '正文称政策解读 {stated}，但统计表进行政策解读的数量合计为 {table}',
      en: 'The text states {stated} policy interpretations, but the table has {table}',
    },
    disputes: {
      zh: '正文称未发生行政复议、行政诉讼，但统计表{rows}',
      en: 'The text says there were no reviews or lawsuits, but the table has {rows}',
    },
  },
  evaluate(model) {
    if (!model.tables.legacy) return [];
    const out: Evaluation[] = [];

    const web = rows(model, /政府网站公开/, /规范性文件/);
    if (web.length > 0) {
      const table = web.reduce((s, r) => s + (value(model, r.key) ?? 0), 0);
      const cells = web.map((r) => `legacy/${r.key}/value`);
      const words = web.map((r) => {
        const parent = model.legacyRows.find((x) => x.key === r.parent);
        return `${parent ? `${parent.label.slice(0, 12)}…` : ''}${r.label} ${value(model, r.key) ?? '?'}`;
      });
      for (const f of claimsOf(model, 'portalDocuments').map(stated)) {
        const place = () => `website/${textPlace(f.sentence)}`;
        out.push(
          f.value <= table
            ? { outcome: 'pass' }
            : {
                outcome: 'fail',
                messageId: 'website',
                data: { stated: f.raw, table, rows: words.join('；') },
                cells,
                sentence: { paragraph: f.paragraph, text: f.sentence },
                expected: table,
                actual: f.value,
                place: place(),
              },
        );
      }
    }

    const interp = rows(model, /政策解读/);
    if (interp.length > 0) {
      const table = interp.reduce((s, r) => s + (value(model, r.key) ?? 0), 0);
      for (const f of claimsOf(model, 'interpretationCount').map(stated)) {
        const place = () => `interpretation/${textPlace(f.sentence)}`;
        out.push(
          f.value === table
            ? { outcome: 'pass' }
            : {
                outcome: 'fail',
                messageId: 'interpretation',
                data: { stated: f.raw, table },
                cells: interp.map((r) => `legacy/${r.key}/value`),
                sentence: { paragraph: f.paragraph, text: f.sentence },
                expected: table,
                actual: f.value,
                place: place(),
              },
        );
      }
    }

    const disputes = rows(model, /复议|诉讼/);
    if (disputes.length > 0) {
      const bad = disputes.filter((r) => (value(model, r.key) ?? 0) > 0);
      const seen = new Set<string>();
      for (const c of claimsOf(model, 'noReviewOrLitigation')) {
        // one check per clause, whichever of 复议 and 诉讼 it names (the table's rows are not split)
        const key = `${c.paragraph}/${c.sentence}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // the place keys the clause's matching copy, as it did before the rule read claims
        const place = () => `disputes/${textPlace(normalizeWithMap(c.sentence).text)}`;
        out.push(
          bad.length === 0
            ? { outcome: 'pass' }
            : {
                outcome: 'fail',
                messageId: 'disputes',
                data: { rows: bad.map((r) => `${r.label} ${value(model, r.key)}`).join('、') },
                cells: bad.map((r) => `legacy/${r.key}/value`),
                sentence: { paragraph: c.paragraph, text: c.sentence },
                place: place(),
              },
        );
      }
    }
    return out;
  },
};
