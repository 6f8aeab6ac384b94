import type { ReportModel } from '../report/model';
import { getCell, t2 } from './lib/cells';
import { prose, sentenceMatching } from './lib/text';
import type { Evaluation, Rule } from './types';

// TXT-12 (low confidence, info): the text describes work whose traces should show in Table 2,
// while the table says 0 — 规范性文件 made / cleaned up / filed while 第二十条第（一）项 规范性文件
// is all zero; 许可证 issued or 处罚决定 made while 处理决定数量 is 0. Often a false positive (the
// body acted as an agent, 代办; or cleaned up documents of earlier years), hence info.

interface Heuristic {
  key: string;
  /** the sentence that describes the work */
  text: RegExp;
  /** words one of which every match of `text` contains (sentenceMatching tries the pattern only then) */
  needs: readonly string[];
  /** sentences that do not count */
  not?: RegExp;
  /** the Table 2 cells that should then be non-zero */
  cells: (model: ReportModel) => string[];
  messageId: string;
}

const DOCS = (model: ReportModel): string[] => {
  const row = model.tables.active?.['art20_1.normativeDocs'];
  return row ? Object.keys(row).map((c) => t2('art20_1.normativeDocs', c)) : [];
};

const HEURISTICS: Heuristic[] = [
  {
    key: 'normativeDocs',
    text: /规范性文件[^。;]*?(制定|出台|印发|制发|清理|备案)|(制定|出台|印发|制发|清理|备案)[^。;]*?规范性文件/,
    needs: ['规范性文件'],
    not: /未(制定|出台|印发|制发)|无规范性文件|\d+件/,
    cells: DOCS,
    messageId: 'normativeDocs',
  },
  {
    key: 'licensing',
    text: /(办理|核发|颁发|发放|审批)了?[^,。;]{0,30}许可证|作出[^,。;]{0,8}许可决定/,
    needs: ['许可'],
    cells: (m) => (m.tables.active?.['art20_5.licensing'] ? [t2('art20_5.licensing', 'decisions')] : []),
    messageId: 'licensing',
  },
  {
    key: 'penalty',
    text: /(作出|下达|送达|开具)[^,。;]{0,8}处罚决定|处罚决定书/,
    needs: ['处罚决定'],
    cells: (m) => (m.tables.active?.['art20_6.penalty'] ? [t2('art20_6.penalty', 'decisions')] : []),
    messageId: 'penalty',
  },
];

export const txt12: Rule = {
  id: 'TXT-12',
  spec: 'TXT-12',
  severity: 'info',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '正文描述的工作在表二中为 0（提示）',
    en: 'Work described in the text shows as 0 in Table 2 (hint)',
  },
  description: {
    zh: '低置信度提示：正文描述制定、清理或备案规范性文件，而表二规范性文件各栏均为 0；或描述办理许可证、作出处罚决定，而处理决定数量为 0。可能是表格漏报，也可能只是代办或清理往年文件。',
    en: 'Low-confidence hint: the text describes normative documents being made, cleaned up or filed while Table 2 normative documents are all 0; or licences issued / penalty decisions made while the decision count is 0. Either the table is under-reported or the body only acted as an agent or cleaned up older documents.',
  },
  messages: {
    normativeDocs: {
      zh: '正文提到规范性文件的制定、清理或备案，但表二规范性文件各栏均为 0（本机关确无自有规范性文件，还是表格漏报？）',
      en: 'The text mentions normative documents being made, cleaned up or filed, but Table 2 normative documents are all 0 (none of its own, or under-reported?)',
    },
    licensing: {
      zh: '正文提到办理或核发许可证，但表二行政许可处理决定数量为 0（若为代办，则不属于本机关的许可决定）',
      en: 'The text mentions licences issued, but Table 2 licensing decisions are 0 (if the body only acted as an agent, these are not its own decisions)',
    },
    penalty: {
      zh: '正文提到行政处罚决定，但表二行政处罚处理决定数量为 0',
      en: 'The text mentions penalty decisions, but Table 2 penalty decisions are 0',
    },
  },
  evaluate(model) {
    if (!model.tables.active) return [];
    const out: Evaluation[] = [];
    const paragraphs = prose(model);
    for (const h of HEURISTICS) {
      const cells = h.cells(model);
      if (cells.length === 0) continue;
      let sentence: { paragraph: string; text: string } | null = null;
      for (const p of paragraphs) {
        const s = sentenceMatching(p, h.text, h.needs);
        if (s && !h.not?.test(s.text.normalize('NFKC').replace(/\s+/g, ''))) {
          sentence = s;
          break;
        }
      }
      if (!sentence) continue;
      const zero = cells.every((a) => getCell(model, a)?.value === 0);
      out.push(
        zero
          ? { outcome: 'fail', messageId: h.messageId, cells, sentence, place: h.key }
          : { outcome: 'pass', place: h.key },
      );
    }
    return out;
  },
};
