import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toBase64, uploadInChunks } from '../../../renderer/src/shared/composables/chunkedUpload.js';
import { fittedSize } from '../../../renderer/src/shared/composables/photoDownscale.js';
import { uploadChunkBytes } from '../../../shared/api/schemas/attachments.js';
import { fakeApi, refusal } from './support/fakeApi.js';

const bytes = (size: number) => Uint8Array.from({ length: size }, (_value, index) => (index * 7) % 256);
const target = { ownerType: 'consent' as const, ownerId: 4 };

describe('uploading a file in chunks', () => {
  it('declares size and SHA-256, sends full-sized base64 chunks in order, then commits', async () => {
    const data = bytes(uploadChunkBytes * 2 + 5);
    const api = fakeApi({
      'attachments.uploadBegin': () => ({ uploadId: 'upload-0123456789abcdef', chunkBytes: uploadChunkBytes, chunkCount: 3 }),
      'attachments.uploadChunk': (input) => ({ received: input.index + 1, receivedBytes: 0 }),
      'attachments.uploadCommit': () => [],
    });
    const seen: number[] = [];
    await uploadInChunks(api.client, target, { name: '同意书.jpg', mime: 'image/jpeg', data: new Blob([data]) }, (percent) => seen.push(percent));
    expect(api.inputsOf('attachments.uploadBegin')[0]).toMatchObject({ ...target, size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    const chunks = api.inputsOf('attachments.uploadChunk');
    expect(chunks.map((chunk) => chunk.index)).toEqual([0, 1, 2]);
    expect(Buffer.concat(chunks.map((chunk) => Buffer.from(chunk.dataBase64, 'base64'))).equals(Buffer.from(data))).toBe(true);
    expect(seen).toEqual([33, 67, 100]);
    expect(api.methods().at(-1)).toBe('attachments.uploadCommit');
  });

  it('aborts the upload when a chunk is refused, so nothing stays staged', async () => {
    const api = fakeApi({
      'attachments.uploadBegin': () => ({ uploadId: 'upload-0123456789abcdef', chunkBytes: uploadChunkBytes, chunkCount: 2 }),
      'attachments.uploadChunk': () => {
        throw refusal('LOCKED', '工作台已锁定，请重新登录。');
      },
      'attachments.uploadAbort': () => ({ ok: true }),
    });
    await expect(uploadInChunks(api.client, target, { name: 'x.pdf', mime: 'application/pdf', data: new Blob([bytes(uploadChunkBytes + 1)]) })).rejects.toThrow('工作台已锁定');
    expect(api.methods()).toEqual(['attachments.uploadBegin', 'attachments.uploadChunk', 'attachments.uploadAbort']);
  });

  it('encodes large chunks without overflowing the call stack', () => {
    const data = bytes(uploadChunkBytes);
    expect(toBase64(data)).toBe(Buffer.from(data).toString('base64'));
  });

  it('fits a phone photo to the long edge, keeping its proportions, and leaves small ones alone', () => {
    expect(fittedSize({ width: 4032, height: 3024 }, 2560)).toEqual({ width: 2560, height: 1920 });
    expect(fittedSize({ width: 3024, height: 4032 }, 2560)).toEqual({ width: 1920, height: 2560 });
    expect(fittedSize({ width: 1200, height: 900 }, 2560)).toEqual({ width: 1200, height: 900 });
  });
});
