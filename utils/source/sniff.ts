// What a file is, from its bytes first: the magic numbers of PDF, ZIP (DOCX), OLE (.doc, .wps,
// .xls), RTF and images; then the Content-Type and the name only to tell HTML from plain text,
// which have no magic. A PDF served as text/html or saved as report.htm is still a PDF.

export type SniffedKind =
  | 'pdf'
  | 'docx'
  | 'html'
  | 'text'
  /** OLE compound file: Word 97–2003 .doc, WPS .wps, old Excel */
  | 'ole'
  /** a ZIP that is not a Word document (xlsx, odt, an archive) */
  | 'zip'
  | 'rtf'
  | 'image'
  | 'binary'
  | 'empty';

export interface SourceHint {
  /** the HTTP Content-Type, when the bytes came from a server */
  contentType?: string | null;
  /** the file name or URL path, for the extension */
  name?: string | null;
}

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Whether the ASCII text occurs anywhere in the bytes (ZIP entry names are stored in plain ASCII). */
function contains(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (
    let i = bytes.indexOf(first);
    i !== -1 && i <= bytes.length - text.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/** Text files hold no NUL bytes and few control characters; UTF-16 text starts with a BOM. */
function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control <= sample.length / 100;
}

const HTML_MARKUP = /<(!doctype\s+html|html|head|body|meta|title|table|p|div|span|br)\b/i;

export function sniff(bytes: Uint8Array, hint: SourceHint = {}): SniffedKind {
  if (!bytes.length) return 'empty';
  // %PDF- may follow a little junk (some servers prepend a BOM or whitespace).
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    return contains(bytes, 'word/document.xml') ? 'docx' : 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (ascii(bytes, 0, 5) === '{\\rtf') return 'rtf';
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    ascii(bytes, 0, 4) === 'GIF8' ||
    (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP')
  )
    return 'image';
  if (!looksLikeText(bytes)) return 'binary';
  const type = (hint.contentType ?? '').toLowerCase();
  const name = (hint.name ?? '').toLowerCase().replace(/[?#].*$/, '');
  if (/\/(x?html|xhtml\+xml)\b/.test(type)) return 'html';
  if (/^text\/plain\b/.test(type) || /\.(txt|text|csv|tsv)$/.test(name)) return 'text';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return HTML_MARKUP.test(head) ? 'html' : 'text';
}
