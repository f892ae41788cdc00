import { addDays } from '../../domain/dates.js';
import { z } from '../zod.js';

export const emptyInput = z.object({}).strict();
export const okOutput = z.object({ ok: z.literal(true) });

export const idSchema = z.number().int().positive();
export const idInput = z.object({ id: idSchema });

/** ISO-8601 instant in UTC, as stored and sent. */
export const isoTimestamp = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601。' });

/** A calendar date as typed by staff: YYYY-MM-DD. */
export const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD。' });

/**
 * A refinement: the days `from` to `to` are at most `days` of them. Zod still runs refinements when a field failed its
 * own check: a malformed date is already reported, so it passes here.
 */
export const spansAtMost =
  (days: number) =>
  (value: { from: string; to: string }): boolean =>
    !(isoDate.safeParse(value.from).success && isoDate.safeParse(value.to).success) || value.to < addDays(value.from, days);

/** A time of day on a ledger row: HH:MM. */
export const hourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM。');

export const trimmed = (min: number, max: number, label: string) =>
  z
    .string({ message: `${label}必须是文字。` })
    .trim()
    .min(min, min <= 1 ? `请填写${label}。` : `${label}至少 ${min} 个字符。`)
    .max(max, `${label}不能超过 ${max} 个字符。`);

/** Removing a kept record: its id and the reason, both kept beside it and named in the audit log. */
export const removeInput = z.object({ id: idSchema, reason: trimmed(2, 200, '删除原因') });

/** Has at least one letter or digit of any script: a name of only emoji or symbols names nobody. */
const hasLetterOrDigit = (text: string) => /[\p{L}\p{N}]/u.test(text);

/** A name people read (client, walk-in, room, station): trimmed, bounded, and not only emoji or symbols. */
export const nameText = (min: number, max: number, label: string) =>
  trimmed(min, max, label).refine(hasLetterOrDigit, { message: `${label}须包含文字，不能只有表情或符号。` });
