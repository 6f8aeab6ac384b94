import { bench, describe } from 'vitest';
import { extractClaims } from './claims';
import { longClause } from './claims/testing';
import type { Paragraph } from './model';

// The narrative reader on long sentences (review M4: 1.2 s for 20 000 characters without 。 before
// numbers were found once per paragraph). `npm run bench`; timings never gate a test.

const para = (text: string): Paragraph[] => [{ id: 'p1', section: '二', text }];
const upTo = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const LIST = para(`共发布信息20000条，其中${upTo('网站发布信息12条，微信发布信息8条，', 20_000)}`);
const SHARES = para(upTo('予以公开258件，占33.9%；不予公开35件，占4.34%；', 20_000));
const APPLICATIONS = para(
  upTo(
    '共受理政府信息公开申请749件，其中自然人申请741件，法人或其他组织申请8件；共办理718件，结转下一年31件，',
    20_000,
  ),
);

// One clause of 20 000 characters that was read in time quadratic or worse in its length (issue 11):
// each claim compared with every claim before it, a share's look-back over every figure, the
// clause re-read per count, a regex that backtracked over every pair of 网站 and 发布.
const clause = (head: string, unit: (i: number) => string): Paragraph[] =>
  para(longClause(head, unit, 20_000).text);
const OUTCOMES = clause('本年度共收到申请', (i) => `予以公开${i}件，`);
const RECEIVED = clause('本年度', (i) => `收到政府信息公开申请${i}件，`);
const BARE_SHARES = clause('本年度', (i) => `占${i % 100}%，`);
const CHANNELS = clause('本年度', (i) => `政府网站发布信息${i}条，政策解读${i}篇，`);
const PORTAL = clause('本年度', (i) => `网站发布${i}，`);

describe('claims: one 20 000-character clause, no 。 or ；', () => {
  bench('2 000 outcomes (予以公开N件)', () => {
    extractClaims(OUTCOMES);
  });
  bench('1 300 received counts', () => {
    extractClaims(RECEIVED);
  });
  bench('3 000 shares with no count before them', () => {
    extractClaims(BARE_SHARES);
  });
  bench('900 channel counts', () => {
    extractClaims(CHANNELS);
  });
  bench('2 000 × 网站发布 and no 文件', () => {
    extractClaims(PORTAL);
  });
});

describe('claims: one 20 000-character sentence', () => {
  bench('a 其中 list of 2 000 items', () => {
    extractClaims(LIST);
  });
  bench('1 200 shares (占…%)', () => {
    extractClaims(SHARES);
  });
  bench('repeated application sentences joined by commas', () => {
    extractClaims(APPLICATIONS);
  });
});
