import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { reportPage, t3Row } from '../../utils/rules/testing/pages';

// A county portal for sweep tests, served from 127.0.0.1: a 政府信息公开年报 column over three list
// pages (TRS static pages counted by createPageHTML, then a page reached only by 下一页), linking a
// dozen reports of three bodies over several years (built with the rule tests' page generator), a
// second listing of one report with other numbers, a GBK page that fails once with 503, a PDF, a dead
// link, a slow page and a news item. The server records how many requests each host had in flight.

const ENCODED = fileURLToPath(new URL('../fixtures/encoded/seed003-gb2312.html', import.meta.url));
/** Seed 000 as a PDF with a text layer: 宁夏中宁工业园区管理委员会, 2020, no errors. */
const PARK_PDF = fileURLToPath(new URL('../fixtures/documents/seed000.pdf', import.meta.url));
export const PARK = '宁夏中宁工业园区管理委员会';
/** A pdf.js viewer's address, as the list links it: the PDF is in ?file= */
export const VIEWER_HREF = '/pdfjs/web/viewer.html?file=%2Fxxgk%2Fnb%2F2021%2Fpark-2020.pdf';

export const GOVERNMENT = '示例县人民政府';
export const EDUCATION = '示例县教育局';
export const FINANCE = '示例县财政局';

interface ReportSpec {
  agency: string;
  year: number;
  /** new applications, all from natural persons, all disclosed */
  apps: number;
  carryIn?: number;
  carryOut?: number;
  /** published on (PubDate meta), YYYY-MM-DD */
  published: string;
}

/** A 2021-format (or 2019-format before 2021) report whose tables add up. */
export function fixtureReport(spec: ReportSpec): string {
  const carryIn = spec.carryIn ?? 0;
  const carryOut = spec.carryOut ?? 0;
  const handled = spec.apps + carryIn - carryOut;
  const row = (n: number) => [n, 0, 0, 0, 0, 0, n];
  const html = reportPage({
    agency: spec.agency,
    year: spec.year,
    t3: {
      ...t3Row('new', row(spec.apps)),
      ...t3Row('carryIn', row(carryIn)),
      ...t3Row('r1', row(handled)),
      ...t3Row('r7', row(handled)),
      ...t3Row('carryOut', row(carryOut)),
    },
  });
  return html.replace(
    '<meta charset="utf-8">',
    `<meta charset="utf-8"><meta name="PubDate" content="${spec.published}">`,
  );
}

interface Route {
  path: string;
  /** the address the list links to, when not `path` (a viewer with its ?file=) */
  href?: string;
  title: string;
  body: () => { type: string; bytes: Buffer } | null;
  /** ms before answering */
  delay?: number;
  /** answer 503 this many times first */
  failFirst?: number;
}

const html = (text: string) => ({ type: 'text/html; charset=utf-8', bytes: Buffer.from(text, 'utf8') });
const report = (spec: ReportSpec) => () => html(fixtureReport(spec));

/** Listed links by list page; paths are under /xxgk/nb/. */
function routes(): Route[][] {
  const gov = (year: number, apps: number, published: string): Route => ({
    path: `/xxgk/nb/${year + 1}/gov-${year}.html`,
    title: `${GOVERNMENT}${year}年政府信息公开工作年度报告`,
    body: report({ agency: GOVERNMENT, year, apps, published }),
  });
  return [
    [
      gov(2023, 5, '2024-01-20'),
      gov(2022, 9, '2023-01-18'),
      gov(2021, 8, '2022-01-25'),
      {
        path: '/xxgk/nb/2024/edu-2023.html',
        title: `${EDUCATION}2023年政府信息公开工作年度报告`,
        body: report({ agency: EDUCATION, year: 2023, apps: 4, published: '2024-01-15' }),
      },
      {
        path: '/xxgk/nb/2023/edu-2022.html',
        title: `${EDUCATION}2022年政府信息公开工作年度报告`,
        // carried over 0, though 2021's report carried 1 forward: XYR-01
        body: report({ agency: EDUCATION, year: 2022, apps: 3, published: '2023-01-16' }),
      },
      {
        path: '/xxgk/nb/2024/news-tuijinhui.html',
        title: '示例县召开政务公开工作推进会',
        body: () =>
          html(
            '<!doctype html><html><head><meta charset="utf-8"><title>示例县召开政务公开工作推进会</title></head><body><h1>示例县召开政务公开工作推进会</h1><p>会议部署了年度报告编制工作。</p></body></html>',
          ),
      },
      {
        path: '/xxgk/nb/2024/health-2023.pdf',
        title: '示例县卫生健康局2023年政府信息公开工作年度报告',
        body: () => ({
          type: 'application/pdf',
          bytes: Buffer.from('%PDF-1.4\n% a placeholder, not a readable document\n%%EOF\n', 'latin1'),
        }),
      },
    ],
    [
      {
        path: '/xxgk/nb/2022/edu-2021.html',
        title: `${EDUCATION}2021年政府信息公开工作年度报告`,
        body: report({ agency: EDUCATION, year: 2021, apps: 6, carryOut: 1, published: '2022-01-20' }),
      },
      {
        path: '/xxgk/nb/2024/fin-2023.html',
        title: `${FINANCE}2023年政府信息公开工作年度报告`,
        body: report({ agency: FINANCE, year: 2023, apps: 3, published: '2024-01-22' }),
      },
      {
        path: '/xxgk/nb/2024/fin-2023-gz.html',
        title: `${FINANCE}2023年政府信息公开工作年度报告（更正）`,
        // the same body and year with another number: XBD-01
        body: report({ agency: FINANCE, year: 2023, apps: 4, published: '2024-02-05' }),
      },
      {
        path: '/xxgk/nb/2023/fin-2022.html',
        title: `${FINANCE}2022年政府信息公开工作年度报告`,
        body: report({ agency: FINANCE, year: 2022, apps: 2, published: '2023-01-19' }),
      },
      {
        path: '/xxgk/nb/2022/fin-2021.html',
        title: `${FINANCE}2021年政府信息公开工作年度报告`,
        body: report({ agency: FINANCE, year: 2021, apps: 1, published: '2022-01-21' }),
      },
      {
        path: '/xxgk/nb/2022/gone.html',
        title: '示例县住房和城乡建设局2021年政府信息公开工作年度报告',
        body: () => null,
      },
    ],
    [
      {
        path: '/xxgk/nb/2022/zn-gyhxxh-2021.html',
        title: '中宁县工业和信息化局2021年政府信息公开工作年度报告',
        body: () => ({ type: 'text/html; charset=gbk', bytes: readFileSync(ENCODED) }),
        failFirst: 1,
      },
      {
        path: '/xxgk/nb/2021/edu-2020.html',
        title: `${EDUCATION}2020年政府信息公开工作年度报告`,
        body: report({ agency: EDUCATION, year: 2020, apps: 2, published: '2021-03-10' }),
        delay: 400,
      },
      {
        // a pdf.js "全真版" viewer: a shell page; the report is the PDF in its ?file=
        path: '/pdfjs/web/viewer.html',
        href: VIEWER_HREF,
        title: `${PARK}2020年政府信息公开工作年度报告（全真版）`,
        body: () =>
          html(
            '<!doctype html><html><head><meta charset="utf-8"><title>PDF.js viewer</title><script src="pdf.mjs" type="module"></script></head><body><div id="outerContainer"><div id="toolbarContainer"><button id="print">打印</button><button id="download">下载</button></div><div id="viewerContainer"><div id="viewer" class="pdfViewer"></div></div></div></body></html>',
          ),
      },
    ],
  ];
}

/** Files the lists do not link to directly (a viewer's PDF). */
const UNLISTED: Route[] = [
  {
    path: '/xxgk/nb/2021/park-2020.pdf',
    title: '',
    body: () => ({ type: 'application/pdf', bytes: readFileSync(PARK_PDF) }),
  },
];

function listPage(items: Route[], paging: string, copies = 1): string {
  const li = items
    .flatMap((r) =>
      Array.from({ length: copies }, (_, i) => {
        const base = r.href ?? r.path;
        const href = i ? `${base}${base.includes('?') ? '&' : '?'}copy=${i}` : base;
        return `<li><a href="${href}" title="${r.title}" target="_blank">${r.title}</a><span>2024-01-01</span></li>`;
      }),
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>政府信息公开年报_示例县人民政府</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/xxgk/">政务公开</a> <a href="/xxgk/zn/">政府信息公开指南</a></div>
<div class="list"><ul>${li}</ul></div>
<div class="page">${paging}</div>
<div class="footer"><a href="http://www.gov.cn/">中国政府网</a></div></body></html>`;
}

export const LIST_PATHS = ['/xxgk/nb/index.html', '/xxgk/nb/index_1.html', '/xxgk/nb/more_2.html'];

export interface Portal {
  port: number;
  origin: string;
  listUrl: string;
  /** every link the lists carry, by URL → listed title */
  links: Map<string, string>;
  /** the most requests one host had in flight at once (a browser tab's navigations not counted) */
  maxInFlight(): Map<string, number>;
  requests: string[];
  close(): Promise<void>;
}

export interface PortalOptions {
  /** ms every answer waits (so requests overlap and the limit is tested); default 20 */
  latency?: number;
  /** list every link this many times (as ?copy=N), for throughput measurements; default 1 */
  copies?: number;
}

export async function servePortal(opts: PortalOptions = {}): Promise<Portal> {
  const pages = routes();
  const byPath = new Map([...pages.flat(), ...UNLISTED].map((r) => [r.path, r]));
  const copies = opts.copies ?? 1;
  const lists = new Map<string, string>([
    // TRS: the page count only in the script; no link to index_1.html in the markup
    [
      LIST_PATHS[0]!,
      listPage(
        pages[0]!,
        '<script>createPageHTML(2, 0, "index", "html");</script><a href="http://www.other.example/xxgk/nb/index_9.html">9</a>',
        copies,
      ),
    ],
    [
      LIST_PATHS[1]!,
      listPage(pages[1]!, '<a href="index.html">上一页</a> <a href="more_2.html">下一页</a>', copies),
    ],
    [
      LIST_PATHS[2]!,
      listPage(pages[2]!, '<a href="index_1.html">上一页</a> <a href="index.html">首页</a>', copies),
    ],
  ]);
  const failures = new Map<string, number>();
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const requests: string[] = [];
  const latency = opts.latency ?? 20;

  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const host = req.headers.host ?? '';
    // A browser tab showing the list (e2e), with its favicon, is not the sweep: its requests name
    // what they accept (text/html…, image/…), a fetch() accepts */* (Chromium sends no Sec-Fetch
    // headers to a plain-http host, so those cannot tell them apart).
    const accept = req.headers.accept ?? '*/*';
    const counted = accept === '*/*';
    const now = (inFlight.get(host) ?? 0) + (counted ? 1 : 0);
    inFlight.set(host, now);
    maxInFlight.set(host, Math.max(maxInFlight.get(host) ?? 0, now));
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const route = byPath.get(path);
    // before the wait: a request the client drops meanwhile (a browser closed mid-sweep) ends too
    res.on('close', () => counted && inFlight.set(host, (inFlight.get(host) ?? 1) - 1));
    await new Promise((r) => setTimeout(r, latency + (route?.delay ?? 0)));
    const list = lists.get(path);
    if (list) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(list);
    const failed = failures.get(req.url ?? path) ?? 0;
    if (route?.failFirst && failed < route.failFirst) {
      failures.set(req.url ?? path, failed + 1);
      return void res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
    }
    const body = route?.body();
    if (!body) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': body.type, 'content-length': body.bytes.length }).end(body.bytes);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    listUrl: `${origin}${LIST_PATHS[0]}`,
    links: new Map(pages.flat().map((r) => [`${origin}${r.href ?? r.path}`, r.title])),
    maxInFlight: () => new Map(maxInFlight),
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
