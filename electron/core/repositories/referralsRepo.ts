import type { ReferralAwaitingReceipt } from '../../../shared/api/schemas/cases.js';
import type { ReferralRecord } from '../../../shared/api/schemas/referrals.js';
import type { Db } from '../db/driver.js';
import { historyReachSql } from './casesRepo.js';
import { decryptText, encryptText, nextRowId } from './clinicalFields.js';

type ReferralRow = {
  id: number;
  client_id: number;
  client_name: string;
  case_id: number | null;
  target: string;
  target_detail: string;
  reason: string;
  shared_info: string;
  status: ReferralRecord['status'];
  sent_on: string;
  received_on: string | null;
  feedback_on: string | null;
  feedback: string;
  not_received_reason: string;
};

const selectReferrals = 'SELECT r.*, c.name AS client_name FROM referrals r JOIN clients c ON c.id = r.client_id';

function toRecord(db: Db, row: ReferralRow, remindBefore: string): ReferralRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    caseId: row.case_id,
    target: row.target,
    targetDetail: row.target_detail,
    reason: decryptText(db, 'referrals', 'reason', row.id, row.reason),
    sharedInfo: decryptText(db, 'referrals', 'shared_info', row.id, row.shared_info),
    status: row.status,
    sentOn: row.sent_on,
    receivedOn: row.received_on,
    feedbackOn: row.feedback_on,
    feedback: decryptText(db, 'referrals', 'feedback', row.id, row.feedback),
    notReceivedReason: row.not_received_reason,
    awaitingReceipt: row.status === 'sent' && row.sent_on <= remindBefore,
  };
}

export function insertReferral(
  db: Db,
  referral: { clientId: number; caseId: number | null; target: string; targetDetail: string; reason: string; sharedInfo: string; sentOn: string },
  userId: number,
  at: string,
): number {
  const id = nextRowId(db, 'referrals');
  db.prepare(
    `INSERT INTO referrals (id, client_id, case_id, target, target_detail, reason, shared_info, status, sent_on, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'sent', ?, ?, ?)`,
  ).run(
    id,
    referral.clientId,
    referral.caseId,
    referral.target,
    referral.targetDetail,
    encryptText(db, 'referrals', 'reason', id, referral.reason),
    encryptText(db, 'referrals', 'shared_info', id, referral.sharedInfo),
    referral.sentOn,
    userId,
    at,
  );
  return id;
}

export function readReferral(db: Db, id: number, remindBefore: string): ReferralRecord | undefined {
  const row = db.prepare(`${selectReferrals} WHERE r.id = ?`).get(id) as ReferralRow | undefined;
  return row && toRecord(db, row, remindBefore);
}

export function listReferrals(db: Db, filter: { clientId?: number | undefined; status: string; userId: number | null }, remindBefore: string): ReferralRecord[] {
  const rows = db
    .prepare(
      `${selectReferrals} WHERE (@clientId IS NULL OR r.client_id = @clientId) AND (@status = 'all' OR r.status = @status)
         AND (@userId IS NULL OR r.created_by = @userId OR ${historyReachSql('r.client_id', 'r.sent_on')})
       ORDER BY r.sent_on DESC, r.id DESC LIMIT 500`,
    )
    .all({ clientId: filter.clientId ?? null, status: filter.status, userId: filter.userId }) as ReferralRow[];
  return rows.map((row) => toRecord(db, row, remindBefore));
}

/**
 * Every referral sent on or before `remindBefore` and still without a receipt, newest first: the home card's. Chosen in
 * SQL: taking the newest 500 of all sent ones first (listReferrals) left out the longest overdue on a busy station.
 */
export function referralsAwaitingReceipt(db: Db, filter: { userId: number | null }, remindBefore: string): ReferralAwaitingReceipt[] {
  return db
    .prepare(
      `SELECT r.id, r.client_id AS clientId, c.name AS clientName, r.sent_on AS sentOn, r.target
       FROM referrals r JOIN clients c ON c.id = r.client_id
       WHERE r.status = 'sent' AND r.sent_on <= @remindBefore AND (@userId IS NULL OR r.created_by = @userId OR ${historyReachSql('r.client_id', 'r.sent_on')})
       ORDER BY r.sent_on DESC, r.id DESC`,
    )
    .all({ userId: filter.userId, remindBefore }) as ReferralAwaitingReceipt[];
}

/** 已转出 → 已接收 → 已反馈, or 未接收; each step forward only. */
export function advanceReferral(db: Db, id: number, change: { status: 'received' | 'feedback' | 'not_received'; on: string; text: string }): void {
  if (change.status === 'received') db.prepare("UPDATE referrals SET status = 'received', received_on = ? WHERE id = ?").run(change.on, id);
  if (change.status === 'feedback') {
    db.prepare("UPDATE referrals SET status = 'feedback', feedback_on = ?, feedback = ?, received_on = coalesce(received_on, ?) WHERE id = ?").run(
      change.on,
      encryptText(db, 'referrals', 'feedback', id, change.text),
      change.on,
      id,
    );
  }
  if (change.status === 'not_received') db.prepare("UPDATE referrals SET status = 'not_received', not_received_reason = ? WHERE id = ?").run(change.text, id);
}

/** Whose referral this is and when it was sent: what reaching it is checked against. */
export function referralParties(db: Db, id: number): { clientId: number; sentOn: string } | undefined {
  return db.prepare('SELECT client_id AS clientId, sent_on AS sentOn FROM referrals WHERE id = ?').get(id) as { clientId: number; sentOn: string } | undefined;
}
