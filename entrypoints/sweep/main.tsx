import { render } from 'preact';
import { type SweepPhase, SweepView } from '@/components/sweep/SweepView';
import { type Lang, t } from '@/utils/i18n';
import { decodeBytes } from '@/utils/source/decode';
import { readReport } from '@/utils/source/index';
import { politeFetcher } from '@/utils/sweep/fetch';
import { emptyProgress, progressOf, runSweep, type SweepEntry, type SweepProgress } from '@/utils/sweep/run';
import { fromSweep, worksheetFileName } from '@/utils/worksheet/worksheet';
import { loadLang } from '../shared/settings';

// sweep.html?list=<list page URL>: sweeps the list in this page (it has a DOM to read pages with;
// the MV3 worker has none), politely, with the extension's host access (*.gov.cn built in), and
// shows progress, then the rows, the body × year grid and the checks across bodies.
// Not yet: the queue is not kept in the log's database, so closing this tab stops the sweep, and
// the swept reports are not filed in the audit log.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function start(root: HTMLElement): Promise<void> {
  const lang: Lang = await loadLang({ orDefaults: true });
  const list = new URLSearchParams(location.search).get('list') ?? '';
  if (!/^https?:\/\//i.test(list)) {
    render(<p class="status">{t('sweep.view.noList', lang)}</p>, root);
    return;
  }
  let phase: SweepPhase = 'running';
  let progress: SweepProgress = emptyProgress();
  let entries: SweepEntry[] = [];
  let cancelled = false;
  let resume: (() => void) | null = null;
  let paused: Promise<void> | null = null;

  const draw = () =>
    render(
      <SweepView
        lang={lang}
        list={list}
        phase={phase}
        progress={progress}
        entries={entries}
        onPause={() => {
          paused = new Promise<void>((r) => {
            resume = r;
          });
          phase = 'paused';
          draw();
        }}
        onResume={() => {
          resume?.();
          paused = null;
          phase = 'running';
          draw();
        }}
        onCancel={() => {
          cancelled = true;
          resume?.();
          draw();
        }}
        onDownload={() => void download()}
      />,
      root,
    );

  const download = async () => {
    const { worksheetXlsx } = await import('@/utils/worksheet/xlsx');
    const blob = await worksheetXlsx(fromSweep(entries), lang);
    const url = URL.createObjectURL(new Blob([blob], { type: XLSX_TYPE }));
    const a = document.createElement('a');
    a.href = url;
    a.download = worksheetFileName('sweep');
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  draw();
  const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');
  const result = await runSweep(
    list,
    {
      fetch: politeFetcher(),
      decode: decodeBytes,
      toDocument: (html, url) => {
        const doc = parseHtml(html);
        // relative links resolve against the page's own address, not this extension page's
        const base = doc.createElement('base');
        base.href = url;
        doc.head.prepend(base);
        return doc;
      },
      readDocument: async (fetched) => {
        const read = await readReport(
          fetched.bytes,
          { contentType: fetched.contentType, name: fetched.url },
          { url: fetched.url, parseHtml },
        );
        return { model: read.parsed?.model ?? null, problem: read.problem?.[lang] };
      },
      onProgress: (p, entry) => {
        progress = p;
        entries = [...entries, entry];
        draw();
      },
    },
    {
      control: {
        gate: () => paused ?? Promise.resolve(),
        cancelled: () => cancelled,
      },
    },
  );
  entries = result.entries;
  progress = result.cancelled
    ? { ...progressOf(result.entries), total: progress.total }
    : progressOf(result.entries);
  phase = result.cancelled ? 'cancelled' : 'done';
  draw();
}

void start(document.getElementById('app')!);
