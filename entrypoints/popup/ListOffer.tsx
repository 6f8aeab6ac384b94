import { useEffect, useState } from 'preact/hooks';
import { type Browser, browser } from '#imports';
import type { Localized } from '@/utils/audit/result';
import { t, tBoth } from '@/utils/i18n';
import { logDb } from '@/utils/log/db';
import { listOffer, type ListOffer as Offer, readListPage } from '@/utils/sweep/list';
import type { SweepRow } from '@/utils/sweep/queue-schema';
import type { SweepProgress } from '@/utils/sweep/run';
import type { SweepControl } from '../shared/messages';
import { SWEEP_VIEW_PAGE } from '../shared/messages';
import { startSweep } from '../shared/sweep-start';
import { both } from './text';

// The popup's offer to sweep a portal's list of reports, and the sweep's progress once started.
// Its own module, which Popup.tsx loads once the tab is known: none of it is needed for the log's
// first rows.

const SWEEP_POLL_MS = 700;

/** The newest sweep of this list, read from the queue again and again while the popup is open. */
function useSweepOf(list: string | null, startedId: string | null) {
  const [sweep, setSweep] = useState<{ row: SweepRow; progress: SweepProgress } | null>(null);
  useEffect(() => {
    if (!list) return;
    let stopped = false;
    const tick = async () => {
      // the queue's module carries the sweep's runner (and with it the auditor): loaded only on a
      // page that offers a sweep
      const { getSweep, latestSweepOf, sweepProgress } = await import('@/utils/sweep/queue');
      const db = logDb();
      const row = startedId ? await getSweep(db, startedId) : await latestSweepOf(db, list);
      if (stopped) return;
      setSweep(row ? { row, progress: await sweepProgress(db, row.id) } : null);
      if (!stopped) setTimeout(() => void tick().catch(() => {}), SWEEP_POLL_MS);
    };
    void tick().catch(() => {});
    return () => {
      stopped = true;
    };
  }, [list, startedId]);
  return sweep;
}

/**
 * On a portal's list of reports: the offer to sweep it, with what the list's titles say; once
 * started, the sweep's progress from the queue (it runs in the background: closing the popup stops
 * nothing), pause / resume / cancel, and the sweep view.
 */
export function ListOffer({ tab }: { tab: Browser.tabs.Tab | null }) {
  const [offer, setOffer] = useState<(Offer & { url: string }) | null>(null);
  const [started, setStarted] = useState<string | null>(null);
  const [error, setError] = useState<Localized | null>(null);
  const sweep = useSweepOf(offer?.url ?? null, started);
  useEffect(() => {
    if (tab?.id === undefined || !tab.url || !/^https?:/.test(tab.url)) return;
    const url = tab.url;
    browser.scripting
      .executeScript({
        target: { tabId: tab.id },
        func: () => document.documentElement.outerHTML.slice(0, 2_000_000),
      })
      .then(([probe]) => {
        const html = typeof probe?.result === 'string' ? probe.result : '';
        // parsed inert (DOMParser runs no script and loads nothing)
        const found = listOffer(readListPage(new DOMParser().parseFromString(html, 'text/html'), url));
        if (found) setOffer({ ...found, url });
      })
      .catch(() => {});
  }, [tab]);
  if (!offer) return null;
  const control = (id: string, action: SweepControl['action']) => {
    const message: SweepControl = { type: 'sweep-control', id, action };
    void browser.runtime.sendMessage(message);
  };
  const row = sweep?.row;
  const active = row && !row.finished && row.state !== 'cancelled';
  return (
    <div class="list-offer">
      {active ? null : (
        <button
          type="button"
          data-action="sweep"
          onClick={() => {
            setError(null);
            void startSweep(offer.url).then((r) => (r.ok ? setStarted(r.id) : setError(r.error)));
          }}
        >
          {t('sweep.offer', 'zh', { n: offer.reports })} / {t('sweep.offer', 'en', { n: offer.reports })}
        </button>
      )}
      <p class="list-found">
        {t('sweep.offer.found', 'zh', { bodies: offer.bodies, years: offer.years })}
        {offer.more ? `，${t('sweep.offer.morePages', 'zh', { n: offer.more })}` : ''}
      </p>
      {error ? <p class="sweep-error">{both(error)}</p> : null}
      {row && sweep ? (
        <div
          class="sweep-progress"
          data-state={row.finished && row.state !== 'cancelled' ? 'done' : row.state}
        >
          <progress value={sweep.progress.done} max={Math.max(1, sweep.progress.total)} />
          <p class="counts">
            {!row.finished && row.state === 'running' && !sweep.progress.total
              ? t('sweep.view.listing', 'zh')
              : t('sweep.view.progress', 'zh', { ...sweep.progress })}
          </p>
          {active && row.state === 'running' ? (
            <button
              type="button"
              name="sweep-pause"
              class="secondary"
              onClick={() => control(row.id, 'pause')}
            >
              {both(tBoth('sweep.view.pause'))}
            </button>
          ) : null}
          {active && row.state === 'paused' ? (
            <button
              type="button"
              name="sweep-resume"
              class="secondary"
              onClick={() => control(row.id, 'resume')}
            >
              {both(tBoth('sweep.view.resume'))}
            </button>
          ) : null}
          {active ? (
            <button
              type="button"
              name="sweep-cancel"
              class="secondary"
              onClick={() => control(row.id, 'cancel')}
            >
              {both(tBoth('sweep.view.cancel'))}
            </button>
          ) : null}
          <button
            type="button"
            name="sweep-open"
            class="secondary"
            onClick={() =>
              void browser.tabs.create({
                url: browser.runtime.getURL(
                  `${SWEEP_VIEW_PAGE}?id=${encodeURIComponent(row.id)}` as '/sweep.html',
                ),
              })
            }
          >
            {both(tBoth('sweep.open'))}
          </button>
        </div>
      ) : null}
    </div>
  );
}
