import { z } from 'zod';
import { trimmed } from './common.js';

/** The blank forms a station hands to residents (issue 11): printed from settings with the station's name. */
export const blankFormIds = ['informedConsent', 'guardianConsent', 'intakeRegistration'] as const;
export const blankFormId = z.enum(blankFormIds, { message: '请选择表单。' });
export type BlankFormId = z.infer<typeof blankFormId>;

const lineLabel = (label: string) => trimmed(1, 40, label);

/**
 * A form's wording, as shipped (shared/forms/wording/*.json) or as the station edited it. The body is
 * plain text: a line starting with "## " is a heading, a blank line starts a new paragraph, and
 * {站点名称} is replaced by the station's name when printed.
 */
export const formWording = z.object({
  title: trimmed(2, 40, '表单标题'),
  body: trimmed(0, 8000, '正文'),
  /** Blanks to fill in, one ruled row each. */
  fields: z.array(lineLabel('填写项')).max(40, '填写项最多 40 项。'),
  /** Who signs, each with a date line. */
  signatures: z.array(lineLabel('签名栏')).max(6, '签名栏最多 6 个。'),
});
export type FormWording = z.infer<typeof formWording>;

export const blankForm = formWording.extend({ id: blankFormId, edited: z.boolean() });
export type BlankForm = z.infer<typeof blankForm>;
export const blankFormList = z.array(blankForm);

/** New wording for one form; null restores the shipped wording. */
export const blankFormUpdateInput = z.object({ id: blankFormId, wording: formWording.nullable() });
