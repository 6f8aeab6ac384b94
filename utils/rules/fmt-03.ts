import type { Rule } from './types';

const list = (xs: readonly string[], sep: string, none: string) => (xs.length ? xs.join(sep) : none);

export const fmt03: Rule = {
  id: 'FMT-03',
  spec: 'FMT-03',
  severity: 'info',
  formats: ['2019', '2021', 'pre2019', 'hybrid', 'unknown'],
  title: {
    zh: '报告格式识别',
    en: 'Which report format',
  },
  description: {
    zh: '由表格标签判定格式：“本年制发件数”“本年废止件数”“现行有效件数”“本年处理决定数量”“本年收费金额”或（六）其他处理的三个小项为 2021 版；“本年新制作数量”“对外公开总数量”“上一年项目数量”“本年增/减”“其他对外管理服务事项”“第二十条第（九）项”或单行（六）其他处理为 2019 版（试行）；两者都有为混用；都没有而有指标统计表为 2019 年以前的格式。格式清楚时通过，混用或无法判定时列出依据。',
    en: 'The format is read from table labels: “本年制发件数”, “本年废止件数”, “现行有效件数”, “本年处理决定数量”, “本年收费金额” or the three (6) sub-rows mean the 2021 format; “本年新制作数量”, “对外公开总数量”, “上一年项目数量”, “本年增/减”, “其他对外管理服务事项”, Article 20 (9) or a single (6) row mean the 2019 (trial) format; both mean a mix; neither, with an indicator table, means a pre-2019 report. A clear format passes; a mix or an unknown format lists the evidence.',
  },
  messages: {
    hybrid: {
      zh: '表格混用了两版格式：2019 版特征（{f2019}），2021 版特征（{f2021}）',
      en: 'The tables mix both formats: 2019 signals ({f2019}), 2021 signals ({f2021})',
    },
    unknown: {
      zh: '未能判定报告格式：没有找到表二、表三、表四的格式特征（2019 版特征：{f2019}；2021 版特征：{f2021}）',
      en: 'The report format could not be determined: no format signals in Tables 2–4 (2019 signals: {f2019}; 2021 signals: {f2021})',
    },
  },
  evaluate(model) {
    if (model.kind !== 'report') return [];
    const { f2019, f2021 } = model.formatSignals;
    const data = {
      f2019_zh: list(f2019, '、', '无'),
      f2019_en: list(f2019, ', ', 'none'),
      f2021_zh: list(f2021, '、', '无'),
      f2021_en: list(f2021, ', ', 'none'),
    };
    if (model.format === 'hybrid')
      return [{ outcome: 'fail', messageId: 'hybrid', data, cells: [], place: 'format' }];
    if (model.format === 'unknown')
      return [{ outcome: 'fail', messageId: 'unknown', data, cells: [], place: 'format' }];
    return [{ outcome: 'pass', place: 'format' }];
  },
};
