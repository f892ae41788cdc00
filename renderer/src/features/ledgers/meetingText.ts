import type { MeetingRecord } from '../../../../shared/api/schemas/meetings.js';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** Where a meeting's minutes stand: a plan, still to be written, or written. */
export function minutesState(meeting: Pick<MeetingRecord, 'planned' | 'minutesRecorded'>): 'planned' | 'pending' | 'recorded' {
  if (meeting.planned) return 'planned';
  return meeting.minutesRecorded ? 'recorded' : 'pending';
}

/** Station staff then outside attendees, as the ledger and the print list them. */
export function attendeesText(meeting: Pick<MeetingRecord, 'staff' | 'outsideAttendees'>): string {
  return [...meeting.staff.map((member) => member.displayName), ...meeting.outsideAttendees].join('、');
}

/** "2 项，未完成 1 项", or "无". */
export function decisionsText(t: Translate, meeting: Pick<MeetingRecord, 'decisionCount' | 'decisionsOpen'>): string {
  return meeting.decisionCount === 0 ? t('meetings.noDecisions') : t('meetings.decisionsSummary', { count: meeting.decisionCount, open: meeting.decisionsOpen });
}

/** Why the minutes are not shown to this reader, in a sentence; empty when they are. */
export function hiddenText(t: Translate, meeting: Pick<MeetingRecord, 'hidden'>): string {
  if (meeting.hidden === 'reception') return t('meetings.hiddenReception');
  return meeting.hidden === 'case' ? t('meetings.hiddenCase') : '';
}
