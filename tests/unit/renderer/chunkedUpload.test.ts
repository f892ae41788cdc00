import { describe, expect, it } from 'vitest';
import { sha256Hex, toBase64, uploadInChunks } from '../../../renderer/src/shared/composables/chunkedUpload.js';
import { fittedSize } from '../../../renderer/src/shared/composables/photoDownscale.js';
import { uploadChunkBytes } from '../../../shared/api/schemas/attachments.js';
import { fakeApi, refusal } from './support/fakeApi.js';

function bytes(size: number): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(size);
  for (let index = 0; index < size; index += 1) data[index] = (index * 7) % 256;
  return data;
}
const target = { ownerType: 'consent' as const, ownerId: 4 };
function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const data = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) data[index] = binary.charCodeAt(index);
  return data;
}
function concat(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((offset, part) => (all.set(part, offset), offset + part.length), 0);
  return all;
}
// A plain loop: a deep toEqual over ~800 k array elements alone takes seconds and timed the test out under load.
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

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
    expect(api.inputsOf('attachments.uploadBegin')[0]).toMatchObject({ ...target, size: data.length, sha256: await sha256Hex(data) });
    const chunks = api.inputsOf('attachments.uploadChunk');
    expect(chunks.map((chunk) => chunk.index)).toEqual([0, 1, 2]);
    expect(sameBytes(concat(chunks.map((chunk) => fromBase64(chunk.dataBase64))), data)).toBe(true);
    expect(seen).toEqual([33, 67, 100]);
    expect(api.methods().at(-1)).toBe('attachments.uploadCommit');
  });

  it('hashes with SHA-256 as core checks it (FIPS 180-2 test vector)', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
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
    expect(sameBytes(fromBase64(toBase64(data)), data)).toBe(true);
    expect(toBase64(new TextEncoder().encode('心驿'))).toBe('5b+D6am/');
  });

  it('fits a phone photo to the long edge, keeping its proportions, and leaves small ones alone', () => {
    expect(fittedSize({ width: 4032, height: 3024 }, 2560)).toEqual({ width: 2560, height: 1920 });
    expect(fittedSize({ width: 3024, height: 4032 }, 2560)).toEqual({ width: 1920, height: 2560 });
    expect(fittedSize({ width: 1200, height: 900 }, 2560)).toEqual({ width: 1200, height: 900 });
  });
});
