import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportFileName, writeTable, type Column } from '../../../electron/core/export/xlsxTable.js';

type Row = { day: string; at: string; name: string; minutes: number | null };
const columns: Array<Column<Row>> = [
  { header: '日期', width: 12, type: 'date', value: (row) => row.day },
  { header: '时间', width: 17, type: 'dateTime', value: (row) => row.at },
  { header: '姓名', width: 10, type: 'text', value: (row) => row.name },
  { header: '时长（分钟）', width: 10, type: 'number', value: (row) => row.minutes },
];

describe('the XLSX table writer', () => {
  it('writes a title row (演示数据 on a demo station), a frozen Chinese header, typed cells and widths', async () => {
    const bytes = await writeTable({
      heading: { station: '演示街道社会心理服务站', title: '咨询记录', period: '2026年11月', demo: true },
      columns,
      rows: [{ day: '2026-11-05', at: '2026-11-05T01:30:00.000Z', name: '000123', minutes: 50 }, { day: '2026-11-06', at: '2026-11-06T08:00:00.000Z', name: '李四', minutes: null }],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('咨询记录')!;
    expect(sheet.getCell('A1').value).toBe('演示街道社会心理服务站 · 咨询记录 · 2026年11月（演示数据）');
    expect(sheet.getRow(2).values).toEqual([undefined, '日期', '时间', '姓名', '时长（分钟）']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getColumn(2).width).toBe(17);
    expect(sheet.getCell('A3').value).toEqual(new Date('2026-11-05T00:00:00Z'));
    expect(sheet.getCell('A3').numFmt).toBe('yyyy-mm-dd');
    // An instant is shown in the station's time (the tests run on Beijing time): 01:30 UTC is 09:30.
    expect(sheet.getCell('B3').value).toEqual(new Date('2026-11-05T09:30:00Z'));
    // A text column keeps digits as text (an ID number or code must not become a number).
    expect(sheet.getCell('C3').value).toBe('000123');
    expect(sheet.getCell('D3').value).toBe(50);
    expect(sheet.getCell('D4').value).toBeNull();
  });

  it('proposes a file name Windows accepts', () => {
    expect(exportFileName('普查结果', '初二（3）班 / 第1批')).toBe('普查结果_初二（3）班_第1批.xlsx');
  });
});
