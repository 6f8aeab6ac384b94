import { claimName, type Lang, type MessageKey, t } from '@/utils/i18n';
import type { Format } from '@/utils/report/model';
import type { ReadingRecord, RowReading, TableReading } from '@/utils/report/reading';
import { userOnly } from './trusted';

// The panel's 读取说明 / How this was read view: the same record as `gouji --explain`
// (utils/report/reading.ts). A row or a claim whose element is on the page is a button that
// scrolls to it and marks it (onLocate); the rest is plain text.

interface ReadingViewProps {
  lang: Lang;
  format: Format;
  reading: ReadingRecord;
  /** the address of a cell or paragraph; true when it is on the page */
  canLocate(address: string): boolean;
  onLocate(address: string): void;
}

const cellsText = (cells: string[]) => cells.map((c) => c || '·').join(' │ ');

function Row({ row, lang, props }: { row: RowReading; lang: Lang; props: ReadingViewProps }) {
  const mapped = row.keys.length ? ` → ${row.keys.join(', ')}` : '';
  const status = row.status === 'placed' ? '' : ` · ${t(`explain.status.${row.status}` as MessageKey, lang)}`;
  const text = (
    <>
      <span class="n">{row.n}</span> <span class="cells">{cellsText(row.cells)}</span>
      <span class="key">{mapped}</span>
      {status && <span class="status">{status}</span>}
      {row.left && <span class="status"> · {t('explain.left', lang, { values: row.left.join(' ') })}</span>}
      {row.at && <span class="at"> [{row.at}]</span>}
    </>
  );
  const address = row.address;
  return (
    <li data-row={row.n} data-keys={row.keys.join(' ')} data-status={row.status}>
      {address && props.canLocate(address) ? (
        <button type="button" class="locate" onClick={userOnly(() => props.onLocate(address))}>
          {text}
        </button>
      ) : (
        text
      )}
    </li>
  );
}

function Table({ table, lang, props }: { table: TableReading; lang: Lang; props: ReadingViewProps }) {
  const name = t(`table.${table.table}` as MessageKey, lang);
  if (!table.found && !table.rows.length)
    return (
      <section class="reading-table" data-table={table.table} data-found="false">
        <h3>{name}</h3>
        <p>{t('explain.notRead', lang, { reason: reasonText(table.reason, lang) })}</p>
      </section>
    );
  const flaggedRows = new Map<string, string[]>();
  for (const cell of table.flagged) {
    const flags = cell.flags.map((f) => t(`explain.flag.${f}` as MessageKey, lang)).join('、');
    flaggedRows.set(cell.row, [...(flaggedRows.get(cell.row) ?? []), `${cell.col} ${flags}`]);
  }
  return (
    <section class="reading-table" data-table={table.table} data-found={String(table.found)}>
      <h3>{name}</h3>
      <p class="hint">
        {t('explain.tableRows', lang, { rows: table.rows.length, elements: table.elements })}
      </p>
      {table.columns.length > 0 && (
        <>
          <h4>{t('explain.columns', lang)}</h4>
          <ul class="columns">
            {table.columns.map((c) => (
              <li key={c.key} data-column={c.key}>
                #{c.column} {c.header || t('explain.noHeader', lang)} → {c.key}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('explain.rows', lang)}</h4>
      <ul class="rows">
        {table.rows.map((row) => (
          <Row key={row.n} row={row} lang={lang} props={props} />
        ))}
      </ul>
      {table.missing.length > 0 && (
        <>
          <h4>{t('explain.missing', lang)}</h4>
          <ul class="missing">
            {table.missing.map((m) => (
              <li key={m.key} data-missing={m.key}>
                {m.key}：{t(`explain.why.${m.why}` as MessageKey, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
      {Object.keys(table.labelVariants).length > 0 && (
        <>
          <h4>{t('explain.variants', lang)}</h4>
          <ul>
            {Object.entries(table.labelVariants).map(([key, label]) => (
              <li key={key}>
                {key} ← {label}
              </li>
            ))}
          </ul>
        </>
      )}
      {table.extra.length > 0 && (
        <p>
          {t('explain.extra', lang)}：{table.extra.join('；')}
        </p>
      )}
      {flaggedRows.size > 0 && (
        <>
          <h4>{t('explain.flagged', lang)}</h4>
          <ul class="flagged">
            {[...flaggedRows].map(([row, cells]) => (
              <li key={row}>
                {row}：{cells.join('，')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function reasonText(reason: string | undefined, lang: Lang): string {
  if (reason === 'not-in-dom' || reason === 'too-large' || reason === 'not-in-format')
    return t(`tableState.${reason}` as MessageKey, lang);
  if (reason === 'no-numbers') return t('explain.noNumbers', lang);
  return t('tableState.absent', lang);
}

export function ReadingView(props: ReadingViewProps) {
  const { lang, reading, format } = props;
  // Reports of the national formats have no statistics table, older ones no national tables.
  const tables = reading.tables.filter(
    (table) =>
      table.found ||
      table.rows.length > 0 ||
      (table.reason !== 'not-in-format' && (table.table !== 'legacy' || format === 'pre2019')),
  );
  return (
    <div class="reading" data-view="reading">
      <h2>{t('explain.title', lang)}</h2>
      {reading.document && reading.document.length > 0 && (
        <section class="reading-document">
          <h3>{t('explain.document', lang)}</h3>
          <ul>
            {reading.document.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      {tables.map((table) => (
        <Table key={table.table} table={table} lang={lang} props={props} />
      ))}
      <section class="reading-claims">
        <h3>
          {t('explain.narrative', lang, {
            paragraphs: reading.paragraphs,
            headings: reading.headings.length,
          })}
        </h3>
        <ul class="headings">
          {reading.headings.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
        <h4>
          {reading.claims.length
            ? t('explain.claims', lang, { n: reading.claims.length })
            : t('explain.noClaims', lang)}
        </h4>
        <ul class="claims">
          {reading.claims.map((claim, i) => {
            const values = Object.entries(claim.values)
              .map(([name, v]) => `${name}=${v.value}`)
              .join(' ');
            const body = (
              <>
                <span class="kind" title={claim.kind}>
                  {[claimName(claim.kind, lang), claim.subject].filter(Boolean).join(' ')}
                </span>{' '}
                <span class="values">{values}</span>
                {claim.at && <span class="at"> [{claim.at}]</span>}
                <span class="sentence">「{claim.sentence}」</span>
              </>
            );
            return (
              <li key={`${claim.paragraph}/${i}`} data-claim={claim.kind}>
                {props.canLocate(claim.address) ? (
                  <button
                    type="button"
                    class="locate"
                    onClick={userOnly(() => props.onLocate(claim.address))}
                  >
                    {body}
                  </button>
                ) : (
                  body
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
