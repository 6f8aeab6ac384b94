import { expect, it } from 'vitest';
import { percent } from './figures';

it('writes ratios as percentages, or a dash', () => {
  expect(percent(0.56)).toBe('56.0%');
  expect(percent(1 / 3)).toBe('33.3%');
  expect(percent(null)).toBe('—');
});
