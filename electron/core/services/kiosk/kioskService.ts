import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { kioskOpenInput, kioskSubmitInput } from '../../../../shared/api/schemas/kiosk.js';
import type { SurveyResponseInput } from '../../../../shared/api/schemas/surveys.js';
import { correctLabels } from '../../../../shared/scales/knowledge.js';
import { LoginBackoff } from '../../auth/loginBackoff.js';
import type { Session, SessionStore } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import { readStation } from '../../repositories/stationRepo.js';
import type { Vault } from '../../vault.js';
import type { ResultsService } from '../scales/resultsService.js';
import type { ScaleCatalog } from '../scales/scaleCatalog.js';
import type { ScreeningService } from '../scales/screeningService.js';
import type { SurveysService } from '../ledgers/surveysService.js';
import { findQuestionnaire } from '../ledgers/surveyChecks.js';
import { actorOf } from '../../auth/actor.js';

/** The default: after 90 s without a touch the kiosk warns, then resets. */
const idleSeconds = 90;
/** The kiosk's one PIN, as an account name for the shared back-off. */
const pinAccount = 'kiosk-pin';

type ActiveKiosk = {
  token: string;
  sessionToken: string;
  scaleIds: readonly string[];
  surveyId: number | null;
  pinSalt: Buffer;
  pinHash: Buffer;
  showScores: boolean;
  /** PIN guesses back off exactly like passwords (30 s doubling after five, at most 15 min). */
  pinBackoff: LoginBackoff;
};

const hashPin = (salt: Buffer, pin: string) => createHash('sha256').update(salt).update(pin).digest();

/**
 * The resident kiosk: one at a time, opened by staff with the scales it offers and a PIN to leave.
 * Its token can call kiosk methods only; it sees scale texts and submits answers, nothing else.
 */
export class KioskService {
  private active: ActiveKiosk | null = null;

  constructor(
    private readonly vault: Vault,
    private readonly sessions: SessionStore,
    private readonly catalog: ScaleCatalog,
    private readonly results: ResultsService,
    private readonly screenings: ScreeningService,
    private readonly surveys: SurveysService,
    private readonly clock: Clock,
  ) {}

  /** A full lock (restore, shutdown) ends every session, the kiosk's too. */
  isActive(): boolean {
    return this.active !== null && this.sessions.get(this.active.sessionToken) !== null;
  }

  isKioskToken(token: string): boolean {
    if (!this.active || !this.isActive()) return false;
    const left = Buffer.from(token);
    const right = Buffer.from(this.active.token);
    return left.length === right.length && timingSafeEqual(left, right);
  }

  open(session: Session, input: z.output<typeof kioskOpenInput>) {
    for (const id of input.scaleIds) this.catalog.findWithText(id);
    if (input.surveyId !== null) this.surveys.requireOpenSurvey(input.surveyId);
    this.end(null);
    const kioskSession = this.sessions.create(
      { userId: null, username: 'kiosk', displayName: '自助测评终端', role: 'kiosk', mustChangePassword: false },
      this.clock.now().getTime(),
    );
    const pinSalt = randomBytes(16);
    const token = randomBytes(24).toString('base64url');
    this.active = {
      token,
      sessionToken: kioskSession.token,
      scaleIds: [...new Set(input.scaleIds)],
      surveyId: input.surveyId,
      pinSalt,
      pinHash: hashPin(pinSalt, input.pin),
      showScores: input.showScores,
      pinBackoff: new LoginBackoff(),
    };
    this.vault.write((_db, audit) =>
      audit({ ...actorOf(session), action: 'kiosk.open', detail: { scales: this.active!.scaleIds.join(','), ...(input.surveyId === null ? {} : { surveyId: input.surveyId }) } }),
    );
    const path = `/kiosk?token=${encodeURIComponent(token)}&session=${encodeURIComponent(kioskSession.token)}`;
    return { token, sessionToken: kioskSession.token, path };
  }

  /** End the kiosk; with no staff logged in, the station locks fully. */
  private end(actor: Session | null): void {
    if (!this.active) return;
    this.sessions.remove(this.active.sessionToken);
    this.active = null;
    if (this.vault.isOpen()) {
      this.vault.write((_db, audit) => audit({ actorId: actor?.userId ?? null, actorName: actor?.username ?? null, action: 'kiosk.close' }));
      if (!this.sessions.hasStaffSessions()) this.vault.close();
    }
  }

  close(session: Session): { ok: true } {
    this.end(session);
    return { ok: true };
  }

  private require(): ActiveKiosk {
    if (!this.active || !this.isActive()) throw new AppError('LOCKED', '自助测评终端已关闭。');
    return this.active;
  }

  info() {
    const kiosk = this.require();
    return {
      stationName: readStation(this.vault.connection())?.name ?? '',
      scales: kiosk.scaleIds.map((id) => {
        const definition = this.catalog.find(id);
        return { id, name: definition.names.zh, itemCount: definition.items.length };
      }),
      survey: kiosk.surveyId === null ? null : this.surveyInfo(kiosk.surveyId),
      showScores: kiosk.showScores,
      idleSeconds,
    };
  }

  private surveyInfo(id: number) {
    const survey = this.surveys.requireOpenSurvey(id);
    const definition = findQuestionnaire(survey.questionnaireId, survey.questionnaireVersion);
    return { id, name: definition.names.zh, itemCount: definition.items.length };
  }

  private offeredSurvey(): number {
    const { surveyId } = this.require();
    if (surveyId === null) throw new AppError('FORBIDDEN', '本终端未开放知晓率调查。');
    return surveyId;
  }

  /** The questionnaire without its correct answers: the resident answers first, the key comes after. */
  survey() {
    const surveyId = this.offeredSurvey();
    const survey = this.surveys.requireOpenSurvey(surveyId);
    const definition = findQuestionnaire(survey.questionnaireId, survey.questionnaireVersion);
    return { surveyId, json: JSON.stringify({ ...definition, items: definition.items.map(({ correct: _key, ...item }) => item) }) };
  }

  /** A knowledge survey raises no alert: the resident gets their count and the answer key, staff the figures. */
  submitSurvey(input: SurveyResponseInput) {
    if (input.surveyId !== this.offeredSurvey()) throw new AppError('FORBIDDEN', '该知晓率调查未在本终端开放。');
    const { definition, result } = this.surveys.record(null, input, 'kiosk');
    return {
      correctCount: result.correctCount,
      itemCount: result.itemCount,
      aware: result.aware,
      key: result.correct.map((correct, index) => ({ correct, answer: correctLabels(definition, index) })),
    };
  }

  private offered(scaleId: string): void {
    if (!this.require().scaleIds.includes(scaleId)) throw new AppError('FORBIDDEN', '该量表未在本终端开放。');
  }

  definition(scaleId: string) {
    this.offered(scaleId);
    return { json: this.catalog.export(scaleId) };
  }

  submit(input: z.output<typeof kioskSubmitInput>) {
    this.offered(input.scaleId);
    const stored = this.results.record(null, { ...input, comment: '' }, { clientId: null, caseId: null, respondent: input.respondent }, 'kiosk', (db, resultId) => {
      if (input.respondent) this.screenings.attach(db, input.respondent, input.scaleId, resultId);
    });
    return { critical: stored.score.critical, result: this.require().showScores ? stored.score : null };
  }

  /** Leaving the kiosk needs the staff PIN; guesses back off like passwords. */
  exit(pin: string): { ok: true } {
    const kiosk = this.require();
    const now = this.clock.now();
    const waitMs = kiosk.pinBackoff.waitMs(pinAccount, now.getTime());
    if (waitMs > 0) throw new AppError('TOO_MANY_ATTEMPTS', `密码错误次数过多，请在 ${Math.ceil(waitMs / 1000)} 秒后再试。`);
    if (!timingSafeEqual(hashPin(kiosk.pinSalt, pin), kiosk.pinHash)) {
      kiosk.pinBackoff.fail(pinAccount, 'password', now);
      throw new AppError('WRONG_CREDENTIALS', '密码不正确。');
    }
    this.end(null);
    return { ok: true };
  }
}
