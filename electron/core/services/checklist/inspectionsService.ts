import type { z } from 'zod';
import { checklistView, type ChecklistView } from '../../../../shared/api/schemas/checklist.js';
import type {
  concludeInput,
  findingInput,
  inspectionCreateInput,
  inspectionScoreInput,
  inspectorAccessInput,
  inspectorAccountInput,
  InspectionRecord,
  InspectionSummary,
  recheckInput,
  rectificationInput,
  sampleInput,
} from '../../../../shared/api/schemas/inspections.js';
import { scoreChecklist } from '../../../../shared/checklist/scoring.js';
import { addDays, localDay } from '../../../../shared/domain/dates.js';
import { maskName } from '../../../../shared/domain/maskName.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { sampleRecords } from '../../repositories/inspectionSamplesRepo.js';
import {
  closeInspection,
  concludeInspection,
  deleteFinding,
  findingParent,
  findingsOf,
  insertFinding,
  insertInspection,
  insertRectification,
  listInspections,
  readInspection,
  readRectification,
  recheckRectification,
  rectificationsOf,
  saveScore,
  scoresOf,
  setInspector,
  submitRectification,
  type StoredInspection,
} from '../../repositories/inspectionsRepo.js';
import { findUserById, isStaff, listUsers, setAccessUntil } from '../../repositories/usersRepo.js';
import type { Vault } from '../../vault.js';
import type { UsersService } from '../foundation/usersService.js';
import type { ChecklistService } from './checklistService.js';
import { checkedAnswer } from './itemAnswer.js';
import { sha256Hex } from '../../sha256.js';

/** How long the 站长 may let an inspector in for: the inspection and its 复查 within two months. */
const inspectorAccessDays = 60;


type Loaded = Readonly<{ stored: StoredInspection; snapshot: ChecklistView }>;

/**
 * Inspections of the checklist (issue 13). The snapshot is the checklist as it stood when the 站长 opened the inspection
 * and is never rewritten (a trigger refuses it too); every score, finding and 整改 refers to it. The evaluator is the
 * inspector account let in for the inspection, else the 站长 (a 自查, or a paper inspection entered afterwards).
 */
export class InspectionsService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly checklist: ChecklistService,
    private readonly users: UsersService,
  ) {}

  private today(): string {
    return localDay(this.clock.now());
  }

  /** An inspection the caller may see: an inspector only the one it was let in for (others do not exist for it). */
  private load(db: Db, session: Session, id: number): Loaded {
    const stored = readInspection(db, id);
    if (!stored || (session.role === 'inspector' && stored.inspector?.id !== session.userId)) throw new AppError('NOT_FOUND', '找不到该检查。');
    if (sha256Hex(stored.snapshot) !== stored.snapshotSha256) throw new AppError('CLINICAL_FIELD_DAMAGED', '该检查的快照与其校验值不符，可能已被改动。请运行“校验”，必要时从备份恢复。');
    return { stored, snapshot: checklistView.parse(JSON.parse(stored.snapshot)) };
  }

  private isEvaluator(session: Session, stored: StoredInspection): boolean {
    return stored.inspector ? stored.inspector.id === session.userId : session.role === 'admin';
  }

  private requireEvaluator(session: Session, stored: StoredInspection, allowed: readonly InspectionSummary['status'][], doing: string): void {
    if (!this.isEvaluator(session, stored)) {
      throw new AppError('FORBIDDEN', stored.inspector ? `只有本次检查的检查人员（${stored.inspector.displayName}）可以${doing}。` : `只有站长可以${doing}。`);
    }
    if (!allowed.includes(stored.status)) {
      const now = { open: '检查尚未作出结论', concluded: '检查已作出结论', closed: '检查已办结' }[stored.status];
      throw new AppError('INVALID_INPUT', `${now}，不能再${doing}。`);
    }
  }

  private record(db: Db, session: Session, { stored, snapshot }: Loaded): InspectionRecord {
    const scores = scoresOf(db, stored.id);
    const figures = Object.fromEntries(snapshot.figures.map((figure) => [figure.id, figure.value]));
    const evaluation = scoreChecklist(snapshot.template, Object.fromEntries(scores.map((score) => [score.itemId, score])), figures);
    const evaluator = this.isEvaluator(session, stored);
    const { snapshot: _text, from: _from, to: _to, ...summary } = stored;
    return {
      ...summary,
      snapshot,
      scores,
      evaluation,
      findings: findingsOf(db, stored.id),
      rectifications: rectificationsOf(db, stored.id),
      staff: listUsers(db).filter((user) => !user.disabled && isStaff(user)).map((user) => ({ id: user.id, displayName: user.displayName })),
      mayEvaluate: evaluator && stored.status === 'open',
      mayRecheck: evaluator && stored.status === 'concluded',
      mayManage: session.role === 'admin',
    };
  }

  private reload(db: Db, session: Session, id: number): InspectionRecord {
    return this.record(db, session, this.load(db, session, id));
  }

  /** After a change: the row read again (status, counts), the snapshot already parsed and checked (it never changes). */
  private refreshed(db: Db, session: Session, loaded: Loaded): InspectionRecord {
    return this.record(db, session, { ...loaded, stored: readInspection(db, loaded.stored.id)! });
  }

  list(session: Session): InspectionSummary[] {
    return listInspections(this.vault.connection(), session.role === 'inspector' ? (session.userId ?? -1) : null);
  }

  get(session: Session, id: number): InspectionRecord {
    return this.reload(this.vault.connection(), session, id);
  }

  /** The inspection with its period, read in the caller's transaction (the 迎检包 reads it beside its evidence). */
  read(db: Db, session: Session, id: number): InspectionRecord & { period: { from: string; to: string } } {
    const loaded = this.load(db, session, id);
    return { ...this.record(db, session, loaded), period: { from: loaded.stored.from, to: loaded.stored.to } };
  }

  /** 自评 → 申请验收 (or a 自查/督导 opened): the checklist of the period is kept as it stands now. */
  create(session: Session, input: z.output<typeof inspectionCreateInput>): InspectionRecord {
    const today = this.today();
    if (input.to > today) throw fieldRefusal('to', '统计期不能晚于今天：快照只能记录已经发生的工作。');
    if (input.plannedOn < addDays(today, -365)) throw fieldRefusal('plannedOn', '检查日期不能早于一年前。');
    return this.vault.write((db, audit) => {
      const view = this.checklist.view(db, { from: input.from, to: input.to });
      const { template } = view;
      const snapshot = JSON.stringify(view);
      const snapshotSha256 = sha256Hex(snapshot);
      const id = insertInspection(db, {
        kind: input.kind,
        title: input.title,
        inspectingBody: input.inspectingBody,
        plannedOn: input.plannedOn,
        templateId: template.id,
        templateVersion: template.version,
        from: input.from,
        to: input.to,
        snapshot,
        snapshotSha256,
        createdBy: session.userId ?? 0,
        createdAt: this.clock.now().toISOString(),
      });
      audit({ ...actorOf(session), action: 'inspections.create', objectType: 'inspection', objectId: id, detail: { inspectionKind: input.kind, inspectionTitle: input.title, templateName: template.name, snapshotSha256 } });
      return this.reload(db, session, id);
    });
  }

  /** An inspector's last day: from today, at most two months ahead. */
  private checkAccessUntil(accessUntil: string): void {
    const today = this.today();
    if (accessUntil < today) throw fieldRefusal('accessUntil', '有效期不能早于今天。');
    if (accessUntil > addDays(today, inspectorAccessDays)) throw fieldRefusal('accessUntil', `检查账号的有效期最长 ${inspectorAccessDays} 天（到 ${addDays(today, inspectorAccessDays)} 为止）。`);
  }

  /** One inspector account for one inspection, until a given day; it reaches nothing but that inspection. */
  async addInspector(session: Session, input: z.output<typeof inspectorAccountInput>): Promise<InspectionRecord> {
    this.checkAccessUntil(input.accessUntil);
    const db = this.vault.connection();
    const { stored } = this.load(db, session, input.inspectionId);
    const refusal = (current: StoredInspection) =>
      current.status === 'closed' ? '检查已办结，不能再开通检查账号。' : current.inspector ? `本次检查已开通检查账号“${current.inspector.username}”，每次检查只开通一个。` : null;
    const before = refusal(stored);
    if (before) throw new AppError('INVALID_INPUT', before);
    await this.users.createAccount(session, { ...input, role: 'inspector' }, (tx, audit, created) => {
      const current = readInspection(tx, input.inspectionId)!;
      const now = refusal(current);
      if (now) throw new AppError('INVALID_INPUT', now);
      setInspector(tx, current.id, created.id);
      audit({ ...actorOf(session), action: 'inspections.addInspector', objectType: 'inspection', objectId: current.id, detail: { accessUntil: input.accessUntil } });
    });
    return this.get(session, input.inspectionId);
  }

  /**
   * The inspector's last day moved, for a 复查 after it; a disabled account stays disabled (enabling is the users
   * screen's, with a new temporary password).
   */
  extendInspector(session: Session, input: z.output<typeof inspectorAccessInput>): InspectionRecord {
    this.checkAccessUntil(input.accessUntil);
    return this.vault.write((db, audit) => {
      const loaded = this.load(db, session, input.inspectionId);
      const { stored } = loaded;
      if (!stored.inspector) throw new AppError('INVALID_INPUT', '本次检查尚未开通检查账号。');
      if (stored.status === 'closed') throw new AppError('INVALID_INPUT', '检查已办结，不能再延长检查账号。');
      setAccessUntil(db, stored.inspector.id, input.accessUntil);
      audit({ ...actorOf(session), action: 'inspections.extendInspector', objectType: 'inspection', objectId: stored.id, detail: { accessUntil: input.accessUntil } });
      return this.refreshed(db, session, loaded);
    });
  }

  /** The evaluator's 评估得分 of one item, against the snapshot's template. */
  score(session: Session, input: z.output<typeof inspectionScoreInput>): InspectionRecord {
    return this.vault.write((db, audit) => {
      const loaded = this.load(db, session, input.inspectionId);
      this.requireEvaluator(session, loaded.stored, ['open'], '评分');
      const { item, met, level, assessment } = checkedAnswer(loaded.snapshot.template, input);
      saveScore(db, loaded.stored.id, { itemId: item.id, met, level, note: input.note }, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'inspections.score', objectType: 'inspection', objectId: loaded.stored.id, detail: { itemTitle: item.title, evaluation: assessment } });
      return this.refreshed(db, session, loaded);
    });
  }

  addFinding(session: Session, input: z.output<typeof findingInput>): InspectionRecord {
    if (input.observedOn > this.today()) throw fieldRefusal('observedOn', '发现问题的日期不能晚于今天。');
    return this.vault.write((db, audit) => {
      const loaded = this.load(db, session, input.inspectionId);
      this.requireEvaluator(session, loaded.stored, ['open'], '记录检查发现');
      const { item } = checkedAnswer(loaded.snapshot.template, { itemId: input.itemId });
      const { inspectionId: _id, ...finding } = input;
      const id = insertFinding(db, loaded.stored.id, { ...finding, itemId: item.id }, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'inspections.addFinding', objectType: 'inspection', objectId: loaded.stored.id, detail: { itemTitle: item.title, findingId: id } });
      return this.refreshed(db, session, loaded);
    });
  }

  removeFinding(session: Session, findingId: number): InspectionRecord {
    return this.vault.write((db, audit) => {
      const parent = findingParent(db, findingId);
      if (!parent) throw new AppError('NOT_FOUND', '找不到该检查发现。');
      const loaded = this.load(db, session, parent.inspectionId);
      this.requireEvaluator(session, loaded.stored, ['open'], '删除检查发现');
      if (parent.tasks > 0) throw new AppError('INVALID_INPUT', '该发现已下达整改任务，不能删除。');
      deleteFinding(db, findingId);
      audit({ ...actorOf(session), action: 'inspections.removeFinding', objectType: 'inspection', objectId: loaded.stored.id, detail: { findingId } });
      return this.refreshed(db, session, loaded);
    });
  }

  /** The verdict: every item the evaluator scores by hand is scored, and a ★ item short of full marks cannot pass. */
  conclude(session: Session, input: z.output<typeof concludeInput>): InspectionRecord {
    return this.vault.write((db, audit) => {
      const loaded = this.load(db, session, input.inspectionId);
      this.requireEvaluator(session, loaded.stored, ['open'], '作出结论');
      const record = this.record(db, session, loaded);
      // Items scored by hand must be scored; an item scored from the records counts what the snapshot's figure gave
      // (nothing when the station had no such records), which the evaluator cannot type over.
      const byHand = new Set(loaded.snapshot.template.sections.flatMap((section) => section.items).filter((item) => item.scoring.model === 'passFail' || item.scoring.model === 'levels').map((item) => item.id));
      const unscored = record.evaluation.items.filter((item) => byHand.has(item.id) && item.score === null);
      if (unscored.length > 0) {
        const titles = unscored.map((item) => titleOf(loaded.snapshot, item.id));
        throw new AppError('INVALID_INPUT', `还有 ${unscored.length} 项未评分：${titles.slice(0, 5).join('、')}${unscored.length > 5 ? ' 等' : ''}。请先逐项评分再作结论。`);
      }
      if (input.verdict === 'pass' && record.evaluation.keyShort.length > 0) {
        throw fieldRefusal('verdict', `★ 关键项“${titleOf(loaded.snapshot, record.evaluation.keyShort[0]!)}”未得满分，按检查标准结论不能为“通过”。`);
      }
      const { evaluation } = record;
      concludeInspection(db, loaded.stored.id, {
        verdict: input.verdict,
        opinion: input.opinion,
        score: evaluation.score,
        percent: evaluation.percent,
        grade: evaluation.grade?.label ?? null,
        by: session.userId ?? 0,
        at: this.clock.now().toISOString(),
      });
      audit({ ...actorOf(session), action: 'inspections.conclude', objectType: 'inspection', objectId: loaded.stored.id, detail: { verdict: input.verdict, percent: evaluation.percent } });
      return this.refreshed(db, session, loaded);
    });
  }

  /** A 整改 task (整改通知): to one of the station's active staff, due on a day to come, for a finding of this inspection. */
  addRectification(session: Session, input: z.output<typeof rectificationInput>): InspectionRecord {
    if (input.dueOn < this.today()) throw fieldRefusal('dueOn', '整改期限不能早于今天。');
    return this.vault.write((db, audit) => {
      const loaded = this.load(db, session, input.inspectionId);
      this.requireEvaluator(session, loaded.stored, ['open', 'concluded'], '下达整改任务');
      const owner = findUserById(db, input.assigneeId);
      if (!owner || owner.disabled || !isStaff(owner)) throw fieldRefusal('assigneeId', '整改责任人须是本站在岗的工作人员。');
      if (input.findingId !== null && findingParent(db, input.findingId)?.inspectionId !== loaded.stored.id) throw fieldRefusal('findingId', '该检查发现不属于本次检查。');
      const id = insertRectification(db, loaded.stored.id, input, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'inspections.addRectification', objectType: 'rectification', objectId: id, detail: { inspectionTitle: loaded.stored.title } });
      return this.refreshed(db, session, loaded);
    });
  }

  /** The station reports a task done (整改情况, with its evidence files attached): the 站长 or the task's owner. */
  submitRectification(session: Session, input: { rectificationId: number; closureNote: string }): InspectionRecord {
    return this.vault.write((db, audit) => {
      const task = readRectification(db, input.rectificationId);
      if (!task) throw new AppError('NOT_FOUND', '找不到该整改任务。');
      const loaded = this.load(db, session, task.inspectionId);
      if (session.role !== 'admin' && task.owner.id !== session.userId) throw new AppError('FORBIDDEN', `只有站长或整改责任人（${task.owner.displayName}）可以提交整改情况。`);
      if (loaded.stored.status === 'closed') throw new AppError('INVALID_INPUT', '检查已办结，不能再提交整改情况。');
      if (task.status !== 'open') throw new AppError('INVALID_INPUT', task.status === 'accepted' ? '该整改任务已复查通过。' : '该整改任务已提交，正在等待复查。');
      submitRectification(db, task.id, input.closureNote, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'inspections.submitRectification', objectType: 'rectification', objectId: task.id, detail: { inspectionTitle: loaded.stored.title } });
      return this.refreshed(db, session, loaded);
    });
  }

  /** The 复查 of a submitted task; the last task passed closes a concluded inspection (办结). */
  recheck(session: Session, input: z.output<typeof recheckInput>): InspectionRecord {
    return this.vault.write((db, audit) => {
      const task = readRectification(db, input.rectificationId);
      if (!task) throw new AppError('NOT_FOUND', '找不到该整改任务。');
      const loaded = this.load(db, session, task.inspectionId);
      this.requireEvaluator(session, loaded.stored, ['concluded'], '复查整改');
      if (task.status !== 'submitted') throw new AppError('INVALID_INPUT', task.status === 'accepted' ? '该整改任务已复查通过。' : '站点尚未提交该任务的整改情况，暂不能复查。');
      const at = this.clock.now().toISOString();
      recheckRectification(db, task.id, input.accepted, input.recheckNote, session.userId ?? 0, at);
      audit({ ...actorOf(session), action: 'inspections.recheck', objectType: 'rectification', objectId: task.id, detail: { accepted: input.accepted } });
      if (rectificationsOf(db, loaded.stored.id).every((entry) => entry.status === 'accepted')) {
        closeInspection(db, loaded.stored.id, at);
        audit({ ...actorOf(session), action: 'inspections.close', objectType: 'inspection', objectId: loaded.stored.id, detail: { automatic: true } });
      }
      return this.refreshed(db, session, loaded);
    });
  }

  /** 办结 by the 站长 once concluded and no 整改 task waits (a passed inspection without tasks, say). */
  close(session: Session, id: number): InspectionRecord {
    return this.vault.write((db, audit) => {
      const loaded = this.load(db, session, id);
      if (loaded.stored.status !== 'concluded') throw new AppError('INVALID_INPUT', loaded.stored.status === 'open' ? '检查尚未作出结论，不能办结。' : '检查已办结。');
      const waiting = rectificationsOf(db, id).filter((task) => task.status !== 'accepted').length;
      if (waiting > 0) throw new AppError('INVALID_INPUT', `还有 ${waiting} 项整改任务未复查通过，不能办结。`);
      closeInspection(db, id, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'inspections.close', objectType: 'inspection', objectId: id, detail: { automatic: false } });
      return this.refreshed(db, session, loaded);
    });
  }

  /** Record sampling (抽查): N records of a kind from the snapshot's period, metadata only, client names masked. */
  sample(session: Session, input: z.output<typeof sampleInput>) {
    return this.vault.write((db, audit) => {
      const { stored } = this.load(db, session, input.inspectionId);
      if (!this.isEvaluator(session, stored) && session.role !== 'admin') throw new AppError('FORBIDDEN', '只有检查人员和站长可以抽查记录。');
      const { total, rows } = sampleRecords(db, input.kind, { from: stored.from, to: stored.to }, input.sampleSize);
      audit({ ...actorOf(session), action: 'inspections.sample', objectType: 'inspection', objectId: stored.id, detail: { sampleKind: input.kind, sampleCount: rows.length } });
      return { kind: input.kind, from: stored.from, to: stored.to, total, records: rows.map((row) => ({ ...row, client: row.client === null ? null : maskName(row.client) })) };
    });
  }
}

function titleOf(snapshot: ChecklistView, itemId: string): string {
  return snapshot.template.sections.flatMap((section) => section.items).find((item) => item.id === itemId)?.title ?? itemId;
}
