/**
 * Text for the PDF writer: which font draws which characters, how wide a string is, and how it wraps.
 *
 * The app ships no CJK font, so Chinese is drawn with "STSong-Light", a font a PDF may name without embedding it:
 * the reader substitutes its own Song face for the Adobe-GB1 character collection (ISO 32000-1:2008 §9.7.4,
 * CIDFonts; the CID-keyed font is selected by its CIDSystemInfo, §9.7.3). Its text is encoded through the predefined
 * CMap "UniGB-UTF16-H" (§9.7.5.2, Table 118), i.e. as UTF-16BE code units; every glyph of it is set 1000 units wide
 * (the DW default of §9.7.4.3, which this writer states explicitly). Printable ASCII is drawn with Helvetica, one of
 * the standard 14 fonts (§9.6.2.2) in WinAnsiEncoding (Annex D), whose widths are the Adobe AFM widths below; a
 * string is therefore split into runs of one font each.
 */

export type FontKey = 'cjk' | 'latin';
export type Run = Readonly<{ font: FontKey; text: string }>;

/** Helvetica's advance widths (1/1000 em) for the codes 32–126 in WinAnsiEncoding (Adobe's Helvetica AFM). */
const helveticaWidths = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** Superscript digits (m², m³) are not in Adobe-GB1: Helvetica draws them (WinAnsi codes B9, B2, B3 as in Latin-1). */
const superscripts: ReadonlyMap<string, number> = new Map([
  ['¹', 333],
  ['²', 333],
  ['³', 333],
]);

const cjkWidth = 1000;
const isLatin = (char: string) => (char >= ' ' && char <= '~') || superscripts.has(char);
/** A control character (a tab, say) is set as a space, in measuring and in drawing alike. */
const printable = (char: string) => (char < ' ' ? ' ' : char);

function charWidth(raw: string): number {
  const char = printable(raw);
  if (!isLatin(char)) return cjkWidth;
  return superscripts.get(char) ?? helveticaWidths[char.charCodeAt(0) - 32]!;
}

/** A string's width in points at a font size. */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const char of text) units += charWidth(char);
  return (units * size) / 1000;
}

/** The string as runs of one font each. */
export function runsOf(text: string): Run[] {
  const runs: Array<{ font: FontKey; text: string }> = [];
  for (const raw of text) {
    const char = printable(raw);
    const font: FontKey = isLatin(char) ? 'latin' : 'cjk';
    const last = runs.at(-1);
    if (last?.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}

/**
 * A run as a PDF hexadecimal string (ISO 32000-1 §7.3.4.3): one byte per character in WinAnsiEncoding for Helvetica,
 * UTF-16BE code units for UniGB-UTF16-H (a character beyond the BMP as its surrogate pair, as that CMap reads it).
 */
export function hexOf(run: Run): string {
  const bytes = run.font === 'latin' ? Buffer.from(run.text, 'latin1') : Buffer.from(run.text, 'utf16le').swap16();
  return `<${bytes.toString('hex').toUpperCase()}>`;
}

/** Closing punctuation never starts a line: it hangs at the end of the line before (the usual Chinese rule). */
const noLineStart = new Set('，。、；：？！）》」』】〕”’…,.;:?!)]}%'.split(''));

/** Tokens a line may break between: a run of non-space ASCII (a word, a number), one space, or one other character. */
function tokensOf(text: string): string[] {
  return text.match(/[!-~]+| |[^ !-~]/gu) ?? [];
}

function breakWord(word: string, maxWidth: number, size: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && textWidth(piece + char, size) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  return [...pieces, piece];
}

function wrapParagraph(paragraph: string, maxWidth: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    lines.push(line.trimEnd());
    line = '';
  };
  for (const token of tokensOf(paragraph)) {
    if (textWidth(line + token, size) <= maxWidth || (line !== '' && noLineStart.has(token[0]!))) {
      line += token;
      continue;
    }
    if (token === ' ') {
      push();
      continue;
    }
    if (line !== '') push();
    if (textWidth(token, size) <= maxWidth) line = token;
    else {
      const pieces = breakWord(token, maxWidth, size);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1)!;
    }
  }
  push();
  return lines;
}

/** The lines a text takes within a width: its own line breaks kept, then greedy breaking; an empty text is one empty line. */
export function wrapText(text: string, maxWidth: number, size: number): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n').flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, size));
}
