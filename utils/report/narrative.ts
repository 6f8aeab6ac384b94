import type { Budget } from '../budget';
import type { Heading, Paragraph, SectionKey } from './model';
import { cleanText, fold, isSpace } from './normalize';

// The narrative as paragraphs, each tied to its section (一 … 六). Text is gathered from
// every descendant (Word paste splits a sentence over many spans) and cut at block
// boundaries; the report's own tables are skipped, layout tables are read through.

/** CMS containers of the article body, most specific first (KIROGOVCOMPARE's list plus TRS). */
const CONTAINERS = [
  '.TRS_Editor',
  '.Custom_UnionStyle',
  '#zoom',
  '#ivs_content',
  '#webeditorview',
  '.xxgk_content',
  '.zw-content',
  '.article-content',
  '.article_content',
  '.view.TRS_UEDITOR',
  'article',
  '#content',
  '.content',
];

/** Elements that end a paragraph, by HTML's lower-case localName. */
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'blockquote',
  'pre',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'center',
  'dl',
  'dt',
  'dd',
  'form',
  'main',
]);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'iframe',
  'select',
  'button',
]);

const ORDINAL_SECTIONS: Record<string, SectionKey> = {
  一: '一',
  二: '二',
  三: '三',
  四: '四',
  五: '五',
  六: '六',
};
const HEADING = /^([一二三四五六七八九十]+)\s*[、.．]\s*(.{1,40})$/;
/**
 * Longer than any text HEADING can match once folded (an ordinal, 、, forty characters), with room
 * for NFKC composing pairs: a longer paragraph is not folded just to be tried as a heading.
 */
const MAX_HEADING = 100;
/** Any element that ends a paragraph, for an inline element that wraps some (a <span> around <p>s). */
const BLOCK_SELECTOR = Array.from(BLOCK).join(',');

/** More than `min` characters of text that are not whitespace, counted without a copy of the text. */
function holdsText(el: Element, min: number): boolean {
  const text = el.textContent ?? '';
  let count = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i)) && ++count > min) return true;
  return false;
}

function contentRoot(doc: Document): Element | null {
  // One search per container, not one for the list of them: the browser answers a single id, class
  // or tag selector from its own indexes, while a list is matched against every element of the page.
  for (const selector of CONTAINERS) {
    const found = doc.querySelectorAll(selector);
    for (let i = 0; i < found.length; i++) if (holdsText(found[i]!, 200)) return found[i]!;
  }
  return doc.body ?? doc.documentElement;
}

function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  // Word pastes put a style on every span: most name neither none nor hidden
  const style = el.getAttribute('style');
  return !!style && /none|hidden/i.test(style) && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

export interface Narrative {
  paragraphs: Paragraph[];
  headings: Heading[];
}

export function readNarrative(
  doc: Document,
  skipTables: Set<Element>,
  put: (address: string, el: Element) => void,
  budget?: Budget,
): Narrative {
  const paragraphs: Paragraph[] = [];
  const headings: Heading[] = [];
  let section: SectionKey = 'preamble';

  const emit = (raw: string, el: Element) => {
    const text = cleanText(raw);
    if (!text) return;
    const id = `p${paragraphs.length + 1}`;
    const heading = text.length <= MAX_HEADING ? HEADING.exec(fold(text)) : null;
    // Headings rarely end in 。, but short ones sometimes do (三、加强载体建设，拓宽…渠道。).
    if (heading && (!/[。；;]$/.test(text) || text.length <= 30)) {
      section = ORDINAL_SECTIONS[heading[1]!] ?? 'other';
      headings.push({ ordinal: heading[1]!, text, paragraph: id });
    }
    paragraphs.push({ id, section, text });
    put(`paragraph/${id}`, el);
  };

  const walk = (el: Element) => {
    let run = '';
    const flush = () => {
      if (run.trim()) emit(run, el);
      run = '';
    };
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        run += node.nodeValue ?? '';
        continue;
      }
      if (node.nodeType !== 1) continue;
      budget?.tick('narrative');
      const child = node as Element;
      const tag = child.localName;
      if (SKIP.has(tag) || hidden(child)) continue;
      if (tag === 'br') {
        // A heading is often separated from its first paragraph by a <br> only.
        flush();
        continue;
      }
      if (BLOCK.has(tag)) {
        flush();
        if (tag === 'table' && skipTables.has(child)) continue;
        walk(child);
      } else if (child.firstElementChild && child.querySelector(BLOCK_SELECTOR)) {
        // An inline element wrapping blocks (a <span> around <p>s in Word paste) is read as a block.
        flush();
        walk(child);
      } else run += child.textContent ?? '';
    }
    flush();
  };

  const root = contentRoot(doc);
  if (root) walk(root);
  return { paragraphs, headings };
}
