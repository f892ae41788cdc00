import { randomBytes } from 'node:crypto';
import type { AttachmentOwner } from '../../../../shared/api/schemas/attachments.js';
import { uploadChunkBytes } from '../../../../shared/api/schemas/attachments.js';
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors.js';

export type UploadMeta = Readonly<{
  ownerType: AttachmentOwner;
  ownerId: number;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
}>;

type StagedUpload = {
  readonly token: string;
  readonly meta: UploadMeta;
  readonly chunks: Buffer[];
  receivedBytes: number;
  lastActivityMs: number;
};

/** An upload no chunk has reached for this long is discarded. */
export const uploadIdleTimeoutMs = 10 * 60_000;
/** One person uploads a few files at a time; more open uploads are a stuck or misbehaving client. */
export const uploadsPerSession = 4;

const expired = new AppError('NOT_FOUND', '找不到该上传，可能已超时、已取消或工作台已锁定。请重新选择文件上传。');

/**
 * Chunks of uploads in progress, in memory only and per session token: they never reach the disk,
 * a lock or logout (the session ends) drops them, an idle upload times out, and nothing of an
 * upload is visible anywhere until its commit stores the whole, verified file.
 */
export class UploadStaging {
  private readonly uploads = new Map<string, StagedUpload>();

  constructor(private readonly clock: Clock) {}

  begin(token: string, meta: UploadMeta): { uploadId: string; chunkBytes: number; chunkCount: number } {
    this.sweep();
    const open = [...this.uploads.values()].filter((upload) => upload.token === token).length;
    if (open >= uploadsPerSession) throw new AppError('INVALID_INPUT', `同时进行的上传不能超过 ${uploadsPerSession} 个，请等当前上传完成或取消后再试。`);
    const uploadId = randomBytes(18).toString('base64url');
    this.uploads.set(uploadId, { token, meta, chunks: [], receivedBytes: 0, lastActivityMs: this.nowMs() });
    return { uploadId, chunkBytes: uploadChunkBytes, chunkCount: Math.ceil(meta.size / uploadChunkBytes) };
  }

  /** Chunks arrive in order, each full-sized except the last; a wrong one is refused and changes nothing. */
  addChunk(token: string, uploadId: string, index: number, data: Buffer): { received: number; receivedBytes: number } {
    const upload = this.find(token, uploadId);
    if (index !== upload.chunks.length) {
      throw new AppError('INVALID_INPUT', `分块顺序错误：应上传第 ${upload.chunks.length + 1} 块，收到的是第 ${index + 1} 块。`);
    }
    const remaining = upload.meta.size - upload.receivedBytes;
    const expected = Math.min(uploadChunkBytes, remaining);
    if (remaining === 0) throw new AppError('INVALID_INPUT', '文件的所有分块都已收到，多余的分块已拒绝。');
    if (data.length !== expected) {
      throw new AppError('INVALID_INPUT', `第 ${index + 1} 块的大小不对：应为 ${expected} 字节，收到 ${data.length} 字节。`);
    }
    upload.chunks.push(data);
    upload.receivedBytes += data.length;
    upload.lastActivityMs = this.nowMs();
    return { received: upload.chunks.length, receivedBytes: upload.receivedBytes };
  }

  /** Hands over a complete upload and forgets it: a commit is tried once, whatever its outcome. */
  take(token: string, uploadId: string): { meta: UploadMeta; data: Buffer } {
    const upload = this.find(token, uploadId);
    this.uploads.delete(uploadId);
    if (upload.receivedBytes !== upload.meta.size) {
      throw new AppError('INVALID_INPUT', `文件不完整：只收到 ${upload.receivedBytes} / ${upload.meta.size} 字节，未保存。请重新上传。`);
    }
    return { meta: upload.meta, data: Buffer.concat(upload.chunks) };
  }

  abort(token: string, uploadId: string): void {
    const upload = this.uploads.get(uploadId);
    if (upload?.token === token) this.uploads.delete(uploadId);
  }

  /** Drops the uploads of sessions that have ended (lock, logout, a disabled account). */
  dropEnded(isLive: (token: string) => boolean): void {
    for (const [id, upload] of this.uploads) if (!isLive(upload.token)) this.uploads.delete(id);
  }

  /** How many uploads are staged now (tests check that nothing is left behind). */
  count(): number {
    this.sweep();
    return this.uploads.size;
  }

  private find(token: string, uploadId: string): StagedUpload {
    this.sweep();
    const upload = this.uploads.get(uploadId);
    // Another session's upload id is answered like an unknown one: it is not this caller's to see.
    if (!upload || upload.token !== token) throw expired;
    return upload;
  }

  private sweep(): void {
    const now = this.nowMs();
    for (const [id, upload] of this.uploads) if (now - upload.lastActivityMs > uploadIdleTimeoutMs) this.uploads.delete(id);
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }
}
