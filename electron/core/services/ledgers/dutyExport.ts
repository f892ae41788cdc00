import type { DutyDay } from '../../../../shared/api/schemas/duty.js';
import { dayKindWord, hoursOf, weekdayWords } from '../../../../shared/domain/dutyWords.js';
import type { Session } from '../../auth/sessionStore.js';
import { auditedExport, type ExportRange } from '../../export/auditedExport.js';
import type { Column } from '../../export/xlsxTable.js';
import type { Vault } from '../../vault.js';
import { readDutyPeriod } from './dutyService.js';

type Row = Readonly<{
  day: string | null;
  weekday: string;
  kind: string;
  roster: string;
  logged: string;
  openingMinutes: number;
  rosterMinutes: number;
  actualMinutes: number;
  visitors: number;
  calls: number;
  incidents: string;
  handover: string;
}>;

const joined = (parts: readonly string[]) => parts.filter(Boolean).join('；');

/**
 * A period's 值班台账 as XLSX, one line per day: who was rostered and who logged duty, the opening hours against the
 * roster and the log (issue 12), what the logs counted, incidents and hand-over notes, then the month's totals.
 * A duty log is a plain note (no clinical content): every staff role may export it.
 */
export function exportDuty(vault: Vault, session: Session, range: ExportRange) {
  return auditedExport(vault, session, { action: 'duty.export', title: '值班台账', range }, (db) => {
    const data = readDutyPeriod(db, range);
    const rows: Row[] = data.days.map((day: DutyDay) => {
      const shifts = data.shifts.filter((shift) => shift.date === day.day);
      const logs = data.logs.filter((log) => log.date === day.day);
      return {
        day: day.day,
        weekday: weekdayWords[day.weekday - 1]!,
        kind: dayKindWord(day),
        roster: joined(shifts.map((shift) => `${shift.onDuty.displayName} ${shift.startTime}–${shift.endTime}`)),
        logged: joined(logs.map((log) => `${log.onDuty.displayName} ${log.startTime}–${log.endTime}`)),
        openingMinutes: day.openingMinutes,
        rosterMinutes: day.rosterMinutes,
        actualMinutes: day.actualMinutes,
        visitors: logs.reduce((sum, log) => sum + log.visitorsReceived, 0),
        calls: logs.reduce((sum, log) => sum + log.callsReceived, 0),
        incidents: joined(logs.map((log) => log.incidents)),
        handover: joined(logs.map((log) => log.handover)),
      };
    });
    const sum = (key: 'visitors' | 'calls') => rows.reduce((total, row) => total + row[key], 0);
    const totals: Row = {
      day: null,
      weekday: '',
      kind: '合计',
      roster: `${data.totals.shifts} 班`,
      logged: `${data.totals.logs} 条记录`,
      ...data.totals,
      visitors: sum('visitors'),
      calls: sum('calls'),
      incidents: '',
      handover: '',
    };
    const columns: Array<Column<Row>> = [
      { header: '日期', width: 12, type: 'date', value: (row) => row.day },
      { header: '星期', width: 6, type: 'text', value: (row) => row.weekday },
      { header: '日别', width: 12, type: 'text', value: (row) => row.kind },
      { header: '值班安排', width: 30, type: 'text', value: (row) => row.roster },
      { header: '开放时间（小时）', width: 10, type: 'number', value: (row) => hoursOf(row.openingMinutes) },
      { header: '排班（小时）', width: 10, type: 'number', value: (row) => hoursOf(row.rosterMinutes) },
      { header: '实际值班', width: 30, type: 'text', value: (row) => row.logged },
      { header: '实际值班（小时）', width: 10, type: 'number', value: (row) => hoursOf(row.actualMinutes) },
      { header: '接待来访（人次）', width: 10, type: 'number', value: (row) => row.visitors },
      { header: '接听来电（次）', width: 10, type: 'number', value: (row) => row.calls },
      { header: '突发事件', width: 30, type: 'text', value: (row) => row.incidents },
      { header: '交接班事项', width: 30, type: 'text', value: (row) => row.handover },
    ];
    return { columns, rows: [...rows, totals] };
  });
}
