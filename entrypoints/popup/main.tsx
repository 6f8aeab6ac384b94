import { type ComponentChildren, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type Browser, browser } from '#imports';
import { describeReadState, type ReadState, readState } from '@/utils/audit/read-state';
import type { Localized } from '@/utils/audit/result';
import { t, tBoth } from '@/utils/i18n';
import { logDb } from '@/utils/log/db';
import { type Attachment, findAttachments, pdfOfTab } from '@/utils/report/attachments';
import { type Format, TABLE_IDS, type TableId } from '@/utils/report/model';
import { listOffer, type ListOffer as Offer, readListPage } from '@/utils/sweep/list';
import { getSweep, latestSweepOf, sweepProgress } from '@/utils/sweep/queue';
import type { SweepRow } from '@/utils/sweep/queue-schema';
import type { SweepProgress } from '@/utils/sweep/run';
import type { AuditTab, OpenViewer, SweepControl, TabResult, ToggleOverlay } from '../shared/messages';
import { SWEEP_VIEW_PAGE, tabKey } from '../shared/messages';
import { startSweep } from '../shared/sweep-start';
import { LogPanel } from './LogPanel';

// Minimal popup: what the background holds for the active tab, and a button to audit it.
// Chinese first, English second, as everywhere in the UI.

const TEXT = {
  notReport: tBoth('notReport.page'),
  reading: { zh: '已识别为年度报告，正在读取表格…', en: 'Report detected, reading the tables…' },
  audit: { zh: '审核此页', en: 'Audit this page' },
  auditing: { zh: '正在审核…', en: 'Auditing…' },
  failed: { zh: '读取失败', en: 'Could not read the page' },
  title: { zh: '标题', en: 'Title' },
  agency: { zh: '机关', en: 'Agency' },
  year: { zh: '年度', en: 'Year' },
  format: { zh: '格式', en: 'Format' },
  tables: { zh: '读到的表格', en: 'Tables read' },
  findings: { zh: '发现问题', en: 'Findings' },
  read: { zh: '读取情况', en: 'What was read' },
  none: { zh: '无', en: 'none' },
  auditPdf: tBoth('doc.auditPdf'),
  auditAttachment: tBoth('doc.auditAttachment'),
  paste: tBoth('doc.paste'),
} satisfies Record<string, Localized>;

const FORMAT_NAMES: Record<Format, Localized> = {
  '2021': { zh: '2021 年版格式', en: '2021 format' },
  '2019': { zh: '2019 年版格式（试行）', en: '2019 format' },
  pre2019: { zh: '2019 年以前（无统一格式）', en: 'before 2019 (no national format)' },
  hybrid: { zh: '新旧格式混用', en: 'mixed formats' },
  unknown: { zh: '未能确定', en: 'unknown' },
};

const TABLE_NAMES: Record<TableId, Localized> = {
  active: { zh: '表二 主动公开', en: 'T2 active disclosure' },
  applications: { zh: '表三 依申请公开', en: 'T3 applications' },
  reviews: { zh: '表四 复议诉讼', en: 'T4 reviews and lawsuits' },
  legacy: { zh: '统计表', en: 'statistics table' },
};

const both = (t: Localized): string => `${t.zh} / ${t.en}`;

function Bilingual({ text }: { text: Localized }) {
  return (
    <>
      {text.zh} <span class="en">{text.en}</span>
    </>
  );
}

function Row({ label, value }: { label: Localized; value: ComponentChildren }) {
  return (
    <>
      <dt>
        <Bilingual text={label} />
      </dt>
      <dd>{value ?? '—'}</dd>
    </>
  );
}

/** What could be read (utils/audit/read-state.ts): a report read in part is never shown as clean. */
function ReadStateLine({ state }: { state: ReadState }) {
  return (
    <span class={`read level-${state.level}`} data-field="read-state" data-level={state.level}>
      {describeReadState(state, 'zh')} <span class="en">{describeReadState(state, 'en')}</span>
    </span>
  );
}

function Summary({ result }: { result: TabResult }) {
  const info = result.model ?? result.detection;
  if (!info) return null;
  const tables = result.model
    ? TABLE_IDS.filter((id) => result.model?.tableInfo[id].found).map((id) => (
        <div key={id}>
          <Bilingual text={TABLE_NAMES[id]} />
        </div>
      ))
    : null;
  return (
    <dl>
      <Row label={TEXT.title} value={info.title} />
      <Row label={TEXT.agency} value={info.agency} />
      <Row label={TEXT.year} value={info.year === null ? null : String(info.year)} />
      <Row label={TEXT.format} value={both(FORMAT_NAMES[info.format])} />
      {tables && <Row label={TEXT.tables} value={tables.length ? tables : both(TEXT.none)} />}
      {result.model?.kind === 'report' && (
        <Row label={TEXT.read} value={<ReadStateLine state={readState(result.model)} />} />
      )}
      {result.audit && <Row label={TEXT.findings} value={String(result.audit.findings.length)} />}
    </dl>
  );
}

/**
 * The PDF the tab shows, if it shows one: by its address (…/report.pdf, a pdf.js viewer's ?file=),
 * else by asking the tab its content type (a PDF served from download.do?id=…). The popup's click
 * grants activeTab, which lets the question be asked on any site.
 */
async function pdfInTab(tab: Browser.tabs.Tab): Promise<string | null> {
  if (!tab.url) return null;
  const byAddress = pdfOfTab(tab.url);
  if (byAddress) return byAddress;
  if (tab.id === undefined || !/^https?:/.test(tab.url)) return null;
  try {
    const [probe] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: () => document.contentType,
    });
    return probe?.result === 'application/pdf' ? tab.url : null;
  } catch {
    return null;
  }
}

/** Opens the report viewer (through the background, which places it next to this tab) and closes the popup. */
async function openViewer(open: Omit<OpenViewer, 'type'>): Promise<void> {
  const message: OpenViewer = { type: 'open-viewer', ...open };
  await browser.runtime.sendMessage(message);
  window.close();
}

/**
 * The report files of a page the auditor did not read (no report detected: a page that is only a
 * pdf.js viewer or a list of attachments): its markup, read here with the same finder. The popup's
 * click grants activeTab for the question.
 */
async function probeAttachments(tab: Browser.tabs.Tab): Promise<Attachment[]> {
  if (tab.id === undefined || !tab.url || !/^https?:/.test(tab.url)) return [];
  try {
    const [probe] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: () => document.documentElement.outerHTML.slice(0, 2_000_000),
    });
    const html = typeof probe?.result === 'string' ? probe.result : '';
    // parsed inert (DOMParser runs no script and loads nothing)
    return findAttachments(new DOMParser().parseFromString(html, 'text/html'), tab.url);
  } catch {
    return [];
  }
}

function DocumentActions({ tab, result }: { tab: Browser.tabs.Tab | null; result: TabResult | null }) {
  const [pdf, setPdf] = useState<string | null>(null);
  const [probed, setProbed] = useState<Attachment[]>([]);
  const stored = result?.attachments;
  useEffect(() => {
    if (!tab) return;
    void pdfInTab(tab).then(setPdf);
    if (!stored) void probeAttachments(tab).then(setProbed);
  }, [tab, stored]);
  // The page's files, when it is a report or the file says it is one; at most three.
  const attachments = (stored ?? probed)
    .filter((a) => a.url !== pdf)
    .filter((a) => result?.model?.kind === 'report' || a.likelyReport)
    .slice(0, 3);
  return (
    <div class="documents">
      {pdf && (
        <button type="button" data-action="audit-pdf" onClick={() => void openViewer({ src: pdf })}>
          {both(TEXT.auditPdf)}
        </button>
      )}
      {attachments.map((a) => (
        <button
          type="button"
          key={a.url}
          class="secondary"
          data-action="audit-attachment"
          data-url={a.url}
          title={a.url}
          onClick={() =>
            void openViewer({
              src: a.url,
              ...(result?.url ? { from: result.url } : {}),
              ...(tab?.id !== undefined ? { tabId: tab.id } : {}),
            })
          }
        >
          {both(TEXT.auditAttachment)}：{a.label}
        </button>
      ))}
      <button
        type="button"
        class="secondary"
        data-action="paste"
        onClick={() => void openViewer({ paste: true })}
      >
        {both(TEXT.paste)}
      </button>
    </div>
  );
}

const SWEEP_POLL_MS = 700;

/** The newest sweep of this list, read from the queue again and again while the popup is open. */
function useSweepOf(list: string | null, startedId: string | null) {
  const [sweep, setSweep] = useState<{ row: SweepRow; progress: SweepProgress } | null>(null);
  useEffect(() => {
    if (!list) return;
    let stopped = false;
    const tick = async () => {
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
function ListOffer({ tab }: { tab: Browser.tabs.Tab | null }) {
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

function Popup() {
  const [tab, setTab] = useState<Browser.tabs.Tab | null>(null);
  const [result, setResult] = useState<TabResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let key: string | null = null;
    const onChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
      const change = key ? changes[key] : undefined;
      if (area !== 'session' || !change) return;
      setResult((change.newValue as TabResult | undefined) ?? null);
      setBusy(false);
    };
    browser.storage.onChanged.addListener(onChanged);
    void (async () => {
      // ?tab=<id> shows another tab's result when the popup is opened as a page (demo, tests).
      const wanted = Number(new URLSearchParams(location.search).get('tab'));
      const [active] = wanted
        ? [await browser.tabs.get(wanted)]
        : await browser.tabs.query({ active: true, currentWindow: true });
      if (active?.id === undefined) return;
      key = tabKey(active.id);
      setTab(active);
      setResult(((await browser.storage.session.get(key))[key] as TabResult | undefined) ?? null);
    })();
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const auditNow = async () => {
    if (tab?.id === undefined) return;
    setBusy(true);
    setError(null);
    const message: AuditTab = { type: 'audit-tab', tabId: tab.id };
    const reply = (await browser.runtime.sendMessage(message)) as { ok: boolean; error?: string } | undefined;
    if (!reply?.ok) {
      setBusy(false);
      setError(reply?.error ?? 'unknown error');
    }
  };

  // Same as the Alt+Shift+G command: show or hide the overlay on the page.
  const toggleOverlay = async () => {
    if (tab?.id === undefined) return;
    const message: ToggleOverlay = { type: 'toggle-overlay', tabId: tab.id };
    await browser.runtime.sendMessage(message);
  };

  const known = result?.model ?? result?.detection;
  return (
    <main>
      <h1>
        勾稽 <span class="en">Gouji</span>
      </h1>
      {known ? (
        <>
          <Summary result={result!} />
          {result?.model && result.model.kind !== 'report' && (
            <p>
              <Bilingual text={TEXT.notReport} />
            </p>
          )}
          {!result?.model && !result?.error && (
            <p>
              <Bilingual text={TEXT.reading} />
            </p>
          )}
        </>
      ) : (
        <p>
          <Bilingual text={TEXT.notReport} />
        </p>
      )}
      {(result?.error || error) && (
        <p class="error">
          <Bilingual text={TEXT.failed} />: {result?.error ?? error}
        </p>
      )}
      <button type="button" onClick={auditNow} disabled={busy || tab?.id === undefined}>
        {both(busy ? TEXT.auditing : TEXT.audit)}
      </button>
      {result?.model?.kind === 'report' && (
        <button type="button" class="secondary" data-action="toggle-overlay" onClick={toggleOverlay}>
          {`${t('popup.toggleOverlay', 'zh')} / ${t('popup.toggleOverlay', 'en')}`}
        </button>
      )}
      <DocumentActions tab={tab} result={result} />
      {result?.model?.kind !== 'report' && <ListOffer tab={tab} />}
      <LogPanel tabId={tab?.id ?? null} pageUrl={result?.url ?? tab?.url ?? null} />
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
