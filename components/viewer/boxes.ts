import type { Rect } from '../overlay/geometry';

// Where the reader's boxes go on the rendered pages. A PDF reader gives each cell and sentence
// its page (1-based) and a box [x0, y0, x1, y1] in PDF points from the page's top-left corner
// (utils/source/location.ts); the viewer renders page n at `scale` CSS px per point, so the box
// is the same rectangle scaled, relative to that page's top-left corner. Pure, unit-tested.

/** [x0, y0, x1, y1] in PDF points, origin at the page's top-left corner */
export type PdfBox = readonly [number, number, number, number];

export interface PageSize {
  width: number;
  height: number;
}

/** One placed box: an address drawn on a page, in CSS px from the page's top-left corner. */
export interface PlacedBox {
  address: string;
  /** 1-based */
  page: number;
  rect: Rect;
  /** the reader's box, kept for tests and for `--explain`-like tooltips */
  box: PdfBox;
}

/** The box in CSS px on a page rendered at `scale` px per point; corners given in any order. */
export function boxToCss(box: PdfBox, scale: number): Rect {
  const [x0, y0, x1, y1] = box;
  const left = Math.min(x0, x1);
  const top = Math.min(y0, y1);
  return {
    left: left * scale,
    top: top * scale,
    width: Math.abs(x1 - x0) * scale,
    height: Math.abs(y1 - y0) * scale,
  };
}

/**
 * The scale that fits the widest page in `available` CSS px, never above `max` (a small page is
 * not blown up past what reads well) nor below `min`.
 */
export function fitScale(pages: readonly PageSize[], available: number, max = 1.6, min = 0.5): number {
  const widest = Math.max(0, ...pages.map((p) => p.width));
  if (!widest || available <= 0) return 1;
  return Math.min(max, Math.max(min, available / widest));
}

/** The box clipped to its page, or null when nothing of it is on the page. */
function clip(box: PdfBox, page: PageSize): PdfBox | null {
  const x0 = Math.max(0, Math.min(box[0], box[2]));
  const y0 = Math.max(0, Math.min(box[1], box[3]));
  const x1 = Math.min(page.width, Math.max(box[0], box[2]));
  const y1 = Math.min(page.height, Math.max(box[1], box[3]));
  return x1 > x0 && y1 > y0 ? [x0, y0, x1, y1] : null;
}

/**
 * Every box the reader located on a page, placed at `scale`, an address's boxes in page order. An
 * element continued on the next page (a paragraph, a row cut by the page break) has a box per
 * page, and each is drawn: the first where it starts, the rest where it goes on.
 */
export function placeBoxes(
  locations: Readonly<Record<string, { page: number; box: PdfBox }[]>>,
  pages: readonly PageSize[],
  scale: number,
): PlacedBox[] {
  const out: PlacedBox[] = [];
  for (const [address, boxes] of Object.entries(locations)) {
    for (const { page, box } of [...boxes].sort((a, b) => a.page - b.page)) {
      const size = pages[page - 1];
      const clipped = size ? clip(box, size) : null;
      if (!clipped) continue;
      out.push({ address, page, rect: boxToCss(clipped, scale), box });
    }
  }
  return out;
}
