import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ExportBar } from './ExportBar';
import { click, mount, q, text } from './testing';

const props = (over = {}) => ({
  lang: 'zh' as const,
  total: 42,
  countContents: vi.fn(async () => ({ pages: 42, versions: 57, verdicts: 9, evidence: 3 })),
  onExportCsv: vi.fn(),
  onExportJson: vi.fn(),
  onImport: vi.fn(),
  onClear: vi.fn(),
  ...over,
});

describe('ExportBar', () => {
  it('exports CSV and JSON, of the filtered part when a filter is on', () => {
    const p = props({ filtered: 7 });
    const { root } = mount(<ExportBar {...p} />);
    expect(text(q(root, 'button[name=csv]'))).toBe('导出 CSV（当前筛选的 7 条）');
    click(q(root, 'button[name=csv]'));
    click(q(root, 'button[name=json]'));
    expect(p.onExportCsv).toHaveBeenCalledTimes(1);
    expect(p.onExportJson).toHaveBeenCalledTimes(1);
  });

  it('offers the XLSX worksheet when the popup gives it, of the filtered part too', () => {
    const onExportXlsx = vi.fn();
    const { root } = mount(<ExportBar {...props({ filtered: 7, onExportXlsx })} />);
    expect(text(q(root, 'button[name=xlsx]'))).toBe('导出工作表 XLSX（当前筛选的 7 条）');
    click(q(root, 'button[name=xlsx]'));
    expect(onExportXlsx).toHaveBeenCalledTimes(1);
    const { root: without } = mount(<ExportBar {...props()} />);
    expect(q(without, 'button[name=xlsx]')).toBeNull();
  });

  it('clears the log only after a confirmation that counts what goes, when asked', async () => {
    const p = props();
    const { root } = mount(<ExportBar {...p} />);
    expect(p.countContents).not.toHaveBeenCalled(); // not on every paint of the list
    const askToClear = async () => {
      await act(async () => {
        q<HTMLButtonElement>(root, 'button[name=clear]')!.click();
      });
    };
    await askToClear();
    expect(p.countContents).toHaveBeenCalledTimes(1);
    // every version goes, not only the pages the list shows, and the verdicts and evidence with them
    expect(text(q(root, '.confirm p'))).toBe(
      '确定清空 42 个网页的全部 57 条审核记录（含历史版本）、9 条复核结论和 3 条证据？此操作无法撤销。',
    );
    click(q(root, 'button[name=clear-no]'));
    expect(q(root, '.confirm')).toBeNull();
    expect(p.onClear).not.toHaveBeenCalled();
    await askToClear();
    click(q(root, 'button[name=clear-yes]'));
    expect(p.onClear).toHaveBeenCalledTimes(1);
    expect(q(root, '.confirm')).toBeNull();
  });

  it('passes the chosen file to onImport and shows the result or the error', () => {
    const p = props();
    const { root, rerender } = mount(<ExportBar {...p} />);
    const input = q<HTMLInputElement>(root, 'input[type=file]')!;
    expect(input.accept).toBe('.json,application/json');
    const file = new File(['{}'], 'gouji-log.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(p.onImport).toHaveBeenCalledWith(file);

    rerender(
      <ExportBar {...p} message={{ text: '导入失败，日志未作任何改动。第 2 条记录…', error: true }} />,
    );
    expect(q(root, '.message.error')!.getAttribute('role')).toBe('alert');
    rerender(<ExportBar {...p} message={{ text: '已导入 3 条记录' }} />);
    expect(q(root, '.message')!.getAttribute('role')).toBe('status');
  });

  it('disables clearing an empty log and everything while busy; English labels', () => {
    const { root, rerender } = mount(<ExportBar {...props({ total: 0, lang: 'en' })} />);
    expect(q<HTMLButtonElement>(root, 'button[name=clear]')!.disabled).toBe(true);
    expect(text(q(root, 'button[name=csv]'))).toBe('Export CSV');
    expect(text(q(root, 'button[name=import]'))).toBe('Import JSON');
    // not counted yet: clearing stays possible, its confirmation counts what goes
    rerender(<ExportBar {...props({ total: null })} />);
    expect(q<HTMLButtonElement>(root, 'button[name=clear]')!.disabled).toBe(false);
    rerender(<ExportBar {...props({ busy: true })} />);
    for (const name of ['csv', 'json', 'import', 'clear']) {
      expect(q<HTMLButtonElement>(root, `button[name=${name}]`)!.disabled).toBe(true);
    }
  });
});
