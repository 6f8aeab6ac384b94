import { describe, expect, it } from 'vitest';
import { figures, ofKind, read } from './testing';

// Reviews and lawsuits (表四): counts with the outcome words after them, and "none" statements.

const COUNTS: [string, ['reviewCount' | 'litigationCount', Record<string, number>, string[]][]][] = [
  [
    '本机关被申请行政复议2件，结果维持1件，尚未审结1件。',
    [['reviewCount', { count: 2, upheld: 1, pending: 1 }, ['upheld', 'pending']]],
  ],
  ['因政府信息公开被申请行政复议3起，均被维持。', [['reviewCount', { count: 3 }, ['upheld']]]],
  [
    '提起行政诉讼3件，其中驳回起诉2件，撤诉1件。',
    [['litigationCount', { count: 3, upheld: 2, other: 1 }, ['upheld', 'other']]],
  ],
  ['其中1件引起行政诉讼,申请人自行撤回申请终止审理。', [['litigationCount', { count: 1 }, ['other']]]],
  ['信息公开类行政复议7件，诉讼9件，均获维持。', [['reviewCount', { count: 7 }, ['upheld']]]],
  [
    '发生行政复议案件2件，行政诉讼案件1件。',
    [
      ['reviewCount', { count: 2 }, []],
      ['litigationCount', { count: 1 }, []],
    ],
  ],
  ['依法做好行政复议应诉工作。', []],
  ['未发生因政府信息公开引起的行政复议5年以上。', []],
];

describe('reviews and lawsuits: counts', () => {
  it.each(COUNTS)('%s', (text, want) => {
    const got = read(text)
      .filter((c) => c.kind === 'reviewCount' || c.kind === 'litigationCount')
      .map((c) => [c.kind, figures(c), c.qualifiers]);
    expect(got).toEqual(want);
  });
});

describe('reviews and lawsuits: none', () => {
  it.each([
    ['本年度未发生行政复议和行政诉讼。', ['rev', 'lit']],
    ['未发生因政府信息公开引起的行政复议、行政诉讼案件。', ['rev', 'lit']],
    ['全年没有因政府信息公开工作被申请行政复议。', ['rev']],
    ['无政府信息公开行政诉讼案件。', ['lit']],
    ['行政复议和行政诉讼案件数量均为0。', ['rev', 'lit']],
    ['未接到举报、投诉、行政复议或行政诉讼等事件。', ['rev', 'lit']],
    ['全年未发生政府信息公开复议、诉讼案件。', ['rev', 'lit']],
  ])('%s', (text, want) => {
    const q = new Set(ofKind(text, 'noReviewOrLitigation').flatMap((c) => c.qualifiers));
    expect([...q].sort()).toEqual([...want].sort());
  });

  it('a count is not a "none"', () => {
    expect(ofKind('被申请行政复议2件。', 'noReviewOrLitigation')).toEqual([]);
  });
});
