import { z } from '../zod.js';
import { stationProfile } from './station.js';
import { displayName, password, userSummary, username } from './users.js';

export const appPhase = z.enum(['setup', 'locked', 'unlocked', 'error']);
export type AppPhase = z.infer<typeof appPhase>;

export const appStatus = z.object({
  phase: appPhase,
  /** Why the station cannot be opened, when phase is `error`. */
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
  version: z.string(),
  /** What start-up repaired on its own (an interrupted restore finished or undone), naming the folder. */
  notice: z.string().nullable().optional(),
});
export type AppStatus = z.infer<typeof appStatus>;

export const sessionInfo = z.object({
  sessionToken: z.string(),
  user: userSummary,
  idleLockMinutes: z.number().int(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const setupInput = z.object({
  station: stationProfile,
  admin: z.object({ username, displayName, password }),
});

export const setupOutput = z.object({
  session: sessionInfo,
  /** Shown once; the station manager prints or writes it down. */
  recoveryKey: z.string(),
});

export const unlockInput = z.object({
  username,
  password: z.string().min(1, '请填写密码。').max(128),
});

/** The recovery key is 32 Crockford base32 characters; dashes and spaces are ignored. */
export const recoveryKeyText = z
  .string()
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{32}$/, '恢复密钥应为 32 位字母数字（可含短横线）。'));

export const recoverInput = z.object({
  recoveryKey: recoveryKeyText,
  username,
  newPassword: password,
});

export const changePasswordInput = z
  .object({ currentPassword: z.string().min(1, '请填写当前密码。').max(128), newPassword: password })
  .refine((value) => value.currentPassword !== value.newPassword, {
    message: '新密码不能与当前密码相同。',
    path: ['newPassword'],
  });

/**
 * manual: the lock button; idle: no activity; system: OS screen lock or sleep; shutdown: the app closed;
 * kiosk: the kiosk opened as a tab of the browser the workbench runs in (browser mode).
 */
export const lockReason = z.enum(['manual', 'idle', 'system', 'restore', 'shutdown', 'kiosk']);
export type LockReason = z.infer<typeof lockReason>;
/** The reasons a screen may give when it asks to lock. */
export const lockInput = z.object({ reason: z.enum(['manual', 'kiosk']).default('manual') }).strict();

/** What `auth.me` answers: the session without its token. */
export const sessionDescription = sessionInfo.omit({ sessionToken: true });
