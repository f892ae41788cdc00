/**
 * A screening participant's code: six characters of Crockford's alphabet (no I, L, O or U), quick to type at a
 * kiosk and hard to mistype. Core draws codes from it; the kiosk's keypad offers exactly these keys.
 */
export const screeningCodeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const screeningCodeLength = 6;
