import { render } from 'preact';
import { browser } from '#imports';
import { type SweepPhase, SweepView } from '@/components/sweep/SweepView';
import { type Lang, t } from '@/utils/i18n';
import { logDb } from '@/utils/log/db';
import { getSweep, latestSweepOf, sweepEntries, sweepProgress } from '@/utils/sweep/queue';
import type { SweepRow } from '@/utils/sweep/queue-schema';
import type { SweepEntry } from '@/utils/sweep/run';
import { fromSweep, worksheetFileName } from '@/utils/worksheet/worksheet';
import type { SweepControl } from '../shared/messages';
import { loadLang } from '../shared/settings';
import { startSweep } from '../shared/sweep-start';

// sweep.html?id=<sweep> (or ?list=<list page URL>: that list's latest sweep, or a button to start
// one): shows a sweep the background runs (entrypoints/sweep-runner) from its queue in the log's
// database. Closing this page stops nothing; opening it again shows where the sweep is. Progress,
// rows and grid are read from the stored queue; pause, resume and cancel go to the background.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const POLL_MS = 700;

const phaseOf = (row: SweepRow): SweepPhase =>
  row.state === 'done' ? 'done' : row.state === 'cancelled' ? 'cancelled' : row.state;

async function download(entries: readonly SweepEntry[], lang: Lang): Promise<void> {
  const { worksheetXlsx } = await import('@/utils/worksheet/xlsx');
  const blob = await worksheetXlsx(fromSweep([...entries]), lang);
  const url = URL.createObjectURL(new Blob([blob], { type: XLSX_TYPE }));
  const a = document.createElement('a');
  a.href = url;
  a.download = worksheetFileName('sweep');
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** No sweep of this list yet: one button, whose click may ask for the site's permission. */
function offerStart(root: HTMLElement, list: string, lang: Lang): void {
  const draw = (error: string | null) =>
    render(
      <main class="sweep" data-phase="none">
        <h1>{t('sweep.view.title', lang)}</h1>
        <p class="list">
          {t('sweep.view.list', lang)}：<a href={list}>{list}</a>
        </p>
        <button
          type="button"
          name="start"
          onClick={() =>
            void startSweep(list).then((r) => {
              if (r.ok) location.replace(`?id=${encodeURIComponent(r.id)}`);
              else draw(r.error[lang]);
            })
          }
        >
          {t('sweep.view.start', lang)}
        </button>
        {error ? <p class="error">{error}</p> : null}
      </main>,
      root,
    );
  draw(null);
}

async function show(root: HTMLElement): Promise<void> {
  const lang: Lang = await loadLang({ orDefaults: true });
  const params = new URLSearchParams(location.search);
  const db = logDb();
  const list = params.get('list') ?? '';
  let id = params.get('id');
  if (!id && /^https?:\/\//i.test(list)) {
    id = (await latestSweepOf(db, list))?.id ?? null;
    if (!id) return offerStart(root, list, lang);
  }
  const first = id ? await getSweep(db, id) : undefined;
  if (!first) {
    render(<p class="status">{t('sweep.view.noList', lang)}</p>, root);
    return;
  }
  const sweepId = first.id;
  const control = (action: SweepControl['action']) => {
    const message: SweepControl = { type: 'sweep-control', id: sweepId, action };
    void browser.runtime.sendMessage(message).then(() => refresh());
  };

  let entries: SweepEntry[] = [];
  let lastDone = -1;
  let lastState = '';
  const refresh = async () => {
    const row = await getSweep(db, sweepId);
    if (!row) return;
    const progress = await sweepProgress(db, sweepId);
    // the entries (with their models) are read again only when something was read or the state moved
    const state = `${row.state}:${row.finished}`;
    if (progress.done !== lastDone || state !== lastState) {
      entries = await sweepEntries(db, sweepId);
      lastDone = progress.done;
      lastState = state;
    }
    render(
      <SweepView
        lang={lang}
        list={row.list}
        phase={row.state === 'cancelled' && !row.finished ? 'cancelled' : phaseOf(row)}
        progress={progress}
        entries={entries}
        onPause={() => control('pause')}
        onResume={() => control('resume')}
        onCancel={() => control('cancel')}
        onDownload={() => void download(entries, lang)}
      />,
      root,
    );
    return row.finished;
  };
  const tick = async () => {
    const finished = await refresh().catch((err) => {
      console.error('[gouji] sweep view', err);
      return false;
    });
    if (!finished) setTimeout(() => void tick(), POLL_MS);
  };
  await tick();
}

void show(document.getElementById('app')!);
