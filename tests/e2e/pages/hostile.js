// A page script that tries to see and steer Gouji (loaded by hostile-report.html, before any
// content script runs). Everything it gets is recorded in window.__hostile for the test to read.
(() => {
  const got = {
    /** every window message: WXT used to announce "<extension id>:…:content-script-started" */
    messages: [],
    /** shadow roots the page could reach: through host.shadowRoot or a patched attachShadow */
    roots: [],
    /** overlay hosts seen */
    hosts: 0,
    /** synthetic clicks and keys sent at the overlay */
    attacks: 0,
    /** DOM events named after the extension's ID, heard on the document */
    events: [],
  };
  window.__hostile = got;

  // A page that knows Gouji's ID (Firefox's add-on ID is fixed, and so is a store's; the test
  // passes it as ?id=): WXT's own content script context announced each script's start with a
  // document event of this name, and ended the script when the page dispatched one.
  const id = new URLSearchParams(location.search).get('id');
  const started = (script) => `${id}:${script}:wxt:content-script-started`;
  const scripts = ['detector', 'auditor'];
  if (id)
    for (const script of scripts)
      document.addEventListener(started(script), (e) => {
        let detail = '(unreadable)';
        try {
          // its own dispatches (below) aside; a content script's detail may be closed to the page
          if (e.detail?.messageId === 'page') return;
          detail = JSON.stringify(e.detail);
        } catch {}
        got.events.push(`${e.type} ${detail}`);
      });
  const stopScripts = () => {
    if (!id) return;
    for (const script of scripts)
      document.dispatchEvent(
        new CustomEvent(started(script), { detail: { contentScriptName: script, messageId: 'page' } }),
      );
  };

  window.addEventListener('message', (e) => {
    got.messages.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data));
  });

  // A page can patch its own world's DOM; a content script's isolated world must not care.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, { ...init, mode: 'open' });
    got.roots.push(`attachShadow:${this.localName}`);
    return root;
  };

  const synthetic = (target) => {
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click'])
      target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, button: 0 }));
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    target.click?.();
    got.attacks++;
  };

  setInterval(() => {
    stopScripts();
    const host = document.querySelector('gouji-overlay');
    if (!host) return;
    got.hosts++;
    const root = host.shadowRoot;
    if (root) {
      got.roots.push(`shadowRoot:${root.mode}`);
      // what a page would do with the panel: read the findings, press every button (↻ in a loop)
      for (const b of root.querySelectorAll('button, [role="button"], [data-spec]')) synthetic(b);
    }
    // and what it can do without the root: events at the host, the document and the window
    synthetic(host);
    for (const target of [document, window]) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      target.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'G', code: 'KeyG', altKey: true, shiftKey: true, bubbles: true }),
      );
    }
  }, 50);
})();
