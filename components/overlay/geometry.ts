// Plain geometry for the overlay, in viewport coordinates (what getBoundingClientRect gives and
// what position: fixed takes). No DOM here, so the arithmetic is tested on its own.

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * The layout viewport (what position: fixed is relative to): the window less its scrollbars. In
 * quirks mode (portal pages without a doctype) <body>, not <html>, reports it.
 */
export function layoutViewport(doc: Document): Size {
  const win = doc.defaultView;
  const el = doc.compatMode === 'BackCompat' ? doc.body : doc.documentElement;
  return {
    width: el?.clientWidth || win?.innerWidth || 0,
    height: el?.clientHeight || win?.innerHeight || 0,
  };
}

export const toRect = (r: { left: number; top: number; width: number; height: number }): Rect => ({
  left: r.left,
  top: r.top,
  width: r.width,
  height: r.height,
});

/** A rect with no area is an element that is not rendered (display: none, detached). */
export const isDrawable = (r: Rect): boolean => r.width > 0 && r.height > 0;

export const contains = (r: Rect, p: Point): boolean =>
  p.x >= r.left && p.x < r.left + r.width && p.y >= r.top && p.y < r.top + r.height;

export const sameRect = (a: Rect, b: Rect, tolerance = 0.5): boolean =>
  Math.abs(a.left - b.left) <= tolerance &&
  Math.abs(a.top - b.top) <= tolerance &&
  Math.abs(a.width - b.width) <= tolerance &&
  Math.abs(a.height - b.height) <= tolerance;

export const sameRects = (a: readonly Rect[], b: readonly Rect[]): boolean =>
  a.length === b.length && a.every((r, i) => sameRect(r, b[i]!));

/** The smallest of the targets under the point: a cell wins over the line of text around it. */
export function hitTest<T extends { rects: readonly Rect[] }>(targets: readonly T[], p: Point): T | null {
  let best: T | null = null;
  let bestArea = Number.POSITIVE_INFINITY;
  for (const t of targets) {
    for (const r of t.rects) {
      if (!contains(r, p)) continue;
      const area = r.width * r.height;
      if (area < bestArea) {
        best = t;
        bestArea = area;
      }
    }
  }
  return best;
}

/**
 * The line boxes of a text range, one per line: Range.getClientRects gives a rect per text node
 * fragment (Word paste splits a sentence over many spans), so fragments on the same line are
 * merged. Empty fragments (collapsed whitespace) are dropped.
 */
export function lineRects(fragments: readonly Rect[]): Rect[] {
  const lines: Rect[] = [];
  for (const f of fragments) {
    if (f.width <= 0.5 || f.height <= 0) continue;
    const mid = f.top + f.height / 2;
    const line = lines.find((l) => mid >= l.top && mid <= l.top + l.height);
    if (!line) {
      lines.push({ ...f });
      continue;
    }
    const right = Math.max(line.left + line.width, f.left + f.width);
    const bottom = Math.max(line.top + line.height, f.top + f.height);
    line.left = Math.min(line.left, f.left);
    line.top = Math.min(line.top, f.top);
    line.width = right - line.left;
    line.height = bottom - line.top;
  }
  return lines.sort((a, b) => a.top - b.top || a.left - b.left);
}

export type Placement = 'below' | 'above';

/**
 * Where a tooltip goes next to an anchor: below it when it fits, else above, else whichever side
 * has more room; always inside the viewport with a margin.
 */
export function placeTooltip(
  anchor: Rect,
  tip: Size,
  viewport: Size,
  gap = 6,
  margin = 8,
): { left: number; top: number; placement: Placement } {
  const below = anchor.top + anchor.height + gap;
  const above = anchor.top - gap - tip.height;
  const roomBelow = viewport.height - margin - below;
  const roomAbove = anchor.top - gap - margin;
  let placement: Placement;
  if (tip.height <= roomBelow) placement = 'below';
  else if (tip.height <= roomAbove) placement = 'above';
  else placement = roomBelow >= roomAbove ? 'below' : 'above';
  let top = placement === 'below' ? below : above;
  top = clamp(top, margin, Math.max(margin, viewport.height - margin - tip.height));
  const left = clamp(anchor.left, margin, Math.max(margin, viewport.width - margin - tip.width));
  return { left, top, placement };
}

/** A dragged panel stays reachable: at least `keep` px of it inside the viewport on each axis. */
export function clampPanel(pos: Point, panel: Size, viewport: Size, keep = 48): Point {
  return {
    x: clamp(pos.x, keep - panel.width, viewport.width - keep),
    y: clamp(pos.y, 0, viewport.height - Math.min(keep, panel.height)),
  };
}

export const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);

/**
 * Where the panel starts: docked on the side of the report with room for it. When neither side
 * has room (the report fills the window), it starts collapsed to its title bar on the roomier side,
 * so it never hides the tables before the user asks for it.
 */
export function chooseDock(
  content: { left: number; right: number } | null,
  viewportWidth: number,
  panelWidth: number,
  margin = 12,
): { mode: 'left' | 'right'; collapsed: boolean } {
  if (!content) return { mode: 'right', collapsed: false };
  const need = panelWidth + 2 * margin;
  const roomRight = viewportWidth - content.right;
  const roomLeft = content.left;
  if (roomRight >= need) return { mode: 'right', collapsed: false };
  if (roomLeft >= need) return { mode: 'left', collapsed: false };
  return { mode: roomLeft > roomRight ? 'left' : 'right', collapsed: true };
}

/** The horizontal extent of some rects, or null when there are none. */
export function horizontalExtent(rects: readonly Rect[]): { left: number; right: number } | null {
  const drawn = rects.filter(isDrawable);
  if (!drawn.length) return null;
  return {
    left: Math.min(...drawn.map((r) => r.left)),
    right: Math.max(...drawn.map((r) => r.left + r.width)),
  };
}

/**
 * When the cells a user asked to see are under the panel, the side to dock it on instead (the
 * other side, if the cells are clear of it there), else null: leave the panel where it is.
 */
export function dockAwayFrom(
  cells: readonly Rect[],
  panel: Rect,
  viewportWidth: number,
  margin = 12,
): 'left' | 'right' | null {
  const drawn = cells.filter(isDrawable);
  const covers = (left: number, right: number) =>
    drawn.some((c) => c.left < right && c.left + c.width > left);
  if (!covers(panel.left, panel.left + panel.width)) return null;
  const right: [number, number] = [viewportWidth - margin - panel.width, viewportWidth - margin];
  const left: [number, number] = [margin, margin + panel.width];
  // The nearer free side first: a panel on the right goes left only when it must.
  const sides: ['left' | 'right', [number, number]][] =
    panel.left + panel.width / 2 > viewportWidth / 2
      ? [
          ['right', right],
          ['left', left],
        ]
      : [
          ['left', left],
          ['right', right],
        ];
  for (const [side, [l, r]] of sides) if (!covers(l, r)) return side;
  return null;
}
