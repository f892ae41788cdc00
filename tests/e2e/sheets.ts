import ExcelJS from 'exceljs';

/** A sheet a station typed into Excel, as the file the file picker is given: a title row, the header, the rows. */
export async function typedXlsx(title: string, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title);
  sheet.addRow([title]);
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  return { name: `${title}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
