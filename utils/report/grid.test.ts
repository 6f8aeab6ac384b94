import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { elementText, GridTooLarge, rowCells, toGrid } from './grid';

const table = (html: string) => documentFromHtml(`<table>${html}</table>`).querySelector('table')!;
const texts = (grid: ReturnType<typeof toGrid>) =>
  grid.map((row) => row.map((c) => c?.text ?? '·').join('|'));

describe('toGrid', () => {
  it('expands rowspan and colspan so every covered slot points at its cell', () => {
    const grid = toGrid(
      table(`<tr><td rowspan="2" colspan="2">A</td><td>B</td></tr>
             <tr><td>C</td></tr>
             <tr><td>D</td><td>E</td><td>F</td></tr>`),
    );
    expect(texts(grid)).toEqual(['A|A|B', 'A|A|C', 'D|E|F']);
    expect(grid[1]![0]).toBe(grid[0]![1]);
  });

  it('reads rowspan="0" as running to the end of its row group', () => {
    const grid = toGrid(
      table(`<tbody><tr><td rowspan="0">A</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody>
             <tbody><tr><td>X</td><td>Y</td></tr></tbody>`),
    );
    expect(texts(grid)).toEqual(['A|1', 'A|2', 'A|3', 'X|Y']);
  });

  it('keeps a rowspan inside its row group', () => {
    const grid = toGrid(
      table(`<tbody><tr><td rowspan="5">A</td><td>1</td></tr></tbody><tbody><tr><td>B</td></tr></tbody>`),
    );
    expect(texts(grid)).toEqual(['A|1', 'B']);
  });

  it('ignores the rows of a table nested in a cell', () => {
    const grid = toGrid(table(`<tr><td>A<table><tr><td>inner</td></tr></table></td><td>B</td></tr>`));
    expect(grid).toHaveLength(1);
    expect(grid[0]![1]!.text).toBe('B');
  });

  it('gathers header text split over <p>, <br> and <span>', () => {
    const cell = table(
      `<tr><td><p>商业</p><p>企业</p></td><td>结果<br/>纠正</td><td><span>&nbsp;0&nbsp;</span></td></tr>`,
    ).querySelectorAll('td');
    expect([...cell].map((td) => elementText(td))).toEqual(['商业 企业', '结果 纠正', '0']);
  });

  it('lists a colspan cell once per row', () => {
    const grid = toGrid(table(`<tr><td colspan="3">A</td><td>B</td></tr>`));
    expect(rowCells(grid[0]!).map((c) => c.text)).toEqual(['A', 'B']);
  });

  it('caps absurd spans instead of allocating them', () => {
    const grid = toGrid(table(`<tr><td colspan="99999">A</td></tr>`));
    expect(grid[0]!.length).toBe(1000);
  });
});

describe('grid area cap (review M4)', () => {
  it('refuses a table whose spans would cover more than MAX_GRID_AREA slots', () => {
    const html = `<tr>${'<td rowspan="0" colspan="1000">x</td>'.repeat(50)}</tr>${'<tr><td>1</td></tr>'.repeat(1000)}`;
    expect(() => toGrid(table(html))).toThrow(GridTooLarge);
  });

  it('expands a table just under the cap', () => {
    const grid = toGrid(table(`<tr><td colspan="1000" rowspan="0">x</td></tr>${'<tr></tr>'.repeat(199)}`));
    expect(grid.length).toBe(200);
    expect(grid[199]![999]?.text).toBe('x');
  });
});
