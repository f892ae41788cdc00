import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { ScreeningDetail, ScreeningSummary, screeningCreateInput } from '../../../../shared/api/schemas/screenings.js';
import { drawScreeningCode } from '../../../../shared/scales/screeningCode.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { storedScore } from '../../repositories/scalesRepo.js';
import {
  closeScreening,
  insertParticipants,
  insertScreening,
  linkScreeningResult,
  listScreenings,
  openParticipantByCode,
  participantsOf,
  readScreeningSummary,
  screeningCreator,
  screeningResults,
} from '../../repositories/screeningsRepo.js';
import type { Vault } from '../../vault.js';
import { actorOf } from '../../auth/actor.js';
import { auditedRead, caseAccessOf } from '../../access/clinicalReach.js';
import type { ScaleCatalog } from './scaleCatalog.js';

const participantCode = () => drawScreeningCode(randomInt);

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
      const screeningId = insertScreening(db, { name: input.name, scaleIds: [...new Set(input.scaleIds)] }, session.userId ?? 0, this.clock.now().toISOString());
      insertParticipants(db, screeningId, names, participantCode);
      audit({ ...actorOf(session), action: 'screenings.create', objectType: 'screening', objectId: screeningId, detail: { participants: names.length, roster: names[0] !== '' } });
      return this.detail(db, screeningId);
    });
  }

  /** A screening's roster and positives are its creator's work: only they and the 站长 see it (no sharing yet). */
  list(session: Session): ScreeningSummary[] {
    const access = caseAccessOf(session);
    return auditedRead(this.vault, session, { action: 'screenings.list' }, (db) => listScreenings(db, access));
  }

  requireScreening(db: Db, session: Session, id: number): void {
    const access = caseAccessOf(session);
    const createdBy = screeningCreator(db, id);
    if (createdBy === undefined) throw new AppError('NOT_FOUND', '找不到该普查。');
    if (!access.seesAll && createdBy !== access.userId) throw new AppError('FORBIDDEN', '该普查由其他咨询师创建，您不能查看或结束。');
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
      if (!closeScreening(db, id, this.clock.now().toISOString())) {
        throw new AppError('INVALID_INPUT', '该普查不存在或已结束。');
      }
      audit({ ...actorOf(session), action: 'screenings.close', objectType: 'screening', objectId: id });
      return this.detail(db, id);
    });
  }

  /** A kiosk answer given under a participant's code joins that open screening (if it offers the scale). */
  attach(db: Db, code: string, scaleId: string, resultId: number): void {
    const participant = openParticipantByCode(db, code.trim().toUpperCase());
    if (!participant || !participant.scaleIds.includes(scaleId)) return;
    linkScreeningResult(db, participant.id, resultId);
  }

  private detail(db: Db, id: number): ScreeningDetail {
    const summary = readScreeningSummary(db, id);
    if (!summary) throw new AppError('NOT_FOUND', '找不到该普查。');
    const participantList = participantsOf(db, id);
    const rows = screeningResults(db, id);
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
