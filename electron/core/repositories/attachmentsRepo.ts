import type { AttachmentInfo, AttachmentOwner } from '../../../shared/api/schemas/attachments.js';
import type { Db } from '../db/driver.js';
import { decryptBlob, encryptBlob, nextRowId } from './clinicalFields.js';

const infoColumns = 'id, owner_type AS ownerType, owner_id AS ownerId, file_name AS fileName, mime, size, created_at AS createdAt';

export function insertAttachment(
  db: Db,
  file: { ownerType: AttachmentOwner; ownerId: number; fileName: string; mime: string; data: Buffer; sha256: string },
  userId: number,
  at: string,
): number {
  const id = nextRowId(db, 'attachments');
  db.prepare(
    'INSERT INTO attachments (id, owner_type, owner_id, file_name, mime, size, sha256, data, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, file.ownerType, file.ownerId, file.fileName, file.mime, file.data.length, file.sha256, encryptBlob(db, 'attachments', 'data', id, file.data), userId, at);
  return id;
}

export function listAttachments(db: Db, ownerType: AttachmentOwner, ownerId: number): AttachmentInfo[] {
  return db.prepare(`SELECT ${infoColumns} FROM attachments WHERE owner_type = ? AND owner_id = ? ORDER BY id`).all(ownerType, ownerId) as AttachmentInfo[];
}

export function readAttachment(db: Db, id: number): (AttachmentInfo & { data: Buffer }) | undefined {
  const row = db.prepare(`SELECT ${infoColumns}, data FROM attachments WHERE id = ?`).get(id) as (AttachmentInfo & { data: Buffer }) | undefined;
  return row && { ...row, data: decryptBlob(db, 'attachments', 'data', id, row.data) };
}
