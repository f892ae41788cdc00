import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBetween, ageOn, checkCharacterFor, dateNumber, checkIdNumber, maskIdNumber, maskPhone } from '../../../shared/domain/idNumber.js';
import { pinyinKeys } from '../../../electron/core/repositories/clientsRepo.js';

describe('身份证号 (GB 11643-1999)', () => {
  it.each([
    // The two worked examples printed in GB 11643-1999.
    ['11010519491231002X', '1949-12-31', 'female'],
    ['440524188001010014', '1880-01-01', 'male'],
  ])('accepts the standard example %s and reads its birth date and gender', (number, birthDate, gender) => {
    expect(checkIdNumber(number)).toEqual({ ok: true, facts: { birthDate, gender } });
    expect(checkIdNumber(number.toLowerCase()).ok).toBe(true);
  });

  it.each([
    ['110105194912310021', '校验码不正确'],
    ['440524188001010015', '校验码不正确'],
    ['11010519491331002X', '出生日期不存在'],
    ['11010519490229002X', '出生日期不存在'],
    ['11010521491231002X', '晚于今天'],
    ['1101051949123100', '应为 18 位'],
    ['11010519491231002Y', '应为 18 位'],
  ])('rejects %s (%s)', (number, reason) => {
    const result = checkIdNumber(number, new Date('2026-11-23T00:00:00Z'));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('computes the check character over the first 17 digits', () => {
    expect(checkCharacterFor('11010519491231002')).toBe('X');
    expect(checkCharacterFor('44052418800101001')).toBe('4');
  });

  it('masks numbers for lists and computes ages', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
    expect(ageOn('2012-11-24', '2026-11-23')).toBe(13);
    expect(ageOn('2012-11-23', '2026-11-23')).toBe(14);
  });

  it('counts ages in bulk exactly as ageOn does, leap days and the day before a birthday included', () => {
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, (born, on) => ageBetween(dateNumber(born), dateNumber(on)) === ageOn(born, on)));
    expect(ageBetween(dateNumber('2012-02-29'), dateNumber('2013-02-28'))).toBe(0);
    expect(ageBetween(dateNumber('2012-02-29'), dateNumber('2013-03-01'))).toBe(1);
  });
});

describe('pinyin keys for search', () => {
  it.each([
    ['张三', 'zhangsan', 'zs'],
    ['曾小贤', 'zengxiaoxian', 'zxx'],
    ['单田芳', 'shantianfang', 'stf'],
    ['欧阳娜娜', 'ouyangnana', 'oynn'],
  ])('%s → %s / %s (surnames read as surnames)', (name, full, initials) => {
    expect(pinyinKeys(name)).toEqual({ full, initials });
  });
});
