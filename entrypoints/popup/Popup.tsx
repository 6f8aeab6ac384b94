import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type Browser, browser } from '#imports';
import { describeReadState, type ReadState, readState } from '@/utils/audit/read-state';
import type { Localized } from '@/utils/audit/result';
import { t, tBoth } from '@/utils/i18n';
import type { Attachment } from '@/utils/report/attachments';
import { type Format, TABLE_IDS, type TableId } from '@/utils/report/model';
import type { AuditTab, OpenViewer, TabResult, ToggleOverlay } from '../shared/messages';
import { tabKey } from '../shared/messages';
import type { ListOffer as ListOfferView } from './ListOffer';
import { LogPanel, type readFirstRows } from './LogPanel';
import { both } from './text';

// Minimal popup: what the background holds for the active tab, and a button to audit it.
// Chinese first, English second, as everywhere in the UI. What the first paint needs (this tab's
// state, the log's first rows) is loaded with the page; the rest (the page's files, the sweep's
// offer, a record's view, export and import) when first used: with 10 000 pages in the log the
// list must be drawn within 200 ms (issue 11, npm run bench).

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
  const { pdfOfTab } = await import('@/utils/report/attachments');
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
    const { findAttachments } = await import('@/utils/report/attachments');
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

/**
 * The sweep's offer (./ListOffer) on a web page: its module, and the list reader it probes the tab
 * with, loaded once the tab is known, never in the way of the log's first rows.
 */
function LazyListOffer({ tab }: { tab: Browser.tabs.Tab | null }) {
  const [View, setView] = useState<typeof ListOfferView | null>(null);
  const web = !!tab?.url && /^https?:/.test(tab.url);
  useEffect(() => {
    if (web) void import('./ListOffer').then((m) => setView(() => m.ListOffer));
  }, [web]);
  return View && web ? <View tab={tab} /> : null;
}

export function Popup({ firstRowsRead }: { firstRowsRead: ReturnType<typeof readFirstRows> }) {
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
    })().catch((err: unknown) => setError(String(err)));
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const auditNow = async () => {
    if (tab?.id === undefined) return;
    setBusy(true);
    setError(null);
    const message: AuditTab = { type: 'audit-tab', tabId: tab.id };
    // A refused or lost message (the background restarting) says so, and frees the button (review L3).
    try {
      const reply = (await browser.runtime.sendMessage(message)) as
        | { ok: boolean; error?: string }
        | undefined;
      if (reply?.ok) return;
      setError(reply?.error ?? 'unknown error');
    } catch (err) {
      setError(String(err));
    }
    setBusy(false);
  };

  // Same as the Alt+Shift+G command: show or hide the overlay on the page.
  const toggleOverlay = async () => {
    if (tab?.id === undefined) return;
    const message: ToggleOverlay = { type: 'toggle-overlay', tabId: tab.id };
    try {
      await browser.runtime.sendMessage(message);
    } catch (err) {
      setError(String(err));
    }
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
      {result?.model?.kind !== 'report' && <LazyListOffer tab={tab} />}
      <LogPanel
        tabId={tab?.id ?? null}
        pageUrl={result?.url ?? tab?.url ?? null}
        firstRowsRead={firstRowsRead}
      />
    </main>
  );
}
