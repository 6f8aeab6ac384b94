import { bench, describe } from 'vitest';
import { runAudit } from '../audit/run';
import { LogDb } from './db';
import { exportCsv } from './export';
import { getRecordDetail, listLatest, logFacets } from './queries';
import { parseFixture } from './testing/fixtures';
import { syntheticLog, writeBulk } from './testing/synthetic';
import { addAudit } from './write';

// The popup opens on listLatest: how long a page of a 5,000-page log takes, with and without
// filters. fake-indexeddb is far slower than Chrome's IndexedDB, so these are upper bounds.
// `npm run bench`.

const db = new LogDb('list-bench');
const ready = (async () => {
  await writeBulk(db, syntheticLog(5000));
})();
const setup = async () => {
  await ready;
};

describe('audit log of 5,000 pages', () => {
  bench('first page, no filter', async () => void (await listLatest({ page: 1 }, db)), { setup });
  bench('page 60, no filter', async () => void (await listLatest({ page: 60 }, db)), { setup });
  bench('year 2021', async () => void (await listLatest({ year: 2021 }, db)), { setup });
  bench('search 中宁县', async () => void (await listLatest({ query: '中宁县' }, db)), { setup });
  bench(
    'search + severity error',
    async () => void (await listLatest({ query: '工业园区', severity: 'error' }, db)),
    {
      setup,
    },
  );
  bench('filter facets (years, formats)', async () => void (await logFacets(db)), { setup });
  bench('CSV of the whole log', async () => void (await exportCsv({}, 'zh', db)), { setup, iterations: 3 });
});

describe('one audit', () => {
  const model = parseFixture('2019/seed001-fragment');
  const audit = runAudit(model);
  const one = new LogDb('add-bench');
  let t = 0;
  bench('addAudit of seed 001 (a new version each time)', async () => {
    const r = await addAudit(model, audit, { extensionVersion: 'bench', auditedAt: ++t }, one);
    await getRecordDetail(r.record.id, one);
  });
});
