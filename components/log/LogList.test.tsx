import { describe, expect, it, vi } from 'vitest';
import type { ListPage } from '@/utils/log/list-query';
import { toRows, toSummary } from '@/utils/log/rows';
import { syntheticRecord } from '@/utils/log/testing/synthetic';
import { LogList } from './LogList';
import { click, mount, q, qa, text, type } from './testing';

const summary = (i: number, version = 1) => toSummary(toRows(syntheticRecord(i, version)).row);

// i % 4: 0 clean, 1 info, 2 warning, 3 error + warning
const page: ListPage = {
  items: [summary(3), summary(2, 2), summary(0)],
  total: 123,
  page: 2,
  pageSize: 3,
  pages: 41,
};
page.items[1]!.changed = true;

const props = (over = {}) => ({
  lang: 'zh' as const,
  page,
  query: { query: '', page: 2 },
  years: [2023, 2022, 2021],
  onQuery: vi.fn(),
  onPage: vi.fn(),
  onOpen: vi.fn(),
  ...over,
});

describe('LogList', () => {
  it('shows a report that could not be read as such, never as clean (issue 8)', () => {
    const unread = summary(0);
    unread.read = {
      level: 'none',
      reasons: [{ kind: 'table', table: 'applications', problem: 'not-in-dom' }],
    };
    const { root } = mount(<LogList {...props({ page: { ...page, items: [unread] } })} />);
    const row = q(root, 'button.log-row')!;
    expect(row.className).toBe('log-row status-unread');
    expect(text(row.querySelector('[data-field="read-state"]'))).toBe('未能读取表格');
    expect(row.querySelector('.count.clean')).toBeNull();
  });

  it('shows a row per record with its status colour, counts and identity, in Chinese', () => {
    const { root } = mount(<LogList {...props()} />);
    const rows = qa(root, 'button.log-row');
    expect(rows.map((r) => r.className)).toEqual([
      'log-row status-error',
      'log-row status-warning',
      'log-row status-clean',
    ]);
    expect(text(rows[0]!.querySelector('.row-title'))).toBe('海原县人民政府2020年政府信息公开工作年度报告');
    expect(text(rows[0]!.querySelector('.row-meta'))).toBe(
      '海原县人民政府 · 2020年 · 2019年试行格式 · site3.gov.cn',
    );
    expect(text(rows[0]!.querySelector('.row-counts'))).toBe('1 个错误1 个警告');
    expect(qa(rows[0]!, '.count').map((c) => c.dataset.severity)).toEqual(['error', 'warning']);
    expect(q(rows[0]!, '.dot')!.getAttribute('aria-label')).toBe('有错误');
    expect(text(rows[1])).toContain('第 2 版');
    expect(text(rows[1])).toContain('发布后有变动');
    expect(text(rows[2]!.querySelector('.row-counts'))).toBe('未发现问题');
    expect(text(q(root, '.pager-state'))).toBe('第 2 / 41 页，共 123 条');
  });

  it('opens a record, pages, and reports search and filters with the page reset', () => {
    const p = props();
    const { root } = mount(<LogList {...p} />);
    click(qa(root, 'button.log-row')[1]);
    expect(p.onOpen).toHaveBeenCalledWith(page.items[1]!.id);
    click(q(root, 'button[name=next]'));
    click(q(root, 'button[name=prev]'));
    expect(p.onPage.mock.calls).toEqual([[3], [1]]);

    type(q(root, 'input[name=query]'), '中宁 管委会');
    expect(p.onQuery).toHaveBeenLastCalledWith({ query: '中宁 管委会', page: 1 });
    type(q(root, 'select[name=year]'), '2022', 'change');
    expect(p.onQuery).toHaveBeenLastCalledWith({ query: '', year: 2022, page: 1 });
    type(q(root, 'select[name=format]'), '2021', 'change');
    expect(p.onQuery).toHaveBeenLastCalledWith({ query: '', format: '2021', page: 1 });
    type(q(root, 'select[name=severity]'), 'error', 'change');
    expect(p.onQuery).toHaveBeenLastCalledWith({ query: '', severity: 'error', page: 1 });
    type(q(root, 'select[name=severity]'), '', 'change');
    expect(p.onQuery).toHaveBeenLastCalledWith({ query: '', severity: null, page: 1 });
    expect(qa<HTMLOptionElement>(root, 'select[name=year] option').map((o) => o.textContent)).toEqual([
      '全部年度',
      '2023年',
      '2022年',
      '2021年',
    ]);
  });

  it('disables the pager at the ends and says why the list is empty', () => {
    const empty: ListPage = { items: [], total: 0, page: 1, pageSize: 50, pages: 1 };
    const { root, rerender } = mount(<LogList {...props({ page: empty, query: {} })} />);
    expect(q<HTMLButtonElement>(root, 'button[name=prev]')!.disabled).toBe(true);
    expect(q<HTMLButtonElement>(root, 'button[name=next]')!.disabled).toBe(true);
    expect(text(q(root, '.log-empty'))).toBe('日志中还没有审核记录');
    rerender(<LogList {...props({ page: empty, query: { year: 2021 } })} />);
    expect(text(q(root, '.log-empty'))).toBe('没有符合条件的记录');
  });

  it('draws rows before the count and the choices are known, and says they are being read (issue 11)', () => {
    const { total: _total, pages: _pages, ...uncounted } = page;
    const p = props({ page: { ...uncounted, page: 1 }, query: {}, years: null, formats: null });
    const { root, rerender } = mount(<LogList {...p} />);
    expect(qa(root, 'button.log-row')).toHaveLength(3);
    // no number it does not have: no 0, no "of 1"
    expect(text(q(root, '.pager-state'))).toBe('第 1 页，正在统计条数…');
    expect(q(root, '.pager-state')!.getAttribute('aria-busy')).toBe('true');
    expect(q<HTMLButtonElement>(root, 'button[name=next]')!.disabled).toBe(true);
    for (const name of ['year', 'format']) {
      const select = q<HTMLSelectElement>(root, `select[name=${name}]`)!;
      expect(select.disabled).toBe(true);
      expect(select.title).toBe('正在读取可选项…');
      expect(select.options).toHaveLength(1);
    }
    expect(q<HTMLSelectElement>(root, 'select[name=severity]')!.disabled).toBe(false);
    expect(q<HTMLInputElement>(root, 'input[name=query]')!.disabled).toBe(false);

    rerender(<LogList {...p} page={{ ...page, page: 1 }} years={[2022]} formats={['2021']} />);
    expect(text(q(root, '.pager-state'))).toBe('第 1 / 41 页，共 123 条');
    expect(q<HTMLButtonElement>(root, 'button[name=next]')!.disabled).toBe(false);
    expect(qa<HTMLOptionElement>(root, 'select[name=year] option').map((o) => o.value)).toEqual(['', '2022']);
    expect(qa<HTMLOptionElement>(root, 'select[name=format] option').map((o) => o.value)).toEqual([
      '',
      '2021',
    ]);
    expect(q<HTMLSelectElement>(root, 'select[name=year]')!.disabled).toBe(false);
  });

  it('speaks English when asked', () => {
    const { root } = mount(<LogList {...props({ lang: 'en' })} />);
    expect(q<HTMLInputElement>(root, 'input[name=query]')!.placeholder).toBe('Search agency, site or title');
    expect(text(q(root, '.pager-state'))).toBe('Page 2 of 41, 123 records');
    expect(text(qa(root, 'button.log-row')[0]!.querySelector('.row-counts'))).toBe('1 error(s)1 warning(s)');
    expect(text(qa(root, 'button.log-row')[0]!.querySelector('.row-meta'))).toContain('2019 trial format');
  });
});
