import { describeReadState, type ReadState, readState } from '../utils/audit/read-state';
import { claimName, type Lang, type MessageKey, t } from '../utils/i18n';
import type { ReportModel } from '../utils/report/model';
import type { Parsed } from '../utils/report/parse';
import { type ReadingRecord, readingRecord } from '../utils/report/reading';
import { describeLocation, locationOf } from '../utils/source/location';

// `gouji --explain`: how each input was read — the document reader's steps, per table the rows as
// read with the label → row key and header → column key mapping, and every claim with its sentence.
// The same record as JSON with --json (one object per input).

export interface Explained extends ReadingRecord {
  source: string;
  isReport: boolean;
  title: string | null;
  format: ReportModel['format'];
  /** what the input was read as: html, pdf, docx, text */
  input: string | null;
  /** the document reader's steps (PDF, DOCX, text): pages, tables found, joined, headers dropped */
  document: string[];
  read: ReadState | null;
}

export function explainInput(
  source: string,
  input: string | null,
  documentLines: string[],
  parsed: Parsed,
): Explained {
  const { model } = parsed;
  // Documents were read into a synthetic page whose elements say where they came from.
  const locate =
    input && input !== 'html'
      ? (el: Element) => {
          const location = locationOf(el);
          return location ? describeLocation(location) : null;
        }
      : undefined;
  const record = readingRecord(parsed, locate);
  return {
    source,
    isReport: model.kind === 'report',
    title: model.title,
    format: model.format,
    input,
    document: input === 'html' ? [] : documentLines,
    read: model.kind === 'report' ? readState(model) : null,
    ...record,
  };
}

const cellList = (cells: string[]) => cells.map((c) => c || '·').join(' │ ');

export function formatExplained(e: Explained, lang: Lang): string {
  const lines: string[] = [`━━ ${e.source}`];
  if (e.title) lines.push(e.title);
  // A page that is no report was not read as one: stderr says so, there is nothing to explain.
  if (!e.isReport) return lines.join('\n');
  const colon = lang === 'zh' ? '：' : ': ';
  lines.push(`${t('overlay.format', lang)}${colon}${t(`format.${e.format}` as MessageKey, lang)}`);
  if (e.read) lines.push(`${t('explain.state', lang)}${colon}${describeReadState(e.read, lang)}`);
  if (e.document.length) {
    lines.push(`${t('explain.document', lang)}${colon}`);
    for (const line of e.document) lines.push(`  · ${line}`);
  }
  for (const table of e.tables) {
    if (!table.found && !table.rows.length) {
      // 2019 and 2021 reports have no statistics table, pre-2019 reports no national tables.
      if (table.reason === 'not-in-format' || (table.table === 'legacy' && e.format !== 'pre2019')) continue;
      lines.push(
        `── ${t(`table.${table.table}` as MessageKey, lang)}${colon}${t('explain.notRead', lang, { reason: tableReason(table.reason, lang) })}`,
      );
      continue;
    }
    lines.push(
      `── ${t(`table.${table.table}` as MessageKey, lang)}${colon}${t('explain.tableRows', lang, { rows: table.rows.length, elements: table.elements })}`,
    );
    if (!table.found)
      lines.push(`  ${t('explain.notRead', lang, { reason: tableReason(table.reason, lang) })}`);
    if (table.columns.length) {
      lines.push(`  ${t('explain.columns', lang)}`);
      for (const c of table.columns)
        lines.push(`    #${c.column} ${c.header || t('explain.noHeader', lang)} → ${c.key}`);
    }
    lines.push(`  ${t('explain.rows', lang)}`);
    const width = String(table.rows.length).length;
    for (const row of table.rows) {
      const n = String(row.n).padStart(width);
      const mapped = row.keys.length
        ? ` → ${row.keys.join(', ')}${row.label ? '' : ` ${t('explain.noLabel', lang)}`}`
        : '';
      const status =
        row.status === 'placed' ? '' : ` · ${t(`explain.status.${row.status}` as MessageKey, lang)}`;
      const at = row.at ? `  [${row.at}]` : '';
      const left = row.left ? ` · ${t('explain.left', lang, { values: row.left.join(' ') })}` : '';
      lines.push(`    ${n} │ ${cellList(row.cells)}${mapped}${status}${left}${at}`);
    }
    if (table.missing.length) {
      lines.push(`  ${t('explain.missing', lang)}`);
      for (const m of table.missing)
        lines.push(`    ${m.key}${colon}${t(`explain.why.${m.why}` as MessageKey, lang)}`);
    }
    const variants = Object.entries(table.labelVariants);
    if (variants.length) {
      lines.push(`  ${t('explain.variants', lang)}`);
      for (const [key, label] of variants) lines.push(`    ${key} ← ${label}`);
    }
    if (table.extra.length)
      lines.push(`  ${t('explain.extra', lang)}${colon}${table.extra.join(lang === 'zh' ? '；' : '; ')}`);
    if (table.flagged.length) {
      lines.push(`  ${t('explain.flagged', lang)}`);
      // One line per row: a report with many blank cells stays readable.
      const byRow = new Map<string, string[]>();
      for (const cell of table.flagged) {
        const flags = cell.flags.map((f) => t(`explain.flag.${f}` as MessageKey, lang)).join('、');
        const raw = cell.raw ? `「${cell.raw}」` : '';
        const list = byRow.get(cell.row) ?? [];
        list.push(`${cell.col} ${flags}${raw}`);
        byRow.set(cell.row, list);
      }
      for (const [row, cells] of byRow)
        lines.push(`    ${row}${colon}${cells.join(lang === 'zh' ? '，' : ', ')}`);
    }
  }
  lines.push(`── ${t('explain.narrative', lang, { paragraphs: e.paragraphs, headings: e.headings.length })}`);
  for (const heading of e.headings) lines.push(`    ${heading}`);
  if (!e.claims.length) lines.push(`  ${t('explain.noClaims', lang)}`);
  else lines.push(`  ${t('explain.claims', lang, { n: e.claims.length })}`);
  for (const claim of e.claims) {
    const values = Object.entries(claim.values)
      .map(([name, v]) => `${name}=${v.value}${v.raw !== String(v.value) ? `（${v.raw}）` : ''}`)
      .join(' ');
    // the kind's name for the reader, its id for whoever turns a wrong reading into a fixture
    const kind =
      lang === 'zh'
        ? `${claimName(claim.kind, lang)}（${claim.kind}）`
        : `${claimName(claim.kind, lang)} (${claim.kind})`;
    const head = [kind, claim.subject, values, claim.qualifiers.join('、')].filter(Boolean).join(' ');
    const at = claim.at ? ` [${claim.at}]` : '';
    lines.push(`    ${head}  ${claim.paragraph}${at}`);
    lines.push(`      「${claim.sentence}」`);
  }
  return lines.join('\n');
}

function tableReason(reason: string | undefined, lang: Lang): string {
  switch (reason) {
    case 'not-in-dom':
    case 'too-large':
    case 'not-in-format':
      return t(`tableState.${reason}` as MessageKey, lang);
    case 'no-numbers':
      return t('explain.noNumbers', lang);
    default:
      return t('tableState.absent', lang);
  }
}
