import writeXlsxFile, { type Feature } from 'write-excel-file/universal';
import type { Lang } from '../i18n';
import { type WorksheetReport, type WorksheetSheet, worksheetSheets } from './worksheet';

// The worksheet as an .xlsx file, in the browser (popup, sweep view) and on Node (gouji --out).
// write-excel-file: small, maintained, no dependencies beyond a zip writer, one API for browser and
// Node ("universal" returns a Blob everywhere), and it has frozen rows, column widths and cell
// colours. It has no filter option, so a feature adds Excel's <autoFilter> over each sheet's header.

/** A1-style column name: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function autoFilter(sheets: readonly WorksheetSheet[]): Feature<Blob> {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform(content, _options, { sheetIndex }) {
            const sheet = sheets[sheetIndex];
            if (!sheet?.filter || content.includes('<autoFilter')) return content;
            const columns = Math.max(1, sheet.data[0]?.length ?? 1);
            const ref = `A1:${columnName(columns - 1)}${Math.max(1, sheet.data.length)}`;
            // <autoFilter> follows <sheetData> in the schema's element order
            return content.replace(/(<\/sheetData>|<sheetData\s*\/>)/, `$1<autoFilter ref="${ref}"/>`);
          },
        },
      },
    },
  };
}

export async function worksheetXlsx(reports: readonly WorksheetReport[], lang: Lang = 'zh'): Promise<Blob> {
  const sheets = worksheetSheets(reports, lang);
  return writeXlsxFile(
    sheets.map(({ filter: _filter, ...sheet }) => sheet),
    { fontFamily: 'Microsoft YaHei', fontSize: 11, features: [autoFilter(sheets)] },
  ).toBlob();
}
