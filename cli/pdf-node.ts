import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type ReadReport, readReport, type SourceHint } from '../utils/source/index';
import type { PdfOptions } from '../utils/source/pdf';
import { documentFromHtml } from './dom';

// pdf.js on Node reads its CMaps (needed to decode Chinese text in most report PDFs) and
// standard fonts from folder paths; they ship inside the pdfjs-dist package.

export function nodePdfOptions(): PdfOptions {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: `${join(root, 'cmaps')}/`,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
  };
}

/**
 * A fetched or loaded input read as the command line reads every one (files and sweeps alike): a page
 * parsed by happy-dom at its own address, PDFs with the package's CMaps, within `budgetMs`.
 */
export function readInNode(
  bytes: Uint8Array,
  hint: SourceHint & { name: string },
  budgetMs: number | undefined,
): Promise<ReadReport> {
  const url = hint.name;
  return readReport(bytes, hint, {
    url,
    parseHtml: (html) => documentFromHtml(html, url),
    pdf: nodePdfOptions(),
    budgetMs,
  });
}
