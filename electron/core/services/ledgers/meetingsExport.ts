import { localDay } from '../../../../shared/domain/dates.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import { auditedExport, type ExportRange } from '../../export/auditedExport.js';
import { dictionaryLabels } from '../../export/labels.js';
import type { Column } from '../../export/xlsxTable.js';
import { listMeetings, type StoredMeeting } from '../../repositories/meetingsRepo.js';
import type { Vault } from '../../vault.js';

/** Where the minutes stand, in the ledger's words: a plan, written, or still to be written. */
export function minutesState(meeting: Pick<StoredMeeting, 'date' | 'sealedMinutes'>, today: string): string {
  if (meeting.date > today) return '计划中';
  return meeting.sealedMinutes === '' ? '待补纪要' : '已记录';
}

/**
 * 会议台账 of a period as XLSX: when, what kind, where, who attended, the agenda, whether minutes are written and how
 * many decisions are still open. Neither minutes nor decision texts (clinical, encrypted): every staff role may export it.
 */
export function exportMeetings(vault: Vault, clock: Clock, session: Session, range: ExportRange) {
  return auditedExport(vault, session, { action: 'meetings.export', title: '会议台账', range }, (db) => {
    const rows = listMeetings(db, range);
    const kinds = dictionaryLabels(db, 'meetingKind');
    const today = localDay(clock.now());
    const columns: Array<Column<StoredMeeting>> = [
      { header: '日期', width: 12, type: 'date', value: (row) => row.date },
      { header: '时间', width: 12, type: 'text', value: (row) => `${row.startTime}–${row.endTime}` },
      { header: '会议类型', width: 14, type: 'text', value: (row) => kinds(row.kind) },
      { header: '地点', width: 18, type: 'text', value: (row) => row.location },
      { header: '本站参会人员', width: 24, type: 'text', value: (row) => row.staff.map((member) => member.displayName).join('、') },
      { header: '外单位参会人员', width: 24, type: 'text', value: (row) => row.outsideAttendees.join('、') },
      { header: '议程', width: 36, type: 'text', value: (row) => row.agenda },
      { header: '纪要', width: 9, type: 'text', value: (row) => minutesState(row, today) },
      { header: '决议事项', width: 9, type: 'number', value: (row) => row.decisions.length },
      { header: '未完成决议', width: 10, type: 'number', value: (row) => row.decisions.filter((decision) => !decision.done).length },
    ];
    return { columns, rows };
  });
}
