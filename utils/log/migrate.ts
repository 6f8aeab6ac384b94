import { MODEL_VERSION, type ReportModel } from '../report/model';
import { ReportModelSchema } from '../report/model-schema';
import { FIRST_MODEL_VERSION } from './schema';

// Stored models outlive the parser that made them. Every record says which version of the
// ReportModel shape it holds (modelVersion; records from before the field are version 1), and a
// model is brought to the current shape by the migrations below, one step at a time, before
// anything reads it as a ReportModel: import, relinking, cross-year comparison.
//
// When the parser changes the model's shape (a new required field, a renamed flag), bump
// MODEL_VERSION in utils/report/model.ts and add the step from the old version here, with a test
// that a record of the old version imports and is compared across years (migrate.test.ts).

/** A step from version n (the key) to n + 1, over the raw stored object. */
export type ModelMigration = (model: Record<string, unknown>) => Record<string, unknown>;

/** From version (key) to the next. Empty while the model is at its first version. */
export const MODEL_MIGRATIONS: Readonly<Record<number, ModelMigration>> = {};

export { FIRST_MODEL_VERSION };

export class ModelVersionError extends Error {
  constructor(readonly version: number) {
    super(`model version ${version} is newer than this extension's (${MODEL_VERSION})`);
    this.name = 'ModelVersionError';
  }
}

/**
 * A stored model brought to the current shape (not validated). Throws ModelVersionError for a model
 * newer than this code, and when a step is missing.
 */
export function migrateModel(
  model: unknown,
  version: number = FIRST_MODEL_VERSION,
  migrations: Readonly<Record<number, ModelMigration>> = MODEL_MIGRATIONS,
  current: number = MODEL_VERSION,
): unknown {
  if (version > current) throw new ModelVersionError(version);
  let out = model;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`no migration of the model from version ${v}`);
    if (typeof out !== 'object' || out === null) return out;
    out = step(out as Record<string, unknown>);
  }
  return out;
}

/**
 * A record as stored or exported, with its model migrated and its modelVersion set to the current
 * one; anything that is not a record object is given back as it is, for the schema to reject.
 */
export function migrateRecordInput(
  record: unknown,
  migrations: Readonly<Record<number, ModelMigration>> = MODEL_MIGRATIONS,
  current: number = MODEL_VERSION,
): unknown {
  if (typeof record !== 'object' || record === null) return record;
  const r = record as { modelVersion?: unknown; model?: unknown };
  const version = typeof r.modelVersion === 'number' ? r.modelVersion : FIRST_MODEL_VERSION;
  return { ...r, model: migrateModel(r.model, version, migrations, current), modelVersion: current };
}

/**
 * A stored model read for a secondary use (another year's comparison, relinking): migrated and
 * validated, or null when it cannot be read under the current model. Never throws: a record the
 * current code cannot read must not stop the audit at hand.
 */
export function readStoredModel(model: unknown, version: number = FIRST_MODEL_VERSION): ReportModel | null {
  try {
    const r = ReportModelSchema.safeParse(migrateModel(model, version));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
