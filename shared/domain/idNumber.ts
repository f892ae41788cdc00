/**
 * 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd = male, even = female), and an ISO 7064 MOD 11-2 check character.
 */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkCharacters = '10X98765432';

export type IdNumberFacts = Readonly<{ birthDate: string; gender: 'male' | 'female' }>;

export type IdNumberCheck = { ok: true; facts: IdNumberFacts } | { ok: false; reason: string };

export function checkCharacterFor(first17: string): string {
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return checkCharacters[sum % 11]!;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Validate an 18-character number and read the birth date and gender it encodes. */
export function checkIdNumber(raw: string, today: Date = new Date()): IdNumberCheck {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: '身份证号应为 18 位，前 17 位为数字，最后一位为数字或 X。' };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1800 || !isRealDate(year, month, day)) return { ok: false, reason: '身份证号中的出生日期不存在。' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (new Date(`${birthDate}T00:00:00Z`).getTime() > today.getTime()) return { ok: false, reason: '身份证号中的出生日期晚于今天。' };
  if (checkCharacterFor(value.slice(0, 17)) !== value[17]) return { ok: false, reason: '身份证号校验码不正确，请核对是否有输错的数字。' };
  return { ok: true, facts: { birthDate, gender: Number(value[16]) % 2 === 1 ? 'male' : 'female' } };
}

/** 110105********002X: the region and the last four stay readable for matching at the desk. */
export function maskIdNumber(value: string | null): string | null {
  return value ? `${value.slice(0, 6)}********${value.slice(-4)}` : null;
}

/** 138****5678; a landline keeps its area code and last four. */
export function maskPhone(value: string | null): string | null {
  if (!value) return null;
  if (value.length <= 7) return `${value.slice(0, 1)}***${value.slice(-2)}`;
  return `${value.slice(0, 3)}****${value.slice(-4)}`;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
/** A date as the number yyyymmdd, for ages counted in bulk (ageBetween). */
export const dateNumber = (date: string) => Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));

/** ageOn over dates already made numbers: the month-and-day parts differ by less than 10,000, so flooring counts whole years. */
export const ageBetween = (born: number, day: number) => Math.floor((day - born) / 10_000);

export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
