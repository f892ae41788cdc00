import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../electron/core/dispatch.js';
import type { Db } from '../../../electron/core/db/driver.js';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import { clinicalColumns } from '../../../electron/core/repositories/clinicalFields.js';
import { adult } from '../helpers/clients.js';
import { adminPassword, createStation, databaseKeyOf, disposeWhenTestEnds, manualClock, type Station } from '../helpers/station.js';

const marker = '机密标记';
const textMark = '\u0001';

/** What anyone holding only the database key (the front desk's password and keyring.json) can see. */
async function openWithFrontDeskKey(station: Station, username = 'zhao'): Promise<Db> {
  const key = await databaseKeyOf(station.dataDir, username, `${username}-pass-2026`);
  return openEncryptedDatabase(path.join(station.dataDir, 'xinyi.db'), key);
}

/** Every text or blob value in the database that contains the marker, as "table.column". */
function plaintextHits(db: Db): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>;
  const hits: string[] = [];
  for (const { name } of tables) {
    for (const row of db.prepare(`SELECT * FROM ${name}`).all() as Array<Record<string, unknown>>) {
      for (const [column, value] of Object.entries(row)) {
        const text = Buffer.isBuffer(value) ? value.toString('utf8') : typeof value === 'string' ? value : '';
        if (text.includes(marker)) hits.push(`${name}.${column}`);
      }
    }
  }
  return [...new Set(hits)];
}

/** Registered clinical values that are neither empty nor ciphertext. */
function plainClinicalValues(db: Db): string[] {
  const found: string[] = [];
  for (const [table, spec] of Object.entries(clinicalColumns)) {
    for (const row of db.prepare(`SELECT ${spec.columns.join(', ')} FROM ${table}`).all() as Array<Record<string, string | Buffer>>) {
      for (const [column, value] of Object.entries(row)) {
        const encrypted = Buffer.isBuffer(value) ? value[0] === 0x4b || value[0] === 0x53 : value === '' || value.startsWith(textMark);
        if (!encrypted) found.push(`${table}.${column}`);
      }
    }
  }
  return found;
}

/** A case with clinical content in every encrypted table, all carrying the marker. */
async function fillClinicalRecords(station: Station, liwei: string, reception: string) {
  const client = await station.call(reception, 'clients.register', adult);
  await station.call(reception, 'clients.addConsent', { clientId: client.id, kind: 'sharing', signerName: '张三', signedOn: '2026-11-23' });
  const opened = await station.call(liwei, 'cases.open', { clientId: client.id, problemCategories: ['emotion'], reason: '主诉情绪低落', openedOn: '2026-11-23' });
  const note = { complaint: `失眠${marker}`, assessment: `中度焦虑${marker}`, intervention: `放松训练${marker}`, plan: `每周一次${marker}`, freeText: `家庭冲突${marker}` };
  const session = await station.call(liwei, 'sessions.saveDraft', { caseId: opened.id, heldOn: '2026-11-23', startTime: '09:30', durationMinutes: 50, modality: 'in_person', kind: 'intake', note });
  await station.call(liwei, 'sessions.sign', { id: session.id });
  await station.call(liwei, 'sessions.addAddendum', { sessionId: session.id, text: `当晚来电${marker}` });
  const graded = await station.call(liwei, 'risk.grade', { clientId: client.id, level: 'red', reason: `表露自伤念头${marker}`, evidence: 'disclosure' });
  await station.call(liwei, 'followUps.record', {
    followUpId: graded.followUps[0]!.id,
    doneOn: '2026-11-23',
    method: 'phone',
    participants: ['family'],
    findings: `情绪平稳${marker}`,
    reassessedLevel: 'red',
  });
  const crisis = await station.call(liwei, 'crises.open', { clientId: client.id, location: '咨询室', summary: `想结束生命${marker}` });
  await station.call(liwei, 'crises.checkStep', { crisisId: crisis.id, step: 'safety_assessment', note: `有计划${marker}` });
  await station.call(liwei, 'crises.addContact', { crisisId: crisis.id, party: 'family', name: `张先生${marker}`, phone: '13900000000', note: `已赶来${marker}` });
  await station.call(liwei, 'crises.resolve', { crisisId: crisis.id, outcome: 'family_pickup', outcomeNote: `家属接回${marker}`, followUpPlan: `明日随访${marker}` });
  const referral = await station.call(liwei, 'referrals.create', {
    clientId: client.id,
    caseId: opened.id,
    target: 'mental_health_centre',
    targetDetail: '市精神卫生中心',
    reason: `需药物评估${marker}`,
    sharedInfo: `咨询摘要${marker}`,
    sentOn: '2026-11-23',
  });
  await station.call(liwei, 'referrals.update', { id: referral.id, status: 'feedback', on: '2026-11-24', feedback: `诊断抑郁发作${marker}` });
  const result = await station.call(liwei, 'results.submit', { scaleId: 'PHQ-9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 1], clientId: client.id, comment: `首次评估${marker}` });
  await station.call(liwei, 'alerts.acknowledge', { id: result.alertId!, actionNote: `已当面评估${marker}` });
  const takers = Object.fromEntries((await station.call(station.admin, 'users.list', {})).map((user) => [user.username, user.id]));
  const hotlineCall = { date: '2026-11-23', startTime: '08:00', durationMinutes: 20, callerType: 'self', problemType: 'emotion', outcome: 'counselled' } as const;
  await station.call(liwei, 'calls.create', { ...hotlineCall, takenBy: takers.liwei!, note: `来电诉失眠${marker}` });
  await station.call(reception, 'calls.create', { ...hotlineCall, takenBy: takers.zhao!, note: `前台接听${marker}` });
  await station.call(liwei, 'visits.create', { date: '2026-11-23', visitorIds: [takers.liwei!], clientId: client.id, observations: `入户见独居${marker}` });
  await station.call(reception, 'visits.create', { date: '2026-11-23', visitorIds: [takers.zhao!], area: '阳光小区 3 栋', observations: `前台走访${marker}` });
  const group = await station.call(liwei, 'groups.create', { name: '睡眠改善小组', targetGroup: '社区居民', location: '团体活动室', plannedSessions: 4, capacity: 8, leaderIds: [takers.liwei!] });
  await station.call(reception, 'groups.signUp', { groupId: group.id, name: '王五', signedUpOn: '2026-11-23', motive: `想睡个好觉${marker}` });
  await station.call(liwei, 'attachments.add', { ownerType: 'case', ownerId: opened.id, fileName: '评估.pdf', mime: 'application/pdf', dataBase64: Buffer.from(`%PDF-1.7 附件内容${marker}`).toString('base64') });
  return { clientId: client.id, caseId: opened.id, sessionId: session.id, crisisId: crisis.id, referralId: referral.id, resultId: result.id };
}

/** A station with a counsellor (liwei), the front desk (zhao) and clinical records in every encrypted table. */
async function stationWithRecords() {
  const station = disposeWhenTestEnds(await createStation());
  const liwei = await station.addUser('liwei', 'counsellor');
  const reception = await station.addUser('zhao', 'reception');
  return { station, liwei, ids: await fillClinicalRecords(station, liwei, reception) };
}

// Several real scrypt derivations per test on a 2-core machine.
describe('clinical fields encrypted with the clinical key (issue 9 §1)', { timeout: 240_000 }, () => {
  it('stores every clinical field as ciphertext bound to its row: the database key alone reads none of it', async () => {
    const { station, liwei, ids } = await stationWithRecords();

    // Staff with the clinical key read it all back.
    const page = await station.call(liwei, 'cases.get', { id: ids.caseId });
    expect(page.sessions[0]!.note.assessment).toBe(`中度焦虑${marker}`);
    expect(page.sessions[0]!.addenda[0]!.text).toBe(`当晚来电${marker}`);
    const crisis = await station.call(liwei, 'crises.get', { id: ids.crisisId });
    expect([crisis.summary, crisis.steps[0]!.note, crisis.contacts[0]!.name, crisis.outcomeNote]).toEqual([
      `想结束生命${marker}`,
      `有计划${marker}`,
      `张先生${marker}`,
      `家属接回${marker}`,
    ]);
    expect((await station.call(liwei, 'results.get', { id: ids.resultId })).comment).toBe(`首次评估${marker}`);
    const [attachment] = await station.call(liwei, 'attachments.list', { ownerType: 'case', ownerId: ids.caseId });
    expect(Buffer.from((await station.call(liwei, 'attachments.get', { id: attachment!.id })).dataBase64, 'base64').toString()).toBe(`%PDF-1.7 附件内容${marker}`);
    // closes mid-test: the database file is read with the front desk's key after close
    station.dispose();

    // The front desk's own slot opens the database file, and nothing clinical in it.
    const db = await openWithFrontDeskKey(station);
    expect(plaintextHits(db)).toEqual([]);
    expect(plainClinicalValues(db)).toEqual([]);
    db.close();
  });

  it('a copied or plaintext value is refused as altered with a Chinese message, never shown', async () => {
    const { station, liwei, ids } = await stationWithRecords();
    const forged = await openWithFrontDeskKey(station);
    const stored = forged.prepare('SELECT reason FROM referrals WHERE id = ?').get(ids.referralId) as { reason: string };
    forged.prepare('UPDATE referrals SET shared_info = ? WHERE id = ?').run(stored.reason, ids.referralId);
    forged.close();
    const refused = await station.raw(liwei, 'referrals.list', { clientId: ids.clientId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CLINICAL_FIELD_DAMAGED', message: expect.stringContaining('转介记录') } });

    const planted = await openWithFrontDeskKey(station);
    planted.prepare('UPDATE referrals SET shared_info = ? WHERE id = ?').run('伪造的明文', ids.referralId);
    planted.close();
    expect(await station.raw(liwei, 'referrals.list', { clientId: ids.clientId })).toMatchObject({ ok: false, error: { code: 'CLINICAL_FIELD_DAMAGED' } });
    // Verify names it for the 站长, by record, without its content.
    const verified = await station.call(station.admin, 'system.verify', {});
    expect(verified.ok).toBe(false);
    expect(verified.clinicalFields).toEqual({ ok: false, checked: true, unreadable: 1, named: [`转介记录（第 ${ids.referralId} 条）无法解密，可能已被改动或损坏。`] });
  });

  it('the kiosk during a staff lock seals to the clinical public key; a counsellor reads it after logging in', async () => {
    const time = manualClock();
    const station = disposeWhenTestEnds(await createStation({ clock: time.clock }));
    const liwei = await station.addUser('liwei', 'counsellor');
    await station.addUser('zhao', 'reception');
    const opened = await station.call(liwei, 'kiosk.open', { scaleIds: ['PHQ-9'], pin: '2468' });
    const kiosk: CallContext = { scope: 'kiosk', transport: 'http', sessionToken: opened.sessionToken };
    // A lock ends every staff session of the workbench; the kiosk keeps running.
    await station.call(liwei, 'auth.lock', {});
    expect(station.core.clinicalKeyHeld()).toBe(false);
    const submitted = await station.core.call(kiosk, 'kiosk.submit', { scaleId: 'PHQ-9', version: 1, answers: [0, 0, 0, 0, 0, 0, 0, 0, 2], respondent: '小王' });
    expect(submitted).toMatchObject({
      ok: true,
      value: { critical: true },
    });
    const db = await openWithFrontDeskKey(station);
    const row = db.prepare('SELECT answers, result FROM scale_results ORDER BY id DESC LIMIT 1').get() as { answers: string; result: string };
    // Sealed form ('S'), not keyed: no clinical key was in memory when the kiosk wrote it.
    expect(Buffer.from(row.answers.slice(1), 'base64')[0]).toBe(0x53);
    expect(plainClinicalValues(db)).toEqual([]);
    db.close();

    const again = await station.call(null, 'auth.unlock', { username: 'liwei', password: 'liwei-pass-2026' });
    const [alert] = await station.call(again.sessionToken, 'alerts.list', {});
    // The alert text came out of the sealed result whole.
    expect(alert).toMatchObject({ who: '小王', messages: ['第 9 题（伤害自己的念头）≥“好几天”：无论总分多少，须立即进行自杀风险评估。'] });
    const result = await station.call(again.sessionToken, 'results.get', { id: alert!.resultId });
    expect(result.answers).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 2]);
  });

  it('an upgraded station encrypts its plaintext at the first clinical login; a rotation re-encrypts under the new key', async () => {
    const { station, liwei, ids } = await stationWithRecords();
    await station.call(liwei, 'auth.lock', {});

    // As the code before field encryption left it: plaintext rows, migration 120 applied, no completion row.
    const legacy = await openWithFrontDeskKey(station);
    legacy.prepare('DROP TRIGGER counselling_sessions_signed_final').run();
    legacy.prepare('UPDATE counselling_sessions SET complaint = ?, assessment = ? WHERE id = ?').run(`旧记录${marker}`, '', ids.sessionId);
    legacy.prepare('UPDATE referrals SET reason = ? WHERE id = ?').run(`旧转介${marker}`, ids.referralId);
    legacy.prepare('DELETE FROM clinical_encryption').run();
    legacy.close();
    // The trigger is back as the migration made it (a signed note stays final).
    const restoreTrigger = await openWithFrontDeskKey(station);
    restoreTrigger.exec(
      `CREATE TRIGGER counselling_sessions_signed_final BEFORE UPDATE ON counselling_sessions WHEN OLD.signed_at IS NOT NULL
       BEGIN SELECT RAISE(ABORT, 'signed session notes are final'); END;`,
    );
    restoreTrigger.close();

    const admin = await station.call(null, 'auth.unlock', { username: 'admin', password: adminPassword });
    const page = await station.call(admin.sessionToken, 'cases.get', { id: ids.caseId });
    expect(page.sessions[0]!.note.complaint).toBe(`旧记录${marker}`);
    expect((await station.call(admin.sessionToken, 'audit.list', { action: 'clinical.encryptFields' })).rows[0]!.detail).toEqual({ count: 2 });
    const upgraded = await openWithFrontDeskKey(station);
    expect(plaintextHits(upgraded)).toEqual([]);
    expect(plainClinicalValues(upgraded)).toEqual([]);
    const before = upgraded.prepare('SELECT complaint FROM counselling_sessions WHERE id = ?').get(ids.sessionId) as { complaint: string };
    upgraded.close();

    // Disabling the counsellor rotates the clinical key: every value is written again, signed notes included.
    const liweiId = (await station.call(admin.sessionToken, 'users.list', {})).find((user) => user.username === 'liwei')!.id;
    await station.call(admin.sessionToken, 'users.setDisabled', { userId: liweiId, disabled: true });
    const rotated = await openWithFrontDeskKey(station);
    const after = rotated.prepare('SELECT complaint FROM counselling_sessions WHERE id = ?').get(ids.sessionId) as { complaint: string };
    expect(after.complaint).not.toBe(before.complaint);
    expect(plainClinicalValues(rotated)).toEqual([]);
    expect(() => rotated.prepare("UPDATE counselling_sessions SET plan = 'x' WHERE id = ?").run(ids.sessionId)).toThrow(/final/);
    rotated.close();
    const reread = await station.call(admin.sessionToken, 'cases.get', { id: ids.caseId });
    expect(reread.sessions[0]!.note).toMatchObject({ complaint: `旧记录${marker}`, plan: `每周一次${marker}` });
    expect((await station.call(admin.sessionToken, 'referrals.list', { clientId: ids.clientId }))[0]!.reason).toBe(`旧转介${marker}`);
    expect((await station.call(admin.sessionToken, 'system.verify', {})).ok).toBe(true);
  });
});
