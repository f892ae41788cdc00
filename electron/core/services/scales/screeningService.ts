import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { ScreeningDetail, ScreeningSummary, screeningCreateInput } from '../../../../shared/api/schemas/screenings.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { crockfordAlphabet } from '../../keyring/recoveryKey.js';
import { storedScore } from '../../repositories/scalesRepo.js';
import type { Vault } from '../../vault.js';
import { actorOf } from '../../auth/actor.js';
import { auditedRead, caseAccessOf } from '../caseFiles/access.js';
import type { ScaleCatalog } from './scaleCatalog.js';

/** Six characters without I, L, O or U: quick to type at a kiosk, hard to mistype. */
function participantCode(): string {
  return Array.from({ length: 6 }, () => crockfordAlphabet[randomInt(crockfordAlphabet.length)]).join('');
}

type ScreeningRow = { id: number; name: string; scale_ids: string; status: 'open' | 'closed'; created_at: string; participants: number; completed: number };

const selectScreenings = `SELECT s.*,
    (SELECT count(*) FROM screening_participants p WHERE p.screening_id = s.id) AS participants,
    (SELECT count(DISTINCT p.id) FROM screening_participants p JOIN screening_results r ON r.participant_id = p.id WHERE p.screening_id = s.id) AS completed
  FROM screenings s`;

const toSummary = (row: ScreeningRow): ScreeningSummary => ({
  id: row.id,
  name: row.name,
  scaleIds: JSON.parse(row.scale_ids) as string[],
  status: row.status,
  createdAt: row.created_at,
  participants: row.participants,
  completed: row.completed,
});

/** Group screening (普查): codes or a roster, completed at the kiosk, summarised for follow-up. */
export class ScreeningService {
  constructor(
    private readonly vault: Vault,
    private readonly catalog: ScaleCatalog,
    private readonly clock: Clock,
  ) {}

  create(session: Session, input: z.output<typeof screeningCreateInput>) {
    caseAccessOf(session);
    for (const id of input.scaleIds) this.catalog.findWithText(id);
    const names = input.roster && input.roster.length > 0 ? input.roster : Array.from({ length: input.codes ?? 0 }, () => '');
    return this.vault.write((db, audit) => {
      const { lastInsertRowid } = db
        .prepare("INSERT INTO screenings (name, scale_ids, status, created_by, created_at) VALUES (?, ?, 'open', ?, ?)")
        .run(input.name, JSON.stringify([...new Set(input.scaleIds)]), session.userId ?? 0, this.clock.now().toISOString());
      const screeningId = Number(lastInsertRowid);
      const insert = db.prepare('INSERT OR IGNORE INTO screening_participants (screening_id, code, roster_name) VALUES (?, ?, ?)');
      for (const name of names) {
        // A collision with an existing code is astronomically rare; try again rather than fail.
        while (insert.run(screeningId, participantCode(), name).changes === 0);
      }
      audit({ ...actorOf(session), action: 'screenings.create', objectType: 'screening', objectId: screeningId, detail: { participants: names.length, roster: names[0] !== '' } });
      return this.detail(db, screeningId);
    });
  }

  /** A screening's roster and positives are its creator's work: only they and the 站长 see it (no sharing yet). */
  list(session: Session): ScreeningSummary[] {
    const access = caseAccessOf(session);
    return auditedRead(this.vault, session, { action: 'screenings.list' }, (db) =>
      (
        db.prepare(`${selectScreenings} WHERE @seesAll = 1 OR s.created_by = @userId ORDER BY s.created_at DESC LIMIT 200`).all({ seesAll: access.seesAll ? 1 : 0, userId: access.userId }) as ScreeningRow[]
      ).map(toSummary),
    );
  }

  private requireScreening(db: Db, session: Session, id: number): void {
    const access = caseAccessOf(session);
    const row = db.prepare('SELECT created_by AS createdBy FROM screenings WHERE id = ?').get(id) as { createdBy: number } | undefined;
    if (!row) throw new AppError('NOT_FOUND', '找不到该普查。');
    if (!access.seesAll && row.createdBy !== access.userId) throw new AppError('FORBIDDEN', '该普查由其他咨询师创建，您不能查看或结束。');
  }

  get(session: Session, id: number): ScreeningDetail {
    return auditedRead(this.vault, session, { action: 'screenings.view', objectType: 'screening', objectId: id }, (db) => {
      this.requireScreening(db, session, id);
      return this.detail(db, id);
    });
  }

  close(session: Session, id: number): ScreeningDetail {
    return this.vault.write((db, audit) => {
      this.requireScreening(db, session, id);
      if (db.prepare("UPDATE screenings SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'").run(this.clock.now().toISOString(), id).changes === 0) {
        throw new AppError('INVALID_INPUT', '该普查不存在或已结束。');
      }
      audit({ ...actorOf(session), action: 'screenings.close', objectType: 'screening', objectId: id });
      return this.detail(db, id);
    });
  }

  /** A kiosk answer given under a participant's code joins that open screening (if it offers the scale). */
  attach(db: Db, code: string, scaleId: string, resultId: number): void {
    const participant = db
      .prepare(
        `SELECT p.id, s.scale_ids FROM screening_participants p JOIN screenings s ON s.id = p.screening_id
         WHERE p.code = ? AND s.status = 'open'`,
      )
      .get(code.trim().toUpperCase()) as { id: number; scale_ids: string } | undefined;
    if (!participant || !(JSON.parse(participant.scale_ids) as string[]).includes(scaleId)) return;
    db.prepare('INSERT OR IGNORE INTO screening_results (participant_id, result_id) VALUES (?, ?)').run(participant.id, resultId);
  }

  private detail(db: Db, id: number): ScreeningDetail {
    const row = db.prepare(`${selectScreenings} WHERE s.id = ?`).get(id) as ScreeningRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', '找不到该普查。');
    const summary = toSummary(row);
    const participantList = db
      .prepare(
        `SELECT p.id, p.code, p.roster_name AS rosterName, (SELECT count(*) FROM screening_results r WHERE r.participant_id = p.id) AS completed
         FROM screening_participants p WHERE p.screening_id = ? ORDER BY p.id`,
      )
      .all(id) as ScreeningDetail['participantList'];
    const rows = db
      .prepare(
        `SELECT p.code, p.roster_name AS rosterName, r.id AS resultId, r.scale_id AS scaleId, r.scale_version AS version, r.result
         FROM screening_results sr JOIN screening_participants p ON p.id = sr.participant_id JOIN scale_results r ON r.id = sr.result_id
         WHERE p.screening_id = ? ORDER BY p.id, r.id`,
      )
      .all(id) as Array<{ code: string; rosterName: string; resultId: number; scaleId: string; version: number; result: string }>;
    // A participant who repeats a scale counts once, with the latest result.
    const results = [...new Map(rows.map((item) => [`${item.code}|${item.scaleId}`, { ...item, score: storedScore(db, item.resultId, item.result) }])).values()];
    const distribution = summary.scaleIds.map((scaleId) => {
      const bands = this.catalog.find(scaleId).scoring.bands.map((band) => ({ id: band.id, label: band.label.zh, count: 0 }));
      let unbanded = 0;
      for (const item of results.filter((result) => result.scaleId === scaleId)) {
        const band = item.score.band;
        const slot = band ? bands.find((candidate) => candidate.id === band.id) : undefined;
        if (slot) slot.count += 1;
        else unbanded += 1;
      }
      return { scaleId, bands, unbanded };
    });
    const positives = results.flatMap((item) => {
      const result = item.score;
      const colour = result.band ? this.catalog.find(item.scaleId, item.version).scoring.bands[result.band.index]?.color : undefined;
      const positive = result.critical || result.flags.length > 0 || colour === 'yellow' || colour === 'red';
      return positive
        ? [{ code: item.code, rosterName: item.rosterName, scaleId: item.scaleId, resultId: item.resultId, total: result.total, band: result.band?.label ?? null, critical: result.critical, flags: result.flags.map((flag) => flag.label) }]
        : [];
    });
    return { ...summary, participantList, distribution, positives };
  }
}
