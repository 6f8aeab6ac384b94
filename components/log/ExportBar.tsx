import { useRef, useState } from 'preact/hooks';
import { type Lang, t } from '@/utils/i18n';
import type { LogContents } from '@/utils/log/list';

// Export the log as CSV, JSON or the XLSX worksheet (the whole log, or the filtered part when a filter is on), import a
// JSON export, and clear the log after a confirmation. Presentational: the popup does the work
// (utils/log/export.ts, import.ts, records.ts clearLog) and passes back a message to show.

export interface ExportBarProps {
  lang: Lang;
  /** pages in the log (clearing an empty log is disabled); null while they are being counted */
  total: number | null;
  /**
   * What the log holds, counted when the user asks to clear it (the confirmation says how much
   * goes), not on every paint of the list: four counts over a large log are not free.
   */
  countContents(): Promise<LogContents>;
  /** when a filter is on: how many records it matches, and exports take only those */
  filtered?: number | null;
  busy?: boolean;
  /** the last result or error to show (import summary, ImportError.localized[lang]) */
  message?: { text: string; error?: boolean } | null;
  onExportCsv(): void;
  onExportJson(): void;
  /** the inspector's worksheet (utils/worksheet): reports, findings with verdicts, body × year */
  onExportXlsx?(): void;
  onImport(file: File): void;
  onClear(): void;
}

export function ExportBar(props: ExportBarProps) {
  const { lang, busy = false } = props;
  const [confirming, setConfirming] = useState<LogContents | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const part = props.filtered != null ? t('log.export.filtered', lang, { n: props.filtered }) : '';
  return (
    <section class="export-bar" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div class="actions">
        <button type="button" name="csv" disabled={busy} onClick={props.onExportCsv}>
          {t('log.export.csv', lang)}
          {part}
        </button>
        <button type="button" name="json" disabled={busy} onClick={props.onExportJson}>
          {t('log.export.json', lang)}
          {part}
        </button>
        {props.onExportXlsx ? (
          <button type="button" name="xlsx" disabled={busy} onClick={props.onExportXlsx}>
            {t('log.export.xlsx', lang)}
            {part}
          </button>
        ) : null}
        <button type="button" name="import" disabled={busy} onClick={() => file.current?.click()}>
          {t('log.import', lang)}
        </button>
        <input
          ref={file}
          type="file"
          name="import-file"
          accept=".json,application/json"
          hidden
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const chosen = input.files?.[0];
            if (chosen) props.onImport(chosen);
            input.value = '';
          }}
        />
        <button
          type="button"
          name="clear"
          disabled={busy || props.total === 0}
          onClick={() => void props.countContents().then(setConfirming, () => setConfirming(null))}
        >
          {t('log.clear', lang)}
        </button>
      </div>
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-label={t('log.clear', lang)}>
          <p>{t('log.clear.confirm', lang, { ...confirming })}</p>
          <button
            type="button"
            name="clear-yes"
            onClick={() => {
              setConfirming(null);
              props.onClear();
            }}
          >
            {t('log.clear.yes', lang)}
          </button>
          <button type="button" name="clear-no" onClick={() => setConfirming(null)}>
            {t('log.cancel', lang)}
          </button>
        </div>
      ) : null}
      {props.message ? (
        <p
          class={props.message.error ? 'message error' : 'message'}
          role={props.message.error ? 'alert' : 'status'}
        >
          {props.message.text}
        </p>
      ) : null}
    </section>
  );
}
