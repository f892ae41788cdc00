import { addDays } from '../../../../shared/domain/dates.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Handlers } from '../../handlerTable.js';

/** The 站长's 自评 of the rooms and the district's support, as a community room that passed its own look would write it. */
const selfAssessment = [
  { itemId: 'venue-area', met: true, note: '咨询室 16 m²，设在社区综治中心二楼东侧，见平面图。' },
  { itemId: 'venue-environment', met: true, note: '浅米色墙面，沙发、绿植，隔音门。' },
  { itemId: 'venue-equipment', met: true, note: '电话、电脑、桌椅、带锁资料柜各一。' },
  { itemId: 'team-upper-support', met: true, note: '区社会心理服务中心每月督导一次。' },
] as const;

/**
 * The demo's checklist: the 站长's 自评 against seed 003's "五个一" (the template a community room follows by default),
 * and a 自查 a month ago, scored by the 站长 as its evaluator, concluded and 办结, through the same handlers as the
 * screens. Its snapshot is taken today: the demo's records are all there to count.
 */
export async function seedChecklistDemo(handlers: Handlers, admin: Session, today: string): Promise<void> {
  const { template } = await handlers['checklist.get']({}, admin);
  for (const answer of selfAssessment) await handlers['checklist.assess']({ templateId: template.id, version: template.version, ...answer }, admin);
  const inspection = await handlers['inspections.create'](
    { kind: 'self', title: '季度自查', inspectingBody: '本站', plannedOn: addDays(today, -30), from: addDays(today, -364), to: today },
    admin,
  );
  for (const answer of selfAssessment) await handlers['inspections.score']({ inspectionId: inspection.id, itemId: answer.itemId, met: true, note: '' }, admin);
  const scored = await handlers['inspections.get']({ inspectionId: inspection.id }, admin);
  const verdict = scored.evaluation.passes ? 'pass' : 'fail';
  await handlers['inspections.conclude']({ inspectionId: inspection.id, verdict, opinion: verdict === 'pass' ? '场地、人员、制度、团队四项均达到要求。' : '各项已对照自评核实，未达标项列入下季度工作计划。' }, admin);
  await handlers['inspections.close']({ inspectionId: inspection.id }, admin);
}
