import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfOptions } from '../utils/source/pdf';

// pdf.js on Node reads its CMaps (needed to decode Chinese text in most report PDFs) and
// standard fonts from folder paths; they ship inside the pdfjs-dist package.

export function nodePdfOptions(): PdfOptions {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: `${join(root, 'cmaps')}/`,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
  };
}
