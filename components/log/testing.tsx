import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';

// Plain Preact rendering for the log views' tests: render into a div, query the DOM, fire events
// inside act() so state updates land before the next assertion.

export function mount(vnode: ComponentChild): {
  root: HTMLElement;
  rerender(v: ComponentChild): void;
  unmount(): void;
} {
  const root = document.createElement('div');
  document.body.appendChild(root);
  act(() => {
    render(vnode, root);
  });
  return {
    root,
    rerender: (v) =>
      act(() => {
        render(v, root);
      }),
    unmount: () => {
      render(null, root);
      root.remove();
    },
  };
}

export function click(el: Element | null | undefined): void {
  if (!el) throw new Error('click: no element');
  act(() => {
    (el as HTMLElement).click();
  });
}

/** Type into an input or textarea: set the value, then fire `input` (and `change` for selects). */
export function type(
  el: Element | null | undefined,
  value: string,
  event: 'input' | 'change' | 'blur' = 'input',
): void {
  if (!el) throw new Error('type: no element');
  act(() => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event(event, { bubbles: event !== 'blur' }));
  });
}

export const q = <T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null =>
  root.querySelector<T>(selector);
export const qa = <T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] => [
  ...root.querySelectorAll<T>(selector),
];
export const text = (el: Element | null | undefined): string =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
