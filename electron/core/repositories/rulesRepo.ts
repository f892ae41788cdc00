import type { RuleTemplateCode } from '../../../shared/domain/ruleTemplates.js';
import type { Db } from '../db/driver.js';

type Person = { id: number; displayName: string };

/** One version of a rule as stored; a draft has no number, date or adopter yet. */
export type StoredRuleVersion = Readonly<{
  id: number;
  ruleId: number;
  versionNo: number | null;
  title: string;
  body: string;
  fileCount: number;
  adoptedOn: string | null;
  adoptedBy: Person | null;
  draftedBy: Person;
  updatedAt: string;
}>;

export type StoredRule = Readonly<{ id: number; templateCode: RuleTemplateCode | null; versions: StoredRuleVersion[] }>;

type VersionRow = {
  id: number;
  rule_id: number;
  version_no: number | null;
  title: string;
  body: string;
  file_count: number;
  adopted_on: string | null;
  adopted_by: number | null;
  adopter_name: string | null;
  drafted_by: number;
  drafter_name: string;
  updated_at: string;
};

const selectVersions = `
  SELECT v.*, a.display_name AS adopter_name, d.display_name AS drafter_name,
    (SELECT count(*) FROM attachments f WHERE f.owner_type = 'ruleVersion' AND f.owner_id = v.id) AS file_count
  FROM rule_versions v JOIN users d ON d.id = v.drafted_by LEFT JOIN users a ON a.id = v.adopted_by`;

function toVersion(row: VersionRow): StoredRuleVersion {
  return {
    id: row.id,
    ruleId: row.rule_id,
    versionNo: row.version_no,
    title: row.title,
    body: row.body,
    fileCount: row.file_count,
    adoptedOn: row.adopted_on,
    adoptedBy: row.adopted_by === null ? null : { id: row.adopted_by, displayName: row.adopter_name ?? '' },
    draftedBy: { id: row.drafted_by, displayName: row.drafter_name },
    updatedAt: row.updated_at,
  };
}

/**
 * Every rule with its versions, the draft first and then the adopted ones newest first; rules in the order of seed
 * 003's eight templates, then the station's own by when they were created.
 */
export function listRules(db: Db, templateOrder: readonly string[], ruleId?: number): StoredRule[] {
  const rules = db
    .prepare(
      `SELECT id, template_code AS templateCode FROM station_rules WHERE @ruleId IS NULL OR id = @ruleId
       ORDER BY coalesce((SELECT key FROM json_each(@order) WHERE value = template_code), 1000), id`,
    )
    .all({ ruleId: ruleId ?? null, order: JSON.stringify(templateOrder) }) as Array<{ id: number; templateCode: RuleTemplateCode | null }>;
  const versions = (db.prepare(`${selectVersions} WHERE @ruleId IS NULL OR v.rule_id = @ruleId ORDER BY v.version_no IS NOT NULL, v.version_no DESC`).all({ ruleId: ruleId ?? null }) as VersionRow[]).map(toVersion);
  return rules.map((rule) => ({ ...rule, versions: versions.filter((version) => version.ruleId === rule.id) }));
}

export function readRuleVersion(db: Db, id: number): StoredRuleVersion | undefined {
  const row = db.prepare(`${selectVersions} WHERE v.id = ?`).get(id) as VersionRow | undefined;
  return row && toVersion(row);
}

export function templateInUse(db: Db, code: RuleTemplateCode): boolean {
  return db.prepare('SELECT 1 FROM station_rules WHERE template_code = ?').get(code) !== undefined;
}

export function insertRule(db: Db, templateCode: RuleTemplateCode | null, createdBy: number, at: string): number {
  return Number(db.prepare('INSERT INTO station_rules (template_code, created_by, created_at) VALUES (?, ?, ?)').run(templateCode, createdBy, at).lastInsertRowid);
}

/** The rule's draft is written over, or started when it has none. */
export function saveRuleDraft(db: Db, ruleId: number, draft: Readonly<{ title: string; body: string }>, draftedBy: number, at: string): void {
  const existing = db.prepare('SELECT id FROM rule_versions WHERE rule_id = ? AND version_no IS NULL').get(ruleId) as { id: number } | undefined;
  if (existing) {
    db.prepare('UPDATE rule_versions SET title = ?, body = ?, drafted_by = ?, updated_at = ? WHERE id = ?').run(draft.title, draft.body, draftedBy, at, existing.id);
    return;
  }
  db.prepare('INSERT INTO rule_versions (rule_id, title, body, drafted_by, updated_at) VALUES (?, ?, ?, ?, ?)').run(ruleId, draft.title, draft.body, draftedBy, at);
}

/** The draft and the files attached to it go; adopted versions stay as they are. */
export function discardRuleDraft(db: Db, versionId: number): void {
  db.prepare("DELETE FROM attachments WHERE owner_type = 'ruleVersion' AND owner_id = ?").run(versionId);
  db.prepare('DELETE FROM rule_versions WHERE id = ? AND version_no IS NULL').run(versionId);
}

/** The draft becomes the next numbered version, adopted on that day by that account. */
export function adoptRuleDraft(db: Db, versionId: number, adoptedOn: string, adoptedBy: number, at: string): number {
  const { next } = db.prepare('SELECT coalesce(max(version_no), 0) + 1 AS next FROM rule_versions WHERE rule_id = (SELECT rule_id FROM rule_versions WHERE id = ?)').get(versionId) as { next: number };
  db.prepare('UPDATE rule_versions SET version_no = ?, adopted_on = ?, adopted_by = ?, updated_at = ? WHERE id = ?').run(next, adoptedOn, adoptedBy, at, versionId);
  return next;
}
