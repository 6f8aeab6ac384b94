import type { Finding, Localized } from '@/utils/audit/result';
import type { LogResult } from '@/utils/log/hub';

// The order in which the background handles an audit the auditor sent. The log is the durable
// record of the audit; the badge and the per-tab session cache are cosmetic. So the log is written
// first, and nothing after it can cost the record: a tab closed meanwhile (setBadgeText rejects), a
// full storage.session, are caught and only reported on the console. A failed write is told to the
// page's overlay and kept for the popup (steps.failed), never swallowed.
//
// Kept as a plain function over its steps, so the order and the failure paths are tested without a
// browser (file-audit.test.ts).

export interface FilingSteps {
  /** files the audit; resolves null when there is nothing to file (not a report); throws when the write fails */
  log(): Promise<LogResult | null>;
  /** the per-tab session cache the popup reads */
  cache(): Promise<void>;
  /** the toolbar badge, counting the findings given (the engine's and the log's) */
  badge(findings: readonly Finding[] | null): Promise<void>;
  /** tells the overlay and the popup that the audit was not saved */
  failed(error: Localized): Promise<void>;
  /** the message of a failed write, in both languages */
  describe(error: unknown): Localized;
  warn(step: string, error: unknown): void;
}

export interface Filing {
  logged: LogResult | null;
  /** why the write failed; absent when it did not */
  error?: Localized;
}

export async function fileAudit(
  engineFindings: readonly Finding[] | null,
  steps: FilingSteps,
): Promise<Filing> {
  let filing: Filing;
  try {
    filing = { logged: await steps.log() };
  } catch (e) {
    const error = steps.describe(e);
    filing = { logged: null, error };
    await steps.failed(error).catch((err) => steps.warn('failed', err));
  }
  await steps.cache().catch((err) => steps.warn('cache', err));
  await steps
    .badge(filing.logged && engineFindings ? filing.logged.findings : engineFindings)
    .catch((err) => steps.warn('badge', err));
  return filing;
}
