import { a4, writePdf, type PdfInfo } from './pdfDocument.js';
import { hexOf, runsOf, textWidth, wrapText, type FontKey } from './pdfText.js';

export type Align = 'left' | 'center' | 'right';
export type TextStyle = Readonly<{ size: number; bold?: boolean; align?: Align }>;

/** A table column: its header, its width in points (the widths sum to the text width) and how its cells align. */
export type TableColumn = Readonly<{ header: string; width: number; align?: Align }>;
export type TableRow = Readonly<{ cells: readonly string[]; bold?: boolean; shaded?: boolean }>;

const margin = { left: 48, right: 48, top: 54, bottom: 54 };
/** Where the page number's baseline sits, below the bottom margin. */
const footerBaseline = 28;
const leading = 1.45;
const cellPadding = { x: 4, y: 3 };
const tableSize = 9;
const fontNames: Record<FontKey, string> = { cjk: 'F1', latin: 'F2' };

/** The width text may take between the margins. */
export const textAreaWidth = a4.width - margin.left - margin.right;

const number = (value: number) => String(Math.round(value * 100) / 100);

/** The operators that show a line's text, each run in its own font: Tj moves on by the run's width (§9.4.3). */
export function shownText(text: string, size: number): string {
  return runsOf(text).map((run) => `/${fontNames[run.font]} ${size} Tf ${hexOf(run)} Tj`).join(' ');
}

/** One line of text at a baseline, aligned within a width (a text object, §9.4). */
function lineOperators(text: string, x: number, baseline: number, style: TextStyle, width: number): string {
  const offset = style.align === 'center' ? (width - textWidth(text, style.size)) / 2 : style.align === 'right' ? width - textWidth(text, style.size) : 0;
  const body = `BT 1 0 0 1 ${number(x + offset)} ${number(baseline)} Tm ${shownText(text, style.size)} ET`;
  // A Song face has no bold: a bold line is filled and stroked thinly (text rendering mode 2, §9.3.6).
  return style.bold ? `q 0.35 w 2 Tr ${body} Q` : body;
}

/**
 * Pages written top to bottom: wrapped paragraphs that continue on the next page, tables whose rows continue too (the
 * header repeated on each page; a row taller than what is left is split between its lines), and "第 N 页 共 M 页"
 * under every page once the count is known. Everything is placed in points from the page's bottom left (§8.3.2.3).
 */
export class PdfLayout {
  private readonly pages: string[][] = [];
  private y = 0;

  constructor() {
    this.newPage();
  }

  private get page(): string[] {
    return this.pages.at(-1)!;
  }

  private newPage(): void {
    this.pages.push([]);
    this.y = a4.height - margin.top;
  }

  private get room(): number {
    return this.y - margin.bottom;
  }

  /** Starts a new page unless this much height is left (a heading stays with what follows it). */
  keep(height: number): void {
    if (this.room < height && this.y < a4.height - margin.top) this.newPage();
  }

  gap(height: number): void {
    this.y -= height;
  }

  private drawLine(text: string, x: number, baseline: number, style: TextStyle, width: number): void {
    this.page.push(lineOperators(text, x, baseline, style, width));
  }

  private baselineIn(top: number, size: number): number {
    return top - size * leading + size * (leading - 1) / 2 + size * 0.2;
  }

  /** A paragraph across the text width, continuing on the next page line by line. */
  text(text: string, style: TextStyle): void {
    const height = style.size * leading;
    for (const line of wrapText(text, textAreaWidth, style.size)) {
      if (this.room < height) this.newPage();
      this.drawLine(line, margin.left, this.baselineIn(this.y, style.size), style, textAreaWidth);
      this.y -= height;
    }
  }

  /** A full-width line, for signatures and the like: `parts` spread evenly across the width. */
  spread(parts: readonly string[], style: TextStyle): void {
    const height = style.size * leading;
    if (this.room < height) this.newPage();
    const width = textAreaWidth / parts.length;
    parts.forEach((part, index) => this.drawLine(part, margin.left + index * width, this.baselineIn(this.y, style.size), style, width));
    this.y -= height;
  }

  private drawRow(columns: readonly TableColumn[], lines: readonly string[][], count: number, row: Omit<TableRow, 'cells'>): void {
    const lineHeight = tableSize * leading;
    const height = count * lineHeight + cellPadding.y * 2;
    const top = this.y;
    let x = margin.left;
    for (const [index, column] of columns.entries()) {
      const box = `${number(x)} ${number(top - height)} ${number(column.width)} ${number(height)} re`;
      if (row.shaded) this.page.push(`0.9 g ${box} f 0 g`);
      this.page.push(`0.5 w ${box} S`);
      lines[index]!.slice(0, count).forEach((line, at) => {
        const style = { size: tableSize, bold: row.bold, align: column.align };
        this.drawLine(line, x + cellPadding.x, this.baselineIn(top - cellPadding.y - at * lineHeight, tableSize), style, column.width - cellPadding.x * 2);
      });
      x += column.width;
    }
    this.y -= height;
  }

  /**
   * A table: a header row, then the rows, each as tall as its longest cell. A row that does not fit what is left of
   * the page goes to the next page (header repeated); one taller than a whole page is split between its lines.
   */
  table(columns: readonly TableColumn[], rows: readonly TableRow[]): void {
    const lineHeight = tableSize * leading;
    const wrap = (cells: readonly string[]) => columns.map((column, index) => wrapText(cells[index] ?? '', column.width - cellPadding.x * 2, tableSize));
    const header = wrap(columns.map((column) => column.header));
    const headerCount = Math.max(...header.map((cell) => cell.length));
    const headerHeight = headerCount * lineHeight + cellPadding.y * 2;
    const drawHeader = () => this.drawRow(columns, header, headerCount, { bold: true, shaded: true });
    this.keep(headerHeight + lineHeight + cellPadding.y * 2);
    drawHeader();
    for (const row of rows) {
      let lines = wrap(row.cells);
      for (;;) {
        const count = Math.max(...lines.map((cell) => cell.length));
        const fits = Math.floor((this.room - cellPadding.y * 2) / lineHeight);
        const freshFits = Math.floor((a4.height - margin.top - margin.bottom - headerHeight - cellPadding.y * 2) / lineHeight);
        if (count <= fits) {
          this.drawRow(columns, lines, count, row);
          break;
        }
        if (count <= freshFits || fits < 1) {
          this.newPage();
          drawHeader();
          continue;
        }
        this.drawRow(columns, lines, fits, row);
        lines = lines.map((cell) => cell.slice(fits));
        this.newPage();
        drawHeader();
      }
    }
  }

  /** The file: each page's number and the page count centred under it. */
  finish(info: PdfInfo): Buffer {
    const total = this.pages.length;
    this.pages.forEach((page, index) => page.push(lineOperators(`第 ${index + 1} 页 共 ${total} 页`, margin.left, footerBaseline, { size: 9, align: 'center' }, textAreaWidth)));
    return writePdf(
      this.pages.map((page) => page.join('\n')),
      info,
    );
  }
}
