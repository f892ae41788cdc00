/**
 * A screening participant's code: six characters of Crockford's alphabet (no I, L, O or U), quick to type at a
 * kiosk and hard to mistype. Core draws codes from it; the kiosk's keypad offers exactly these keys.
 */
export const screeningCodeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const screeningCodeLength = 6;

/**
 * A new code, drawn with `randomIndex` (crypto's randomInt in core). A code of six digits is drawn again: the kiosk
 * refuses six digits in a row as a possible ID or phone number (respondentName), so such a code could never be used.
 */
export function drawScreeningCode(randomIndex: (size: number) => number): string {
  for (;;) {
    const code = Array.from({ length: screeningCodeLength }, () => screeningCodeAlphabet[randomIndex(screeningCodeAlphabet.length)]).join('');
    if (/\D/.test(code)) return code;
  }
}
