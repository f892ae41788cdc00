import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { AttachmentOwner, attachmentAddInput } from '../../../../shared/api/schemas/attachments.js';
import { attachmentMaxBytes } from '../../../../shared/api/schemas/attachments.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { insertAttachment, listAttachments, readAttachment } from '../../repositories/attachmentsRepo.js';
import { consentExists } from '../../repositories/clientsRepo.js';
import { referralParties } from '../../repositories/referralsRepo.js';
import { readSession } from '../../repositories/sessionsRepo.js';
import type { Vault } from '../../vault.js';
import { actorOf } from '../../auth/actor.js';
import { auditedRead, requireCase, requireClientRecord, requireCrisis } from '../../access/clinicalReach.js';

/** A file's first bytes must match its declared type (a renamed .exe is not a JPEG). */
const signatures: Record<string, Buffer> = {
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'application/pdf': Buffer.from('%PDF-', 'latin1'),
};

/** The same rule as the record the file belongs to: one per owner type, so a new owner type needs its rule. */
const requireOwner: Record<AttachmentOwner, (db: Db, session: Session, ownerId: number) => void> = {
  consent(db, _session, ownerId) {
    if (!consentExists(db, ownerId)) throw new AppError('NOT_FOUND', '找不到该同意书记录。');
  },
  case(db, session, ownerId) {
    requireCase(db, session, ownerId);
  },
  session(db, session, ownerId) {
    const record = readSession(db, ownerId);
    if (!record) throw new AppError('NOT_FOUND', '找不到该咨询记录。');
    requireCase(db, session, record.caseId);
  },
  referral(db, session, ownerId) {
    const referral = referralParties(db, ownerId);
    if (!referral) throw new AppError('NOT_FOUND', '找不到该转介记录。');
    requireClientRecord(db, session, referral.clientId, referral.sentOn);
  },
  crisis(db, session, ownerId) {
    requireCrisis(db, session, ownerId);
  },
};

/** Attachments (scanned consents, referral letters …) kept inside the encrypted database. */
export class AttachmentService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  add(session: Session, input: z.output<typeof attachmentAddInput>) {
    const data = Buffer.from(input.dataBase64, 'base64');
    if (data.length === 0) throw new AppError('INVALID_INPUT', '文件是空的。');
    if (data.length > attachmentMaxBytes) throw new AppError('INVALID_INPUT', `附件不能超过 ${attachmentMaxBytes / 1024} KB，请压缩或降低扫描分辨率。`);
    if (!data.subarray(0, signatures[input.mime]!.length).equals(signatures[input.mime]!)) {
      throw new AppError('INVALID_INPUT', '文件内容与类型不符：只能上传真正的 JPG、PNG 图片或 PDF 文件。');
    }
    return this.vault.write((db, audit) => {
      requireOwner[input.ownerType](db, session, input.ownerId);
      const sha256 = createHash('sha256').update(data).digest('hex');
      const id = insertAttachment(db, { ...input, data, sha256 }, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'attachments.add', objectType: input.ownerType, objectId: input.ownerId, detail: { attachmentId: id, size: data.length } });
      return listAttachments(db, input.ownerType, input.ownerId);
    });
  }

  list(session: Session, ownerType: AttachmentOwner, ownerId: number) {
    return auditedRead(this.vault, session, { action: 'attachments.list', objectType: ownerType, objectId: ownerId }, (db) => {
      requireOwner[ownerType](db, session, ownerId);
      return listAttachments(db, ownerType, ownerId);
    });
  }

  /** Opening a file is audited like opening the record, a refused attempt too. */
  get(session: Session, id: number) {
    return auditedRead(this.vault, session, { action: 'attachments.open', objectType: 'attachment', objectId: id }, (db) => {
      const file = readAttachment(db, id);
      if (!file) throw new AppError('NOT_FOUND', '找不到该附件。');
      requireOwner[file.ownerType](db, session, file.ownerId);
      const { data, ...info } = file;
      return { ...info, dataBase64: data.toString('base64') };
    });
  }
}
