import { z } from '../zod.js';
import { idSchema, isoDate, spansAtMost } from './common.js';

/** The longest range one export covers: a year (and a day, for a leap year's whole year). */
export const exportMaxDays = 366;

/** Inclusive calendar days; the CLI's --period 2026-11 arrives as this range (shared/domain/periods.ts). */
const dayRange = z.object({ from: isoDate, to: isoDate });
const rangeChecks = <S extends z.ZodType<z.infer<typeof dayRange>>>(schema: S) =>
  schema
    .refine((value) => value.from <= value.to, { message: '开始日期不能晚于结束日期。', path: ['to'] })
    .refine(spansAtMost(exportMaxDays), { message: `一次导出的期间不能超过 ${exportMaxDays} 天。`, path: ['to'] });

/** 来访者名单: masked by default; only the 站长 may ask for full ID numbers and phones. */
export const clientsExportInput = z.object({
  unmasked: z.boolean().default(false),
  tag: z.string().max(40).optional(),
});
export const periodExportInput = rangeChecks(dayRange);
export const resultsExportInput = rangeChecks(dayRange.extend({ scaleId: z.string().max(40).optional() }));
export const screeningExportInput = z.object({ id: idSchema });

/** A written workbook for the renderer to save (browser download or Electron's save dialog) and the CLI to write. */
export const exportFile = z.object({
  fileName: z.string(),
  /** The .xlsx bytes, base64: responses may exceed the 1 MiB request limit, so bytes travel this way. */
  dataBase64: z.string(),
  rows: z.number().int(),
});
export type ExportFile = z.infer<typeof exportFile>;

export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
