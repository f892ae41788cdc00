import { z } from '../zod.js';
import { nameText } from './common.js';

/** 站 levels in the national system: 村(社区) room, 街道(乡镇) station, 区(县) centre. */
export const stationLevels = ['community', 'street', 'district'] as const;
export const stationLevel = z.enum(stationLevels, { message: '请选择站点级别。' });
export type StationLevel = z.infer<typeof stationLevel>;

/**
 * 行政区划代码: 6 digits for a 区/县 (GB/T 2260), 9 for a 街道/乡镇 and 12 for a 村/社区
 * (国家统计局 统计用区划代码).
 */
export const regionCode = z
  .string()
  .trim()
  .regex(/^\d{6}(\d{3}(\d{3})?)?$/, '行政区划代码应为 6、9 或 12 位数字。');

/** Mainland mobile numbers or landlines with optional area code and extension. */
export const phoneNumber = z
  .string()
  .trim()
  .regex(
    /^(1[3-9]\d{9}|(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?|12356|400-?\d{3}-?\d{4})$/,
    '电话号码格式不正确（手机号 11 位，座机如 023-12345678）。',
  );
/** A phone that may be left empty. */
export const optionalPhone = z.union([phoneNumber, z.literal('')]).default('');

const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 个字符。`).default('');

/** Name, level and region code identify a station in reports; the rest may be completed later. */
export const stationProfile = z.object({
  name: nameText(2, 60, '站点名称'),
  level: stationLevel,
  regionCode,
  address: optionalText(200, '地址'),
  phone: z.union([phoneNumber, z.literal('')]).default(''),
  openingHours: optionalText(200, '开放时间'),
});
export type StationProfile = z.infer<typeof stationProfile>;
