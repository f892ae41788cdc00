/**
 * Sign-in sheets (签到表) of activities (issue 12): who signed in at a 讲座 or a 宣传 stall. Imported whole from
 * an XLSX sheet (the template's columns, or any sheet with a 姓名 column); every refused row is named by its row
 * number and nothing is imported in part.
 */
import { z } from '../zod.js';
import { activityRecord } from './activities.js';
import { idSchema } from './common.js';

/** A sheet of 10,000 rows is about 330 KB; the HTTP host takes 1 MiB a call, base64 included. */
export const maxSignInSheetBytes = 700 * 1024;
export const maxSignInRows = 10_000;

export const signInImportInput = z.object({
  activityId: idSchema,
  dataBase64: z
    .string()
    .min(1, '请选择签到表文件。')
    .max(Math.ceil(maxSignInSheetBytes / 3) * 4, `签到表文件过大（最大 ${maxSignInSheetBytes / 1024} KB）：请删去多余的工作表或图片后再导入。`),
});

export const signInEntry = z.object({
  /** The row in the imported sheet. */
  row: z.number().int(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  unit: z.string(),
  phone: z.string(),
});
export type SignInEntry = z.infer<typeof signInEntry>;

export const signInImportOutput = z.object({
  imported: z.number().int(),
  /** The activity after the import: a held one's 参与人数 rises to the number signed in when it was lower. */
  activity: activityRecord,
  participantCountRaised: z.boolean(),
});
export const signInList = z.array(signInEntry);
/** One refused row of a sheet, in the error's details. */
export type SignInProblem = Readonly<{ row: number; reason: string }>;
