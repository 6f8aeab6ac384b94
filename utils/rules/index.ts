import { fmt03 } from './fmt-03';
import { fmt04 } from './fmt-04';
import { fmt10 } from './fmt-10';
import { s1701 } from './s17-01';
import { s1702 } from './s17-02';
import { s1703 } from './s17-03';
import { s1704 } from './s17-04';
import { s1705 } from './s17-05';
import { s1706 } from './s17-06';
import { s1707 } from './s17-07';
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
import type { Rule } from './types';
import { val01 } from './val-01';
import { val02 } from './val-02';
import { val03 } from './val-03';
import { val04 } from './val-04';
import { val05 } from './val-05';
import { val06 } from './val-06';

// The registry: every rule, one per line, in catalogue order (report-formats.md §5).
// Add a rule with one import line and one entry line; keep this a plain list so merges stay trivial.
export const rules: readonly Rule[] = [
  fmt03,
  fmt04,
  fmt10,
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
  s1701,
  s1702,
  s1703,
  s1704,
  s1705,
  s1706,
  s1707,
  s1709,
];
