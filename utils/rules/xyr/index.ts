import { t404 } from './t4-04';
import type { CrossYearRule } from './types';
import { xyr01 } from './xyr-01';
import { xyr02 } from './xyr-02';
import { xyr03 } from './xyr-03';
import { xyr04 } from './xyr-04';
import { xyr05 } from './xyr-05';
import { xyr06 } from './xyr-06';
import { xyr07 } from './xyr-07';

// The cross-year checks, in catalogue order (report-formats.md §5.8, plus T4-04 which needs Y−1).
// XYR-08 (changed after publication) compares two versions of one page, not two years: xyr-08.ts,
// run by the log when it files a new version of a page.
export const crossYearRules: readonly CrossYearRule[] = [
  xyr01,
  xyr02,
  xyr03,
  xyr04,
  xyr05,
  xyr06,
  xyr07,
  t404,
];
