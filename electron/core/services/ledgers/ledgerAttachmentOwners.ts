import type { AttachmentOwner } from '../../../../shared/api/schemas/attachments.js';
import { AppError } from '../../errors.js';
import { readActivity } from '../../repositories/activitiesRepo.js';
import { readMeeting } from '../../repositories/meetingsRepo.js';
import { readQualification } from '../../repositories/peopleRepo.js';
import type { AttachmentOwnerRule } from '../caseFiles/attachmentOwnerRules.js';
import { requireMeetingFiles } from './meetingChecks.js';
import { requireRuleVersionFiles } from './rulesService.js';

/**
 * The ledgers' files: photos of an activity (现场照片, the evidence inspectors ask for beside the ledger), a meeting's
 * papers, a rule's uploaded version, a team member's certificate scans. Files are encrypted with the clinical key like every attachment, so the front
 * desk, which holds no clinical key, is told so rather than failing on the file.
 */
export const ledgerAttachmentOwners = {
  activity(db, session, ownerId) {
    if (!readActivity(db, ownerId)) throw new AppError('NOT_FOUND', '找不到该活动记录。');
    if (session.role !== 'admin' && session.role !== 'counsellor') throw new AppError('FORBIDDEN', '活动照片与个案资料一样加密保存，只有站长和咨询师可以查看或上传。');
  },
  meeting(db, session, ownerId, mode) {
    const meeting = readMeeting(db, ownerId);
    if (!meeting) throw new AppError('NOT_FOUND', '找不到该会议记录。');
    requireMeetingFiles(db, session, meeting, mode);
  },
  ruleVersion(db, session, ownerId, mode) {
    requireRuleVersionFiles(db, session, ownerId, mode);
  },
  /** Certificate scans (资质证书) of the people ledger: the 站长 keeps them, as the ledger itself. */
  qualification(db, session, ownerId) {
    if (!readQualification(db, ownerId)) throw new AppError('NOT_FOUND', '找不到该资质记录。');
    if (session.role !== 'admin') throw new AppError('FORBIDDEN', '证书扫描件由站长保管：只有站长可以查看或上传。');
  },
} as const satisfies Partial<Record<AttachmentOwner, AttachmentOwnerRule>>;
