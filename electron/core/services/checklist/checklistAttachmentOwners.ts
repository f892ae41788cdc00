import type { AttachmentOwner } from '../../../../shared/api/schemas/attachments.js';
import { AppError } from '../../errors.js';
import { answerExists } from '../../repositories/checklistRepo.js';
import { readInspection, readRectification } from '../../repositories/inspectionsRepo.js';
import type { AttachmentOwnerRule } from '../caseFiles/attachmentOwnerRules.js';

const encryptedLikeCases = '检查材料与个案资料一样加密保存，只有站长、咨询师和本次检查的检查人员可以查看。';

/**
 * An item's evidence (照片, 制度文本, 名单, 证书 …): the 站长 files it with the 自评; counsellors and an inspector read it.
 * A 整改 task's closure evidence: the 站长 or the task's owner files it while the task is open; the inspection's
 * inspector reads it for the 复查. Files are encrypted with the clinical key like every attachment, so the front desk,
 * which holds none, is told so (an inspector opens them while a 站长 or counsellor is logged in beside it).
 */
export const checklistAttachmentOwners = {
  checklistItem(db, session, ownerId, mode) {
    if (!answerExists(db, ownerId)) throw new AppError('NOT_FOUND', '找不到该检查条目的自评记录：请先保存自评，再上传材料。');
    if (mode === 'write' && session.role !== 'admin') throw new AppError('FORBIDDEN', '检查条目的材料由站长上传。');
    if (session.role !== 'admin' && session.role !== 'counsellor' && session.role !== 'inspector') throw new AppError('FORBIDDEN', encryptedLikeCases);
  },
  rectification(db, session, ownerId, mode) {
    const task = readRectification(db, ownerId);
    const inspection = task && readInspection(db, task.inspectionId);
    if (!task || !inspection || (session.role === 'inspector' && inspection.inspector?.id !== session.userId)) throw new AppError('NOT_FOUND', '找不到该整改任务。');
    if (mode === 'write') {
      if (session.role !== 'admin' && task.owner.id !== session.userId) throw new AppError('FORBIDDEN', `整改材料由站长或整改责任人（${task.owner.displayName}）上传。`);
      if (task.status !== 'open' || inspection.status === 'closed') throw new AppError('INVALID_INPUT', '该整改任务已提交或已复查，不能再添加材料。');
    }
    if (session.role === 'reception') throw new AppError('FORBIDDEN', encryptedLikeCases);
  },
} as const satisfies Partial<Record<AttachmentOwner, AttachmentOwnerRule>>;

/** The only files an inspector reaches: the checklist's evidence and the 整改 evidence of its inspection. */
export const inspectorReadableOwners: ReadonlySet<AttachmentOwner> = new Set(['checklistItem', 'rectification']);
