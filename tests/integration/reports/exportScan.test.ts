import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/createCore.js';
import type { Db } from '../../../electron/core/db/driver.js';
import { decryptText } from '../../../electron/core/repositories/clinicalFields.js';
import { demoPassword } from '../../../electron/core/services/demo/demoStation.js';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract/index.js';
import { openDemoDatabase } from '../helpers/demoDatabase.js';
import { createStation, manualClock, tempDir, type Station } from '../helpers/station.js';

/**
 * Issue 14: "a scan proving that no name, ID number, phone or note text of the demo station appears in any exported
 * file" — every file the report and the district make (the package, both workbooks, the PDF, the three DHIS2 forms and
 * the metadata, the district's tables and overview), read as text (XLSX unzipped, the PDF's text strings decoded),
 * against every client's name, ID number, phone, address and guardian, and every note, narrative and finding the
 * station holds. Only the separate 高风险人员台账 is named, and it is not scanned here: it is the 站长's sensitive list.
 */
type Exported = { name: string; text: string };

async function textOf(fileName: string, dataBase64: string): Promise<string> {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (fileName.endsWith('.xlsx')) {
    const zip = await JSZip.loadAsync(bytes);
    const parts = await Promise.all(Object.values(zip.files).map((entry) => entry.async('string')));
    return parts.join('\n');
  }
  const raw = bytes.toString('latin1');
  if (!fileName.endsWith('.pdf')) return bytes.toString('utf8');
  // The PDF writer puts text in hex strings: CJK runs as UTF-16BE code units, Latin runs (digits) as bytes; read both.
  const strings = [...raw.matchAll(/<([0-9A-F]+)>/g)].map((match) => Buffer.from(match[1]!, 'hex'));
  return [...strings.map((hex) => (hex.length % 2 === 0 ? Buffer.from(hex).swap16().toString('utf16le') : '')), ...strings.map((hex) => hex.toString('latin1'))].join('');
}

/** What no shared file may hold: every client's identifying fields and every free text the records carry. */
function secretsOf(db: Db): string[] {
  const all = <T>(sql: string) => db.prepare(sql).all() as T[];
  const clients = all<{ name: string; id_number: string | null; phone: string | null; address: string; guardian_name: string; guardian_phone: string; note: string }>('SELECT * FROM clients');
  const sessions = all<{ id: number; complaint: string; assessment: string; intervention: string; plan: string; free_text: string }>('SELECT * FROM counselling_sessions');
  const crises = all<{ id: number; summary: string; outcome_note: string }>('SELECT * FROM crises');
  const followUps = all<{ id: number; findings: string }>('SELECT * FROM follow_ups');
  const referrals = all<{ id: number; reason: string; feedback: string }>('SELECT * FROM referrals');
  const calls = all<{ note: string }>('SELECT note FROM hotline_calls');
  return [
    ...clients.flatMap((client) => [client.name, client.id_number ?? '', client.phone ?? '', client.address, client.guardian_name, client.guardian_phone, client.note]),
    ...sessions.flatMap((row) => (['complaint', 'assessment', 'intervention', 'plan', 'free_text'] as const).map((column) => decryptText(db, 'counselling_sessions', column, row.id, row[column]))),
    ...crises.flatMap((row) => [decryptText(db, 'crises', 'summary', row.id, row.summary), decryptText(db, 'crises', 'outcome_note', row.id, row.outcome_note)]),
    ...followUps.map((row) => decryptText(db, 'follow_ups', 'findings', row.id, row.findings)),
    ...referrals.flatMap((row) => [decryptText(db, 'referrals', 'reason', row.id, row.reason), decryptText(db, 'referrals', 'feedback', row.id, row.feedback)]),
    ...calls.map((row) => row.note),
    // Every demo client's note is the demo marker 演示数据, which the station's own name carries by design.
  ].filter((secret) => secret.trim().length >= 2 && secret !== '演示数据');
}

describe('no personal data in any exported report file', () => {
  let core: Core;
  let district: Station;
  let token: string;
  let secrets: string[];
  const files: Exported[] = [];

  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await core.call({ scope: 'staff', transport: 'direct', sessionToken: token }, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  const keep = async (file: { fileName: string; dataBase64: string }) => files.push({ name: file.fileName, text: await textOf(file.fileName, file.dataBase64) });

  beforeAll(async () => {
    const dataDir = tempDir('xinyi-scan-');
    core = createCore({ dataDir, idleCheckMs: 0, backupCheckMs: 0, clock: manualClock(new Date('2026-12-03T02:00:00Z')).clock });
    await core.seedDemo();
    const session = await core.call({ scope: 'staff', transport: 'direct', sessionToken: null }, 'auth.unlock', { username: 'zhanzhang', password: demoPassword });
    if (!session.ok) throw new Error('the demo 站长 cannot log in');
    token = (session.value as MethodOutput<'auth.unlock'>).sessionToken;
    const preview = await call('reports.preview', { period: '2026-11' });
    await call('reports.saveDraft', { period: '2026-11', header: { preparedBy: '王海燕', contactPhone: '023-49881234' }, notes: Object.fromEntries(preview.violations.map((violation) => [violation.ruleId, '已核对记录，情况属实。'])) });
    await call('reports.submit', { period: '2026-11' });
    const packaged = await call('reports.package', { period: '2026-11' });
    await keep(packaged);
    await keep(await call('reports.exportXlsx', { range: { period: '2026-11' }, shared: false }));
    await keep(await call('reports.exportXlsx', { range: { period: '2026-Q4' }, shared: true }));
    await keep(await call('reports.pdf', { period: '2026-11' }));
    for (const format of ['json', 'csv', 'adx'] as const) await keep(await call('reports.dhis2', { period: '2026-11', format }));
    await keep(await call('reports.dhis2Metadata', {}));

    district = await createStation({ clock: manualClock(new Date('2026-12-05T02:00:00Z')).clock });
    const key = await call('reports.stationKey', {});
    await district.call(district.admin, 'district.registerStation', { name: key.station, regionCode: key.regionCode, stationLevel: 'community', fingerprint: key.fingerprint, establishedOn: '2025-01-01' });
    const imported = await district.call(district.admin, 'district.importPackage', { fileName: packaged.fileName, text: Buffer.from(packaged.dataBase64, 'base64').toString('utf8') });
    expect(imported.accepted).toBe(true);
    await keep(await district.call(district.admin, 'district.exportXlsx', { period: '2026-11' }));
    files.push({ name: 'district.overview', text: JSON.stringify(await district.call(district.admin, 'district.overview', { period: '2026-11' })) });
    await keep(await district.call(district.admin, 'district.upward', { period: '2026-11', preparedBy: '李主任', contactPhone: '', notes: {} }));
    await keep(await district.call(district.admin, 'district.pdf', { period: '2026-11' }));
    await keep(await district.call(district.admin, 'district.dhis2', { period: '2026-11', format: 'csv' }));

    const db = await openDemoDatabase(dataDir);
    try {
      secrets = secretsOf(db);
    } finally {
      db.close();
    }
  });
  afterAll(() => {
    core?.close();
    district?.dispose();
  });

  it('scans real files against the station’s real personal data', () => {
    expect(files.map((file) => file.name.slice(-5))).toEqual(['1.xyp', '.xlsx', '.xlsx', '1.pdf', '.json', '1.csv', '1.xml', '.json', '.xlsx', 'rview', '1.xyp', '1.pdf', '1.csv']);
    expect(files.every((file) => file.text.length > 500)).toBe(true);
    // The scan would find what it looks for: the station's name is in every document that has a title.
    expect(files.find((file) => file.name.endsWith('.pdf'))!.text).toContain('社会心理服务工作2026年11月报表');
    expect(secrets.length).toBeGreaterThan(500);
  });

  it('would find a name where one is: the 站长’s named 高风险人员台账 holds them (and is never a shared file)', async () => {
    const named = await textOf('list.xlsx', (await call('reports.highRiskList', { period: '2026-11' })).dataBase64);
    expect(secrets.filter((secret) => named.includes(secret)).length).toBeGreaterThan(5);
  });

  it('finds no client name, ID number, phone, address or note text in any of them', () => {
    const found = files.flatMap((file) => secrets.filter((secret) => file.text.includes(secret)).map((secret) => `${file.name}: ${secret}`));
    expect(found).toEqual([]);
  });
});
