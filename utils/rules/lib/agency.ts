import type { Localized } from '../../audit/result';
import type { ReportModel } from '../../report/model';

// What kind of body issued the report, from its name (model.agency, else the title). Enough for
// 规章-making power (T2-12, 立法法 第九十三条 / 第八十二条 in the 2023 numbering): 国务院部门 and
// the governments of provinces, 设区的市 and 自治州 have it; counties, towns, parks and local
// departments do not. A bare 市 may be a county-level city: power unknown, so no warning.

export type AgencyKind =
  | 'central'
  | 'province'
  | 'city'
  | 'county'
  | 'township'
  | 'park'
  | 'department'
  | 'unknown';

export interface AgencyInfo {
  kind: AgencyKind;
  /** the administrative level, when the name shows it */
  level: 'central' | 'province' | 'city' | 'county' | 'township' | null;
  /** may it make 规章? null when the name does not tell */
  rulemaking: boolean | null;
  name: string;
}

export const AGENCY_KIND_LABELS: Record<AgencyKind, Localized> = {
  central: { zh: '国务院部门', en: 'a State Council department' },
  province: { zh: '省级人民政府', en: 'a provincial government' },
  city: { zh: '市级人民政府', en: 'a city government' },
  county: { zh: '县级人民政府', en: 'a county-level government' },
  township: { zh: '乡镇（街道）', en: 'a township or street office' },
  park: { zh: '园区管委会', en: 'a development-zone committee' },
  department: { zh: '地方政府部门', en: 'a local government department' },
  unknown: { zh: '未知机关', en: 'an unknown body' },
};

const MUNICIPALITIES = /^(北京|天津|上海|重庆)市$/;
const PARK = /(园区|开发区|高新区|工业区|经济区|保税区|试验区|实验区|合作区|管委会|管理委员会)/;
const TOWNSHIP = /(乡|镇|街道|苏木)(人民政府|办事处)?$/;
const LEGAL_AFFAIRS = /(司法|法制)/;

function levelOfPlace(place: string): AgencyInfo['level'] {
  if (MUNICIPALITIES.test(place)) return 'province';
  if (/(省|自治区)$/.test(place)) return 'province';
  if (/(自治州|盟)$/.test(place)) return 'city';
  if (/市$/.test(place)) return 'city';
  if (/(县|旗|区)$/.test(place)) return 'county';
  if (TOWNSHIP.test(place)) return 'township';
  return null;
}

/** The name without the report title's tail, e.g. 中宁县2019年政府信息公开工作年度报告 → 中宁县. */
function nameOf(model: Pick<ReportModel, 'agency' | 'title'>): string {
  const raw = model.agency ?? model.title ?? '';
  return raw
    .replace(/\s+/g, '')
    .replace(/(\d{4}|[〇零一二三四五六七八九]{4})年(度)?.*$/, '')
    .replace(/关于.*$/, '');
}

export function classifyAgency(model: Pick<ReportModel, 'agency' | 'title'>): AgencyInfo {
  const name = nameOf(model);
  const info = (kind: AgencyKind, level: AgencyInfo['level'], rulemaking: boolean | null): AgencyInfo => ({
    kind,
    level,
    rulemaking,
    name,
  });
  if (!name) return info('unknown', null, null);
  if (PARK.test(name)) return info('park', 'county', false);
  if (/^(国务院|国家|中华人民共和国|中国)/.test(name) && !/人民政府/.test(name))
    return info('central', 'central', true);

  // a government, or its general office reporting for it
  const gov =
    /^(.*?)(人民政府)(办公厅|办公室)?$/.exec(name) ??
    /^(.*?(省|自治区|市|自治州|盟|县|旗|区|乡|镇))$/.exec(name);
  if (gov) {
    const level = levelOfPlace(gov[1]!);
    switch (level) {
      case 'province':
        return info('province', level, true);
      case 'city':
        return info('city', level, /(自治州)$/.test(gov[1]!) ? true : null);
      case 'county':
        return info('county', level, false);
      case 'township':
        return info('township', level, false);
      default:
        return info('unknown', null, null);
    }
  }
  if (TOWNSHIP.test(name)) return info('township', 'township', false);

  // a department: 局, 厅, 委员会, 办公室 … under some government
  if (/(局|厅|委|委员会|办|办公室|部|署|中心|院|所|处|队|站|会)$/.test(name)) {
    const place = /^(.*?(省|自治区|自治州|市|盟|自治县|县|旗|区))/.exec(name)?.[1] ?? '';
    const level = place ? levelOfPlace(place) : null;
    // 司法/法制 departments may report the 规章 of their government
    return info('department', level, LEGAL_AFFAIRS.test(name) ? null : false);
  }
  return info('unknown', null, null);
}
