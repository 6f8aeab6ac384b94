import { z } from 'zod';
import { TABLE_IDS } from '../report/model';
import { READ_LEVELS, TABLE_READ_PROBLEMS } from './read-state';

// The read state's runtime schema, for the log's records and imports. read-state.ts declares its
// types from it type-only, so the overlay (a content script) reads the state without zod.

export const ReadReasonSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('table'),
    table: z.enum(TABLE_IDS),
    problem: z.enum(TABLE_READ_PROBLEMS),
    /** official rows not found or not read fully, for 'partial' */
    rows: z.number().int().nonnegative().optional(),
  }),
  z.object({ kind: z.literal('narrative') }),
]);

export const ReadStateSchema = z.object({
  level: z.enum(READ_LEVELS),
  reasons: z.array(ReadReasonSchema),
});
