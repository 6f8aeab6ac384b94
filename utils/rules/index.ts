import { ari01 } from './ari-01';
import { ari02 } from './ari-02';
import { ari03 } from './ari-03';
import { ari04 } from './ari-04';
import { ari05 } from './ari-05';
import { fmt01 } from './fmt-01';
import { fmt02 } from './fmt-02';
import { fmt03 } from './fmt-03';
import { fmt04 } from './fmt-04';
import { fmt05 } from './fmt-05';
import { fmt06 } from './fmt-06';
import { fmt07 } from './fmt-07';
import { fmt08 } from './fmt-08';
import { fmt09 } from './fmt-09';
import { fmt10 } from './fmt-10';
import { fmt11 } from './fmt-11';
import { fmt12 } from './fmt-12';
import { fmt13 } from './fmt-13';
import { fmt14 } from './fmt-14';
import { fmt15 } from './fmt-15';
import { s1701 } from './s17-01';
import { s1702 } from './s17-02';
import { s1703 } from './s17-03';
import { s1704 } from './s17-04';
import { s1705 } from './s17-05';
import { s1706 } from './s17-06';
import { s1707 } from './s17-07';
import { s1708 } from './s17-08';
import { s1709 } from './s17-09';
import { t201 } from './t2-01';
import { t202 } from './t2-02';
import { t203 } from './t2-03';
import { t204 } from './t2-04';
import { t205 } from './t2-05';
import { t211 } from './t2-11';
import { t212 } from './t2-12';
import { t213 } from './t2-13';
import { t301 } from './t3-01';
import { t302 } from './t3-02';
import { t303 } from './t3-03';
import { t304 } from './t3-04';
import { t305 } from './t3-05';
import { t306 } from './t3-06';
import { t307 } from './t3-07';
import { t308 } from './t3-08';
import { t309 } from './t3-09';
import { t401 } from './t4-01';
import { t402 } from './t4-02';
import { t403 } from './t4-03';
import { t405 } from './t4-05';
import { txt01 } from './txt-01';
import { txt02 } from './txt-02';
import { txt03 } from './txt-03';
import { txt04 } from './txt-04';
import { txt05 } from './txt-05';
import { txt06 } from './txt-06';
import { txt07 } from './txt-07';
import { txt08 } from './txt-08';
import { txt09 } from './txt-09';
import { txt10 } from './txt-10';
import { txt11 } from './txt-11';
import { txt12 } from './txt-12';
import type { Rule } from './types';
import { val01 } from './val-01';
import { val02 } from './val-02';
import { val03 } from './val-03';
import { val04 } from './val-04';
import { val05 } from './val-05';
import { val06 } from './val-06';
import { xdoc01 } from './xdoc-01';

// The registry: every rule, one per line, in catalogue order (report-formats.md §5).
// Add a rule with one import line and one entry line; keep this a plain list so merges stay trivial.
export const rules: readonly Rule[] = [
  fmt01,
  fmt02,
  fmt03,
  fmt04,
  fmt05,
  fmt06,
  fmt07,
  fmt08,
  fmt09,
  fmt10,
  fmt11,
  fmt12,
  fmt13,
  fmt14,
  fmt15,
  val01,
  val02,
  val03,
  val04,
  val05,
  val06,
  t201,
  t202,
  t203,
  t204,
  t205,
  t211,
  t212,
  t213,
  t301,
  t302,
  t303,
  t304,
  t305,
  t306,
  t307,
  t308,
  t309,
  t401,
  t402,
  t403,
  t405,
  txt01,
  txt02,
  txt03,
  txt04,
  txt05,
  txt06,
  txt07,
  txt08,
  txt09,
  txt10,
  txt11,
  txt12,
  ari01,
  ari02,
  ari03,
  ari04,
  ari05,
  xdoc01,
  s1701,
  s1702,
  s1703,
  s1704,
  s1705,
  s1706,
  s1707,
  s1708,
  s1709,
];
