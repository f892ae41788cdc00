import type { AttachmentOwner } from '../../../../shared/api/schemas/attachments.js';
import { AppError } from '../../errors.js';
import { answerExists } from '../../repositories/checklistRepo.js';
import type { AttachmentOwnerRule } from '../caseFiles/attachmentOwnerRules.js';

/**
 * An item's evidence (照片, 制度文本, 名单, 证书 …): the 站长 files it with the 自评; counsellors read it. Files are encrypted
 * with the clinical key like every attachment, so the front desk, which holds none, is told so.
 */
export const checklistAttachmentOwners = {
  checklistItem(db, session, ownerId, mode) {
    if (!answerExists(db, ownerId)) throw new AppError('NOT_FOUND', '找不到该检查条目的自评记录：请先保存自评，再上传材料。');
    if (mode === 'write' && session.role !== 'admin') throw new AppError('FORBIDDEN', '检查条目的材料由站长上传。');
    if (session.role !== 'admin' && session.role !== 'counsellor') throw new AppError('FORBIDDEN', '检查材料与个案资料一样加密保存，只有站长和咨询师可以查看。');
  },
} as const satisfies Partial<Record<AttachmentOwner, AttachmentOwnerRule>>;
