import { z } from '../zod.js';
import { idSchema, isoTimestamp } from './common.js';

/**
 * Attachments travel as base64 inside a JSON body, which the HTTP host caps at 1 MiB; 700 KiB of
 * file fits with room to spare. A scanned A4 page at 150 dpi (JPEG) is typically 200–500 KiB.
 */
export const attachmentMaxBytes = 700 * 1024;
export const attachmentMimes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
/**
 * What an attachment can belong to, declared once: the API schemas, the owner checks in
 * attachmentService and the table's CHECK constraint (compared by tests/integration/db/registries.test.ts).
 */
export const attachmentOwners = ['consent', 'session', 'case', 'referral', 'crisis'] as const;
export type AttachmentOwner = (typeof attachmentOwners)[number];

export const attachmentAddInput = z.object({
  ownerType: z.enum(attachmentOwners),
  ownerId: idSchema,
  fileName: z.string().trim().min(1, '请提供文件名。').max(120, '文件名过长。'),
  mime: z.enum(attachmentMimes, { message: '只能上传 JPG、PNG 图片或 PDF 文件。' }),
  dataBase64: z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码不正确。')
    .refine((value) => Math.floor((value.length * 3) / 4) <= attachmentMaxBytes + 2, `附件不能超过 ${attachmentMaxBytes / 1024} KB，请压缩或降低扫描分辨率。`),
});

export const attachmentInfo = z.object({
  id: idSchema,
  ownerType: z.enum(attachmentOwners),
  ownerId: idSchema,
  fileName: z.string(),
  mime: z.enum(attachmentMimes),
  size: z.number().int(),
  createdAt: isoTimestamp,
});
export type AttachmentInfo = z.infer<typeof attachmentInfo>;
export const attachmentListInput = z.object({ ownerType: z.enum(attachmentOwners), ownerId: idSchema });
export const attachmentContent = attachmentInfo.extend({ dataBase64: z.string() });

export const attachmentList = z.array(attachmentInfo);
