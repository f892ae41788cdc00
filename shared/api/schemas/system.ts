import { z } from '../zod.js';
import { isoTimestamp } from './common.js';
import { auditVerifyOutput } from './audit.js';
import { weeklySlot } from './appointments.js';
import { filePath } from './backup.js';

export const settings = z.object({
  idleLockMinutes: z
    .number({ message: '请填写自动锁定时间。' })
    .int('自动锁定时间须为整数分钟。')
    .min(1, '自动锁定时间至少 1 分钟。')
    .max(60, '自动锁定时间不能超过 60 分钟。'),
  /** Where backups go; empty means the `backups` folder inside the data folder. */
  backupDir: z.string().trim().max(500, '路径过长。'),
  backupKeep: z.number().int().min(1, '至少保留 1 份备份。').max(365, '最多保留 365 份备份。'),
  /** 三色预警 follow-up plan: days between follow-ups per colour (seeds/003: 定期上门随访). */
  followUpDays: z.object({
    red: z.number().int().min(1, '随访间隔至少 1 天。').max(365, '随访间隔不能超过 365 天。'),
    yellow: z.number().int().min(1, '随访间隔至少 1 天。').max(365, '随访间隔不能超过 365 天。'),
    green: z.number().int().min(1, '随访间隔至少 1 天。').max(365, '随访间隔不能超过 365 天。'),
  }),
  /** Station opening hours by ISO weekday (1 = Monday); bookings outside need a reason. */
  openingHours: z.array(weeklySlot).max(50),
  /** A referral still without a receipt after this many days is flagged for a reminder call. */
  referralReminderDays: z.number().int().min(1, '提醒天数至少 1 天。').max(60, '提醒天数不能超过 60 天。'),
});
export type Settings = z.infer<typeof settings>;
export const settingsUpdate = settings.partial();

export const aboutOutput = z.object({
  version: z.string(),
  dataDir: z.string(),
  cipher: z.string(),
  sqliteVersion: z.string(),
  cipherLibrary: z.string(),
  schemaVersion: z.number().int(),
  lastBackupAt: isoTimestamp.nullable(),
  /** A station filled by `xinyi demo`: every screen shows the 演示数据 banner. */
  demo: z.boolean(),
});
export type About = z.infer<typeof aboutOutput>;

export const verifyInput = z.object({
  /** Backups kept elsewhere (a USB stick) whose headers witness the audit chain, besides the backup folders. */
  witnessFiles: z.array(filePath).max(50, '一次最多对照 50 个文件。').optional(),
});

/** One comparison of the audit chain with a witness kept outside the database (AUD-4). */
export const anchorFinding = z.object({
  source: z.string(),
  ok: z.boolean(),
  /** False when the witness could not be compared (another station's, or an abandoned branch). */
  compared: z.boolean(),
  message: z.string(),
});

export const verifyOutput = z.object({
  ok: z.boolean(),
  integrity: z.object({ ok: z.boolean(), problems: z.array(z.string()) }),
  auditChain: auditVerifyOutput,
  anchors: z.object({ ok: z.boolean(), findings: z.array(anchorFinding) }),
  /** Clinical fields that do not open with the clinical key; `checked` is false when no clinical session holds it. */
  clinicalFields: z.object({ ok: z.boolean(), checked: z.boolean(), unreadable: z.number().int(), named: z.array(z.string()) }),
});
export type VerifyResult = z.infer<typeof verifyOutput>;
