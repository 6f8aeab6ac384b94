import { Window } from 'happy-dom';

// A Node DOM for the parser: happy-dom with every network and script feature off, so a
// saved page is only read, never run.

/**
 * Windows opened since the last releaseDocuments(). happy-dom keeps every Window (about 20 MB for
 * a report page) until it is closed, so a batch or a sweep that never closed them ran out of
 * memory after a few hundred pages.
 */
const open = new Set<Window>();
const windowOf = new WeakMap<Document, Window>();

/** Closes every document made so far: call it once what was read from them is plain data. */
export async function releaseDocuments(): Promise<void> {
  const windows = [...open];
  open.clear();
  await Promise.all(windows.map((w) => w.happyDOM.close()));
}

/** Closes one document made here (a sweep reads several pages at once, so it frees each alone). */
export async function releaseDocument(doc: Document): Promise<void> {
  const window = windowOf.get(doc);
  if (!window) return;
  open.delete(window);
  await window.happyDOM.close();
}

export function documentFromHtml(html: string, url = 'http://localhost/'): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  open.add(window);
  const parser = new window.DOMParser();
  const doc = parser.parseFromString(html, 'text/html') as unknown as Document;
  windowOf.set(doc, window);
  hoistLeadingHeadElements(doc);
  return doc;
}

/** Elements the HTML parser puts in <head> when they come before any body content. */
const HEAD_ELEMENTS = new Set(['TITLE', 'META', 'LINK', 'BASE', 'STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE']);

/**
 * happy-dom leaves the <title> (and <meta>, <link>…) that open a saved fragment in the body, where a
 * browser's parser ("before head" insertion mode) puts them in <head>. Moving them gives the CLI the
 * browser's document, so both read the same paragraphs and number them alike.
 */
function hoistLeadingHeadElements(doc: Document): void {
  const { head, body } = doc;
  if (!head || !body) return;
  for (let node = body.firstChild; node; ) {
    const next = node.nextSibling;
    if (node.nodeType === 1 && HEAD_ELEMENTS.has((node as Element).tagName)) head.appendChild(node);
    else if (node.nodeType === 3 ? /\S/.test(node.textContent ?? '') : node.nodeType !== 8) break;
    node = next;
  }
}
