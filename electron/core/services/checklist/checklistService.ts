import type { z } from 'zod';
import type { assessInput, ChecklistView, TemplateSummary } from '../../../../shared/api/schemas/checklist.js';
import { checklistFigureIds } from '../../../../shared/checklist/figures.js';
import { builtinTemplates } from '../../../../shared/checklist/library.js';
import { scoreChecklist } from '../../../../shared/checklist/scoring.js';
import type { ChecklistTemplate } from '../../../../shared/checklist/templateSchema.js';
import { validateTemplate } from '../../../../shared/checklist/validateTemplate.js';
import { addDays, localDay } from '../../../../shared/domain/dates.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { answersOf, importedTemplateExists, importedTemplates, insertTemplate, readChoice, saveAnswer, writeChoice, type TemplateKey } from '../../repositories/checklistRepo.js';
import { readStation } from '../../repositories/stationRepo.js';
import type { Vault } from '../../vault.js';
import { computeFigures } from './checklistFigures.js';
import { checkedAnswer } from './itemAnswer.js';

/**
 * Every table the checklist's view reads (its template, answers and figures): the report keeps the checklist's score
 * while their change counts (migrations 310, 340) and the day stand still; factReadings.test checks the list.
 */
export const checklistTables = [
  'activities',
  'appointments',
  'backups',
  'calendar_days',
  'checklist_answers',
  'checklist_choice',
  'checklist_templates',
  'clients',
  'crises',
  'duty_logs',
  'duty_shifts',
  'follow_ups',
  'meetings',
  'people',
  'person_qualifications',
  'report_versions',
  'rule_versions',
  'screening_visits',
  'settings',
  'station',
  'station_rules',
  'users',
] as const;

/** What a station follows before its 站长 picks the district's template: seed 003's standard for its level. */
const defaultTemplateOf = { community: 'yongchuan-community-five-ones', street: 'yongchuan-street-station', district: 'yongchuan-street-station' } as const;

const keyOf = (template: ChecklistTemplate): TemplateKey => ({ templateId: template.id, version: template.version });
const summaryOf = (template: ChecklistTemplate, builtin: boolean): TemplateSummary => ({
  id: template.id,
  version: template.version,
  name: template.name,
  level: template.level,
  sourceKind: template.source.kind,
  citation: template.source.citation,
  builtin,
  items: template.sections.reduce((sum, section) => sum + section.items.length, 0),
});

/**
 * The station's compliance checklist: the templates it may follow (shipped, and its district's imports, every version
 * kept), its self-assessment, and the figures re-read from the records at every look, scored together.
 */
export class ChecklistService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  private allTemplates(db: Db): Array<{ template: ChecklistTemplate; builtin: boolean }> {
    const imported = importedTemplates(db).map((row) => validateTemplate(JSON.parse(row.definition) as unknown)).flatMap((checked) => (checked.ok ? [{ template: checked.template, builtin: false }] : []));
    return [...[...builtinTemplates.values()].map((template) => ({ template, builtin: true })), ...imported];
  }

  private templateOf(db: Db, key: TemplateKey): ChecklistTemplate | undefined {
    return this.allTemplates(db).find(({ template }) => template.id === key.templateId && template.version === key.version)?.template;
  }

  /** The template the station follows: its 站长's choice, else seed 003's standard for its level. */
  private current(db: Db): { template: ChecklistTemplate; chosenAt: string | null } {
    const choice = readChoice(db);
    const chosen = choice && this.templateOf(db, choice);
    if (chosen) return { template: chosen, chosenAt: choice.chosenAt };
    return { template: builtinTemplates.get(defaultTemplateOf[readStation(db)?.level ?? 'street'])!, chosenAt: null };
  }

  templates(): TemplateSummary[] {
    return this.allTemplates(this.vault.connection()).map(({ template, builtin }) => summaryOf(template, builtin));
  }

  /** The checklist over a period (the last 365 days by default): flows counted in it, stocks on its last day. */
  get(period: { from?: string | undefined; to?: string | undefined } = {}): ChecklistView {
    return this.view(this.vault.connection(), period);
  }

  /** The checklist as it stands inside a write (an inspection keeps it as its snapshot). */
  view(db: Db, period: { from?: string | undefined; to?: string | undefined }): ChecklistView {
    const now = this.clock.now();
    const to = period.to ?? localDay(now);
    const from = period.from ?? addDays(to, -364);
    const { template, chosenAt } = this.current(db);
    const answers = answersOf(db, keyOf(template));
    const figures = computeFigures(db, { from, to }, now);
    const score = scoreChecklist(template, Object.fromEntries(answers.map((answer) => [answer.itemId, answer])), figures);
    return { template, chosenAt, from, to, answers, figures: checklistFigureIds.map((id) => ({ id, value: figures[id] })), score };
  }

  choose(session: Session, key: TemplateKey): ChecklistView {
    return this.vault.write((db, audit) => {
      const template = this.templateOf(db, key);
      if (!template) throw fieldRefusal('templateId', `找不到检查标准 ${key.templateId}（第 ${key.version} 版）。`);
      writeChoice(db, key, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'checklist.choose', objectType: 'checklistTemplate', detail: { templateName: template.name, templateVersion: template.version } });
      return this.view(db, {});
    });
  }

  /** One item's 自评: a pass-or-fail item takes 达到/未达到, a levelled one the level reached; a figure item is scored by its records. */
  assess(session: Session, input: z.output<typeof assessInput>): ChecklistView {
    return this.vault.write((db, audit) => {
      const { template } = this.current(db);
      if (template.id !== input.templateId || template.version !== input.version) throw new AppError('INVALID_INPUT', '本站使用的检查标准已更换，请刷新后再填写自评。');
      const { item, met, level, assessment } = checkedAnswer(template, input);
      saveAnswer(db, keyOf(template), { itemId: item.id, met, level, note: input.note }, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'checklist.assess', objectType: 'checklistItem', detail: { templateName: template.name, itemTitle: item.title, assessment } });
      return this.view(db, {});
    });
  }

  /** A district's template: checked whole, every problem named; an id and version already here is never replaced. */
  importTemplate(session: Session, json: string): TemplateSummary {
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      throw fieldRefusal('templateJson', '模板文件不是有效的 JSON，请检查文件是否完整。');
    }
    const checked = validateTemplate(raw);
    if (!checked.ok) throw new AppError('INVALID_INPUT', `检查标准有 ${checked.problems.length} 处问题，未导入：${checked.problems.join('；')}`, checked.problems.map((message) => ({ path: 'templateJson', message })));
    const template = checked.template;
    return this.vault.write((db, audit) => {
      const key = keyOf(template);
      if (builtinTemplates.get(template.id)?.version === template.version || importedTemplateExists(db, key)) {
        throw fieldRefusal('templateJson', `检查标准 ${template.id} 的第 ${template.version} 版已经存在；修订后的标准请用新的版本号导入，原版本保留不变。`);
      }
      if (builtinTemplates.has(template.id)) throw fieldRefusal('templateJson', `编号 ${template.id} 是随软件提供的标准，请为本区的标准另起编号。`);
      insertTemplate(db, key, JSON.stringify(template), session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'checklist.importTemplate', objectType: 'checklistTemplate', detail: { templateName: template.name, templateVersion: template.version } });
      return summaryOf(template, false);
    });
  }
}
