import type { AttendanceStatus, FeedbackSummary } from '../../../../shared/api/schemas/groups.js';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A register cell as the paper register marks it (到, 假, 缺); empty where the member was not expected. */
export function attendanceMark(t: Translate, status: AttendanceStatus | undefined): string {
  return status ? t(`groups.meetings.marks.${status}`) : '';
}

/** A meeting's feedback in a line: how many forms and the mean satisfaction (one decimal), or a dash without forms. */
export function feedbackText(t: Translate, feedback: FeedbackSummary): string {
  if (feedback.forms === 0 || feedback.satisfaction === null) return t('groups.feedback.none');
  return t('groups.feedback.summary', { forms: feedback.forms, satisfaction: feedback.satisfaction.toFixed(1) });
}
