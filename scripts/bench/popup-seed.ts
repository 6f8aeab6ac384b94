import { logDb } from '../../utils/log/db';
import { syntheticLog, writeBulk } from '../../utils/log/testing/synthetic';

// Run inside the built extension's popup page by scripts/bench/popup.mjs: fills the extension's
// own log database (the same Dexie schema the popup opens) with synthetic pages, in bulk.

async function seed(pages: number): Promise<number> {
  const db = logDb();
  await db.audits.clear();
  await db.details.clear();
  const records = syntheticLog(pages);
  // in slices, so one transaction never holds every model at once
  for (let i = 0; i < records.length; i += 1000) await writeBulk(db, records.slice(i, i + 1000));
  return db.audits.count();
}

(globalThis as unknown as { goujiSeed: unknown }).goujiSeed = seed;
