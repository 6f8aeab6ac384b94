import { browser } from 'wxt/browser';
import type { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';

// The context every content script's `main` gets, swapped in for WXT's own at build time
// (wxt.config.ts, `pageSilentContext`). WXT's ContentScriptContext, when a script starts,
// dispatches a CustomEvent named "<extension id>:<script>:wxt:content-script-started" on the page's
// document, and ends the script when the page dispatches one with that name. The name is public
// (Firefox's add-on ID is fixed, and so is a store's ID), so a portal page would hear that Gouji is
// auditing it and could stop the auditor and take its overlay down (review M1;
// `noScriptStartedPostMessage` only turns off the window message). This one has the same API and
// does the one job of that event — a newer copy of a script ends the older one in the same frame —
// through the content scripts' own world, which the page can neither see nor reach.

/** What the page-facing runtime of a content script may use of its context: WXT's, but its internals. */
type ContextApi = Omit<WxtContext, 'stopOldScripts' | 'verifyScriptStartedEvent' | 'listenForNewerScripts'>;

/** The live context of each content script in this frame, kept in the content scripts' world. */
const LIVE = Symbol.for('gouji.content-script-contexts');
type Live = Map<string, ContentScriptContext>;

export class ContentScriptContext implements ContextApi {
  private readonly controller = new AbortController();

  constructor(
    private readonly contentScriptName: string,
    readonly options?: WxtContext['options'],
  ) {
    const world = globalThis as unknown as Record<symbol, Live | undefined>;
    world[LIVE] ??= new Map();
    const live = world[LIVE];
    // a copy of this script injected again into the frame takes over from the one before
    live.get(contentScriptName)?.notifyInvalidated();
    live.set(contentScriptName, this);
    this.onInvalidated(() => {
      if (live.get(contentScriptName) === this) live.delete(contentScriptName);
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** Ended when told, or when the extension is gone (reloaded, updated, removed), as WXT's is. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => {
      if (this.isValid) callback(time);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /**
   * A listener removed when the context ends. WXT's "wxt:" events (its location watcher) are not
   * carried over: Gouji uses none, and one asked for fails here rather than never firing.
   */
  addEventListener(
    target: EventTarget,
    type: string,
    handler: unknown,
    options?: AddEventListenerOptions,
  ): void {
    if (type.startsWith('wxt:')) throw new Error(`${this.contentScriptName}: WXT's ${type} is not available`);
    target.addEventListener(type, handler as EventListener, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}
