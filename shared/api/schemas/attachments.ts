import { z } from '../zod.js';
import { idSchema, isoTimestamp } from './common.js';

/**
 * `attachments.add` sends a whole file as base64 inside one JSON body, which the HTTP host caps at 1 MiB;
 * 700 KiB of file fits with room to spare. Larger files (phone photos of 2–5 MB, multi-page scans) take the
 * chunked upload below, which keeps every body under the same cap.
 */
export const attachmentMaxBytes = 700 * 1024;
/** The largest file the chunked upload accepts. */
export const uploadMaxBytes = 20 * 1024 * 1024;
export const uploadMaxLabel = '20 MB';
/** File bytes per chunk: 384 KiB is exactly 512 KiB of base64, half the host's body cap. */
export const uploadChunkBytes = 384 * 1024;
export const uploadChunkBase64Chars = (uploadChunkBytes / 3) * 4;
/** Photos larger than this on their long side are offered a downscale before upload (in the renderer). */
export const photoMaxEdgePixels = 2560;
export const attachmentMimes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
/**
 * What an attachment can belong to, declared once: the API schemas, the owner checks in
 * attachmentService and the table's CHECK constraint (compared by tests/integration/db/registries.test.ts).
 */
export const attachmentOwners = ['consent', 'session', 'case', 'referral', 'crisis', 'activity', 'qualification', 'meeting', 'ruleVersion', 'checklistItem', 'rectification'] as const;
export type AttachmentOwner = (typeof attachmentOwners)[number];

const fileName = z.string().trim().min(1, '请提供文件名。').max(120, '文件名过长。');
const attachmentMime = z.enum(attachmentMimes, { message: '只能上传 JPG、PNG 图片或 PDF 文件。' });
const base64Text = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码不正确。');

export const attachmentAddInput = z.object({
  ownerType: z.enum(attachmentOwners),
  ownerId: idSchema,
  fileName,
  mime: attachmentMime,
  dataBase64: base64Text
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

/**
 * Chunked upload: begin (what, for which record, how big, its SHA-256) → chunks in order → commit.
 * Chunks are staged in memory for the calling session only; lock, abort or timeout discards them, and
 * only a commit whose bytes match the declared size and hash stores an attachment.
 */
export const uploadBeginInput = z.object({
  ownerType: z.enum(attachmentOwners),
  ownerId: idSchema,
  fileName,
  mime: attachmentMime,
  size: z
    .number({ message: '请提供文件大小。' })
    .int('文件大小应为整数字节。')
    .min(1, '文件是空的。')
    .max(uploadMaxBytes, `附件不能超过 ${uploadMaxLabel}，请压缩或分成几个文件。`),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件校验值（SHA-256）格式不正确。'),
});
export const uploadBeginOutput = z.object({
  uploadId: z.string(),
  chunkBytes: z.number().int(),
  chunkCount: z.number().int(),
});
const uploadId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '上传编号格式不正确。');
export const uploadChunkInput = z.object({
  uploadId,
  index: z.number().int('分块序号应为整数。').min(0, '分块序号不能为负数。'),
  dataBase64: base64Text.min(1, '分块是空的。').max(uploadChunkBase64Chars, `每个分块不能超过 ${uploadChunkBase64Chars / 1024} KB（base64）。`),
});
export const uploadChunkOutput = z.object({ received: z.number().int(), receivedBytes: z.number().int() });
export const uploadIdInput = z.object({ uploadId });
