import { hexOf } from './pdfText.js';

/** A4 portrait in points (210 × 297 mm). */
export const a4 = { width: 595.28, height: 841.89 } as const;

export type PdfInfo = Readonly<{ title: string; createdAt: Date }>;

/** A date as a PDF date string with the station's UTC offset (ISO 32000-1 §7.9.4): D:YYYYMMDDHHmmSS+08'00'. */
function pdfDate(instant: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const offset = -instant.getTimezoneOffset();
  const zone = offset === 0 ? 'Z' : `${offset > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}'${pad(Math.abs(offset) % 60)}'`;
  return `D:${instant.getFullYear()}${pad(instant.getMonth() + 1)}${pad(instant.getDate())}${pad(instant.getHours())}${pad(instant.getMinutes())}${pad(instant.getSeconds())}${zone}`;
}

/** A text string outside content streams (the document title): UTF-16BE with its byte order mark (§7.9.2.2). */
const textString = (text: string) => `<FEFF${hexOf({ font: 'cjk', text }).slice(1, -1)}>`;

/**
 * The fonts every page may use. F1 is the non-embedded STSong-Light as a Type 0 font over a CIDFontType0 of the
 * Adobe-GB1 collection (ISO 32000-1 §9.7.6 Type 0 font dictionaries, §9.7.4 CIDFonts; Registry Adobe, Ordering
 * GB1, Supplement 2, the collection Acrobat's Simplified Chinese font pack names for it), encoded with the
 * predefined CMap UniGB-UTF16-H (§9.7.5.2); its descriptor gives the metrics a reader needs to substitute a Song
 * face (§9.8, Flags 6 = serif + symbolic as CJK fonts are flagged). F2 is Helvetica, a standard 14 font (§9.6.2.2).
 */
const fontObjects = (first: number) => [
  `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H /DescendantFonts [${first + 1} 0 R] >>`,
  `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${first + 2} 0 R /DW 1000 >>`,
  '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 752 /Descent -271 /CapHeight 737 /StemV 58 >>',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
];

/**
 * A whole PDF file from its pages' content streams (operators only, ASCII): the objects numbered in a fixed order, a
 * cross-reference table of 20-byte entries and the trailer (§7.5.4, §7.5.5), so the same pages and info give the same
 * bytes. Streams are left uncompressed: the pages are text and lines, and a reader of the file can search it as it is.
 */
export function writePdf(pages: readonly string[], info: PdfInfo): Buffer {
  // 1 catalog, 2 page tree, 3 info, 4–7 fonts, then a page and its content stream per page.
  const fontsAt = 4;
  const firstPage = fontsAt + 4;
  const pageIds = pages.map((_content, index) => firstPage + index * 2);
  const resources = `<< /Font << /F1 ${fontsAt} 0 R /F2 ${fontsAt + 3} 0 R >> >>`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    `<< /Title ${textString(info.title)} /Producer (xinyi-station) /CreationDate (${pdfDate(info.createdAt)}) >>`,
    ...fontObjects(fontsAt),
    ...pages.flatMap((content, index) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${a4.width} ${a4.height}] /Resources ${resources} /Contents ${pageIds[index]! + 1} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    ]),
  ];
  // The header's second line is a comment of bytes above 127, marking the file as binary for transfer tools (§7.5.2).
  const chunks = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(length);
    const chunk = Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    chunks.push(chunk);
    length += chunk.length;
  });
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  const size = objects.length + 1;
  chunks.push(Buffer.from(`xref\n0 ${size}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${size} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}
