import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { layout } from '@/components/overlay/layout';
import { Overlay } from '@/components/overlay/Overlay';
import { DEFAULT_PLACE, type PanelPlace } from '@/components/overlay/Panel';
import { OVERLAY_CSS } from '@/components/overlay/styles';
import { fitScale } from '@/components/viewer/boxes';
import { showHtml } from '@/components/viewer/show-html';
import { inferT3 } from '@/utils/audit/infer';
import type { AuditResult, Localized } from '@/utils/audit/result';
import { addCounts, runAudit } from '@/utils/audit/run';
import { compareVersions } from '@/utils/audit/versions';
import { type Lang, type MessageKey, tBoth } from '@/utils/i18n';
import type { LogResult } from '@/utils/log/hub';
import type { ReportModel } from '@/utils/report/model';
import { type ReadingRecord, readingRecord } from '@/utils/report/reading';
import { SETTINGS_KEY } from '@/utils/settings';
import { describeLocation, locationOf, readReport } from '@/utils/source';
import { withLogFindings } from '../shared/log-content';
import { type DocumentAudited, type DocumentSource, type TabResult, tabKey } from '../shared/messages';
import { langOf, loadSettings } from '../shared/settings';
import { PDF_RESOURCES, showPdf } from './pdf';

// The report viewer: a PDF, Word or text report read by the extension itself and audited like a
// page. Opened by the popup ("审核此 PDF", "审核附件", "粘贴报告文本") or the overlay's panel, with
// `?src=<file>&from=<page>&tab=<id>` or `?paste=1`. It fetches the file (no cookies: a public report
// needs none), reads it with utils/source (the same parser as pages), audits it, compares it with
// the page's own tables when the page had them (DOC-01), draws the findings with the overlay's
// own Overlay over the rendered pages, and has the background file it in the log.
//
// The reading runs here, in a page of the extension, and not in an offscreen document: the viewer
// is opened for every such audit anyway, has a DOM and runs pdf.js with its worker, so the
// `offscreen` permission would buy nothing.

const params = new URLSearchParams(location.search);
const SRC = params.get('src');
const FROM = params.get('from');
const TAB = Number(params.get('tab')) || null;

const both = (key: MessageKey, data: Record<string, string | number> = {}): string => {
  const l = tBoth(key, data);
  return `${l.zh} / ${l.en}`;
};

type State =
  | { phase: 'paste'; error?: string }
  | { phase: 'busy'; what: MessageKey }
  | { phase: 'problem'; message: string; grant?: string }
  | { phase: 'shown'; kind: DocumentSource['type']; compared: boolean; logged: string | null };

interface Shown {
  model: ReportModel;
  audit: AuditResult;
  elements: Map<string, Element>;
  /** the boxes of elements cut by a page break, on the later pages */
  continued?: Map<string, Element[]>;
  inferred: Map<string, number>;
  /** how the document was read, for the panel's 读取说明 (worked out when first opened) */
  reading: () => ReadingRecord;
  source: DocumentSource;
  bytes: Uint8Array;
  hint: { contentType?: string | null; name?: string | null };
}

let setState: (s: State) => void = () => {};
let current: Shown | null = null;
let lang: Lang = 'zh';
let place: PanelPlace = DEFAULT_PLACE;
let overlayShown = true;
/** notes drawn over the document: the settings' switch, as on pages */
let showNotes = false;

const host = document.createElement('gouji-overlay');
const shadow = host.attachShadow({ mode: 'open' });
const style = document.createElement('style');
style.textContent = OVERLAY_CSS;
const overlayRoot = document.createElement('div');
shadow.append(style, overlayRoot);
document.documentElement.append(host);

function drawOverlay(): void {
  if (!current || !overlayShown || current.model.kind !== 'report') {
    render(null, overlayRoot);
    return;
  }
  const laid = layout({
    model: current.model,
    audit: current.audit,
    elements: current.elements,
    continued: current.continued,
    inferred: current.inferred,
  });
  render(
    <Overlay
      lang={lang}
      model={current.model}
      audit={current.audit}
      marks={laid.marks}
      targets={laid.targets}
      inferred={current.inferred}
      host={host}
      place={place}
      onPlace={(p) => {
        place = p;
      }}
      onClose={() => {
        overlayShown = false;
        drawOverlay();
        refreshBar();
      }}
      onReaudit={() => {
        if (current) void audit(current.bytes, current.hint, current.source, true);
      }}
      showNotes={showNotes}
      onShowNotes={(on) => {
        showNotes = on;
        void loadSettings()
          .then((settings) => browser.storage.sync.set({ [SETTINGS_KEY]: { ...settings, showNotes: on } }))
          .catch(() => {});
      }}
      reading={current.reading}
      elements={current.elements}
    />,
    overlayRoot,
  );
}

let refreshBar: () => void = () => {};

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes.slice().buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const hostOf = (url: string | null): string | null => {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
};

/** The page's own audit, when the viewer was opened from it and it read tables of its own. */
async function pageModel(): Promise<ReportModel | null> {
  if (TAB === null || !FROM) return null;
  const key = tabKey(TAB);
  const all: Record<string, unknown> = await browser.storage.session.get(key).catch(() => ({}));
  const stored = all[key] as TabResult | undefined;
  const model = stored?.url === FROM ? stored.model : null;
  if (model?.kind !== 'report') return null;
  return Object.values(model.tableInfo).some((info) => info.found) ? model : null;
}

/** Reads, audits, draws and files one document. */
async function audit(
  bytes: Uint8Array,
  hint: Shown['hint'],
  source: Omit<DocumentSource, 'type'> & { type?: DocumentSource['type'] },
  requested = false,
): Promise<void> {
  setState({ phase: 'busy', what: 'doc.reading' });
  const started = performance.now();
  const read = await readReport(bytes.slice(), hint, { url: source.url ?? undefined, pdf: PDF_RESOURCES });
  // the reader's share of the time to first boxes (npm run bench)
  document.body.dataset.readMs = String(Math.round(performance.now() - started));
  if (read.problem || !read.parsed || !read.kind) {
    setState({ phase: 'problem', message: read.problem ? `${read.problem.zh} / ${read.problem.en}` : '?' });
    return;
  }
  const { model, elements } = read.parsed;
  const parsed = read.parsed;
  let reading: ReadingRecord | null = null;
  // Rows and sentences say where they are in the file (page and box, lines); the reader's steps first.
  const readingOf = () =>
    (reading ??= {
      ...readingRecord(parsed, (el) => {
        const location = locationOf(el);
        return location ? describeLocation(location) : null;
      }),
      document: read.kind === 'html' ? [] : read.explain,
    });
  // Filed under the portal it was published on, so the same body's other years (pages or files) match.
  const portal = hostOf(source.from) ?? model.host;
  const filed: ReportModel = { ...model, host: portal };
  const full: DocumentSource = { type: read.kind, url: source.url, from: source.from, hash: source.hash };

  const container = document.getElementById('doc')!;
  let drawn = elements;
  let continued: Map<string, Element[]> | undefined;
  let paint: (() => Promise<void>) | null = null;
  if (read.kind === 'pdf' && read.pages?.length) {
    const room = container.clientWidth || window.innerWidth - 380;
    const view = showPdf(container, bytes, read.pages, read.locations, fitScale(read.pages, room));
    drawn = view.elements;
    continued = view.continued;
    paint = view.paint;
  } else if (read.document) {
    showHtml(container, read.document);
  }

  if (model.kind !== 'report') {
    current = null;
    drawOverlay();
    void paint?.();
    setState({ phase: 'problem', message: both('doc.notReport') });
    return;
  }
  const inference = inferT3(filed);
  let result = runAudit(filed, undefined, inference);
  const page = await pageModel();
  if (page) {
    const versions = compareVersions(filed, page);
    result = {
      ...result,
      findings: [...result.findings, ...versions.findings],
      counts: addCounts(result.counts, versions.counts),
    };
  }
  current = {
    model: filed,
    audit: result,
    elements: drawn,
    continued,
    inferred: new Map(inference.steps.map((s) => [s.cell, s.value])),
    reading: readingOf,
    source: full,
    bytes,
    hint,
  };
  overlayShown = true;
  drawOverlay();
  // Time to first boxes (npm run bench reads it): the marks are in the DOM now. From the start of
  // the reading, and from the page's navigation (the download and pdf.js's start included).
  document.body.dataset.firstBoxesMs = String(Math.round(performance.now() - started));
  document.body.dataset.firstBoxesAt = String(Math.round(performance.now()));
  // The pages under the boxes, painted now that the boxes are up.
  void paint?.().then(
    () => (document.body.dataset.painted = 'true'),
    (err: unknown) => console.error('[gouji] pdf.js', err),
  );
  setState({ phase: 'shown', kind: full.type, compared: !!page, logged: null });

  const message: DocumentAudited = {
    type: 'document-audited',
    model: filed,
    audit: result,
    source: full,
    requested,
  };
  try {
    const logged = (await browser.runtime.sendMessage(message)) as
      | LogResult
      | { ok: false; error: string }
      | null;
    if (logged && 'type' in logged && logged.type === 'log-result') {
      const merged = withLogFindings(current.audit, logged.findings);
      if (merged !== current.audit) {
        current = { ...current, audit: merged };
        drawOverlay();
      }
      setState({ phase: 'shown', kind: full.type, compared: !!page, logged: logged.recordId });
    } else if (logged && 'ok' in logged) {
      setState({ phase: 'shown', kind: full.type, compared: !!page, logged: `! ${logged.error}` });
    }
  } catch (err) {
    setState({ phase: 'shown', kind: full.type, compared: !!page, logged: `! ${String(err)}` });
  }
}

/** The origin pattern a host permission would need for this address. */
const originPattern = (url: string): string => `${new URL(url).origin}/*`;

async function fetchAndAudit(src: string): Promise<void> {
  setState({ phase: 'busy', what: 'doc.fetching' });
  let response: Response;
  try {
    // No cookies: never more than the browser would send for the page, and a public report needs none.
    response = await fetch(src, { credentials: 'omit', redirect: 'follow' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (err) {
    const pattern = originPattern(src);
    const granted = await browser.permissions.contains({ origins: [pattern] }).catch(() => false);
    setState({
      phase: 'problem',
      message: granted
        ? both('doc.fetchFailed', { error: String(err) })
        : both('doc.needAccess', { origin: new URL(src).origin }),
      ...(granted ? {} : { grant: pattern }),
    });
    return;
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  await audit(
    bytes,
    { contentType: response.headers.get('content-type'), name: new URL(response.url || src).pathname },
    { url: src, from: FROM, hash: await sha256(bytes) },
  );
}

async function auditText(text: string): Promise<void> {
  const bytes = new TextEncoder().encode(text);
  await audit(
    bytes,
    { contentType: 'text/plain; charset=utf-8', name: 'pasted.txt' },
    {
      url: null,
      from: null,
      hash: await sha256(bytes),
    },
  );
}

async function auditFile(file: File): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  await audit(
    bytes,
    { contentType: file.type || null, name: file.name },
    { url: null, from: null, hash: await sha256(bytes) },
  );
}

function Bilingual({ text }: { text: Localized }) {
  return (
    <>
      {text.zh} <span class="en">{text.en}</span>
    </>
  );
}

function Bar() {
  const [state, set] = useState<State>(SRC ? { phase: 'busy', what: 'doc.fetching' } : { phase: 'paste' });
  const [text, setText] = useState('');
  const [, redraw] = useState(0);
  useEffect(() => {
    setState = (s) => {
      set(s);
      document.body.dataset.state = s.phase;
    };
    refreshBar = () => redraw((n) => n + 1);
    document.body.dataset.state = state.phase;
    if (SRC) void fetchAndAudit(SRC);
  }, []);

  const kindName = (kind: DocumentSource['type']) => (kind === 'text' ? 'TEXT' : kind.toUpperCase());
  return (
    <>
      <h1>
        <Bilingual text={tBoth('doc.viewerTitle')} />
      </h1>
      <dl>
        {SRC && (
          <>
            <dt>{both('doc.file')}</dt>
            <dd>
              <a href={SRC} target="_blank" rel="noopener noreferrer">
                {SRC}
              </a>
            </dd>
          </>
        )}
        {FROM && (
          <>
            <dt>{both('doc.from')}</dt>
            <dd>{FROM}</dd>
          </>
        )}
        {state.phase === 'shown' && (
          <>
            <dt>{both('doc.kind')}</dt>
            <dd data-kind={state.kind}>
              {SRC ? kindName(state.kind) : `${kindName(state.kind)} · ${both('doc.pasted')}`}
            </dd>
          </>
        )}
      </dl>
      {state.phase === 'busy' && <p class="state">{both(state.what)}</p>}
      {state.phase === 'problem' && (
        <p class="state error" data-problem>
          {state.message}{' '}
          {state.grant && (
            <button
              type="button"
              onClick={() => {
                const grant = state.grant!;
                // A click is the user's gesture the permission prompt needs.
                void browser.permissions.request({ origins: [grant] }).then((ok) => {
                  if (ok && SRC) void fetchAndAudit(SRC);
                });
              }}
            >
              {both('doc.allow')}
            </button>
          )}
        </p>
      )}
      {state.phase === 'shown' && (
        <p class="state">
          {state.compared && <span data-compared>{both('doc.compared')} · </span>}
          {state.logged === null ? null : state.logged.startsWith('! ') ? (
            <span class="error">{both('doc.logFailed', { error: state.logged.slice(2) })}</span>
          ) : (
            <span data-logged={state.logged}>{both('doc.logged')}</span>
          )}
          {!overlayShown && (
            <button
              type="button"
              class="secondary"
              onClick={() => {
                overlayShown = true;
                drawOverlay();
                redraw((n) => n + 1);
              }}
            >
              {both('doc.showMarks')}
            </button>
          )}
        </p>
      )}
      {!SRC && (state.phase === 'paste' || state.phase === 'problem') && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) set({ phase: 'paste', error: both('doc.pasteEmpty') });
            else void auditText(text);
          }}
        >
          <p>
            <Bilingual text={tBoth('doc.pasteHelp')} />
          </p>
          <textarea
            name="report"
            aria-label={both('doc.paste')}
            value={text}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
          {state.phase === 'paste' && state.error && <p class="error">{state.error}</p>}
          <button type="submit" data-action="audit-paste">
            {both('doc.pasteAudit')}
          </button>
          <label class="file">
            {both('doc.openFile')}
            <input
              type="file"
              accept=".pdf,.docx,.txt,.htm,.html,application/pdf,text/plain"
              onChange={(e) => {
                const file = (e.target as HTMLInputElement).files?.[0];
                if (file) void auditFile(file);
              }}
            />
          </label>
        </form>
      )}
    </>
  );
}

void loadSettings({ orDefaults: true }).then((settings) => {
  lang = langOf(settings);
  showNotes = settings.showNotes;
  drawOverlay();
});
render(<Bar />, document.getElementById('bar')!);
