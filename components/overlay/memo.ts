import { Component, type ComponentClass, createElement, type FunctionComponent } from 'preact';

// preact/compat's memo, without importing preact/compat: compat installs global vnode hooks that
// turn every onFocus/onBlur into focusin/focusout (and onChange into onInput) in the whole bundle.

function shallowDiffers(a: object, b: object): boolean {
  for (const key in a) if (!(key in b)) return true;
  for (const key in b)
    if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) return true;
  return false;
}

/** The component, re-rendered only when one of its props changes (compared one by one). */
export function memo<P extends object>(render: FunctionComponent<P>): ComponentClass<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: Readonly<P>): boolean {
      return shallowDiffers(this.props, next);
    }
    override render() {
      return createElement(render, this.props);
    }
  }
  return Memo;
}
