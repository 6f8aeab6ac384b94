// The worker is bundled with the extension (no remote code); Vite gives its packaged address.
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { browser } from '#imports';

/**
 * Where pdf.js finds what it loads at run time: the extension's own copies (wxt.config.ts copies
 * them). For the pages that read PDFs: the report viewer and the sweep runner.
 */
export const PDF_RESOURCES = {
  workerSrc: workerUrl,
  cMapUrl: browser.runtime.getURL('/pdfjs/cmaps/' as '/'),
  standardFontDataUrl: browser.runtime.getURL('/pdfjs/standard_fonts/' as '/'),
};
