import { describe, expect, it } from 'vitest';
import { recoveryKeyText } from '../../../shared/api/schemas/auth.js';
import { createRecoveryKey, formatRecoveryKey } from '../../../electron/core/keyring/recoveryKey.js';

describe('recovery key', () => {
  it('is 32 Crockford base32 characters (160 bits), printed in groups of four', () => {
    const key = createRecoveryKey();
    expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{32}$/);
    expect(formatRecoveryKey(key)).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(new Set(Array.from({ length: 50 }, createRecoveryKey)).size).toBe(50);
  });

  it('is accepted as typed: lower case, dashes and spaces', () => {
    const key = createRecoveryKey();
    const typed = formatRecoveryKey(key).toLowerCase().replace(/-/g, ' - ');
    expect(recoveryKeyText.parse(typed)).toBe(key);
    expect(recoveryKeyText.safeParse('ILOU'.repeat(8)).success).toBe(false);
  });
});
