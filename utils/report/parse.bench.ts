import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { detectReport } from './detect';
import { parseReport } from './parse';

// Detection runs on every page of a portal; parsing only on reports. `npm run bench`.

const FIXTURE = join(__dirname, '../../tests/fixtures/pages/2019/seed001-word.html');
const report = readFileSync(FIXTURE, 'utf8');
const paragraph = '<p>区政府召开常务会议，研究部署今冬明春安全生产、社会治理等工作。会议强调要压实责任。</p>';
const news = `<html><head><title>区政府召开常务会议_某区人民政府</title></head><body>${paragraph.repeat(2000)}</body></html>`;

const reportDoc = documentFromHtml(report, 'http://www.example.gov.cn/report.html');
const newsDoc = documentFromHtml(news, 'http://www.example.gov.cn/news.html');

describe('detect', () => {
  bench('a long news page (not a report)', () => {
    detectReport(newsDoc);
  });
  bench('a report page', () => {
    detectReport(reportDoc);
  });
});

describe('parse', () => {
  bench('seed 001, Word paste (tables and narrative)', () => {
    parseReport(reportDoc, { url: 'http://www.example.gov.cn/report.html' });
  });
});
