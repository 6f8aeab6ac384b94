import { type Box, escapeHtml, type SourceLocation, stamp } from './location';
import { ideographs } from './radicals';

// PDF (with a text layer) → a synthetic HTML page, on pdf.js. A report's tables are rebuilt
// from what the page draws: the ruling lines (thin filled rectangles or stroked segments in the
// operator list) give the row and column boundaries, a missing rule between two slots merges
// them (rowspan/colspan), and each positioned text item goes to the cell under its centre, the
// lines of a cell joined. Text outside tables is the narrative, in reading order, with page
// headers, footers and page numbers dropped and a paragraph cut by a page break joined again. A
// table whose last row ends a page and whose columns go on at the top of the next is one table.
// Every cell and paragraph keeps its page and box (PDF points, top-left origin) in `data-at`.
//
// Node: the legacy build, no worker (pdf.js runs it in-process), CMaps and standard fonts from
// folder paths (cli/pdf-node.ts). Browser: pass `workerSrc`, `cMapUrl` and `standardFontDataUrl`
// as extension URLs.

export interface PdfOptions {
  /** where pdf.js finds its CMaps (most Chinese PDFs need them): a URL, or a folder path in Node */
  cMapUrl?: string;
  /** where pdf.js finds the standard fonts */
  standardFontDataUrl?: string;
  /** browser only: the URL of pdf.worker.mjs */
  workerSrc?: string;
}

export interface PdfRead {
  html: string;
  explain: string[];
  /** false for a scan: no text on any page */
  hasText: boolean;
  pages: { width: number; height: number }[];
}

type Matrix = [number, number, number, number, number, number];

interface Item {
  text: string;
  x0: number;
  x1: number;
  /** baseline */
  y: number;
  size: number;
}

interface Segment {
  /** the fixed coordinate: y of a horizontal rule, x of a vertical one */
  at: number;
  from: number;
  to: number;
}

interface Cell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Box;
  items: Item[];
  /** the rest of a cell cut by a page break, on the pages after its own */
  continued?: { page: number; box: Box }[];
}

interface Table {
  page: number;
  box: Box;
  xs: number[];
  ys: number[];
  cells: Cell[];
  /** rows of other pages joined to this table: [page, cells] */
  more: { page: number; ys: number[]; cells: Cell[]; openBottom: boolean }[];
  irregular: number;
  /** the first / last row was cut by a page break (no rule on that edge) */
  openTop: boolean;
  openBottom: boolean;
}

interface Line {
  page: number;
  items: Item[];
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

type Block = { kind: 'table'; table: Table; top: number } | { kind: 'line'; line: Line; top: number };

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** A rule is at most this thick (points); thicker filled shapes are backgrounds. */
const RULE = 2.5;
const TOLERANCE = 2;

/** Page numbers and running footers: `- 3 -`, `第 3 页`, `3/10`, `3`. */
const PAGE_NUMBER =
  /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|\d{1,3}|第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*[/／]\s*\d{1,3})$/;
const TERMINAL = /[。！？!?；;：:…”"’」』）)】]$/;
const MARKER =
  /^(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d{1,2}\s*[.．、](?!\d))/;

/** Joins pieces of text: no space between CJK, one between Latin words and numbers. */
function join(parts: string[]): string {
  return parts.reduce((acc, part) => {
    if (!acc) return part;
    return /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(part) ? `${acc} ${part}` : acc + part;
  }, '');
}

/** Ruling lines from a page's operator list, in viewport space (points, top-left origin). */
function rules(
  ops: { fnArray: number[]; argsArray: unknown[] },
  OPS: Record<string, number>,
  viewport: Matrix,
): { h: Segment[]; v: Segment[] } {
  const h: Segment[] = [];
  const v: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const painting = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const stroking = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
  ]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as Matrix | null;
      if (matrix) ctm = multiply(ctm, matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      if (!painting.has(paint)) continue; // a clipping path
      const data = (args[1] as ArrayLike<number>[])[0];
      if (!data) continue;
      const m = multiply(viewport, ctm);
      for (const path of subpaths(data)) {
        const points = path.map(([x, y]) => apply(m, x, y));
        if (points.length < 2) continue;
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        // A thin filled rectangle (how Chromium and Word draw borders) is one rule.
        if (y1 - y0 <= RULE && x1 - x0 > RULE) h.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
        else if (x1 - x0 <= RULE && y1 - y0 > RULE) v.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
        else if (stroking.has(paint)) {
          // A stroked outline: each straight edge is a rule.
          for (let k = 0; k < points.length; k++) {
            const [ax, ay] = points[k]!;
            const [bx, by] = points[(k + 1) % points.length]!;
            if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) > RULE)
              h.push({ at: ay, from: Math.min(ax, bx), to: Math.max(ax, bx) });
            else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) > RULE)
              v.push({ at: ax, from: Math.min(ay, by), to: Math.max(ay, by) });
          }
        }
      }
    }
  }
  return { h: mergeSegments(h), v: mergeSegments(v) };
}

/** pdf.js 5 path data: DrawOPS codes (0 moveTo, 1 lineTo, 2 curveTo, 3 quadratic, 4 close). */
function subpaths(data: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  let i = 0;
  while (i < data.length) {
    const op = data[i++];
    if (op === 0) {
      if (current.length) out.push(current);
      current = [[data[i]!, data[i + 1]!]];
      i += 2;
    } else if (op === 1) {
      current.push([data[i]!, data[i + 1]!]);
      i += 2;
    } else if (op === 2) {
      current.push([data[i + 4]!, data[i + 5]!]);
      i += 6;
    } else if (op === 3) {
      current.push([data[i + 2]!, data[i + 3]!]);
      i += 4;
    } else if (op === 4) {
      if (current.length) out.push(current);
      current = [];
    } else break;
  }
  if (current.length) out.push(current);
  return out;
}

/** Collinear rules that touch or overlap are one. */
function mergeSegments(list: Segment[]): Segment[] {
  // Rules on one line (within the tolerance) first, then runs along it.
  const lines: Segment[][] = [];
  for (const s of [...list].sort((a, b) => a.at - b.at)) {
    const line = lines[lines.length - 1];
    if (line && s.at - line[0]!.at <= TOLERANCE) line.push(s);
    else lines.push([s]);
  }
  const out: Segment[] = [];
  for (const line of lines) {
    const at = line.reduce((sum, s) => sum + s.at, 0) / line.length;
    let run: Segment | null = null;
    for (const s of line.sort((a, b) => a.from - b.from)) {
      if (run && s.from <= run.to + TOLERANCE) run.to = Math.max(run.to, s.to);
      else {
        run = { at, from: s.from, to: s.to };
        out.push(run);
      }
    }
  }
  return out;
}

/** Distinct positions, close ones merged. */
function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b))
    if (!out.length || v - out[out.length - 1]! > TOLERANCE) out.push(v);
  return out;
}

const covers = (segments: Segment[], at: number, from: number, to: number) =>
  segments.some(
    (s) =>
      Math.abs(s.at - at) <= TOLERANCE && Math.min(s.to, to) - Math.max(s.from, from) >= (to - from) * 0.5,
  );

/** Groups rules that cross into tables and rebuilds each one's grid with its merged cells. */
function tables(page: number, h: Segment[], v: Segment[]): Table[] {
  const all = [...h.map((s) => ({ s, horizontal: true })), ...v.map((s) => ({ s, horizontal: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i]!;
    return i;
  };
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (a.horizontal === b.horizontal) continue;
      const [hs, vs] = a.horizontal ? [a.s, b.s] : [b.s, a.s];
      if (
        vs.at >= hs.from - TOLERANCE &&
        vs.at <= hs.to + TOLERANCE &&
        hs.at >= vs.from - TOLERANCE &&
        hs.at <= vs.to + TOLERANCE
      )
        parent[find(i)] = find(j);
    }
  const groups = new Map<number, typeof all>();
  all.forEach((x, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), x]);
  });
  const out: Table[] = [];
  for (const group of groups.values()) {
    const gh = group.filter((x) => x.horizontal).map((x) => x.s);
    const gv = group.filter((x) => !x.horizontal).map((x) => x.s);
    const ys = distinct(gh.map((s) => s.at));
    const xs = distinct(gv.map((s) => s.at));
    if (ys.length < 2 || xs.length < 2) continue;
    // A row cut by a page break has side rules but no rule on its open edge: the side rules'
    // ends are the table's edge there.
    const top = Math.min(...gv.map((s) => s.from));
    const bottom = Math.max(...gv.map((s) => s.to));
    const openTop = top < ys[0]! - TOLERANCE * 2;
    const openBottom = bottom > ys[ys.length - 1]! + TOLERANCE * 2;
    if (openTop) ys.unshift(top);
    if (openBottom) ys.push(bottom);
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    // Slots joined where the rule between them is missing.
    const id = (r: number, c: number) => r * cols + c;
    const p = Array.from({ length: rows * cols }, (_, i) => i);
    const root = (i: number): number => {
      while (p[i] !== i) i = p[i]!;
      return i;
    };
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        if (c + 1 < cols && !covers(gv, xs[c + 1]!, ys[r]!, ys[r + 1]!))
          p[root(id(r, c + 1))] = root(id(r, c));
        if (r + 1 < rows && !covers(gh, ys[r + 1]!, xs[c]!, xs[c + 1]!))
          p[root(id(r + 1, c))] = root(id(r, c));
      }
    const members = new Map<number, [number, number][]>();
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const k = root(id(r, c));
        members.set(k, [...(members.get(k) ?? []), [r, c]]);
      }
    const cells: Cell[] = [];
    let irregular = 0;
    for (const slots of members.values()) {
      const r0 = Math.min(...slots.map((s) => s[0]));
      const r1 = Math.max(...slots.map((s) => s[0]));
      const c0 = Math.min(...slots.map((s) => s[1]));
      const c1 = Math.max(...slots.map((s) => s[1]));
      const rectangle = slots.length === (r1 - r0 + 1) * (c1 - c0 + 1);
      if (!rectangle) irregular++;
      // A merge that is not a rectangle (a rule broken off) is read slot by slot.
      const parts = rectangle ? [[r0, c0, r1, c1]] : slots.map(([r, c]) => [r, c, r, c]);
      for (const [a, b, c, d] of parts as [number, number, number, number][])
        cells.push({
          row: a,
          col: b,
          rowSpan: c - a + 1,
          colSpan: d - b + 1,
          box: [xs[b]!, ys[a]!, xs[d + 1]!, ys[c + 1]!],
          items: [],
        });
    }
    cells.sort((a, b) => a.row - b.row || a.col - b.col);
    out.push({
      page,
      box: [xs[0]!, ys[0]!, xs[cols]!, ys[rows]!],
      xs,
      ys,
      cells,
      more: [],
      irregular,
      openTop,
      openBottom,
    });
  }
  return out.sort((a, b) => a.box[1] - b.box[1]);
}

const inside = (box: Box, x: number, y: number) => x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];

/** Splits an item at column boundaries it crosses (one text run over several cells). */
function splitAt(item: Item, xs: number[]): Item[] {
  const chars = Array.from(item.text);
  const cuts = xs.filter((x) => x > item.x0 + 1 && x < item.x1 - 1);
  if (!cuts.length || chars.length < 2) return [item];
  const step = (item.x1 - item.x0) / chars.length;
  const out: Item[] = [];
  let start = 0;
  for (const cut of [...cuts, Number.POSITIVE_INFINITY]) {
    const end = cut === Number.POSITIVE_INFINITY ? chars.length : Math.round((cut - item.x0) / step);
    if (end > start) {
      const text = chars.slice(start, end).join('');
      if (text.trim()) out.push({ ...item, text, x0: item.x0 + start * step, x1: item.x0 + end * step });
    }
    start = Math.max(start, end);
  }
  return out;
}

/** Items into lines by baseline, left to right; a wide gap inside a line keeps a space. */
function linesOf(page: number, items: Item[]): Line[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: Item[][] = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l[0]!.y - item.y) <= Math.max(2, item.size * 0.3));
    if (line) line.push(item);
    else lines.push([item]);
  }
  return lines
    .map((l) => l.sort((a, b) => a.x0 - b.x0))
    .map((l) => {
      let text = '';
      let right = Number.NEGATIVE_INFINITY;
      for (const item of l) {
        const gap = item.x0 - right;
        text = gap > item.size * 0.8 && text ? `${text} ${item.text}` : join([text, item.text]);
        right = item.x1;
      }
      return {
        page,
        items: l,
        text: text.replace(/\s+/g, ' ').trim(),
        x0: Math.min(...l.map((i) => i.x0)),
        x1: Math.max(...l.map((i) => i.x1)),
        y: l[0]!.y,
        size: Math.max(...l.map((i) => i.size)),
      };
    })
    .filter((l) => l.text)
    .sort((a, b) => a.y - b.y);
}

function cellText(cell: Cell): string {
  const lines = linesOf(0, cell.items);
  return join(lines.map((l) => l.text));
}

const lineBox = (line: Line): Box => [line.x0, line.y - line.size, line.x1, line.y + line.size * 0.2];

/** The box around boxes (a loop: a paragraph's lines are not spread into arguments). */
function union(boxes: Box[]): Box {
  const out: Box = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const b of boxes) {
    out[0] = Math.min(out[0], b[0]);
    out[1] = Math.min(out[1], b[1]);
    out[2] = Math.max(out[2], b[2]);
    out[3] = Math.max(out[3], b[3]);
  }
  return out;
}

const round = (box: Box): Box => box.map((n) => Math.round(n * 10) / 10) as Box;

/** A location for a set of lines that may span pages: one box per page. */
function linesLocation(lines: Line[]): SourceLocation {
  const pages = [...new Set(lines.map((l) => l.page))];
  return {
    kind: 'pdf',
    boxes: pages.map((page) => ({
      page,
      box: round(union(lines.filter((l) => l.page === page).map(lineBox))),
    })),
  };
}

function tableHtml(table: Table): string {
  const parts: { page: number; cells: Cell[] }[] = [{ page: table.page, cells: table.cells }, ...table.more];
  const rows: string[] = [];
  for (const part of parts) {
    const byRow = new Map<number, Cell[]>();
    for (const cell of part.cells) byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell]);
    for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
      const cells = byRow.get(row)!;
      // The empty piece of a row cut by a page break (its text is all on the next page).
      if (cells.every((c) => !c.items.length && c.rowSpan === 1)) continue;
      const tds = cells
        .sort((a, b) => a.col - b.col)
        .map((c) => {
          const spans = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
          const at: SourceLocation = {
            kind: 'pdf',
            boxes: [{ page: part.page, box: c.box }, ...(c.continued ?? [])].map(({ page, box }) => ({
              page,
              box: round(box),
            })),
          };
          return `<td${spans}${stamp(at)}>${escapeHtml(cellText(c))}</td>`;
        });
      rows.push(`<tr>${tds.join('')}</tr>`);
    }
  }
  const at: SourceLocation = {
    kind: 'pdf',
    boxes: [
      { page: table.page, box: round(table.box) },
      ...table.more.map((m) => ({ page: m.page, box: round(union(m.cells.map((c) => c.box))) })),
    ],
  };
  return `<table border="1"${stamp(at)}>\n${rows.join('\n')}\n</table>`;
}

interface PdfJs {
  getDocument: (params: Record<string, unknown>) => { promise: Promise<PdfDocument> };
  OPS: Record<string, number>;
  GlobalWorkerOptions: { workerSrc: string };
}
interface PdfDocument {
  numPages: number;
  getPage: (n: number) => Promise<PdfPage>;
  getMetadata: () => Promise<{ info?: { Title?: string } }>;
  destroy: () => Promise<void>;
}
interface PdfPage {
  getViewport: (o: { scale: number }) => { width: number; height: number; transform: number[] };
  getTextContent: () => Promise<{ items: { str?: string; transform?: number[]; width?: number }[] }>;
  getOperatorList: () => Promise<{ fnArray: number[]; argsArray: unknown[] }>;
}

export async function pdfToHtml(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfRead> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
  if (options.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = options.workerSrc;
  const doc = await pdfjs.getDocument({
    // pdf.js may transfer the buffer it is given: keep the caller's bytes intact.
    data: bytes.slice(),
    cMapUrl: options.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: options.standardFontDataUrl,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
  }).promise;
  try {
    return await read(doc, pdfjs);
  } finally {
    await doc.destroy();
  }
}

async function read(doc: PdfDocument, pdfjs: PdfJs): Promise<PdfRead> {
  const pages: { width: number; height: number }[] = [];
  const perPage: { tables: Table[]; lines: Line[] }[] = [];
  let chars = 0;
  let ruleCount = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const vt = viewport.transform as Matrix;
    pages.push({ width: viewport.width, height: viewport.height });
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const raw of content.items) {
      if (!raw.str?.trim() || !raw.transform) continue;
      const t = multiply(vt, raw.transform as Matrix);
      const size = Math.hypot(t[2], t[3]) || Math.hypot(t[0], t[1]);
      items.push({ text: ideographs(raw.str), x0: t[4], x1: t[4] + (raw.width ?? 0), y: t[5], size });
      chars += raw.str.trim().length;
    }
    const { h, v } = rules(await page.getOperatorList(), pdfjs.OPS, vt);
    ruleCount += h.length + v.length;
    const found = tables(n, h, v);
    const loose: Item[] = [];
    for (const item of items) {
      const centreY = item.y - item.size * 0.35;
      const table = found.find((t) => inside(t.box, (item.x0 + item.x1) / 2, centreY));
      if (!table) {
        loose.push(item);
        continue;
      }
      for (const piece of splitAt(item, table.xs)) {
        const x = (piece.x0 + piece.x1) / 2;
        table.cells.find((c) => inside(c.box, x, centreY))?.items.push(piece);
      }
    }
    perPage.push({ tables: found, lines: linesOf(n, loose) });
  }

  const explain: string[] = [];
  if (chars < 10) {
    explain.push(
      `PDF ${doc.numPages} 页，没有文字层（扫描件或图片） / PDF, ${doc.numPages} pages, no text layer (a scan or images)`,
    );
    return { html: '', explain, hasText: false, pages };
  }

  // Running heads and feet: page numbers, and the same line in the top or bottom margin of
  // two or more pages (digits aside).
  const margin = (line: Line) => {
    const height = pages[line.page - 1]!.height;
    return line.y - line.size < height * 0.08 || line.y > height * 0.92;
  };
  const shape = (text: string) => text.replace(/\d+/g, '#');
  const seen = new Map<string, Set<number>>();
  for (const { lines } of perPage)
    for (const line of lines.filter(margin))
      seen.set(shape(line.text), (seen.get(shape(line.text)) ?? new Set()).add(line.page));
  let dropped = 0;
  for (const p of perPage)
    p.lines = p.lines.filter((line) => {
      const drop =
        (margin(line) && (PAGE_NUMBER.test(line.text) || (seen.get(shape(line.text))?.size ?? 0) >= 2)) ||
        PAGE_NUMBER.test(line.text.replace(/\s/g, ''));
      if (drop) dropped++;
      return !drop;
    });

  // Reading order: each page top to bottom, tables among the lines by their top.
  const blocks: Block[] = [];
  let joined = 0;
  for (const p of perPage) {
    const pageBlocks: Block[] = [
      ...p.tables.map((table) => ({ kind: 'table' as const, table, top: table.box[1] })),
      ...p.lines.map((line) => ({ kind: 'line' as const, line, top: line.y - line.size })),
    ].sort((a, b) => a.top - b.top);
    // Lines of the narrative drawn inside a table's box (a caption over it) stay narrative.
    const first = pageBlocks[0];
    const last = blocks[blocks.length - 1];
    if (first?.kind === 'table' && last?.kind === 'table' && continues(last.table, first.table)) {
      const previous = last.table.more[last.table.more.length - 1] ?? last.table;
      const cells = first.table.cells;
      // A row cut by the page break is one row: its pieces' texts joined column by column.
      if (endsOpen(last.table) && first.table.openTop) {
        const lastRow = Math.max(...previous.cells.map((c) => c.row));
        const upper = previous.cells.filter((c) => c.row === lastRow);
        for (const lower of cells.filter((c) => c.row === 0)) {
          const above = upper.find((c) => Math.abs(c.box[0] - lower.box[0]) <= TOLERANCE * 2);
          if (above) {
            above.items.push(...lower.items.map((i) => ({ ...i, y: i.y + 10_000 })));
            // Drawn on both pages: the viewer boxes each piece where it is.
            above.continued = [...(above.continued ?? []), { page: first.table.page, box: lower.box }];
          } else upper.push({ ...lower, row: lastRow });
        }
        first.table.cells = cells.filter((c) => c.row !== 0);
      }
      last.table.more.push({
        page: first.table.page,
        ys: first.table.ys,
        cells: first.table.cells,
        openBottom: first.table.openBottom,
      });
      pageBlocks.shift();
      joined++;
    }
    blocks.push(...pageBlocks);
  }

  // Paragraphs: a line goes on the paragraph before it unless it is indented, starts with a
  // heading or list marker, follows a short line or a sentence end, or a table came between.
  const allLines = perPage.flatMap((p) => p.lines);
  // a loop, not Math.min(...): a long file's lines, spread into arguments, overflow the stack
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const l of allLines) {
    left = Math.min(left, l.x0);
    right = Math.max(right, l.x1);
  }
  const html: string[] = [];
  let paragraph: Line[] = [];
  let paragraphs = 0;
  const flush = () => {
    if (!paragraph.length) return;
    const text = join(paragraph.map((l) => l.text));
    const tag = paragraphs === 0 && text.length <= 80 && !TERMINAL.test(text) ? 'h1' : 'p';
    html.push(`<${tag}${stamp(linesLocation(paragraph))}>${escapeHtml(text)}</${tag}>`);
    paragraphs++;
    paragraph = [];
  };
  let tableCount = 0;
  let irregular = 0;
  for (const block of blocks) {
    if (block.kind === 'table') {
      flush();
      html.push(tableHtml(block.table));
      tableCount++;
      irregular += block.table.irregular;
      continue;
    }
    const line = block.line;
    const previous = paragraph[paragraph.length - 1];
    if (previous) {
      const samePage = previous.page === line.page;
      const gap = line.y - previous.y;
      const indented = line.x0 > left + line.size * 0.8;
      const shortBefore = previous.x1 < right - previous.size * 2;
      const breaks =
        indented ||
        MARKER.test(line.text) ||
        shortBefore ||
        (TERMINAL.test(previous.text) && shortBefore) ||
        (samePage && (gap > line.size * 2.2 || gap < 0));
      if (breaks) flush();
    }
    paragraph.push(line);
  }
  flush();

  const info = await doc.getMetadata().catch(() => ({ info: undefined }));
  const title = info.info?.Title ?? '';
  explain.push(
    `PDF ${doc.numPages} 页：${tableCount} 个表格（由 ${ruleCount} 条表格线重建${joined ? `，${joined} 处跨页续表已合并` : ''}），` +
      `${paragraphs} 段正文${dropped ? `，${dropped} 行页眉/页脚/页码已去掉` : ''}` +
      ` / PDF, ${doc.numPages} pages: ${tableCount} tables (rebuilt from ${ruleCount} ruling lines` +
      `${joined ? `, ${joined} continued across a page joined` : ''}), ${paragraphs} paragraphs` +
      `${dropped ? `, ${dropped} header/footer/page-number lines dropped` : ''}`,
  );
  if (irregular)
    explain.push(
      `${irregular} 处合并单元格不成矩形（表格线断开），逐格读取（不确定） / ${irregular} merged areas are not rectangles (a broken rule): read slot by slot (uncertain)`,
    );
  const doctype =
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body><article>\n${html.join('\n')}\n</article></body></html>`;
  return { html: doctype, explain, hasText: true, pages };
}

/** Whether the table (with the parts joined to it so far) ends in a row cut by the page break. */
function endsOpen(table: Table): boolean {
  const last = table.more[table.more.length - 1];
  return last ? last.openBottom : table.openBottom;
}

/** The table at the top of a page goes on from the one that ended the page before: same columns. */
function continues(previous: Table, next: Table): boolean {
  const last = previous.more[previous.more.length - 1];
  const xs = previous.xs;
  if (last && last.page === next.page) return false;
  // The same right edge and value columns (the left edge may differ: a piece of a table lacks
  // the rules of a label that spans rows from the page before).
  const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * 2;
  return near(previous.box[2], next.box[2]) && next.xs.slice(-3).every((x) => xs.some((y) => near(x, y)));
}
