import { bench, describe } from 'vitest';
import { extractClaims } from './claims';
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
