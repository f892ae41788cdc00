import type { ApiClient } from '../../api/client.js';
import type { AttachmentInfo, AttachmentOwner, attachmentMimes } from '../../../../shared/api/schemas/attachments.js';

export type UploadTarget = Readonly<{ ownerType: AttachmentOwner; ownerId: number }>;
export type UploadFile = Readonly<{ name: string; mime: (typeof attachmentMimes)[number]; data: Blob }>;

/** Base64 of bytes, built in slices: one String.fromCharCode over 384 KiB would overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends a file of up to 20 MB the way core accepts it: begin with its size and SHA-256, chunks in order,
 * commit. Any failure aborts the upload so nothing stays staged; `progress` gets 0–100.
 */
export async function uploadInChunks(api: ApiClient, target: UploadTarget, file: UploadFile, progress: (percent: number) => void = () => undefined): Promise<AttachmentInfo[]> {
  const bytes = new Uint8Array(await file.data.arrayBuffer());
  const begun = await api.call('attachments.uploadBegin', { ...target, fileName: file.name, mime: file.mime, size: bytes.length, sha256: await sha256Hex(bytes) });
  try {
    for (let index = 0; index < begun.chunkCount; index += 1) {
      const chunk = bytes.subarray(index * begun.chunkBytes, (index + 1) * begun.chunkBytes);
      await api.call('attachments.uploadChunk', { uploadId: begun.uploadId, index, dataBase64: toBase64(chunk) });
      progress(Math.round(((index + 1) / begun.chunkCount) * 100));
    }
    return await api.call('attachments.uploadCommit', { uploadId: begun.uploadId });
  } catch (error) {
    await api.call('attachments.uploadAbort', { uploadId: begun.uploadId }).catch(() => undefined);
    throw error;
  }
}
