import type { z } from 'zod';
import type { AttachmentOwner, attachmentAddInput, uploadBeginInput, uploadChunkInput } from '../../../../shared/api/schemas/attachments.js';
import { attachmentMaxBytes } from '../../../../shared/api/schemas/attachments.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { insertAttachment, listAttachments, readAttachment } from '../../repositories/attachmentsRepo.js';
import type { Vault } from '../../vault.js';
import { actorOf } from '../../auth/actor.js';
import { auditedRead } from '../../access/clinicalReach.js';
import type { AttachmentOwnerRules } from './attachmentOwnerRules.js';
import { UploadStaging, type UploadMeta } from './uploadStaging.js';
import { sha256Hex } from '../../sha256.js';

/** A file's first bytes must match its declared type (a renamed .exe is not a JPEG). */
const signatures: Record<string, Buffer> = {
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'application/pdf': Buffer.from('%PDF-', 'latin1'),
};

function checkSignature(mime: string, data: Buffer): void {
  if (!data.subarray(0, signatures[mime]!.length).equals(signatures[mime]!)) {
    throw new AppError('INVALID_INPUT', '文件内容与类型不符：只能上传真正的 JPG、PNG 图片或 PDF 文件。');
  }
}


const tokenOf = (session: Session) => session.token;

/** Attachments (scanned consents, referral letters, photos …) kept encrypted inside the database. */
export class AttachmentService {
  readonly staging: UploadStaging;

  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly owners: AttachmentOwnerRules,
    private readonly inspectorOwners: ReadonlySet<AttachmentOwner>,
  ) {
    this.staging = new UploadStaging(clock);
  }

  /** A small file in one call (≤ 700 KB, one JSON body). */
  add(session: Session, input: z.output<typeof attachmentAddInput>) {
    const data = Buffer.from(input.dataBase64, 'base64');
    if (data.length === 0) throw new AppError('INVALID_INPUT', '文件是空的。');
    if (data.length > attachmentMaxBytes) throw new AppError('INVALID_INPUT', `附件不能超过 ${attachmentMaxBytes / 1024} KB，请压缩或降低扫描分辨率。`);
    checkSignature(input.mime, data);
    return this.store(session, { ...input, size: data.length, sha256: sha256Hex(data) }, data, {});
  }

  /** The owner is checked before any byte is staged, and again at commit (rights may change meanwhile). */
  uploadBegin(session: Session, input: z.output<typeof uploadBeginInput>) {
    this.vault.write((db) => this.owners[input.ownerType](db, session, input.ownerId, 'write'));
    return this.staging.begin(tokenOf(session), input);
  }

  uploadChunk(session: Session, input: z.output<typeof uploadChunkInput>) {
    if (input.dataBase64.length % 4 !== 0) throw new AppError('INVALID_INPUT', '分块内容编码不正确（base64 长度应为 4 的倍数）。');
    return this.staging.addChunk(tokenOf(session), input.uploadId, input.index, Buffer.from(input.dataBase64, 'base64'));
  }

  /** Whole, of the declared size and hash, of its declared type: only then is anything stored. */
  uploadCommit(session: Session, uploadId: string) {
    const { meta, data } = this.staging.take(tokenOf(session), uploadId);
    if (sha256Hex(data) !== meta.sha256) {
      throw new AppError('INVALID_INPUT', '文件校验失败：收到的内容与选择的文件不一致（SHA-256 不符），未保存。请重新上传。');
    }
    checkSignature(meta.mime, data);
    return this.store(session, meta, data, { chunked: true });
  }

  uploadAbort(session: Session, uploadId: string) {
    this.staging.abort(tokenOf(session), uploadId);
    return { ok: true as const };
  }

  private store(session: Session, meta: UploadMeta, data: Buffer, detail: Record<string, unknown>) {
    return this.vault.write((db, audit) => {
      this.owners[meta.ownerType](db, session, meta.ownerId, 'write');
      const id = insertAttachment(db, { ...meta, data }, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'attachments.add', objectType: meta.ownerType, objectId: meta.ownerId, detail: { attachmentId: id, size: data.length, ...detail } });
      return listAttachments(db, meta.ownerType, meta.ownerId);
    });
  }

  /** Whoever is not staff (an inspector) reaches only the owner kinds let open to it, whatever an owner's rule says. */
  private checkRead(db: Db, session: Session, ownerType: AttachmentOwner, ownerId: number): void {
    if (session.role === 'inspector' && !this.inspectorOwners.has(ownerType)) throw new AppError('FORBIDDEN', '检查人员只能查看检查材料和整改材料。');
    this.owners[ownerType](db, session, ownerId, 'read');
  }

  list(session: Session, ownerType: AttachmentOwner, ownerId: number) {
    return auditedRead(this.vault, session, { action: 'attachments.list', objectType: ownerType, objectId: ownerId }, (db) => {
      this.checkRead(db, session, ownerType, ownerId);
      return listAttachments(db, ownerType, ownerId);
    });
  }

  /** Opening a file is audited like opening the record, a refused attempt too. */
  get(session: Session, id: number) {
    return auditedRead(this.vault, session, { action: 'attachments.open', objectType: 'attachment', objectId: id }, (db) => {
      const file = readAttachment(db, id);
      if (!file) throw new AppError('NOT_FOUND', '找不到该附件。');
      this.checkRead(db, session, file.ownerType, file.ownerId);
      const { data, ...info } = file;
      return { ...info, dataBase64: data.toString('base64') };
    });
  }
}
