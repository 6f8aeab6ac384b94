import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it } from 'vitest';
import { memo } from './memo';

it('re-renders a memoized component only when a prop changes', () => {
  let renders = 0;
  const View = memo(({ text }: { text: string; n?: number }) => {
    renders++;
    return <p>{text}</p>;
  });
  const root = document.createElement('div');
  act(() => render(<View text="a" />, root));
  act(() => render(<View text="a" />, root));
  expect(renders).toBe(1);
  act(() => render(<View text="b" />, root));
  act(() => render(<View text="b" n={1} />, root));
  expect(renders).toBe(3);
  expect(root.textContent).toBe('b');
  act(() => render(null, root));
});
