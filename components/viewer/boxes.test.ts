import { describe, expect, it } from 'vitest';
import { boxToCss, fitScale, placeBoxes } from './boxes';

const A4 = { width: 595.28, height: 841.89 };

describe('boxToCss', () => {
  it('scales the box from points to CSS px, from the page corner', () => {
    expect(boxToCss([72, 100, 172, 120], 1.5)).toEqual({ left: 108, top: 150, width: 150, height: 30 });
  });
  it('takes corners in any order', () => {
    expect(boxToCss([172, 120, 72, 100], 2)).toEqual({ left: 144, top: 200, width: 200, height: 40 });
  });
});

describe('fitScale', () => {
  it('fits the widest page into the room there is, within bounds', () => {
    expect(fitScale([A4, { width: 842, height: 595 }], 842)).toBe(1);
    expect(fitScale([A4], 893)).toBeCloseTo(1.5, 2);
    expect(fitScale([A4], 5000)).toBe(1.6);
    expect(fitScale([A4], 100)).toBe(0.5);
    expect(fitScale([], 800)).toBe(1);
  });
});

describe('placeBoxes', () => {
  it('places each address on its page at the scale', () => {
    const placed = placeBoxes(
      {
        'applications/new/TOT': [{ page: 2, box: [400, 300, 450, 320] }],
        'paragraph/p3': [{ page: 1, box: [72, 700, 520, 760] }],
      },
      [A4, A4],
      1.25,
    );
    expect(placed).toEqual([
      {
        address: 'applications/new/TOT',
        page: 2,
        rect: { left: 500, top: 375, width: 62.5, height: 25 },
        box: [400, 300, 450, 320],
      },
      {
        address: 'paragraph/p3',
        page: 1,
        rect: { left: 90, top: 875, width: 560, height: 75 },
        box: [72, 700, 520, 760],
      },
    ]);
  });

  it('draws an element continued over a page break on both pages, where it starts first', () => {
    const placed = placeBoxes(
      {
        'paragraph/p9': [
          { page: 3, box: [72, 72, 520, 100] },
          { page: 2, box: [72, 780, 520, 820] },
        ],
      },
      [A4, A4, A4],
      1,
    );
    expect(placed.map((p) => [p.address, p.page, p.rect])).toEqual([
      ['paragraph/p9', 2, { left: 72, top: 780, width: 448, height: 40 }],
      ['paragraph/p9', 3, { left: 72, top: 72, width: 448, height: 28 }],
    ]);
  });

  it('clips a box to its page and drops boxes on missing pages or with no area', () => {
    const placed = placeBoxes(
      {
        a: [{ page: 1, box: [500, 800, 700, 900] }],
        b: [{ page: 4, box: [10, 10, 20, 20] }],
        c: [{ page: 1, box: [10, 10, 10, 20] }],
      },
      [A4],
      1,
    );
    expect(placed.map((p) => p.address)).toEqual(['a']);
    expect(placed[0]!.rect.width).toBeCloseTo(95.28, 2);
    expect(placed[0]!.rect.height).toBeCloseTo(41.89, 2);
  });
});
