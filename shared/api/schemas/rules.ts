/**
 * The station's rules (制度, issue 12): the 一套管理服务制度 of seed 003's 五个一 (组织宣传/政策引导, 组织排查, 预约服务,
 * 应急处置, 信息登记, 信息报告, 协调联络, 社会工作者和志愿者服务) plus the station's own. Each rule keeps every version
 * it was adopted in; the current one is the latest adopted. A version is written in the app or uploaded as a file.
 */
import { ruleTemplateCodes } from '../../domain/ruleTemplates.js';
import { z } from '../zod.js';
import { idSchema, isoDate, nameText } from './common.js';

/** One A4 page on the wall: the text a station prints stays within what fits. */
export const ruleBodyMax = 1800;

const title = nameText(1, 40, '制度名称');
const body = z.string({ message: '制度正文必须是文字。' }).trim().max(ruleBodyMax, `制度正文不能超过 ${ruleBodyMax} 个字符（上墙打印为一页 A4）。`).default('');

/** A new rule: from one of seed 003's templates (once each) or the station's own; its first text is a draft. */
export const ruleCreateInput = z.object({
  templateCode: z.enum(ruleTemplateCodes, { message: '请选择制度模板。' }).nullable().default(null),
  title,
  body,
});
/** The draft of the next version: written (or a file attached to it) before the 站长 adopts it. */
export const ruleDraftInput = z.object({ ruleId: idSchema, title, body });
export const ruleAdoptInput = z.object({ ruleId: idSchema, adoptedOn: isoDate });

const person = z.object({ id: idSchema, displayName: z.string() });
export const ruleVersion = z.object({
  id: idSchema,
  /** 1, 2, 3 … in the order adopted; null for the draft. */
  versionNo: z.number().int().nullable(),
  title: z.string(),
  body: z.string(),
  /** Uploaded files of this version (the attachments path); a version may be a file only. */
  fileCount: z.number().int(),
  adoptedOn: isoDate.nullable(),
  adoptedBy: person.nullable(),
  draftedBy: person,
  updatedAt: z.string(),
});
export type RuleVersion = z.infer<typeof ruleVersion>;

export const ruleSummary = z.object({
  id: idSchema,
  templateCode: z.enum(ruleTemplateCodes).nullable(),
  /** The current version's title (the draft's before any adoption). */
  title: z.string(),
  current: ruleVersion.omit({ body: true }).nullable(),
  adoptedCount: z.number().int(),
  hasDraft: z.boolean(),
});
export type RuleSummary = z.infer<typeof ruleSummary>;
export const ruleList = z.array(ruleSummary);

export const ruleDetail = ruleSummary.extend({
  /** Adopted versions, newest first; the first is the current one. */
  versions: z.array(ruleVersion),
  /** The version being written: the 站长's only. */
  draft: ruleVersion.nullable(),
});
export type RuleDetail = z.infer<typeof ruleDetail>;
