// The legacy build, as the reader (utils/source/pdf.ts) loads it: one copy of pdf.js in the viewer.
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type PageSize, type PlacedBox, placeBoxes } from '@/components/viewer/boxes';
import type { SourceLocation } from '@/utils/source';
import { PDF_RESOURCES } from '../shared/pdf-resources';

export { PDF_RESOURCES };

// The viewer's PDF pages: a frame per page at the scale the window allows, the reader's box of
// every located cell and sentence placed in it as an empty element (the overlay draws its marks
// from these elements' client rects, exactly as over a portal's table cells), then the pages
// painted by pdf.js one after the other. The boxes are up before the first page is painted.

GlobalWorkerOptions.workerSrc = PDF_RESOURCES.workerSrc;

export interface PdfView {
  /** address → the element placed over its box */
  elements: Map<string, Element>;
  /** address → the elements over its boxes on later pages (an element cut by a page break) */
  continued: Map<string, Element[]>;
  placed: PlacedBox[];
  scale: number;
  /** paints the pages (after the boxes are up: painting first would delay them); resolves when done */
  paint(): Promise<void>;
}

/** The PDF reader's boxes only: address → the pages and boxes of that address. */
export function pdfBoxes(
  locations: Record<string, SourceLocation>,
): Record<string, { page: number; box: [number, number, number, number] }[]> {
  const out: Record<string, { page: number; box: [number, number, number, number] }[]> = {};
  for (const [address, location] of Object.entries(locations))
    if (location.kind === 'pdf')
      out[address] = location.boxes.map((b) => ({ page: b.page, box: [...b.box] }));
  return out;
}

export function showPdf(
  container: HTMLElement,
  bytes: Uint8Array,
  pages: readonly PageSize[],
  locations: Record<string, SourceLocation>,
  scale: number,
): PdfView {
  container.replaceChildren();
  const frames = pages.map((size, i) => {
    const frame = document.createElement('div');
    frame.className = 'pdf-page';
    frame.dataset.page = String(i + 1);
    // the page's width in points, as the reader measured it (tests check the scale with it)
    frame.dataset.widthPt = String(size.width);
    frame.style.width = `${size.width * scale}px`;
    frame.style.height = `${size.height * scale}px`;
    container.append(frame);
    return frame;
  });
  const placed = placeBoxes(pdfBoxes(locations), pages, scale);
  const elements = new Map<string, Element>();
  const continued = new Map<string, Element[]>();
  for (const p of placed) {
    const el = document.createElement('div');
    el.className = 'at';
    el.dataset.address = p.address;
    el.dataset.box = p.box.join(',');
    Object.assign(el.style, {
      left: `${p.rect.left}px`,
      top: `${p.rect.top}px`,
      width: `${p.rect.width}px`,
      height: `${p.rect.height}px`,
    });
    frames[p.page - 1]!.append(el);
    if (!elements.has(p.address)) elements.set(p.address, el);
    else continued.set(p.address, [...(continued.get(p.address) ?? []), el]);
  }
  return { elements, continued, placed, scale, paint: () => paint(bytes, frames, scale) };
}

async function paint(bytes: Uint8Array, frames: HTMLElement[], scale: number): Promise<void> {
  // pdf.js takes the buffer over to its worker: give it a copy, the caller keeps its bytes.
  const pdf: PDFDocumentProxy = await getDocument({
    data: bytes.slice(),
    cMapUrl: PDF_RESOURCES.cMapUrl,
    standardFontDataUrl: PDF_RESOURCES.standardFontDataUrl,
    cMapPacked: true,
    isEvalSupported: false,
  }).promise;
  const ratio = window.devicePixelRatio || 1;
  try {
    for (let n = 1; n <= Math.min(pdf.numPages, frames.length); n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: scale * ratio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      frames[n - 1]!.prepend(canvas);
      await page.render({ canvas, viewport }).promise;
      frames[n - 1]!.dataset.painted = 'true';
    }
  } finally {
    await pdf.destroy();
  }
}
