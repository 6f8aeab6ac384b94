import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { parseReport } from '../report/parse';
import { badgeOf, describeReadState, readState } from './read-state';
import { runAudit } from './run';

// "Nothing could be read" is its own state (issue 8, review H2): a report whose tables are images,
// or whose narrative was not found, never gets the ✓ of a clean report.

const PAGES = join(__dirname, '../../tests/fixtures/pages');
const fixture = (path: string) => readFileSync(join(PAGES, path), 'utf8');
const read = (html: string) => parseReport(documentFromHtml(html)).model;

/** Every table replaced by an image, as portals that publish scans do. */
const imagesOnly = (html: string) =>
  html.replace(/<table[\s\S]*?<\/table>/gi, '<p><img src="table.png" alt="表"></p>');

describe('readState', () => {
  const reports = ['2019', '2021', 'pre2019'].flatMap((dir) =>
    readdirSync(join(PAGES, dir))
      .filter((f) => f.endsWith('.html'))
      .map((f) => `${dir}/${f}`),
  );

  // seed 001 is an OCR-garbled report: three of its 表三 rows are read from garbled labels.
  const garbled = (p: string) => p.includes('seed001');
  it.each(reports.filter((p) => !garbled(p)))('%s: read whole, clean of unread parts', (path) => {
    const model = read(fixture(path));
    expect(readState(model)).toEqual({ level: 'complete', reasons: [] });
  });

  it.each(reports.filter(garbled))('%s: garbled rows make it partly read', (path) => {
    const state = readState(read(fixture(path)));
    expect(state.level).toBe('partial');
    expect(state.reasons).toContainEqual(
      expect.objectContaining({ kind: 'table', table: 'applications', problem: 'partial' }),
    );
  });

  it.each(reports.filter((p) => !p.startsWith('pre2019')))(
    '%s with its tables as images: none read, each table says why, never ✓',
    (path) => {
      const model = read(imagesOnly(fixture(path)));
      expect(model.kind).toBe('report');
      const state = readState(model);
      expect(state.level).toBe('none');
      expect(state.reasons).toEqual(
        expect.arrayContaining([
          { kind: 'table', table: 'applications', problem: 'not-in-dom' },
          { kind: 'table', table: 'reviews', problem: 'not-in-dom' },
        ]),
      );
      const badge = badgeOf(
        model,
        runAudit(model).findings.filter((f) => f.severity !== 'error'),
      );
      expect(badge?.text).toBe('?');
      expect(describeReadState(state, 'zh')).toContain('表三 收到和处理申请：未找到（可能是图片或附件）');
      expect(describeReadState(state, 'en')).toContain(
        'Table 3 · applications: not found (image or attachment?)',
      );
    },
  );

  it('a report with one table missing is partly read', () => {
    const html = fixture('2021/seed003-ueditor.html');
    // Drop the last table (表四) only.
    const last = html.lastIndexOf('<table');
    const model = read(`${html.slice(0, last)}${html.slice(html.indexOf('</table>', last) + 8)}`);
    const state = readState(model);
    expect(state.level).toBe('partial');
    expect(state.reasons).toContainEqual(expect.objectContaining({ kind: 'table', table: 'reviews' }));
  });

  it('a report whose narrative has no section headings says so', () => {
    const html = fixture('2021/seed003-ueditor.html').replace(/[一二三四五六]、/g, '');
    const state = readState(read(html));
    expect(state.reasons).toContainEqual({ kind: 'narrative' });
    expect(state.level).toBe('partial');
  });

  it('a page that is no report has no badge', () => {
    const model = read(fixture('negative/news-tuijinhui.html'));
    expect(badgeOf(model, [])).toBeNull();
  });
});

describe('badgeOf', () => {
  const model = read(fixture('2021/seed003-ueditor.html'));
  it('counts errors in red, whatever was read', () => {
    const error = { outcome: 'fail', severity: 'error' } as never;
    expect(badgeOf(model, [error, error])).toEqual({ text: '2', color: '#d92d20' });
    expect(badgeOf(read(imagesOnly(fixture('2021/seed003-ueditor.html'))), [error])?.text).toBe('1');
  });
  it('shows ✓ only for a clean report read whole', () => {
    expect(badgeOf(model, [])?.text).toBe('✓');
  });
});
