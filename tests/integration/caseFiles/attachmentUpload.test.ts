import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import { maxBodyBytes } from '../../../electron/server/httpHost.js';
import type { MethodInput } from '../../../shared/api/contract/index.js';
import { uploadChunkBytes, uploadMaxBytes } from '../../../shared/api/schemas/attachments.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { adminPassword, databaseKeyOf, type Station } from '../helpers/station.js';

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);
const message = (result: { ok: boolean; error?: { message: string; details?: unknown } }) =>
  result.ok ? '' : `${result.error?.message ?? ''}${JSON.stringify(result.error?.details ?? '')}`;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const marker = '同意书扫描件标记';

/** A "phone photo": a JPEG signature, then a marker and a pattern so every chunk differs. */
function photo(size: number): Buffer {
  const data = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4) data.writeUInt32LE(i, i);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(data, 0);
  Buffer.from(marker).copy(data, 16);
  return data;
}

async function createFixture() {
  const base = await caseFileStation();
  const withConsent = await base.station.call(base.reception, 'clients.addConsent', { clientId: base.clientId, kind: 'service', signerName: '张三', signedOn: '2026-11-23' });
  return { ...base, consentId: withConsent.consents[0]!.id };
}

type Begin = MethodInput<'attachments.uploadBegin'>;

/** Every chunk the way the renderer sends it, each body checked against the HTTP host's 1 MiB cap. */
async function sendChunks(station: Station, token: string, uploadId: string, data: Buffer): Promise<void> {
  for (let index = 0; index * uploadChunkBytes < data.length; index += 1) {
    const input = { uploadId, index, dataBase64: data.subarray(index * uploadChunkBytes, (index + 1) * uploadChunkBytes).toString('base64') };
    expect(Buffer.byteLength(JSON.stringify(input))).toBeLessThan(maxBodyBytes);
    await station.call(token, 'attachments.uploadChunk', input);
  }
}

describe('chunked attachment upload', () => {
  // One station for the file (four scrypt logins each would dominate its run time); tests that lock or move the case come last.
  let fixture: Awaited<ReturnType<typeof createFixture>>;
  const setup = async () => fixture;
  const addsBefore = async () => (await fixture.station.call(fixture.station.admin, 'audit.list', { action: 'attachments.add' })).total;
  beforeAll(async () => {
    fixture = await createFixture();
  });
  afterAll(() => fixture.station.dispose());

  it('accepts a 20 MB photo in chunks under the 1 MiB body cap, stores it encrypted and gives it back whole', async () => {
    const { station, reception, liwei, consentId } = await setup();
    const data = photo(uploadMaxBytes);
    const begun = await station.call(reception, 'attachments.uploadBegin', { ownerType: 'consent', ownerId: consentId, fileName: '同意书.jpg', mime: 'image/jpeg', size: data.length, sha256: sha256(data) });
    expect(begun.chunkCount).toBe(Math.ceil(uploadMaxBytes / uploadChunkBytes));
    // The host's body cap is not raised for this: 1 MiB, as before.
    expect(maxBodyBytes).toBe(1024 * 1024);
    await sendChunks(station, reception, begun.uploadId, data);
    const list = await station.call(reception, 'attachments.uploadCommit', { uploadId: begun.uploadId });
    expect(list).toEqual([expect.objectContaining({ fileName: '同意书.jpg', mime: 'image/jpeg', size: uploadMaxBytes })]);

    const opened = await station.call(liwei, 'attachments.get', { id: list[0]!.id });
    expect(sha256(Buffer.from(opened.dataBase64, 'base64'))).toBe(sha256(data));
    const audit = await station.call(station.admin, 'audit.list', { action: 'attachments.add' });
    expect(audit.total).toBe(1);
    expect(station.core.stagedUploads()).toBe(0);
    expect(JSON.stringify(audit.rows[0])).toContain('"chunked":true');

    // At rest: the front desk's database key opens the file, but the attachment is sealed clinical content.
    const db = openEncryptedDatabase(path.join(station.dataDir, 'xinyi.db'), await databaseKeyOf(station.dataDir, 'qiantai', 'qiantai-pass-2026'));
    const row = db.prepare('SELECT data FROM attachments').get() as { data: Buffer };
    expect(row.data.includes(Buffer.from(marker))).toBe(false);
    expect(row.data.length).toBeGreaterThanOrEqual(uploadMaxBytes);
    db.close();
  });

  it('refuses 20 MB + 1 byte at the start, in Chinese, before any chunk is sent', async () => {
    const { station, reception, consentId } = await setup();
    const result = await station.raw(reception, 'attachments.uploadBegin', { ownerType: 'consent', ownerId: consentId, fileName: '大.jpg', mime: 'image/jpeg', size: uploadMaxBytes + 1, sha256: 'a'.repeat(64) });
    expect(code(result)).toBe('INVALID_INPUT');
    expect(message(result)).toContain('附件不能超过 20 MB');
  });

  it('refuses a commit whose bytes do not match the declared SHA-256 and stores nothing', async () => {
    const { station, liwei, caseId } = await setup();
    const adds = await addsBefore();
    const data = photo(uploadChunkBytes + 1000);
    const begun = await station.call(liwei, 'attachments.uploadBegin', { ownerType: 'case', ownerId: caseId, fileName: '照片.jpg', mime: 'image/jpeg', size: data.length, sha256: sha256(Buffer.from('something else')) });
    await sendChunks(station, liwei, begun.uploadId, data);
    const result = await station.raw(liwei, 'attachments.uploadCommit', { uploadId: begun.uploadId });
    expect(code(result)).toBe('INVALID_INPUT');
    expect(message(result)).toContain('SHA-256 不符');
    expect(await station.call(liwei, 'attachments.list', { ownerType: 'case', ownerId: caseId })).toEqual([]);
    expect(code(await station.raw(liwei, 'attachments.uploadCommit', { uploadId: begun.uploadId }))).toBe('NOT_FOUND');
    expect(await addsBefore()).toBe(adds);
    expect(station.core.stagedUploads()).toBe(0);
  });

  it('refuses a chunk out of order, a wrong-sized chunk and an early commit, in Chinese', async () => {
    const { station, liwei, caseId } = await setup();
    const data = photo(2 * uploadChunkBytes + 10);
    const begun = await station.call(liwei, 'attachments.uploadBegin', { ownerType: 'case', ownerId: caseId, fileName: '扫描.jpg', mime: 'image/jpeg', size: data.length, sha256: sha256(data) });
    const chunk = (index: number) => data.subarray(index * uploadChunkBytes, (index + 1) * uploadChunkBytes).toString('base64');

    const skipped = await station.raw(liwei, 'attachments.uploadChunk', { uploadId: begun.uploadId, index: 1, dataBase64: chunk(1) });
    expect(message(skipped)).toContain('分块顺序错误：应上传第 1 块，收到的是第 2 块');
    const short = await station.raw(liwei, 'attachments.uploadChunk', { uploadId: begun.uploadId, index: 0, dataBase64: chunk(2) });
    expect(message(short)).toContain('第 1 块的大小不对');
    await station.call(liwei, 'attachments.uploadChunk', { uploadId: begun.uploadId, index: 0, dataBase64: chunk(0) });
    const repeated = await station.raw(liwei, 'attachments.uploadChunk', { uploadId: begun.uploadId, index: 0, dataBase64: chunk(0) });
    expect(message(repeated)).toContain('分块顺序错误');

    // The refusals changed nothing: the upload goes on from chunk 2 … but a commit now is incomplete and ends it.
    const early = await station.raw(liwei, 'attachments.uploadCommit', { uploadId: begun.uploadId });
    expect(message(early)).toContain('文件不完整');
    expect(await station.call(liwei, 'attachments.list', { ownerType: 'case', ownerId: caseId })).toEqual([]);
    expect(code(await station.raw(liwei, 'attachments.uploadChunk', { uploadId: begun.uploadId, index: 1, dataBase64: chunk(1) }))).toBe('NOT_FOUND');
    expect(station.core.stagedUploads()).toBe(0);
  });

  it('refuses a file whose content is not its declared type, after a correct hash', async () => {
    const { station, liwei, caseId } = await setup();
    const data = Buffer.from('MZ this is not a PDF');
    const begun = await station.call(liwei, 'attachments.uploadBegin', { ownerType: 'case', ownerId: caseId, fileName: 'x.pdf', mime: 'application/pdf', size: data.length, sha256: sha256(data) });
    await station.call(liwei, 'attachments.uploadChunk', { uploadId: begun.uploadId, index: 0, dataBase64: data.toString('base64') });
    expect(message(await station.raw(liwei, 'attachments.uploadCommit', { uploadId: begun.uploadId }))).toContain('文件内容与类型不符');
    expect(await station.call(liwei, 'attachments.list', { ownerType: 'case', ownerId: caseId })).toEqual([]);
  });

  it('follows the owner record’s rule at begin and commit; an upload belongs to the session that began it', async () => {
    const { station, liwei, chen, reception, caseId, consentId } = await setup();
    const data = photo(1000);
    const begin = (ownerType: Begin['ownerType'], ownerId: number): Begin => ({ ownerType, ownerId, fileName: '照片.jpg', mime: 'image/jpeg', size: data.length, sha256: sha256(data) });
    expect(code(await station.raw(reception, 'attachments.uploadBegin', begin('case', caseId)))).toBe('FORBIDDEN');
    expect(code(await station.raw(chen, 'attachments.uploadBegin', begin('case', caseId)))).toBe('FORBIDDEN');
    expect(code(await station.raw(liwei, 'attachments.uploadBegin', begin('consent', consentId + 99)))).toBe('NOT_FOUND');

    const begun = await station.call(liwei, 'attachments.uploadBegin', begin('case', caseId));
    const chunk = { uploadId: begun.uploadId, index: 0, dataBase64: data.toString('base64') };
    expect(code(await station.raw(chen, 'attachments.uploadChunk', chunk))).toBe('NOT_FOUND');
    expect(code(await station.raw(chen, 'attachments.uploadAbort', { uploadId: begun.uploadId }))).toBe('ok');
    await station.call(liwei, 'attachments.uploadChunk', chunk);
    expect(code(await station.raw(chen, 'attachments.uploadCommit', { uploadId: begun.uploadId }))).toBe('NOT_FOUND');
    expect(await station.call(liwei, 'attachments.uploadCommit', { uploadId: begun.uploadId })).toHaveLength(1);

    // Rights withdrawn between begin and commit: the case moves to chen, liwei's commit is refused.
    const second = await station.call(liwei, 'attachments.uploadBegin', begin('case', caseId));
    await station.call(liwei, 'attachments.uploadChunk', { ...chunk, uploadId: second.uploadId });
    const chenId = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'chen')!.id;
    await station.call(station.admin, 'cases.transfer', { id: caseId, counsellorId: chenId, reason: '工作调整安排' });
    expect(code(await station.raw(liwei, 'attachments.uploadCommit', { uploadId: second.uploadId }))).toBe('FORBIDDEN');
    expect(await station.call(chen, 'attachments.list', { ownerType: 'case', ownerId: caseId })).toHaveLength(1);
  });

  it('an abandoned upload leaves nothing: abort, lock and timeout each discard the staged chunks', async () => {
    // By now the case is chen's (the test before moved it).
    const { station, time, chen, caseId } = await setup();
    const adds = await addsBefore();
    const before = (await station.call(chen, 'attachments.list', { ownerType: 'case', ownerId: caseId })).length;
    const data = photo(uploadChunkBytes * 2);
    const start = async (): Promise<string> => {
      const begun = await station.call(chen, 'attachments.uploadBegin', { ownerType: 'case', ownerId: caseId, fileName: '照片.jpg', mime: 'image/jpeg', size: data.length, sha256: sha256(data) });
      await station.call(chen, 'attachments.uploadChunk', { uploadId: begun.uploadId, index: 0, dataBase64: data.subarray(0, uploadChunkBytes).toString('base64') });
      return begun.uploadId;
    };
    const rest = (uploadId: string) => ({ uploadId, index: 1, dataBase64: data.subarray(uploadChunkBytes).toString('base64') });

    const aborted = await start();
    expect(station.core.stagedUploads()).toBe(1);
    await station.call(chen, 'attachments.uploadAbort', { uploadId: aborted });
    expect(code(await station.raw(chen, 'attachments.uploadChunk', rest(aborted)))).toBe('NOT_FOUND');

    const idle = await start();
    time.advance(11 * 60_000);
    const timedOut = await station.raw(chen, 'attachments.uploadChunk', rest(idle));
    expect(code(timedOut)).toBe('NOT_FOUND');
    expect(message(timedOut)).toContain('可能已超时');

    expect(station.core.stagedUploads()).toBe(0);

    await start();
    expect(station.core.stagedUploads()).toBe(1);
    await station.call(chen, 'auth.lock', {});
    expect(station.core.stagedUploads()).toBe(0);
    const again = await station.call(null, 'auth.unlock', { username: 'chen', password: 'chen-pass-2026' });
    expect(await station.call(again.sessionToken, 'attachments.list', { ownerType: 'case', ownerId: caseId })).toHaveLength(before);
    const admin = await station.call(null, 'auth.unlock', { username: 'admin', password: adminPassword });
    expect((await station.call(admin.sessionToken, 'audit.list', { action: 'attachments.add' })).total).toBe(adds);
  });
});
