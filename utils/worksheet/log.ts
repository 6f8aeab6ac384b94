import type { Lang } from '../i18n';
import type { LogDb } from '../log/db';
import { logDb } from '../log/db';
import { collectRecords, type ExportFilter } from '../log/export';
import { fromLog } from './worksheet';
import { worksheetXlsx } from './xlsx';

// The audit log (whole or filtered, as the CSV export takes it) as the inspector's worksheet.

export async function exportXlsx(
  filter: ExportFilter = {},
  lang: Lang = 'zh',
  db: LogDb = logDb(),
): Promise<Blob> {
  const records = await collectRecords(filter, db);
  const keys = [...new Set(records.map((r) => r.urlKey))];
  const verdicts = keys.length ? await db.verdicts.where('urlKey').anyOf(keys).toArray() : [];
  return worksheetXlsx(fromLog(records, verdicts), lang);
}
