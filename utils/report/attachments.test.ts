import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { findAttachments, kindOfName, pdfOfTab } from './attachments';

const BASE = 'http://www.example.gov.cn/zwgk/2024/t20240308_1.htm';

// happy-dom with loading off: the iframes and embeds below must not be fetched.
const page = (body: string): Document => documentFromHtml(`<body>${body}</body>`, BASE);

describe('findAttachments', () => {
  it('finds a TRS attachment link, resolved against the page', () => {
    const found = findAttachments(
      page(
        `<div class="TRS_Editor"><p>附件：<a href="./P020240308512345.pdf">2023年政府信息公开工作年度报告.pdf</a></p></div>`,
      ),
      BASE,
    );
    expect(found).toEqual([
      {
        url: 'http://www.example.gov.cn/zwgk/2024/P020240308512345.pdf',
        kind: 'pdf',
        label: '2023年政府信息公开工作年度报告.pdf',
        via: 'link',
        likelyReport: true,
      },
    ]);
  });

  it('finds a pdf.js 全真版 viewer in an iframe, taking the file from ?file= (encoded, relative)', () => {
    const found = findAttachments(
      page(`<iframe src="/static/pdfjs/web/viewer.html?file=%2Fupload%2F2023%2Freport.pdf"></iframe>`),
      BASE,
    );
    expect(found.map((a) => [a.url, a.kind, a.via])).toEqual([
      ['http://www.example.gov.cn/upload/2023/report.pdf', 'pdf', 'viewer'],
    ]);
  });

  it('finds a 全真版 link whose viewer file is a download script, as a PDF', () => {
    const found = findAttachments(
      page(
        `<a href="https://www.example.gov.cn/pdfjs/web/viewer.html?file=https://files.example.gov.cn/download.do%3Fid%3D42">全真版</a>`,
      ),
      BASE,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      url: 'https://files.example.gov.cn/download.do?id=42',
      kind: 'pdf',
      label: '全真版',
    });
  });

  it('reads the kind from the link text when the address is a download script', () => {
    const found = findAttachments(
      page(
        `<p><a href="/attach/download?id=12">某某区2023年度报告.docx</a> <a href="/attach/download?id=13">下载</a></p>`,
      ),
      BASE,
    );
    expect(found.map((a) => [a.url, a.kind])).toEqual([
      ['http://www.example.gov.cn/attach/download?id=12', 'docx'],
    ]);
  });

  it('finds embeds and objects, .doc and .wps, and puts report-like names first', () => {
    const found = findAttachments(
      page(`<a href="/a/notes.wps">说明</a><embed src="/a/2023nb.pdf" title="年报"><object data="/a/x.doc"></object>
            <a href="/a/2023年度报告.pdf#page=2">2023年度报告</a>`),
      BASE,
    );
    expect(found.map((a) => [a.kind, a.likelyReport, a.via])).toEqual([
      ['pdf', true, 'embed'],
      ['pdf', true, 'link'],
      ['wps', false, 'link'],
      ['doc', false, 'embed'],
    ]);
    // the fragment is dropped; the same file twice is offered once
    expect(found[1]!.url).toBe('http://www.example.gov.cn/a/2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf');
  });

  it('offers nothing for pages, images, mail, scripts, or PDFs in the header and footer', () => {
    const found = findAttachments(
      page(`<header><a href="/guide.pdf">政府信息公开指南.pdf</a></header>
            <article><a href="/t2024_1.html">2023年度报告</a><img src="/table.jpg">
            <a href="mailto:gk@example.gov.cn">邮箱</a><a href="javascript:void(0)">report.pdf</a>
            <a href="/files/report.pdf.html">网页版</a><iframe src="/viewer.html?page=2"></iframe></article>
            <div class="footer"><a href="/help.pdf">帮助.pdf</a></div>`),
      BASE,
    );
    expect(found).toEqual([]);
  });
});

describe('pdfOfTab', () => {
  it('takes a .pdf address and a pdf.js viewer address', () => {
    expect(pdfOfTab('http://www.example.gov.cn/a/report.pdf#page=3')).toBe(
      'http://www.example.gov.cn/a/report.pdf',
    );
    expect(pdfOfTab('http://www.example.gov.cn/pdfjs/web/viewer.html?file=/a/r.pdf')).toBe(
      'http://www.example.gov.cn/a/r.pdf',
    );
  });
  it('refuses pages, Word files in a viewer, and non-web addresses', () => {
    expect(pdfOfTab('http://www.example.gov.cn/a/t1.html')).toBeNull();
    expect(pdfOfTab('http://www.example.gov.cn/pdfjs/web/viewer.html?file=/a/r.docx')).toBeNull();
    expect(pdfOfTab('file:///home/r.pdf')).toBeNull();
    expect(pdfOfTab('not a url')).toBeNull();
  });
});

describe('kindOfName', () => {
  it('reads the extension, case and query aside', () => {
    expect(kindOfName('R.PDF?x=1')).toBe('pdf');
    expect(kindOfName('年度报告.docx ')).toBe('docx');
    expect(kindOfName('report.pdf.html')).toBeNull();
  });
});
