import type { z } from 'zod';
import type { signInImportInput, SignInEntry } from '../../../../shared/api/schemas/signIns.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import { readActivity, type StoredActivity } from '../../repositories/activitiesRepo.js';
import { listSignIns, replaceSignIns, setParticipantCount } from '../../repositories/signInsRepo.js';
import type { Db } from '../../db/driver.js';
import type { Vault } from '../../vault.js';
import type { ExportFile } from '../../../../shared/api/schemas/exports.js';
import { exportTable, type Column } from '../../export/xlsxTable.js';
import { readMarker } from '../../repositories/settingsRepo.js';
import { readStation } from '../../repositories/stationRepo.js';
import { mayEdit, requireNotGroupMeeting, viewOf } from './activityChecks.js';
import { readSignInSheet } from './signInSheet.js';

/**
 * Sign-in sheets of activities (签到表). The front desk records sign-ins for any activity (issue 12: "reception
 * records calls and sign-ins"); the 站长 and the counsellors who ran it do too. A sheet replaces the list whole.
 */
export class SignInsService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  private require(db: Db, session: Session, id: number): StoredActivity {
    const activity = readActivity(db, id);
    if (!activity) throw new AppError('NOT_FOUND', '找不到该活动记录。');
    if (session.role !== 'reception' && !mayEdit(session, activity)) {
      throw new AppError('FORBIDDEN', '只有站长、前台或列为该活动工作人员的咨询师可以登记签到。');
    }
    return activity;
  }

  /** The sheet is read before the write begins; then the list, a raised 参与人数 and the audit row commit together. */
  async import(session: Session, input: z.output<typeof signInImportInput>) {
    requireNotGroupMeeting(this.require(this.vault.connection(), session, input.activityId));
    const entries = await readSignInSheet(Buffer.from(input.dataBase64, 'base64'));
    return this.vault.write((db, audit) => {
      const current = this.require(db, session, input.activityId);
      const raised = current.status === 'done' && (current.participantCount ?? 0) < entries.length;
      replaceSignIns(db, current.id, entries);
      if (raised) setParticipantCount(db, current.id, entries.length, this.clock.now().toISOString());
      audit({
        ...actorOf(session),
        action: 'activities.importSignIns',
        objectType: 'activity',
        objectId: current.id,
        detail: { signIns: entries.length, ...(raised ? { participantCount: entries.length } : {}) },
      });
      return { imported: entries.length, activity: viewOf(db, session, readActivity(db, current.id)!), participantCountRaised: raised };
    });
  }

  /** Names and phone numbers of residents: each read is audited (who read which activity's list, never the list). */
  list(session: Session, activityId: number): SignInEntry[] {
    return this.vault.write((db, audit) => {
      const entries = listSignIns(db, this.require(db, session, activityId).id);
      audit({ ...actorOf(session), action: 'activities.signIns', objectType: 'activity', objectId: activityId, detail: { signIns: entries.length } });
      return entries;
    });
  }
}

/** Blank lines on the printed template: one sheet of A4 holds about thirty. */
const templateLines = 30;

/**
 * The sign-in sheet to print and pass round, or to fill in Excel: the activity named in its title, the columns
 * the import reads, numbered blank lines and a 签名 column for the paper.
 */
export async function signInTemplate(vault: Vault, activityId: number): Promise<ExportFile> {
  const db = vault.connection();
  const activity = readActivity(db, activityId);
  if (!activity) throw new AppError('NOT_FOUND', '找不到该活动记录。');
  const text = (header: string, width: number): Column<number> => ({ header, width, type: 'text', value: () => '' });
  const table = {
    heading: { station: readStation(db)?.name ?? '', title: '签到表', period: `${activity.date} ${activity.theme}`, demo: readMarker(db, 'demo') },
    columns: [{ header: '序号', width: 6, type: 'number' as const, value: (line: number) => line }, text('姓名', 12), text('性别', 6), text('单位/社区', 24), text('联系电话', 16), text('签名', 14)],
    rows: Array.from({ length: templateLines }, (_, index) => index + 1),
  };
  return { ...(await exportTable(table, table.heading.period)), rows: 0 };
}
