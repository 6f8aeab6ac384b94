import type { CrossBodyRule } from './types';
import { xbd01 } from './xbd-01';
import { xbd02 } from './xbd-02';

/** The checks across the bodies of one sweep (run by utils/audit/cross-body.ts). */
export const crossBodyRules: readonly CrossBodyRule[] = [xbd01, xbd02];
