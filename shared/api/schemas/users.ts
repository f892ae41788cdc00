import { z } from '../zod.js';
import { accountRoles, staffRoles } from '../access.js';
import { idSchema, isoDate, isoTimestamp, trimmed } from './common.js';

export const username = z
  .string({ message: '请填写用户名。' })
  .trim()
  .regex(/^[\p{L}\p{N}_.-]{2,32}$/u, '用户名为 2–32 个字符，只能包含文字、数字、下划线、点或连字符。')
  // One spelling per login identity: 'ZhangSan' and 'zhangsan' are the same account.
  .transform((value) => value.normalize('NFKC').toLowerCase());

/**
 * Password rule shown to staff: at least 10 characters and not only digits, so a phone number
 * or a birthday alone cannot be a password (OWASP ASVS 2.1: length over composition).
 */
export const password = z
  .string({ message: '请填写密码。' })
  .min(10, '密码至少 10 个字符。')
  .max(128, '密码不能超过 128 个字符。')
  .refine((value) => !/^\d+$/.test(value), '密码不能全是数字，请加入字母或符号。');

export const staffRole = z.enum(staffRoles, { message: '请选择角色。' });

export const displayName = trimmed(1, 40, '姓名');

export const userSummary = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(accountRoles),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: isoTimestamp,
  lastLoginAt: isoTimestamp.nullable(),
  /** An inspector account's last day (Beijing date); null for staff. */
  accessUntil: isoDate.nullable(),
});
export type UserSummary = z.infer<typeof userSummary>;

/**
 * The users screen also shows whether an account can still open the station: `legacy` is a keyring-v1
 * slot (upgraded at its next login); `none` is an account whose v1 slot a key rotation dropped, so
 * it logs in again only after the 站长 sets a temporary password.
 */
export const userListEntry = userSummary.extend({ keySlot: z.enum(['current', 'legacy', 'none']) });
export type UserListEntry = z.infer<typeof userListEntry>;

export const createUserInput = z.object({
  username,
  displayName,
  role: staffRole,
  temporaryPassword: password,
});

/** Names the key rotation's progress events (operation.progress), so a screen can follow them. */
const operationId = z.string().max(64).optional();

/** Enabling gives the account a new temporary password: disabling removed its key slot. */
export const setUserDisabledInput = z.discriminatedUnion('disabled', [
  z.object({ userId: idSchema, disabled: z.literal(true), operationId }),
  z.object({ userId: idSchema, disabled: z.literal(false), temporaryPassword: password, operationId }),
]);
/**
 * The 站长 edits an account's name and role. A role that gains the clinical key has it sealed to the
 * account; one that loses it rotates both keys, as disabling does (operationId names that rotation).
 */
export const updateUserInput = z.object({ userId: idSchema, displayName, role: staffRole, operationId });
export const resetPasswordInput = z.object({ userId: idSchema, temporaryPassword: password, operationId });

/** A new recovery key, shown once: the old one stops opening the station (backups keep theirs). */
export const newRecoveryKeyOutput = z.object({ recoveryKey: z.string() });

export const userList = z.array(userListEntry);
/**
 * Whose names a staff screen picks from: `counsellors` (the default) are the active 站长 and counsellors, who can
 * be booked, assigned and shared with; `everyone` adds the front desk, for who ran an activity or took a call.
 */
export const userDirectoryInput = z.object({ scope: z.enum(['counsellors', 'everyone']).default('counsellors') });
/** Names of active staff for every staff screen (reception books, so it reads them too). */
export const userDirectory = z.array(z.object({ id: z.number(), displayName: z.string(), role: z.string() }));
