import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from './script-context';

// The content scripts' context (review M1): the page hears nothing when a script starts, and cannot
// end one by dispatching the event WXT's own context listens for.

const wxtStartedEvent = (script: string) =>
  new CustomEvent(`${fakeBrowser.runtime.id}:${script}:wxt:content-script-started`, {
    detail: { contentScriptName: script, messageId: 'from-the-page' },
  });

describe('a content script context', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('tells the page nothing when its script starts', () => {
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const posted = vi.spyOn(window, 'postMessage');
    const ctx = new ContentScriptContext('auditor', { noScriptStartedPostMessage: true });
    expect(dispatched).not.toHaveBeenCalled();
    expect(posted).not.toHaveBeenCalled();
    expect(ctx.isValid).toBe(true);
    ctx.notifyInvalidated();
  });

  it("is not ended by the page's dispatch of WXT's started event", () => {
    const ctx = new ContentScriptContext('auditor');
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    document.dispatchEvent(wxtStartedEvent('auditor'));
    window.postMessage({ type: `${fakeBrowser.runtime.id}:auditor:wxt:content-script-started` }, '*');
    expect(ended).not.toHaveBeenCalled();
    expect(ctx.isValid).toBe(true);
    ctx.notifyInvalidated();
  });

  it('is ended by a newer copy of its own script in the frame, not by another script', () => {
    const first = new ContentScriptContext('auditor');
    const detector = new ContentScriptContext('detector');
    const ended = vi.fn();
    first.onInvalidated(ended);
    const second = new ContentScriptContext('auditor');
    expect(ended).toHaveBeenCalledTimes(1);
    expect(first.isValid).toBe(false);
    expect(second.isValid).toBe(true);
    expect(detector.isValid).toBe(true);
    // the third copy ends the second, and the ended first is not asked again
    const third = new ContentScriptContext('auditor');
    expect(second.isValid).toBe(false);
    expect(ended).toHaveBeenCalledTimes(1);
    for (const ctx of [detector, third]) ctx.notifyInvalidated();
  });

  it('ends when the extension is gone, and its timers with it', () => {
    vi.useFakeTimers();
    try {
      const ctx = new ContentScriptContext('detector');
      const tick = vi.fn();
      ctx.setTimeout(tick, 100);
      vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
      expect(ctx.isInvalid).toBe(true);
      vi.advanceTimersByTime(200);
      expect(tick).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it("removes its listeners when it ends, and refuses WXT's own events it does not carry", () => {
    const ctx = new ContentScriptContext('sweep-offer');
    const heard = vi.fn();
    ctx.addEventListener(document, 'keydown', heard);
    document.dispatchEvent(new KeyboardEvent('keydown'));
    ctx.notifyInvalidated();
    document.dispatchEvent(new KeyboardEvent('keydown'));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(() => ctx.addEventListener(window, 'wxt:locationchange', () => {})).toThrow(/not available/);
  });
});
