import { describe, expect, it } from 'vitest';
import type { Finding } from '../../audit/result';
import { danglingTargets } from './dangling';
import { modelBuilder } from './model-builder';

// The property tests' check is itself checked: it names what does not exist, and only that.

const finding = (cells: string[], paragraph?: string): Finding => ({
  rule: 'T3-01',
  spec: 'T3-01',
  outcome: 'fail',
  messageId: 'mismatch',
  severity: 'error',
  message: { zh: '', en: '' },
  cells,
  fingerprint: 'x',
  ...(paragraph ? { sentence: { paragraph, text: '' } } : {}),
});

describe('danglingTargets', () => {
  const model = modelBuilder('2021').paragraph('二', '收到申请3件。').build();
  const p = model.paragraphs[0]!.id;

  it('passes cells and paragraphs the model has', () => {
    expect(danglingTargets(model, [finding(['applications/new/NP', `paragraph/${p}`], p)])).toEqual([]);
  });

  it('names a cell, a paragraph and a sentence the model does not have', () => {
    expect(
      danglingTargets(model, [finding(['applications/nowhere/NP', 'paragraph/p999', 'elsewhere/x'], 'p998')]),
    ).toEqual([
      'T3-01: applications/nowhere/NP',
      'T3-01: paragraph/p999',
      'T3-01: elsewhere/x',
      'T3-01: sentence of p998',
    ]);
  });
});
