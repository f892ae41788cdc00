import type { z } from 'zod';
import type { ruleAdoptInput, ruleCreateInput, ruleDraftInput, RuleDetail, RuleSummary, RuleVersion } from '../../../../shared/api/schemas/rules.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { ruleTemplateCodes, ruleTemplates } from '../../../../shared/domain/ruleTemplates.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { adoptRuleDraft, discardRuleDraft, insertRule, listRules, readRuleVersion, saveRuleDraft, templateInUse, type StoredRule, type StoredRuleVersion } from '../../repositories/rulesRepo.js';
import type { Vault } from '../../vault.js';

const versionView = ({ ruleId: _rule, ...version }: StoredRuleVersion): RuleVersion => version;
const isDraft = (version: StoredRuleVersion) => version.versionNo === null;

/** What every staff role sees of a rule in the list: its current version (number, date, adopter) and whether a draft waits. */
function summaryOf(rule: StoredRule): RuleSummary {
  const draft = rule.versions.find(isDraft);
  const adopted = rule.versions.filter((version) => !isDraft(version));
  const current = adopted[0];
  const withoutBody = ({ body: _body, ...rest }: RuleVersion) => rest;
  return {
    id: rule.id,
    templateCode: rule.templateCode,
    title: (current ?? draft)?.title ?? '',
    current: current ? withoutBody(versionView(current)) : null,
    adoptedCount: adopted.length,
    hasDraft: draft !== undefined,
  };
}

/**
 * The station's rules (制度). Each rule keeps every adopted version readable; the current one is the latest adopted.
 * Only the 站长 writes a draft and adopts it (issue 12); every staff role reads the adopted versions.
 */
export class RulesService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  private rule(db: Db, id: number): StoredRule {
    const [rule] = listRules(db, ruleTemplateCodes, id);
    if (!rule) throw new AppError('NOT_FOUND', '找不到该制度。');
    return rule;
  }

  private detail(db: Db, session: Session, id: number): RuleDetail {
    const rule = this.rule(db, id);
    const draft = rule.versions.find(isDraft);
    const versions = rule.versions.filter((version) => !isDraft(version)).map(versionView);
    return { ...summaryOf(rule), versions, draft: draft && session.role === 'admin' ? versionView(draft) : null };
  }

  list(): RuleSummary[] {
    return listRules(this.vault.connection(), ruleTemplateCodes).map(summaryOf);
  }

  get(session: Session, id: number): RuleDetail {
    return this.detail(this.vault.connection(), session, id);
  }

  /** A new rule starts as a draft: from one of seed 003's templates (each once) or the station's own. */
  create(session: Session, input: z.output<typeof ruleCreateInput>): RuleDetail {
    return this.vault.write((db, audit) => {
      const template = ruleTemplates.find((entry) => entry.code === input.templateCode);
      if (template && templateInUse(db, template.code)) throw fieldRefusal('templateCode', `“${template.title}”已建立，请打开它起草新版本。`);
      const at = this.clock.now().toISOString();
      const id = insertRule(db, input.templateCode, session.userId ?? 0, at);
      saveRuleDraft(db, id, input, session.userId ?? 0, at);
      audit({ ...actorOf(session), action: 'rules.create', objectType: 'rule', objectId: id, detail: { templateCode: input.templateCode } });
      return this.detail(db, session, id);
    });
  }

  saveDraft(session: Session, input: z.output<typeof ruleDraftInput>): RuleDetail {
    return this.vault.write((db, audit) => {
      this.rule(db, input.ruleId);
      saveRuleDraft(db, input.ruleId, input, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'rules.saveDraft', objectType: 'rule', objectId: input.ruleId });
      return this.detail(db, session, input.ruleId);
    });
  }

  discardDraft(session: Session, ruleId: number): RuleDetail {
    return this.vault.write((db, audit) => {
      const draft = this.requireDraft(db, ruleId);
      if (this.rule(db, ruleId).versions.length === 1) throw new AppError('INVALID_INPUT', '该制度还没有通过的版本，草稿不能放弃；请修改草稿后通过。');
      discardRuleDraft(db, draft.id);
      audit({ ...actorOf(session), action: 'rules.discardDraft', objectType: 'rule', objectId: ruleId });
      return this.detail(db, session, ruleId);
    });
  }

  private requireDraft(db: Db, ruleId: number) {
    const draft = this.rule(db, ruleId).versions.find(isDraft);
    if (!draft) throw new AppError('INVALID_INPUT', '该制度没有待通过的草稿：请先起草新版本。');
    return draft;
  }

  /**
   * The draft becomes the next version, adopted on a day that has come and not before the version it replaces; a
   * version is its text or an uploaded file (or both), never empty.
   */
  adopt(session: Session, input: z.output<typeof ruleAdoptInput>): RuleDetail {
    return this.vault.write((db, audit) => {
      const draft = this.requireDraft(db, input.ruleId);
      if (draft.body === '' && draft.fileCount === 0) throw fieldRefusal('body', '制度正文为空且没有上传制度文件：请填写正文或上传文件后再通过。');
      if (input.adoptedOn > localDay(this.clock.now())) throw fieldRefusal('adoptedOn', `通过日期 ${input.adoptedOn} 还未到，不能登记为已通过。`);
      const current = this.rule(db, input.ruleId).versions.find((version) => !isDraft(version));
      if (current?.adoptedOn && input.adoptedOn < current.adoptedOn) {
        throw fieldRefusal('adoptedOn', `通过日期不能早于现行第 ${current.versionNo} 版的通过日期（${current.adoptedOn}）。`);
      }
      const versionNo = adoptRuleDraft(db, draft.id, input.adoptedOn, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'rules.adopt', objectType: 'rule', objectId: input.ruleId, detail: { versionNo, adoptedOn: input.adoptedOn } });
      return this.detail(db, session, input.ruleId);
    });
  }
}

/** Files of a rule's version: read by those holding the clinical key (every file is encrypted with it), added by the 站长 to a draft. */
export function requireRuleVersionFiles(db: Db, session: Session, versionId: number, mode: 'read' | 'write'): void {
  const version = readRuleVersion(db, versionId);
  if (!version) throw new AppError('NOT_FOUND', '找不到该制度版本。');
  if (mode === 'write' && (session.role !== 'admin' || version.versionNo !== null)) {
    throw new AppError('FORBIDDEN', version.versionNo === null ? '只有站长可以上传制度文件。' : '已通过的制度版本不能再添加文件；请起草新版本。');
  }
  if (session.role !== 'admin' && (session.role !== 'counsellor' || version.versionNo === null)) {
    throw new AppError('FORBIDDEN', '制度文件与其他附件一样加密保存，前台不能打开；请查看制度正文，或请站长打印上墙版。');
  }
}
