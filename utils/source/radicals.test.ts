import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { readReport } from './index';
import { ideographs } from './radicals';

// What pdf.js extracts from a PDF whose font maps shared glyphs to radicals (seen in Chromium's
// print of the fixture pages with Droid Sans Fallback): 中华⼈⺠共和国, ⼯业, ⾏政.

describe('ideographs', () => {
  it('writes Kangxi radicals and the simplified supplement radicals as the ideographs they stand for', () => {
    expect(ideographs('中华⼈⺠共和国政府信息公开⼯作年度报告格式')).toBe(
      '中华人民共和国政府信息公开工作年度报告格式',
    );
    expect(ideographs('⾸⻚｜⻓者版｜⽹站｜⻅｜⻔户｜⻢上｜⻩河｜⻰')).toBe(
      '首页｜长者版｜网站｜见｜门户｜马上｜黄河｜龙',
    );
    // everything else as it was, full-width forms included
    expect(ideographs('（一）行政许可 ３件，减45')).toBe('（一）行政许可 ３件，减45');
  });

  it('reads copied text with radicals as the report it is: its body, and its quoted title not misquoted', async () => {
    const text = [
      '中宁县⼯业和信息化局2021年政府信息公开⼯作年度报告',
      '根据《中华⼈⺠共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华⼈⺠共和国政府信息公开⼯作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，发布本报告。',
      '一、总体情况',
    ].join('\n');
    const report = await readReport(
      new TextEncoder().encode(text),
      { name: 'r.txt' },
      { parseHtml: documentFromHtml },
    );
    const model = report.parsed!.model;
    expect(model.agency).toBe('中宁县工业和信息化局');
    expect(model.title).toBe('中宁县工业和信息化局2021年政府信息公开工作年度报告');
    expect(model.paragraphs.map((p) => p.text).join('')).not.toMatch(/[\u2E80-\u2FDF]/);
  });
});
