// User-facing strings of the interface (CLI, overlay, popup, options), Chinese first.
// Rule titles and messages live with their rules, in both languages (utils/rules/*).

export type Lang = 'zh' | 'en';

const catalogue = {
  'table.active': { zh: '表二 主动公开', en: 'Table 2 · proactive disclosure' },
  'table.applications': { zh: '表三 收到和处理申请', en: 'Table 3 · applications' },
  'table.reviews': { zh: '表四 行政复议、行政诉讼', en: 'Table 4 · reviews and lawsuits' },
  'table.legacy': { zh: '统计表（2019年以前）', en: 'Statistics table (pre-2019)' },
  'table.text': { zh: '正文', en: 'Narrative' },
  'table.format': { zh: '格式与结构', en: 'Format and structure' },
  'format.2019': { zh: '2019年试行格式', en: '2019 trial format' },
  'format.2021': { zh: '2021年格式', en: '2021 format' },
  'format.pre2019': { zh: '2019年以前的地方统计表', en: 'pre-2019 local statistics table' },
  'format.hybrid': { zh: '新旧格式混用', en: 'mixed 2019/2021 format' },
  'format.unknown': { zh: '格式不明', en: 'unknown format' },
  'severity.error': { zh: '错误', en: 'error' },
  'severity.warning': { zh: '警告', en: 'warning' },
  'severity.info': { zh: '提示', en: 'info' },
  'outcome.uncertain': { zh: '不确定', en: 'uncertain' },
  'outcome.fail': { zh: '不符', en: 'fail' },
  'tableState.complete': { zh: '完整', en: 'complete' },
  'tableState.partial': { zh: '不完整', en: 'incomplete' },
  'tableState.absent': { zh: '未找到', en: 'not found' },
  'tableState.not-in-dom': { zh: '未找到（可能是图片或附件）', en: 'not found (image or attachment?)' },
  'tableState.not-in-format': { zh: '该格式无此表', en: 'not part of this format' },
  'figure.substantive': { zh: '实质公开率', en: 'substantive disclosure rate' },
  'figure.reviewCorrection': { zh: '复议纠错率', en: 'review correction rate' },
  'figure.litigationCorrection': { zh: '诉讼纠错率', en: 'lawsuit correction rate' },
  'figure.handled': { zh: '办理申请', en: 'applications handled' },
  'summary.counts': {
    zh: '{error} 个错误，{warning} 个警告，{info} 个提示，{uncertain} 项不确定（通过 {pass} 项，不适用 {na} 项）',
    en: '{error} errors, {warning} warnings, {info} infos, {uncertain} uncertain ({pass} passed, {na} not applicable)',
  },
  'summary.clean': { zh: '未发现问题', en: 'No problems found' },
  'cli.notReport': { zh: '不是政府信息公开工作年度报告', en: 'not an annual disclosure report' },
  'cli.index': { zh: '年度报告列表页，不是报告本身', en: 'a list of annual reports, not a report' },
  'cli.readError': { zh: '无法读取：{error}', en: 'cannot read: {error}' },
  'cli.noInputs': { zh: '没有可读取的输入', en: 'no inputs to read' },
  'cli.usage': {
    zh: '用法：gouji <文件.html|网址|文件夹>… [--json] [--fail-on error|warning] [--lang zh|en]',
    en: 'usage: gouji <file.html|URL|folder>… [--json] [--fail-on error|warning] [--lang zh|en]',
  },
  'notReport.page': {
    zh: '此页不是政府信息公开工作年度报告',
    en: 'This page is not an annual government information disclosure report',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof catalogue;

/** The string in `lang`, with {placeholders} filled from data. */
export function t(key: MessageKey, lang: Lang, data: Record<string, string | number> = {}): string {
  return catalogue[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in data ? String(data[name]) : whole,
  );
}

export const catalogueKeys = (): MessageKey[] => Object.keys(catalogue) as MessageKey[];
