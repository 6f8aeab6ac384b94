import { paragraphKey, prose, sentenceMatching, textKey, textPlace } from './lib/text';
import type { Evaluation, Rule } from './types';

// FMT-15: drafting slips — a top-level ordinal used twice; wording of another period (上半年 /
// 下半年 in an annual report); the body writing another year as "this year".

const YEAR_COMMA = /\d{4}年[，,]/;

export const fmt15: Rule = {
  id: 'FMT-15',
  spec: 'FMT-15',
  severity: 'info',
  formats: ['2019', '2021', 'pre2019', 'hybrid', 'unknown'],
  title: {
    zh: '起草疏漏：序号重复、期间错用、年份不符',
    en: 'Drafting slips: repeated numbering, wrong period, wrong year',
  },
  description: {
    zh: '同一级标题序号重复使用；年度报告中出现“上半年/下半年”等其他期间的措辞；正文作为“本年”叙述的年份与标题年度不同。',
    en: 'A top-level section number used twice; wording of another period (first/second half of the year) in an annual report; the body narrating a year other than the title year as the current one.',
  },
  messages: {
    duplicate: {
      zh: '标题序号“{ordinal}、”使用了两次：“{first}”和“{second}”',
      en: 'Section number "{ordinal}" is used twice: "{first}" and "{second}"',
    },
    period: {
      zh: '年度报告中出现“{word}”：“{text}”',
      en: 'An annual report speaks of "{word}": "{text}"',
    },
    year: {
      zh: '正文多处以 {found} 年作为本年度叙述，标题年度为 {year} 年',
      en: 'The text narrates {found} as the current year, but the title year is {year}',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    const seen = new Map<string, (typeof model.headings)[number]>();
    for (const h of model.headings) {
      const first = seen.get(h.ordinal);
      if (!first) {
        seen.set(h.ordinal, h);
        continue;
      }
      out.push({
        outcome: 'fail',
        messageId: 'duplicate',
        data: { ordinal: h.ordinal, first: first.text, second: h.text },
        cells: [],
        sentence: { paragraph: h.paragraph, text: h.text },
        place: `duplicate/${h.ordinal}/${textPlace(h.text)}`,
      });
    }
    if (model.headings.length > 0 && out.length === 0) out.push({ outcome: 'pass', place: 'duplicate' });

    const paragraphs = prose(model);
    let periodFound = false;
    for (const p of paragraphs) {
      const s = sentenceMatching(p, /上半年|下半年|第[一二三四]季度|本季度/, ['半年', '季度']);
      if (!s) continue;
      periodFound = true;
      const word = /上半年|下半年|第[一二三四]季度|本季度/.exec(textKey(s.text))![0];
      out.push({
        outcome: 'fail',
        messageId: 'period',
        data: { word, text: s.text },
        cells: [],
        sentence: s,
        place: `period/${textPlace(s.text)}`,
      });
    }
    if (!periodFound) out.push({ outcome: 'pass', place: 'period' });

    if (model.year !== null) {
      // sentences that open with "YYYY年，" narrate that year as the current one
      const counts = new Map<number, number>();
      for (const p of paragraphs) {
        if (p.section === '五' || p.section === '六') continue; // plans for next year live there
        const key = paragraphKey(p);
        // every match ends in "YYYY年，": a paragraph without one is not scanned position by position
        if (!YEAR_COMMA.test(key)) continue;
        for (const m of key.matchAll(
          /(?:^|[。；;])\s*(?:\(?[一二三四五六七八九十\d]+[)、.]\s*)?(?:[^，,。；;]{0,12}?)?(\d{4})年[，,]/g,
        )) {
          const y = Number(m[1]);
          counts.set(y, (counts.get(y) ?? 0) + 1);
        }
      }
      const [found, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [model.year, 0];
      if (n >= 2 && found !== model.year && (counts.get(model.year) ?? 0) === 0)
        out.push({
          outcome: 'fail',
          messageId: 'year',
          data: { found, year: model.year },
          cells: [],
          place: 'year',
        });
      else out.push({ outcome: 'pass', place: 'year' });
    }
    return out;
  },
};
