import { extractClaims } from '../report/claims/index';
import { type ClaimKind, MODEL_VERSION, type Paragraph, type ReportModel } from '../report/model';
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

/** The claim kinds version 2 added (ARI-05, S17-08 and XDOC-01 read them instead of the text). */
export const CLAIM_KINDS_OF_V2: readonly ClaimKind[] = [
  'channelCount',
  'portalDocuments',
  'interpretationCount',
  'aggregationScope',
];

/**
 * 1 → 2: the claims of the kinds version 2 added, read from the stored paragraphs. A version 1
 * model has none of them, so without this step the rules that read them (ARI-05, S17-08, XDOC-01)
 * would find nothing to check in it and say nothing; and a version 2 model, whose claim kinds a
 * version 1 reader's schema rejects, is refused by it as newer rather than as invalid. The claims
 * the model already has are kept as they were read.
 */
export function addClaimsOfV2(model: Record<string, unknown>): Record<string, unknown> {
  const { paragraphs, claims } = model;
  if (!Array.isArray(paragraphs) || !Array.isArray(claims)) return model;
  const readable = paragraphs.every(
    (p): p is Paragraph => typeof p === 'object' && p !== null && typeof (p as Paragraph).text === 'string',
  );
  if (!readable) return model;
  const added = extractClaims(paragraphs).filter((c) => CLAIM_KINDS_OF_V2.includes(c.kind));
  return { ...model, claims: [...claims, ...added] };
}

/** From version (key) to the next. */
export const MODEL_MIGRATIONS: Readonly<Record<number, ModelMigration>> = { 1: addClaimsOfV2 };

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
