import type { AttachmentOwner } from '../../../../shared/api/schemas/attachments.js';
import { requireCase, requireClientRecord, requireCrisis } from '../../access/clinicalReach.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { consentExists } from '../../repositories/clientsRepo.js';
import { referralParties } from '../../repositories/referralsRepo.js';
import { readSession } from '../../repositories/sessionsRepo.js';

/**
 * Who may reach a record's files: the same rule as the record itself; throws NOT_FOUND or FORBIDDEN. `mode` tells
 * adding a file ('write') from listing or opening one ('read'), for owners whose readers are not all writers.
 */
export type AttachmentOwnerRule = (db: Db, session: Session, ownerId: number, mode: 'read' | 'write') => void;

/**
 * The case-file owner kinds. Another feature that keeps files (activity photos, certificate scans) adds
 * its kinds to `attachmentOwners` and its own table like this one; createCore merges the tables, and the
 * compiler demands a rule for every kind. Uploads, listing and opening then work for it unchanged.
 */
export const caseFileAttachmentOwners = {
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
} as const satisfies Partial<Record<AttachmentOwner, AttachmentOwnerRule>>;

export type AttachmentOwnerRules = Readonly<Record<AttachmentOwner, AttachmentOwnerRule>>;
