import type { Db } from '../db/driver.js';

export type TemplateKey = Readonly<{ templateId: string; version: number }>;

/** Districts' templates as imported (their JSON text), every version. */
export function importedTemplates(db: Db): Array<{ definition: string }> {
  return db.prepare('SELECT definition FROM checklist_templates ORDER BY id, version').all() as Array<{ definition: string }>;
}

export function importedTemplateExists(db: Db, key: TemplateKey): boolean {
  return db.prepare('SELECT 1 FROM checklist_templates WHERE id = ? AND version = ?').get(key.templateId, key.version) !== undefined;
}

export function insertTemplate(db: Db, key: TemplateKey, definition: string, importedBy: number, at: string): void {
  db.prepare('INSERT INTO checklist_templates (id, version, definition, imported_by, imported_at) VALUES (?, ?, ?, ?, ?)').run(key.templateId, key.version, definition, importedBy, at);
}

export function readChoice(db: Db): (TemplateKey & { chosenAt: string }) | undefined {
  const row = db.prepare('SELECT template_id, template_version, chosen_at FROM checklist_choice WHERE id = 1').get() as { template_id: string; template_version: number; chosen_at: string } | undefined;
  return row && { templateId: row.template_id, version: row.template_version, chosenAt: row.chosen_at };
}

export function writeChoice(db: Db, key: TemplateKey, chosenBy: number, at: string): void {
  db.prepare(
    `INSERT INTO checklist_choice (id, template_id, template_version, chosen_by, chosen_at) VALUES (1, @templateId, @version, @chosenBy, @at)
     ON CONFLICT (id) DO UPDATE SET template_id = excluded.template_id, template_version = excluded.template_version, chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at`,
  ).run({ ...key, chosenBy, at });
}

export type StoredAnswer = Readonly<{ id: number; itemId: string; met: boolean | null; level: number | null; note: string; assessedBy: { id: number; displayName: string }; assessedAt: string }>;

export function answersOf(db: Db, key: TemplateKey): StoredAnswer[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.item_id, a.met, a.level, a.note, a.assessed_at, u.id AS user_id, u.display_name FROM checklist_answers a JOIN users u ON u.id = a.assessed_by
       WHERE a.template_id = ? AND a.template_version = ? ORDER BY a.id`,
    )
    .all(key.templateId, key.version) as Array<{ id: number; item_id: string; met: 0 | 1 | null; level: number | null; note: string; assessed_at: string; user_id: number; display_name: string }>;
  return rows.map((row) => ({ id: row.id, itemId: row.item_id, met: row.met === null ? null : row.met === 1, level: row.level, note: row.note, assessedBy: { id: row.user_id, displayName: row.display_name }, assessedAt: row.assessed_at }));
}

export function saveAnswer(db: Db, key: TemplateKey, answer: Readonly<{ itemId: string; met: boolean | null; level: number | null; note: string }>, assessedBy: number, at: string): void {
  db.prepare(
    `INSERT INTO checklist_answers (template_id, template_version, item_id, met, level, note, assessed_by, assessed_at)
     VALUES (@templateId, @version, @itemId, @met, @level, @note, @assessedBy, @at)
     ON CONFLICT (template_id, template_version, item_id) DO UPDATE SET met = excluded.met, level = excluded.level, note = excluded.note,
       assessed_by = excluded.assessed_by, assessed_at = excluded.assessed_at`,
  ).run({ ...key, itemId: answer.itemId, met: answer.met === null ? null : answer.met ? 1 : 0, level: answer.level, note: answer.note, assessedBy, at });
}

/** Whether an answer row exists (the owner of an item's evidence files). */
export function answerExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM checklist_answers WHERE id = ?').get(id) !== undefined;
}
