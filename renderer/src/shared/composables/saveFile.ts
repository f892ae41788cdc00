import { xlsxMime, type ExportFile } from '../../../../shared/api/schemas/exports.js';

/**
 * What core writes besides workbooks: the 迎检包 (a zip), a report's PDF, its signed upward package (.xyp, JSON text)
 * and its DHIS2 files (dataValueSets JSON, CSV, ADX XML; the metadata package as JSON).
 */
const mimeTypes: Readonly<Record<string, string>> = { zip: 'application/zip', pdf: 'application/pdf', xyp: 'application/json', json: 'application/json', csv: 'text/csv', xml: 'application/xml' };

/**
 * Hand a written export to the user: the browser's download in browser mode; in Electron the same link
 * opens the system save dialog (main sets no download path), so the user chooses where it goes.
 */
export function saveExportFile(file: ExportFile): void {
  const bytes = Uint8Array.from(atob(file.dataBase64), (char) => char.charCodeAt(0));
  const extension = /\.([a-z]+)$/i.exec(file.fileName)?.[1]?.toLowerCase() ?? '';
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeTypes[extension] ?? xlsxMime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Inclusive days of the periods offered first: this month, last month, this quarter, this year. */
export function commonPeriods(today: Date): Record<'thisMonth' | 'lastMonth' | 'thisQuarter' | 'thisYear', [string, string]> {
  const day = (year: number, month: number, date: number) => new Date(year, month, date).toLocaleDateString('sv-SE');
  const year = today.getFullYear();
  const month = today.getMonth();
  const quarter = Math.floor(month / 3) * 3;
  return {
    thisMonth: [day(year, month, 1), day(year, month + 1, 0)],
    lastMonth: [day(year, month - 1, 1), day(year, month, 0)],
    thisQuarter: [day(year, quarter, 1), day(year, quarter + 3, 0)],
    thisYear: [day(year, 0, 1), day(year, 11, 31)],
  };
}
