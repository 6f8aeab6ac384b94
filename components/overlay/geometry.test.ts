import { describe, expect, it } from 'vitest';
import {
  chooseDock,
  clampPanel,
  contains,
  dockAwayFrom,
  hitTest,
  horizontalExtent,
  isDrawable,
  layoutViewport,
  lineRects,
  placeTooltip,
  sameRect,
} from './geometry';

const r = (left: number, top: number, width: number, height: number) => ({ left, top, width, height });

describe('rects', () => {
  it('knows an unrendered element by its empty rect', () => {
    expect(isDrawable(r(0, 0, 0, 0))).toBe(false);
    expect(isDrawable(r(10, 10, 5, 0))).toBe(false);
    expect(isDrawable(r(10, 10, 5, 5))).toBe(true);
  });

  it('tests points half-open, so a shared edge belongs to one cell', () => {
    expect(contains(r(0, 0, 10, 10), { x: 0, y: 0 })).toBe(true);
    expect(contains(r(0, 0, 10, 10), { x: 10, y: 5 })).toBe(false);
  });

  it('compares with a tolerance', () => {
    expect(sameRect(r(0, 0, 10, 10), r(0.4, 0, 10, 10.3))).toBe(true);
    expect(sameRect(r(0, 0, 10, 10), r(1, 0, 10, 10))).toBe(false);
  });
});

describe('hitTest', () => {
  it('picks the smallest target under the point: a cell over the line of text around it', () => {
    const targets = [
      { key: 'line', rects: [r(0, 0, 500, 20)] },
      { key: 'cell', rects: [r(100, 0, 40, 20)] },
    ];
    expect(hitTest(targets, { x: 110, y: 10 })?.key).toBe('cell');
    expect(hitTest(targets, { x: 10, y: 10 })?.key).toBe('line');
    expect(hitTest(targets, { x: 10, y: 30 })).toBeNull();
  });

  it('looks at every rect of a target (a sentence over two lines)', () => {
    const targets = [{ key: 's', rects: [r(300, 0, 200, 20), r(0, 20, 100, 20)] }];
    expect(hitTest(targets, { x: 50, y: 30 })?.key).toBe('s');
  });
});

describe('lineRects', () => {
  it('merges the fragments of a line and keeps lines apart, top to bottom', () => {
    const lines = lineRects([
      r(100, 40, 50, 20),
      r(10, 10, 30, 20),
      r(40, 12, 60, 16), // same line as the one before: a <span> of another size
      r(150, 40, 20, 20),
      r(300, 10, 0, 20), // collapsed whitespace
    ]);
    expect(lines).toEqual([r(10, 10, 90, 20), r(100, 40, 70, 20)]);
  });
});

describe('placeTooltip', () => {
  const viewport = { width: 1000, height: 800 };
  it('goes below the anchor when it fits', () => {
    expect(placeTooltip(r(100, 100, 50, 20), { width: 300, height: 200 }, viewport)).toEqual({
      left: 100,
      top: 126,
      placement: 'below',
    });
  });

  it('goes above when there is no room below, and stays inside the viewport', () => {
    const p = placeTooltip(r(900, 700, 50, 20), { width: 300, height: 200 }, viewport);
    expect(p.placement).toBe('above');
    expect(p.top).toBe(700 - 6 - 200);
    expect(p.left).toBe(1000 - 8 - 300);
  });

  it('takes the roomier side and clamps when it fits nowhere', () => {
    // 474 px below, 294 above: below, pulled up so its bottom stays 8 px inside the viewport.
    const p = placeTooltip(r(100, 300, 50, 20), { width: 300, height: 700 }, viewport);
    expect(p.placement).toBe('below');
    expect(p.top).toBe(800 - 8 - 700);
  });
});

describe('panel placement', () => {
  it('keeps a dragged panel reachable', () => {
    const size = { width: 340, height: 600 };
    const vp = { width: 1200, height: 800 };
    expect(clampPanel({ x: 5000, y: 5000 }, size, vp)).toEqual({ x: 1200 - 48, y: 800 - 48 });
    expect(clampPanel({ x: -5000, y: -50 }, size, vp)).toEqual({ x: 48 - 340, y: 0 });
    expect(clampPanel({ x: 300, y: 100 }, size, vp)).toEqual({ x: 300, y: 100 });
  });

  it('docks beside the report where there is room, else starts collapsed', () => {
    expect(chooseDock({ left: 350, right: 1250 }, 1700, 340)).toEqual({ mode: 'right', collapsed: false });
    expect(chooseDock({ left: 400, right: 1500 }, 1700, 340)).toEqual({ mode: 'left', collapsed: false });
    expect(chooseDock({ left: 140, right: 1140 }, 1280, 340)).toEqual({ mode: 'right', collapsed: true });
    expect(chooseDock({ left: 300, right: 1250 }, 1280, 340)).toEqual({ mode: 'left', collapsed: true });
    expect(chooseDock(null, 1280, 340)).toEqual({ mode: 'right', collapsed: false });
  });

  it('measures the horizontal extent of what is drawn', () => {
    expect(horizontalExtent([r(100, 0, 50, 10), r(20, 500, 30, 10), r(0, 0, 0, 0)])).toEqual({
      left: 20,
      right: 150,
    });
    expect(horizontalExtent([])).toBeNull();
  });

  it('reads the layout viewport from <html>, or from <body> in quirks mode', () => {
    const vp = layoutViewport(document);
    expect(vp.width).toBeGreaterThan(0);
    expect(vp.height).toBeGreaterThan(0);
  });
});

describe('dockAwayFrom', () => {
  const vw = 1280;
  const rightPanel = r(vw - 12 - 340, 12, 340, 600);
  it('leaves the panel alone when the cells are clear of it', () => {
    expect(dockAwayFrom([r(200, 300, 40, 20)], rightPanel, vw)).toBeNull();
  });
  it('docks it on the other side when they are under it and clear there', () => {
    expect(dockAwayFrom([r(1000, 300, 40, 20)], rightPanel, vw)).toBe('left');
    expect(dockAwayFrom([r(100, 300, 40, 20)], r(12, 12, 340, 600), vw)).toBe('right');
  });
  it('stays when the cells would be under it on either side', () => {
    expect(dockAwayFrom([r(1000, 300, 40, 20), r(100, 300, 40, 20)], rightPanel, vw)).toBeNull();
  });
  it('docks a dragged panel on the nearer free side', () => {
    expect(dockAwayFrom([r(700, 300, 40, 20)], r(600, 100, 340, 400), vw)).toBe('right');
    expect(dockAwayFrom([r(1100, 300, 40, 20)], r(1000, 100, 200, 400), vw)).toBe('left');
  });
});
