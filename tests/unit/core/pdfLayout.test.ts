import { describe, expect, it } from 'vitest';
import { PdfLayout, shownText, textAreaWidth, type TableColumn } from '../../../electron/core/export/pdf/pdfLayout.js';
import { hexOf, runsOf, textWidth, wrapText } from '../../../electron/core/export/pdf/pdfText.js';

const createdAt = new Date('2026-11-23T02:00:00Z');
const columns: TableColumn[] = [
  { header: '序号', width: 40, align: 'center' },
  { header: '检查内容', width: textAreaWidth - 40 },
];

/** Each page's content stream, in page order (the writer puts each page's stream right after the page). */
const pageContents = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((match) => match[1]!);
/** The baselines a page sets text on (the 1 0 0 1 x y Tm of each line). */
const baselines = (content: string) => [...content.matchAll(/1 0 0 1 [\d.]+ ([\d.]+) Tm/g)].map((match) => Number(match[1]));

describe('PDF text: fonts, widths and wrapping', () => {
  it('draws ASCII in Helvetica with its widths and everything else in STSong-Light at a full em', () => {
    expect(runsOf('面积 12 m²')).toEqual([
      { font: 'cjk', text: '面积' },
      { font: 'latin', text: ' 12 m²' },
    ]);
    expect(textWidth('面积', 10)).toBe(20);
    expect(textWidth('m²1', 10)).toBeCloseTo(8.33 + 3.33 + 5.56, 5);
    expect(hexOf({ font: 'cjk', text: '站𠀀' })).toBe('<7AD9D840DC00>');
    expect(hexOf({ font: 'latin', text: 'm²' })).toBe('<6DB2>');
  });

  it('breaks Chinese anywhere, keeps words and numbers whole, hangs closing punctuation and keeps the text\'s own line breaks', () => {
    expect(wrapText('一二三四五六七八九十', 45, 10)).toEqual(['一二三四', '五六七八', '九十']);
    expect(wrapText('一二三四，五', 40, 10)).toEqual(['一二三四，', '五']);
    expect(wrapText('hello world again', textWidth('hello world', 10), 10)).toEqual(['hello world', 'again']);
    expect(wrapText('每周开放 ≥ 8 小时', 60, 10)).toEqual(['每周开放 ≥', '8 小时']);
    const long = wrapText('x'.repeat(40), 50, 10);
    expect(long.join('')).toBe('x'.repeat(40));
    expect(long.every((line) => textWidth(line, 10) <= 50)).toBe(true);
    expect(wrapText('甲\n\n乙', 100, 10)).toEqual(['甲', '', '乙']);
    expect(wrapText('', 100, 10)).toEqual(['']);
  });
});

describe('PDF layout: pages, tables and page numbers', () => {
  it('continues a table on new pages with its header repeated, and numbers every page "第 N 页 共 M 页"', () => {
    const layout = new PdfLayout();
    layout.text('检查表', { size: 16, bold: true, align: 'center' });
    layout.table(columns, Array.from({ length: 90 }, (_, index) => ({ cells: [String(index + 1), `第 ${index + 1} 条：设接待、个体咨询、团体活动功能区`] })));
    const pdf = layout.finish({ title: '检查表', createdAt });
    const pages = pageContents(pdf);
    expect(pages.length).toBeGreaterThan(2);
    expect(pdf.toString('latin1')).toContain(`/Count ${pages.length} >>`);
    pages.forEach((content, index) => {
      expect(content).toContain(shownText('检查内容', 9));
      expect(content).toContain(shownText(`第 ${index + 1} 页 共 ${pages.length} 页`, 9));
      // Nothing but the page number is set below the bottom margin (54 pt).
      expect(baselines(content).filter((y) => y < 54)).toEqual([28]);
    });
    for (const row of [1, 45, 90]) expect(pages.filter((content) => content.includes(shownText(`第 ${row} 条：设接待、个体咨询、团体活动功能区`, 9)))).toHaveLength(1);
  });

  it('splits a row taller than a page between its lines, each line drawn once', () => {
    const layout = new PdfLayout();
    const lines = Array.from({ length: 120 }, (_, index) => `第${index + 1}行`);
    layout.table(columns, [{ cells: ['1', lines.join('\n')] }]);
    const pages = pageContents(layout.finish({ title: '长行', createdAt }));
    expect(pages).toHaveLength(3);
    for (const line of lines) expect(pages.filter((content) => content.includes(shownText(line, 9)))).toHaveLength(1);
    expect(pages.every((content) => content.includes(shownText('序号', 9)))).toBe(true);
  });

  it('writes the same bytes for the same pages and creation date', () => {
    const write = () => {
      const layout = new PdfLayout();
      layout.text('胜利路街道社会心理服务站 2026 年度验收', { size: 12 });
      layout.spread(['检查人员签字：', '站长签字：', '日期：'], { size: 11 });
      return layout.finish({ title: '检查表', createdAt });
    };
    expect(write().equals(write())).toBe(true);
    expect(write().toString('latin1')).toContain("/CreationDate (D:20261123100000+08'00')");
  });
});
