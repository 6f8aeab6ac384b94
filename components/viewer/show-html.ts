// A DOCX, text or HTML document shown as the page it became: the reader's synthetic document's
// body moved into the viewer, so the parser's elements (address → element) are the very nodes on
// screen and the overlay draws over them as over a portal page. Moved, not copied: the element map
// stays valid. What could run or fetch is dropped first — nothing leaves the browser, and an
// extension page never runs a document's scripts.

const DROP =
  'script, style, link, meta, base, iframe, frame, frameset, object, embed, form, template, noscript';

/** Strips what could run code or fetch from the network, in place. */
export function inertDocument(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(DROP))) el.remove();
  for (const el of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcset') el.removeAttribute(attr.name);
      else if (name === 'style' && /url\s*\(/i.test(attr.value)) el.removeAttribute(attr.name);
      else if (
        (name === 'src' || name === 'href' || name === 'background' || name === 'poster') &&
        !safeUrl(el, name, attr.value)
      )
        el.removeAttribute(attr.name);
    }
    if (el.tagName === 'A' && el.hasAttribute('href')) {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    }
  }
}

/** Images only from data: (mammoth's inlined pictures); links only to web pages, opened by a click. */
function safeUrl(el: Element, name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (name === 'href' && el.tagName === 'A')
    return v.startsWith('http:') || v.startsWith('https:') || v.startsWith('#');
  return v.startsWith('data:image/');
}

/** Moves the document's body into `container`, made inert first. */
export function showHtml(container: HTMLElement, doc: Document): void {
  inertDocument(doc);
  const article = container.ownerDocument.createElement('article');
  article.className = 'html-doc';
  const body = doc.body;
  while (body?.firstChild) article.append(container.ownerDocument.adoptNode(body.firstChild));
  container.replaceChildren(article);
}
