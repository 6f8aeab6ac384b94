// PDF reader: see below (in progress).
export interface PdfOptions {
  /** where pdf.js finds its CMaps (Chinese fonts need them): a URL in a browser, a folder path in Node */
  cMapUrl?: string;
  /** where pdf.js finds the standard fonts */
  standardFontDataUrl?: string;
}

export interface PdfRead {
  html: string;
  explain: string[];
  hasText: boolean;
  pages: { width: number; height: number }[];
}

export async function pdfToHtml(_bytes: Uint8Array, _options: PdfOptions): Promise<PdfRead> {
  throw new Error('PDF reading is not built yet');
}
