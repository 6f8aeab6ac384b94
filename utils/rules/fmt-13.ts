import type { ReportModel } from '../report/model';
import { keyedClausesOf, textPlace } from './lib/text';
import type { Evaluation, Rule } from './types';

// FMT-13: the report's references to itself — where the electronic version is, the portal's
// address, the e-mail for questions — are complete and right: the download sentence names a place,
// the stated portal is the host of the page (or the same registrable domain), the e-mail has an @.

const URL = /(?:https?:\/\/)?((?:[a-z0-9-]+\.)+(?:gov\.cn|com\.cn|org\.cn|net\.cn|cn|com|net|org))/gi;
const EMAIL = /(?:电子邮箱|电子信箱|电子邮件|邮箱|e-?mail)\s*[:：]?\s*([A-Za-z0-9._%+@-]+\.[A-Za-z]{2,})/gi;

/**
 * What every clause the checks below read holds: 电子版 (the download sentence), an address's
 * .cn/.com/.net/.org (the domain check, on a page with a host), or 邮箱, 信箱, 邮件, e-mail.
 */
const SELF_REFERENCE = /电子版|邮箱|信箱|邮件|mail|\.(?:cn|com|net|org)/i;
/** The same without an address, which only the domain check reads. */
const DOWNLOAD_OR_EMAIL = /电子版|邮箱|信箱|邮件|mail/i;

/** Registrable domain: the last three labels under gov.cn / com.cn …, else the last two. */
export function registrable(host: string): string {
  const labels = host
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.');
  const n = /\.(gov|com|org|net|edu)\.cn$/.test(host.toLowerCase()) ? 3 : 2;
  return labels.slice(-n).join('.');
}

export const fmt13: Rule = {
  id: 'FMT-13',
  spec: 'FMT-13',
  severity: 'info',
  formats: ['2019', '2021', 'pre2019', 'hybrid', 'unknown'],
  title: {
    zh: '电子版地址、门户网站和联系邮箱无误',
    en: 'Download place, portal address and e-mail are right',
  },
  description: {
    zh: '说明电子版获取途径的句子应完整（写明网址或网站并可查阅下载）；所写门户网站的域名应与本页所在网站一致（或同属一个注册域名）；电子邮箱应含“@”。',
    en: 'The sentence on where to get the electronic version must be complete (an address or a site to read or download it from); the portal it names must be the site hosting the page (or the same registrable domain); the e-mail must contain "@".',
  },
  messages: {
    truncated: {
      zh: '说明电子版获取途径的句子不完整：“{text}”',
      en: 'The sentence on where to get the electronic version is incomplete: "{text}"',
    },
    domain: {
      zh: '报告所写网址 {stated} 与本页所在网站 {host} 不一致',
      en: 'The report gives the address {stated}, but the page is on {host}',
    },
    email: {
      zh: '电子邮箱“{email}”缺少“@”',
      en: 'The e-mail "{email}" has no "@"',
    },
  },
  evaluate: (model) => selfReferences(model),
};

/**
 * FMT-13 over the clauses with their matching keys (`all`): by default only those of the paragraphs
 * that hold what one of the checks needs (the property test holds the two together).
 */
export function selfReferences(
  model: ReportModel,
  all = keyedClausesOf(model, model.host ? SELF_REFERENCE : DOWNLOAD_OR_EMAIL),
): Evaluation[] {
  const out: Evaluation[] = [];
  all.forEach(({ sentence: s, key: k }) => {
    // the report's own electronic version, not e.g. the gazette's
    if (!/(报告|年报|本报)[^。]{0,6}电子版/.test(k)) return;
    const complete =
      /https?:|www\.|\.gov\.cn|\.com|\.cn\b/i.test(k) || /查阅|下载|获取|浏览|查看|查询/.test(k);
    out.push(
      complete
        ? { outcome: 'pass' }
        : {
            outcome: 'fail',
            messageId: 'truncated',
            data: { text: s.text },
            cells: [],
            sentence: s,
            place: `electronic/${textPlace(s.text)}`,
          },
    );
  });
  if (model.host) {
    const host = model.host;
    const seen = new Set<string>();
    for (const { sentence: s, key: k } of all) {
      if (!/电子版|门户网站|网站|网址|网上/.test(k)) continue;
      URL.lastIndex = 0;
      for (let m = URL.exec(k); m; m = URL.exec(k)) {
        const stated = m[1]!.toLowerCase();
        if (/@/.test(k.slice(Math.max(0, m.index - 40), m.index)) || seen.has(stated)) continue; // part of an e-mail
        if (k.slice(Math.max(0, m.index - 1), m.index) === '@') continue;
        seen.add(stated);
        const same = registrable(stated) === registrable(host);
        out.push(
          same
            ? { outcome: 'pass', place: `domain/${stated}` }
            : {
                outcome: 'fail',
                messageId: 'domain',
                data: { stated, host },
                cells: [],
                sentence: s,
                place: `domain/${stated}`,
              },
        );
      }
    }
  }
  for (const { sentence: s, key: k } of all) {
    EMAIL.lastIndex = 0;
    for (let m = EMAIL.exec(k); m; m = EMAIL.exec(k)) {
      const email = m[1]!;
      out.push(
        email.includes('@')
          ? { outcome: 'pass', place: `email/${email}` }
          : {
              outcome: 'fail',
              messageId: 'email',
              data: { email },
              cells: [],
              sentence: s,
              place: `email/${email}`,
            },
      );
    }
  }
  return out;
}
