// Finding a sentence of the narrative inside the page element it was read from, as a Range over
// the page's own text nodes: the overlay underlines it from Range.getClientRects and never wraps
// the page's text in elements of its own.
//
// The sentence is the parser's cleaned text (whitespace collapsed, zero-width characters gone)
// while the page splits it over spans, line breaks and &nbsp;. Both sides are compared without any
// whitespace or zero-width characters, and each kept character remembers its text node and offset.

const IGNORED = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff\u00ad]/;
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** The text without the characters the comparison ignores. */
export const squeeze = (text: string): string =>
  Array.from(text)
    .filter((ch) => !IGNORED.test(ch))
    .join('');

interface Position {
  node: Text;
  /** offset of the character in its node (UTF-16 units) */
  offset: number;
  /** length of the character (2 for astral characters) */
  length: number;
}

/** Every kept character of the element's text, in document order, with where it sits. */
function positions(root: Element): { text: string; at: Position[] } {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */, {
    acceptNode(node) {
      for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
        if (SKIP_TAGS.has(el.tagName.toUpperCase())) return 2; // FILTER_REJECT
      }
      return 1; // FILTER_ACCEPT
    },
  });
  let text = '';
  const at: Position[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const value = node.data;
    let offset = 0;
    for (const ch of value) {
      if (!IGNORED.test(ch)) {
        // One entry per UTF-16 unit keeps indexes of `text` and `at` aligned.
        for (let i = 0; i < ch.length; i++) at.push({ node, offset, length: ch.length });
        text += ch;
      }
      offset += ch.length;
    }
  }
  return { text, at };
}

/**
 * The range of `sentence` inside `root`, or null when the page's text does not contain it (the
 * page changed since the audit). The nth occurrence can be asked for when a sentence repeats.
 */
export function findTextRange(root: Element, sentence: string, occurrence = 0): Range | null {
  const needle = squeeze(sentence);
  if (!needle) return null;
  const { text, at } = positions(root);
  let index = -1;
  for (let n = 0; n <= occurrence; n++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) return null;
  }
  const first = at[index]!;
  const last = at[index + needle.length - 1]!;
  const range = root.ownerDocument.createRange();
  range.setStart(first.node, first.offset);
  range.setEnd(last.node, last.offset + last.length);
  return range;
}
