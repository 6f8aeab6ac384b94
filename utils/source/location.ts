// Where a cell or a sentence of a document came from. Every element a reader creates in its
// synthetic page carries its location as JSON in `data-at`; after parsing, the parser's
// elements map (address → element) becomes address → location, which the viewer draws from
// (PDF pages) and `--explain` prints.

/** A box on a PDF page in PDF points, origin at the page's top-left corner: [x0, y0, x1, y1]. */
export type Box = [number, number, number, number];

export type SourceLocation =
  /** PDF: one box per page the element spans (a cell or a paragraph continued on the next page) */
  | { kind: 'pdf'; boxes: { page: number; box: Box }[] }
  /** plain text: first and last line, 1-based */
  | { kind: 'text'; lines: [number, number] }
  /** DOCX: the index of the element in document order among its kind (table n, paragraph n) */
  | { kind: 'docx'; path: string };

export const LOCATION_ATTRIBUTE = 'data-at';

/**
 * Set by a reader on a cell it placed by inference (a space-aligned text's column positions),
 * not read as a cell of its own. Honoured only in a reader's own synthetic page (readReport),
 * never in a web page, which must not be able to steer the audit.
 */
export const PLACED_ATTRIBUTE = 'data-gouji-placed';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** ` data-at="…"`, to put in a start tag. */
export function stamp(location: SourceLocation): string {
  return ` ${LOCATION_ATTRIBUTE}="${escapeHtml(JSON.stringify(location))}"`;
}

export function locationOf(el: Element): SourceLocation | null {
  const holder = el.closest(`[${LOCATION_ATTRIBUTE}]`);
  const json = holder?.getAttribute(LOCATION_ATTRIBUTE);
  if (!json) return null;
  try {
    return JSON.parse(json) as SourceLocation;
  } catch {
    return null;
  }
}

/** The parser's address → element map as address → location (plain data, can be messaged). */
export function locationsOf(elements: Map<string, Element>): Record<string, SourceLocation> {
  const out: Record<string, SourceLocation> = {};
  for (const [address, el] of elements) {
    const location = locationOf(el);
    if (location) out[address] = location;
  }
  return out;
}

/** One line for `--explain`: page and box, or line numbers. */
export function describeLocation(location: SourceLocation): string {
  switch (location.kind) {
    case 'pdf':
      return location.boxes
        .map(({ page, box }) => `p.${page} [${box.map((n) => Math.round(n)).join(',')}]`)
        .join(' + ');
    case 'text':
      return location.lines[0] === location.lines[1]
        ? `line ${location.lines[0]}`
        : `lines ${location.lines[0]}–${location.lines[1]}`;
    case 'docx':
      return location.path;
  }
}
