import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { methodNamesPath, methodNamesSource } from '../../../build/methodNames.js';
import { appointmentsContract } from '../../../shared/api/contract/appointments.js';
import { caseFilesContract } from '../../../shared/api/contract/caseFiles.js';
import { foundationContract } from '../../../shared/api/contract/foundation.js';
import { contract, type MethodName } from '../../../shared/api/contract/index.js';
import { kioskContract } from '../../../shared/api/contract/kiosk.js';
import { ledgersContract } from '../../../shared/api/contract/ledgers.js';
import { checklistContract } from '../../../shared/api/contract/checklist.js';
import { districtContract } from '../../../shared/api/contract/district.js';
import { reportsContract } from '../../../shared/api/contract/reports.js';
import { scalesContract } from '../../../shared/api/contract/scales.js';
import { errorMessages } from '../../../shared/api/errors.js';
import { methodNames, type MethodNameFromList } from '../../../shared/api/methodNames.js';
import { stationProfile } from '../../../shared/api/schemas/station.js';
import { password } from '../../../shared/api/schemas/users.js';

// Compile-time: the preload's list and the contract name exactly the same methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Same<MethodName, MethodNameFromList> = true;

describe('the API contract', () => {
  it('has the same methods as the preload list', () => {
    expect(namesMatch).toBe(true);
    expect([...methodNames].sort()).toEqual(Object.keys(contract).sort());
  });

  it('has its preload list generated from the contract (run `npm run gen:method-names` when this fails)', () => {
    expect(fs.readFileSync(methodNamesPath, 'utf8')).toBe(methodNamesSource());
    expect([...methodNames]).toEqual(Object.keys(contract));
  });

  it('merges the feature contracts without one method shadowing another', () => {
    const names = [foundationContract, caseFilesContract, scalesContract, kioskContract, appointmentsContract, ledgersContract, checklistContract, reportsContract, districtContract].flatMap((part) => Object.keys(part));
    expect(names.length).toBe(new Set(names).size);
    expect(names.sort()).toEqual(Object.keys(contract).sort());
  });

  it('keeps one file per feature with no schema written inline (schemas live in shared/api/schemas)', () => {
    const folder = new URL('../../../shared/api/contract/', import.meta.url);
    for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
      expect(fs.readFileSync(new URL(file, folder), 'utf8'), file).not.toMatch(/\bz(od)?\.[a-z]+\(|\.(omit|pick|extend|array)\(/);
    }
  });

  it('gives every method an explicit access rule and both schemas', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(['public', 'roles'], name).toContain(spec.access.kind);
      expect(spec.input, name).toBeDefined();
      expect(spec.output, name).toBeDefined();
    }
  });

  it('has a Chinese message for every error code', () => {
    for (const [code, message] of Object.entries(errorMessages)) expect(message, code).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('station and password rules', () => {
  it.each([
    ['1234567890', '密码不能全是数字，请加入字母或符号。'],
    ['short-1', '密码至少 10 个字符。'],
  ])('rejects the password %s with a Chinese reason', (value, message) => {
    const result = password.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('accepts a sentence-like password', () => {
    expect(password.safeParse('阳光社区2026心理站').success).toBe(true);
  });

  it.each(['500118', '500118001', '500118001001'])('accepts the region code %s', (regionCode) => {
    expect(stationProfile.safeParse({ name: '测试站', level: 'street', regionCode }).success).toBe(true);
  });

  it.each(['50011', '5001180011', 'abcdef'])('rejects the region code %s', (regionCode) => {
    expect(stationProfile.safeParse({ name: '测试站', level: 'street', regionCode }).error?.issues[0]?.message).toBe(
      '行政区划代码应为 6、9 或 12 位数字。',
    );
  });

  it.each([
    ['13812345678', true],
    ['023-49881234', true],
    ['02349881234', true],
    ['12345', false],
    ['1381234567x', false],
  ])('phone %s valid=%s', (phone, valid) => {
    expect(stationProfile.safeParse({ name: '测试站', level: 'street', regionCode: '500118', phone }).success).toBe(valid);
  });
});
