import mammoth from 'mammoth';
import { type SourceLocation, stamp } from './location';

// DOCX → HTML through mammoth, which keeps merged cells as colspan/rowspan, then the same DOM
// parser as a portal page. Images are dropped (a report's tables as pictures are out of scope)
// and no external file is ever fetched. Each table, row, cell and paragraph is stamped with its
// place in the document (`table 2 › row 3 › cell 4`, `paragraph 12`) so `--explain` can say
// where a value was read.

export interface DocxRead {
  html: string;
  explain: string[];
}

/** Adds `data-at` to mammoth's tables, rows, cells and paragraphs, in document order. */
function stampElements(html: string): { html: string; tables: number; paragraphs: number; merged: number } {
  let table = 0;
  let row = 0;
  let cell = 0;
  let paragraph = 0;
  let merged = 0;
  let depth = 0;
  const out = html.replace(
    /<(table|tr|td|th|p|h[1-6]|li)(\s[^>]*)?>|<\/table>/g,
    (tag, name?: string, attrs = '') => {
      if (!name) {
        depth--;
        return tag;
      }
      let path: string;
      if (name === 'table') {
        depth++;
        table++;
        row = 0;
        path = `table ${table}`;
      } else if (name === 'tr') {
        row++;
        cell = 0;
        path = `table ${table} › row ${row}`;
      } else if (name === 'td' || name === 'th') {
        cell++;
        if (/colspan|rowspan/.test(attrs)) merged++;
        path = `table ${table} › row ${row} › cell ${cell}`;
      } else if (depth > 0) {
        return tag; // a paragraph inside a cell is located by its cell
      } else {
        paragraph++;
        path = `paragraph ${paragraph}`;
      }
      const location: SourceLocation = { kind: 'docx', path };
      return `<${name}${attrs}${stamp(location)}>`;
    },
  );
  return { html: out, tables: table, paragraphs: paragraph, merged };
}

export async function docxToHtml(bytes: Uint8Array): Promise<DocxRead> {
  const arrayBuffer = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  // Node's mammoth reads `buffer`, its browser build `arrayBuffer`.
  const input = { buffer: bytes as unknown as Buffer, arrayBuffer };
  const result = await mammoth.convertToHtml(input, {
    convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    externalFileAccess: false,
  });
  const stamped = stampElements(result.value);
  const warnings = result.messages.filter((m) => m.type === 'warning').length;
  const title = /<(?:h1|p)[^>]*>(.*?)<\/(?:h1|p)>/.exec(stamped.html)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
  const html =
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body><article>\n${stamped.html}\n</article></body></html>`;
  return {
    html,
    explain: [
      `DOCX（mammoth 转换）：${stamped.tables} 个表格（${stamped.merged} 个合并单元格），${stamped.paragraphs} 段正文` +
        (warnings ? `，${warnings} 条转换提示（不影响数字）` : '') +
        ` / DOCX (converted by mammoth): ${stamped.tables} tables (${stamped.merged} merged cells), ${stamped.paragraphs} paragraphs` +
        (warnings ? `, ${warnings} conversion notes (no effect on numbers)` : ''),
    ],
  };
}
