import type { Paragraph, ReportModel } from '../../report/model';
import { chineseToNumber } from '../../report/normalize';
import { paragraphKey, textKey } from './text';

// Issuer names as the report prints them in its title, its preamble, its signature (落款) and the
// statistics-table footer (填表单位), and the date under the signature.

export interface NameSource {
  source: 'title' | 'preamble' | 'signature' | 'form';
  name: string;
  paragraph?: Paragraph;
}

const YEAR = '(?:\\d{4}|[〇零一二三四五六七八九]{4})';
const AGENCY_END =
  /(人民政府|管委会|管理委员会|委员会|办公室|办公厅|局|厅|委|中心|园区|政府|办事处|院|所|站)$/;
const DATE = new RegExp(`^(${YEAR})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日$`);

const YEAR_AND_AFTER = new RegExp(`${YEAR}年.*$`);
/** 现发布《X YYYY 年政府信息公开工作年度报告》: the report's own title, not a notice it cites. */
const OWN_TITLE_CITED = new RegExp(
  `《((?:(?!关于)[^《》]){2,40}?)${YEAR}年度?(?:政府)?(?:信息公开|政务公开|政务信息公开)(?:工作)?(?:的)?年度报告》`,
);

/** The name in the title: model.agency, else the title up to its year. */
export function titleName(model: Pick<ReportModel, 'agency' | 'title'>): string {
  if (model.agency) return model.agency;
  const t = textKey(model.title ?? '');
  return t.replace(YEAR_AND_AFTER, '');
}

export function issuerNames(model: ReportModel): NameSource[] {
  const out: NameSource[] = [];
  const t = titleName(model);
  if (t) out.push({ source: 'title', name: t });
  for (const p of model.paragraphs) {
    if (p.section !== 'preamble') continue;
    const m = OWN_TITLE_CITED.exec(paragraphKey(p));
    if (m) {
      out.push({ source: 'preamble', name: m[1]!, paragraph: p });
      break;
    }
  }
  const sig = signature(model);
  if (sig) out.push({ source: 'signature', name: paragraphKey(sig.name), paragraph: sig.name });
  for (const p of model.paragraphs) {
    const key = paragraphKey(p);
    // removing the spaces makes no 填: most paragraphs are not copied for the regex
    if (!key.includes('填')) continue;
    const m = /填表单位[:：]\s*(\S+)/.exec(key.replace(/\s+/g, ''));
    if (m) out.push({ source: 'form', name: m[1]!, paragraph: p });
  }
  for (const r of model.legacyRows) {
    const m = /填表单位[:：]\s*(\S+)/.exec(textKey(r.label));
    if (m && !out.some((o) => o.source === 'form')) out.push({ source: 'form', name: m[1]! });
  }
  return out;
}

/** The signature: a short agency name followed by a date line, searched from the end. */
export function signature(model: ReportModel): { name: Paragraph; date: Paragraph; iso: string } | null {
  const ps = model.paragraphs;
  for (let i = ps.length - 1; i > 0; i--) {
    const d = DATE.exec(paragraphKey(ps[i]!));
    if (!d) continue;
    const name = paragraphKey(ps[i - 1]!);
    if (name.length > 30 || !AGENCY_END.test(name) || /[:：]/.test(name)) continue;
    const num = (x: string) => chineseToNumber(x) ?? 0;
    const iso = `${num(d[1]!)}-${String(num(d[2]!)).padStart(2, '0')}-${String(num(d[3]!)).padStart(2, '0')}`;
    return { name: ps[i - 1]!, date: ps[i]!, iso };
  }
  return null;
}

/** Matching key of a name: folded, 管理委员会 → 管委会. */
export const nameKey = (s: string): string =>
  textKey(s)
    .replace(/\s+/g, '')
    .replace(/管理委员会/g, '管委会');

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

const SUFFIX = /(管委会|人民政府|委员会|办公室|办公厅)$/;

/** Similarity of two issuer names in [0, 1]: 1 when one contains the other. */
export function nameSimilarity(a: string, b: string): number {
  const x = nameKey(a);
  const y = nameKey(b);
  if (!x || !y) return 0;
  if (x.includes(y) || y.includes(x)) return 1;
  const xs = x.replace(SUFFIX, '');
  const ys = y.replace(SUFFIX, '');
  if (xs.includes(ys) || ys.includes(xs)) return 1;
  return 1 - levenshtein(xs, ys) / Math.max(xs.length, ys.length);
}
