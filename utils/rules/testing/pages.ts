// Minimal report pages for rule tests: a title like 某县2021年政府信息公开工作年度报告, the six
// headings, and the three national tables in the official layout (report-formats.md §2), every
// value 0 unless a test sets it. Values are given as the page would print them ('5', '', '减 45').
//
//   reportPage({ year: 2021, t3: { 'new/NP': '5', 'new/TOT': '5' } })

type Values = Record<string, string>;

export interface PageSpec {
  year?: number;
  format?: '2019' | '2021';
  agency?: string;
  /** T2 cells by `row/col`, e.g. 'art20_5.licensing/decisions' */
  t2?: Values;
  /** T3 cells by `row/col`, e.g. 'new/NP' */
  t3?: Values;
  /** T4 cells by `block/col`, e.g. 'rev/total' */
  t4?: Values;
  /** paragraphs per section heading number, e.g. { 六: ['本机关未收取信息处理费。'] } */
  text?: Partial<Record<'一' | '五' | '六', string[]>>;
  /** leave a table out */
  omit?: Array<'t2' | 't3' | 't4'>;
}

const T2_2019: Array<[string, string, string, string[], string[]]> = [
  // block caption, header cols, row key, row labels, col keys
  [
    '第二十条第（一）项',
    '本年新制作数量|本年新公开数量|对外公开总数量',
    'art20_1',
    ['规章:regulations', '规范性文件:normativeDocs'],
    ['newMade', 'newPublished', 'totalPublic'],
  ],
  [
    '第二十条第（五）项',
    '上一年项目数量|本年增/减|处理决定数量',
    'art20_5',
    ['行政许可:licensing', '其他对外管理服务事项:otherServices'],
    ['prevItems', 'delta', 'decisions'],
  ],
  [
    '第二十条第（六）项',
    '上一年项目数量|本年增/减|处理决定数量',
    'art20_6',
    ['行政处罚:penalty', '行政强制:coercion'],
    ['prevItems', 'delta', 'decisions'],
  ],
  [
    '第二十条第（八）项',
    '上一年项目数量|本年增/减',
    'art20_8',
    ['行政事业性收费:fees'],
    ['prevItems', 'delta'],
  ],
  [
    '第二十条第（九）项',
    '采购项目数量|采购总金额',
    'art20_9',
    ['政府集中采购:procurement'],
    ['projects', 'amount'],
  ],
];
const T2_2021: Array<[string, string, string, string[], string[]]> = [
  [
    '第二十条第（一）项',
    '本年制发件数|本年废止件数|现行有效件数',
    'art20_1',
    ['规章:regulations', '行政规范性文件:normativeDocs'],
    ['made', 'repealed', 'valid'],
  ],
  ['第二十条第（五）项', '本年处理决定数量', 'art20_5', ['行政许可:licensing'], ['decisions']],
  [
    '第二十条第（六）项',
    '本年处理决定数量',
    'art20_6',
    ['行政处罚:penalty', '行政强制:coercion'],
    ['decisions'],
  ],
  ['第二十条第（八）项', '本年收费金额（单位：万元）', 'art20_8', ['行政事业性收费:fees'], ['amountWan']],
];

const td = (text: string, attrs = '') => `<td${attrs}>${text}</td>`;

function t2Html(format: '2019' | '2021', values: Values): string {
  const blocks = format === '2019' ? T2_2019 : T2_2021;
  const rows: string[] = [];
  for (const [caption, header, block, rowLabels, cols] of blocks) {
    rows.push(`<tr>${td(caption, ' colspan="4"')}</tr>`);
    rows.push(
      `<tr>${td('信息内容')}${header
        .split('|')
        .map((h) => td(h))
        .join('')}</tr>`,
    );
    for (const rl of rowLabels) {
      const [label, key] = rl.split(':') as [string, string];
      const cells = cols.map((c) => td(values[`${block}.${key}/${c}`] ?? '0')).join('');
      rows.push(`<tr>${td(label)}${cells}</tr>`);
    }
  }
  return `<table border="1">${rows.join('')}</table>`;
}

const T3_COLS = ['NP', 'BIZ', 'RES', 'SOC', 'LEG', 'OTH', 'TOT'];

function t3Html(format: '2019' | '2021', values: Values): string {
  const v = (row: string) => T3_COLS.map((c) => td(values[`${row}/${c}`] ?? '0')).join('');
  const r6 =
    format === '2019'
      ? [`<tr>${td('（六）其他处理', ' colspan="2"')}${v('r6')}</tr>`]
      : [
          `<tr>${td('（六）其他处理', ' rowspan="3"')}${td('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')}${v('r6_1')}</tr>`,
          `<tr>${td('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请')}${v('r6_2')}</tr>`,
          `<tr>${td('3.其他')}${v('r6_3')}</tr>`,
        ];
  const span = format === '2019' ? 20 : 22;
  const cat = (label: string, items: string[], prefix: string) =>
    items.map(
      (item, i) =>
        `<tr>${i === 0 ? td(label, ` rowspan="${items.length}"`) : ''}${td(`${i + 1}.${item}`)}${v(`${prefix}_${i + 1}`)}</tr>`,
    );
  return `<table border="1">
<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="3" rowspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>
<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>
<tr>${td('商业企业')}${td('科研机构')}${td('社会公益组织')}${td('法律服务机构')}${td('其他')}</tr>
<tr>${td('一、本年新收政府信息公开申请数量', ' colspan="3"')}${v('new')}</tr>
<tr>${td('二、上年结转政府信息公开申请数量', ' colspan="3"')}${v('carryIn')}</tr>
<tr>${td('三、本年度办理结果', ` rowspan="${span}"`)}${td('（一）予以公开', ' colspan="2"')}${v('r1')}</tr>
<tr>${td('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ' colspan="2"')}${v('r2')}</tr>
${cat('（三）不予公开', ['属于国家秘密', '其他法律行政法规禁止公开', '危及“三安全一稳定”', '保护第三方合法权益', '属于三类内部事务信息', '属于四类过程性信息', '属于行政执法案卷', '属于行政查询事项'], 'r3').join('\n')}
${cat('（四）无法提供', ['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确'], 'r4').join('\n')}
${cat('（五）不予处理', ['信访举报投诉类申请', '重复申请', '要求提供公开出版物', '无正当理由大量反复申请', '要求行政机关确认或重新出具已获取信息'], 'r5').join('\n')}
${r6.join('\n')}
<tr>${td('（七）总计', ' colspan="2"')}${v('r7')}</tr>
<tr>${td('四、结转下年度继续办理', ' colspan="3"')}${v('carryOut')}</tr>
</table>`;
}

const T4_BLOCK_KEYS = ['rev', 'litDirect', 'litAfterRev'];
const T4_COL_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'];

function t4Html(values: Values): string {
  const heads = '结果维持|结果纠正|其他结果|尚未审结|总计'.split('|');
  const data = T4_BLOCK_KEYS.flatMap((b) => T4_COL_KEYS.map((c) => td(values[`${b}/${c}`] ?? '0'))).join('');
  return `<table border="1">
<tr>${td('行政复议', ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}</tr>
<tr>${heads.map((h) => td(h, ' rowspan="2"')).join('')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>
<tr>${[...heads, ...heads].map((h) => td(h)).join('')}</tr>
<tr>${data}</tr>
</table>`;
}

export function reportPage(spec: PageSpec = {}): string {
  const year = spec.year ?? (spec.format === '2019' ? 2020 : 2021);
  const format = spec.format ?? (year >= 2021 ? '2021' : '2019');
  const agency = spec.agency ?? '某县人民政府';
  const title = `${agency}${year}年政府信息公开工作年度报告`;
  const omit = new Set(spec.omit ?? []);
  const paras = (s: '一' | '五' | '六', fallback: string) =>
    (spec.text?.[s] ?? [fallback]).map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<h1>${title}</h1>
<p>本报告中使用数据统计期限为${year}年1月1日至12月31日。</p>
<p>一、总体情况</p>
${paras('一', `${year}年，本机关认真做好主动公开、依申请公开、政府信息管理、平台建设和监督保障工作。`)}
<p>二、主动公开政府信息情况</p>
${omit.has('t2') ? '' : t2Html(format, spec.t2 ?? {})}
<p>三、收到和处理政府信息公开申请情况</p>
${omit.has('t3') ? '' : t3Html(format, spec.t3 ?? {})}
<p>四、政府信息公开行政复议、行政诉讼情况</p>
${omit.has('t4') ? '' : t4Html(spec.t4 ?? {})}
<p>五、存在的主要问题及改进情况</p>
${paras('五', '工作还存在一些不足，下一步将持续改进。')}
<p>六、其他需要报告的事项</p>
${paras('六', '无。')}
</body></html>`;
}

/** T3 values for a whole row: row('new', [3, 2, 0, 0, 0, 0, 5]). */
export function t3Row(row: string, values: Array<number | string>): Values {
  return Object.fromEntries(values.map((v, i) => [`${row}/${T3_COLS[i]}`, String(v)]));
}

/** T4 values of a block: t4Block('rev', [0, 0, 0, 1, 0]). */
export function t4Block(block: string, values: Array<number | string>): Values {
  return Object.fromEntries(values.map((v, i) => [`${block}/${T4_COL_KEYS[i]}`, String(v)]));
}

// ── Pre-2019 statistics table (the 政务公开情况统计表 of seed 002, report-formats.md §3) ──────
// Keys are the ones the parser gives: block.row(.child); 5.2a is the unnumbered 工作人员数量.
const LEGACY: Array<[string, string, string]> = [
  ['1', '一、公文类信息主动公开情况', ''],
  ['1.1', '（一）本部门及机关各业务处室制发的公文总数', '件'],
  ['1.1.1', '其中：标注为“主动公开”的数量', '件'],
  ['1.1.2', '标注为“依申请公开”的数量', '件'],
  ['1.1.3', '标注为“删减后公开”的数量', '件'],
  ['1.1.4', '标注为“不公开”的数量', '件'],
  ['1.2', '（二）本部门及机关各业务处室制发公文中标注为“主动公开”和“删减后公开”公文类信息公开数量', '件'],
  ['1.2.1', '其中：政府网站公开数量', '件'],
  ['1.2.2', '政务 APP 公开数量', '件'],
  ['1.2.3', '政务微信公开数量', '件'],
  ['1.2.4', '其他方式公开数量', '件'],
  ['1.3', '（三）本部门及机关各业务处室制发公文中规范性文件数量', '件'],
  ['1.3.1', '其中：标注为“主动公开”数量', '件'],
  ['1.3.2', '政府网站公开数量', '件'],
  ['1.4', '（四）本部门下属单位（不包括机关各业务处室）制发的公文数量', '件'],
  ['1.4.1', '其中：标注为“主动公开”的数量', '件'],
  ['1.4.2', '标注为“依申请公开”的数量', '件'],
  ['1.4.3', '标注为“删减后公开”的数量', '件'],
  ['1.4.4', '标注为“不公开”的数量', '件'],
  ['2', '二、政策解读情况', ''],
  ['2.1', '（一）本部门及机关各处室制发公文中主动公开的政策性文件数量', '件'],
  ['2.1.1', '其中：进行政策解读的数量', '件'],
  ['2.2', '（二）本部门下属单位（不包括机关各业务处室）制发公文中主动公开的政策性文件数量', '件'],
  ['2.2.1', '其中：进行政策解读的数量', '件'],
  ['3', '三、舆情回应情况', ''],
  ['3.1', '（一）本部门回应公众关注热点或重大舆情数量', '次'],
  ['3.1.1', '其中：举办新闻发布会次数', '次'],
  ['3.1.2', '正职或副职出席新闻发布会的次数', '次'],
  ['3.1.3', '“领导信箱”办理或答复数量', '件'],
  ['3.1.4', '开展“电视问政”或“网络在线访谈”次数', '次'],
  ['3.2', '（二）本部门下属单位回应公众关注热点或重大舆情数量', '次'],
  ['4', '四、依申请公开情况', ''],
  ['4.1', '（一）本部门收到申请数量', '件'],
  ['4.1.1', '其中：申请办结数量', '件'],
  ['4.1.2', '申请答复数量', '件'],
  ['5', '五、机构建设情况', ''],
  ['5.1', '（一）本部门政务公开工作机构中工作人员数量', '人'],
  ['5.1.1', '其中：专职人员数量', '人'],
  ['5.1.2', '兼职人员数量', '人'],
];

export interface LegacySpec {
  /** values by key as printed; every indicator is 0 otherwise */
  values?: Values;
  /** units by key, to change the template's */
  units?: Values;
}

/** A 2017 report whose only table is the statistics table. */
export function legacyPage(spec: LegacySpec = {}): string {
  const rows = LEGACY.map(([key, label, unit]) => {
    const heading = unit === '';
    const value = heading ? '' : (spec.values?.[key] ?? '0');
    return `<tr>${td(label)}${td(spec.units?.[key] ?? unit)}${td(value)}</tr>`;
  }).join('\n');
  const title = '某工业园区2017年政府信息公开工作年度报告';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<h1>${title}</h1>
<p>一、加强组织领导</p>
<p>园区成立了政务公开工作领导小组。</p>
<p>附件：2017年政务公开情况统计表</p>
<table border="1">
<tr>${td('统 计 指 标')}${td('单 位')}${td('汇 总 数')}</tr>
${rows}
</table>
</body></html>`;
}
