import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { respondentName } from '../../../shared/api/schemas/kiosk.js';
import { drawScreeningCode, screeningCodeAlphabet } from '../../../shared/scales/screeningCode.js';

describe('screening codes', () => {
  it('never hands out six digits, which the kiosk refuses as a possible ID or phone number', () => {
    // The first draw is 1 2 3 4 5 6 (every index a digit), the second starts with a letter.
    const draws = [1, 2, 3, 4, 5, 6, 10, 1, 2, 3, 4, 5];
    const code = drawScreeningCode(() => draws.shift()!);
    expect(code).toBe('A12345');
    expect(respondentName.safeParse('123456').success).toBe(false);
    expect(respondentName.safeParse(code).success).toBe(true);
  });

  it('draws codes of the alphabet that the kiosk takes, every time', () => {
    const keys = new RegExp(`^[${screeningCodeAlphabet}]{6}$`);
    for (let index = 0; index < 2_000; index += 1) {
      const code = drawScreeningCode(randomInt);
      expect(keys.test(code) && respondentName.safeParse(code).success, code).toBe(true);
    }
  });
});
