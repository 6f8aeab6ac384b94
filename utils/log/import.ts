import type { z } from 'zod';
import type { Localized } from '../audit/result';
import { type MessageKey, t, tBoth } from '../i18n';
import { type LogDb, logDb } from './db';
import { agencyKeyOf } from './keys';
import { ModelVersionError, migrateRecordInput } from './migrate';
import { latestRowOf } from './queries';
import { toRows } from './rows';
import {
  type AuditRecord,
  type AuditRecordV1,
  LOG_SCHEMA_VERSION,
  type LogExport,
  LogExportSchema,
  LogExportV1Schema,
  type Verdict,
} from './schema';
import { relinkWithPrevious, renumber } from './write';

// Import a JSON export. The whole file is validated with zod first; when any part is wrong nothing is
// written and the error names the record (or verdict, or evidence) by index, the field by path, and
// what was wrong, in Chinese and English. Then everything is written in one Dexie transaction: any
// failure there rolls it all back too.
//
// Merging into a non-empty log: records and evidence are put by id (importing a file twice changes
// nothing); a verdict replaces the log's one only when it is newer; the version numbers and latest
// flags of the pages touched (the file's, and those of any record it replaced by id) are
// recomputed by audit time. Then, best-effort and outside the write, the cross-year findings of
// the bodies touched are recomputed against what the log now holds.
//
// Each record's model is first brought to the current model version (migrate.ts), so an export
// made by an older Gouji imports and reads under the current model.

export interface ImportProblem {
  /** which list of the file, or 'file' for the envelope */
  section: 'records' | 'verdicts' | 'evidence' | 'file';
  index: number | null;
  /** dotted field path inside the item, e.g. model.tables.applications.new.TOT.value */
  path: string;
  message: Localized;
}

export class ImportError extends Error {
  readonly problems: ImportProblem[];
  /** the whole explanation, both languages */
  readonly localized: Localized;

  constructor(problems: ImportProblem[]) {
    const first = problems[0]!;
    const more = problems.length - 1;
    const build = (lang: 'zh' | 'en') =>
      t('log.import.failed', lang, {
        problem: first.message[lang] + (more > 0 ? t('log.import.more', lang, { n: more }) : ''),
      });
    const localized = { zh: build('zh'), en: build('en') };
    super(localized.en);
    this.name = 'ImportError';
    this.problems = problems;
    this.localized = localized;
  }
}

export interface ImportSummary {
  /** records written (new or replacing the same id) */
  records: number;
  /** verdicts written: new ones, and those newer than the log's */
  verdicts: number;
  evidence: number;
  /** records whose cross-year findings were recomputed after the import */
  relinked?: number;
}

// ── Describing zod issues ───────────────────────────────────────────────────────

const TYPE_KEYS: Record<string, MessageKey> = {
  number: 'log.type.number',
  int: 'log.type.int',
  string: 'log.type.string',
  boolean: 'log.type.boolean',
  array: 'log.type.array',
  object: 'log.type.object',
  null: 'log.type.null',
};

const typeName = (name: string, lang: 'zh' | 'en'): string => {
  const key = TYPE_KEYS[name];
  return key ? t(key, lang) : name;
};

/** The value as the file has it, short. */
function shown(input: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(input) ?? String(input);
  } catch {
    s = String(input);
  }
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

type Issue = z.core.$ZodIssue & { input?: unknown };

function problemOf(issue: Issue): Localized {
  const missing = !('input' in issue) || issue.input === undefined;
  const received = shown(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return tBoth('log.problem.missing');
      return {
        zh: t('log.problem.type', 'zh', { expected: typeName(issue.expected, 'zh'), received }),
        en: t('log.problem.type', 'en', { expected: typeName(issue.expected, 'en'), received }),
      };
    case 'invalid_value':
      if (missing) return tBoth('log.problem.missing');
      return tBoth('log.problem.value', { values: issue.values.map((v) => shown(v)).join(' | '), received });
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return tBoth('log.problem.empty');
      return tBoth('log.problem.tooSmall', { min: String(issue.minimum), received });
    case 'too_big':
      return tBoth('log.problem.tooBig', { max: String(issue.maximum), received });
    case 'unrecognized_keys':
      return tBoth('log.problem.unknownKeys', { keys: issue.keys.join(', ') });
    default:
      return tBoth('log.problem.invalid', { detail: issue.message });
  }
}

function locate(path: PropertyKey[]): {
  section: ImportProblem['section'];
  index: number | null;
  path: string;
} {
  const [head, index, ...rest] = path;
  if ((head === 'records' || head === 'verdicts' || head === 'evidence') && typeof index === 'number') {
    return { section: head, index, path: rest.map(String).join('.') };
  }
  return { section: 'file', index: null, path: path.map(String).join('.') };
}

function problem(
  section: ImportProblem['section'],
  index: number | null,
  path: string,
  what: Localized,
): ImportProblem {
  const at = (lang: 'zh' | 'en') =>
    section === 'file' || index === null
      ? t('log.import.at.file', lang)
      : t(`log.import.at.${section}`, lang, { n: index + 1, i: index });
  const say = (lang: 'zh' | 'en') =>
    path
      ? t('log.import.field', lang, { at: at(lang), path, problem: what[lang] })
      : t('log.import.item', lang, { at: at(lang), problem: what[lang] });
  return { section, index, path, message: { zh: say('zh'), en: say('en') } };
}

const fromIssues = (issues: readonly Issue[]): ImportProblem[] =>
  issues.map((issue) => {
    const at = locate(issue.path);
    return problem(at.section, at.index, at.path, problemOf(issue));
  });

// ── Validation ──────────────────────────────────────────────────────────────────

const upgradeRecordV1 = (r: AuditRecordV1): AuditRecord => ({
  ...r,
  agencyKey: agencyKeyOf(r.agency, r.title),
});

/** Parse and validate a whole export file; throws ImportError naming every fault found. */
export function validateExport(input: unknown): LogExport {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      throw new ImportError([problem('file', null, '', tBoth('log.import.notJson', { error }))]);
    }
  }
  const head = (data ?? {}) as { app?: unknown; kind?: unknown; schemaVersion?: unknown };
  if (typeof data !== 'object' || data === null || head.app !== 'gouji' || head.kind !== 'audit-log') {
    throw new ImportError([problem('file', null, '', tBoth('log.import.notLog'))]);
  }
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > LOG_SCHEMA_VERSION) {
    throw new ImportError([
      problem(
        'file',
        null,
        'schemaVersion',
        tBoth('log.import.newer', { version: head.schemaVersion, supported: LOG_SCHEMA_VERSION }),
      ),
    ]);
  }

  // every record's model brought to the current model version before it is validated
  const records = (data as { records?: unknown }).records;
  if (Array.isArray(records)) {
    const problems: ImportProblem[] = [];
    const migrated = records.map((r, i) => {
      try {
        return migrateRecordInput(r);
      } catch (e) {
        const what =
          e instanceof ModelVersionError
            ? tBoth('log.import.newerModel', { version: e.version })
            : tBoth('log.problem.invalid', { detail: e instanceof Error ? e.message : String(e) });
        problems.push(problem('records', i, 'modelVersion', what));
        return r;
      }
    });
    if (problems.length) throw new ImportError(problems);
    data = { ...(data as object), records: migrated };
  }

  let parsed: LogExport;
  if (head.schemaVersion === 1) {
    const r = LogExportV1Schema.safeParse(data, { reportInput: true });
    if (!r.success) throw new ImportError(fromIssues(r.error.issues as Issue[]));
    parsed = { ...r.data, schemaVersion: LOG_SCHEMA_VERSION, records: r.data.records.map(upgradeRecordV1) };
  } else {
    const r = LogExportSchema.safeParse(data, { reportInput: true });
    if (!r.success) throw new ImportError(fromIssues(r.error.issues as Issue[]));
    parsed = r.data;
  }

  // what zod cannot see: duplicates inside the file
  const problems: ImportProblem[] = [];
  const ids = new Set<string>();
  parsed.records.forEach((r, i) => {
    if (ids.has(r.id))
      problems.push(problem('records', i, 'id', tBoth('log.problem.duplicateId', { id: r.id })));
    ids.add(r.id);
  });
  const keys = new Set<string>();
  parsed.verdicts.forEach((v, i) => {
    const key = `${v.urlKey}\u0000${v.fingerprint}`;
    if (keys.has(key)) {
      problems.push(
        problem(
          'verdicts',
          i,
          'fingerprint',
          tBoth('log.problem.duplicateVerdict', { fingerprint: v.fingerprint }),
        ),
      );
    }
    keys.add(key);
  });
  const evidenceIds = new Set<string>();
  parsed.evidence.forEach((e, i) => {
    if (evidenceIds.has(e.id))
      problems.push(problem('evidence', i, 'id', tBoth('log.problem.duplicateEvidence', { id: e.id })));
    evidenceIds.add(e.id);
  });
  if (problems.length) throw new ImportError(problems);
  return parsed;
}

// ── Writing ─────────────────────────────────────────────────────────────────────

/** Validate the whole file, then write it in one transaction; nothing is written on any fault. */
export async function importLog(input: unknown, db: LogDb = logDb()): Promise<ImportSummary> {
  const file = validateExport(input);
  const rows = file.records.map(toRows);
  const inFile = new Set(file.records.map((r) => r.id));

  const written = await db.transaction('rw', [db.audits, db.details, db.verdicts, db.evidence], async () => {
    // evidence must belong to a record of the file or of the log
    const outside = [...new Set(file.evidence.map((e) => e.recordId).filter((id) => !inFile.has(id)))];
    const known = new Set((await db.audits.bulkGet(outside)).filter((r) => !!r).map((r) => r!.id));
    const orphans = file.evidence
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => !inFile.has(e.recordId) && !known.has(e.recordId));
    if (orphans.length) {
      throw new ImportError(
        orphans.map(({ e, i }) =>
          problem('evidence', i, 'recordId', tBoth('log.problem.unknownRecord', { id: e.recordId })),
        ),
      );
    }

    // a record replaced by id may have been another page's latest version: renumber that page too
    const replaced = await db.audits.bulkGet(rows.map((r) => r.row.id));
    const touched = new Set([
      ...file.records.map((r) => r.urlKey),
      ...replaced.filter((r) => !!r).map((r) => r!.urlKey),
    ]);
    await db.audits.bulkPut(rows.map((r) => r.row));
    await db.details.bulkPut(rows.map((r) => r.detail));
    const existing = await db.verdicts.bulkGet(
      file.verdicts.map((v) => [v.urlKey, v.fingerprint] as [string, string]),
    );
    const newer: Verdict[] = file.verdicts.filter(
      (v, i) => !existing[i] || existing[i]!.updatedAt <= v.updatedAt,
    );
    await db.verdicts.bulkPut(newer);
    await db.evidence.bulkPut(file.evidence);
    await renumber(touched, db);
    return { verdicts: newer.length, touched };
  });

  return {
    records: file.records.length,
    verdicts: written.verdicts,
    evidence: file.evidence.length,
    relinked: await relinkImported(file.records, written.touched, db),
  };
}

/**
 * The cross-year findings of every page the import touched, and of the same bodies' next-year
 * pages, recomputed against what the log now holds. Best-effort: a record that cannot be relinked
 * keeps its findings (write.ts relink).
 */
async function relinkImported(
  records: readonly AuditRecord[],
  touched: ReadonlySet<string>,
  db: LogDb,
): Promise<number> {
  const rows = new Map<string, Awaited<ReturnType<typeof latestRowOf>>>();
  for (const key of touched) {
    const row = await latestRowOf(db, key);
    if (row) rows.set(row.id, row);
  }
  // next year's pages of the bodies imported compare with the imported year now
  const bodies = new Set(
    records
      .filter((r) => r.agencyKey && r.year !== null)
      .map((r) => `${r.agencyKey}\u0000${r.site}\u0000${r.year! + 1}`),
  );
  for (const body of bodies) {
    const [agencyKey, site, year] = body.split('\u0000');
    const next = await db.audits
      .where('[agencyKey+site+year]')
      .equals([agencyKey!, site!, Number(year)])
      .filter((r) => r.latest === 1)
      .toArray();
    for (const row of next) rows.set(row.id, row);
  }
  let relinked = 0;
  for (const row of rows.values())
    if (row && (await relinkWithPrevious(db, row, { keepWhenNone: true }))) relinked++;
  return relinked;
}
