import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dhis2Metadata } from '../../../shared/reports/dhis2/mapping.js';
import { builtinIndicatorSets } from '../../../shared/reports/library.js';
import { adult } from '../helpers/clients.js';
import { xinyi } from '../helpers/entries.js';
import { adminPassword, createStation, disposeWhenTestEnds, manualClock, stationInput, tempDir } from '../helpers/station.js';

/**
 * `xinyi report`, `xinyi aggregate` and `xinyi dhis2-check` (issue 14): the 站长 writes the period's PDF, package and
 * DHIS2 values; a district with no station checks packages (a changed byte refused, a key not the registered one
 * refused) and writes its tables; the DHIS2 pre-flight runs offline against a metadata file.
 */
const env = { XINYI_PASSWORD: adminPassword };

/** A station with one October session and October's report submitted; closed so the CLI can open its folder. */
async function stationWithOctober(): Promise<string> {
  const station = disposeWhenTestEnds(await createStation({ clock: manualClock(new Date('2026-11-05T02:00:00Z')).clock }));
  const client = await station.call(station.admin, 'clients.register', { ...adult, idNumber: undefined, phone: undefined });
  const opened = await station.call(station.admin, 'cases.open', { clientId: client.id, problemCategories: ['emotion'], reason: '情绪低落', openedOn: '2026-10-12' });
  const note = { complaint: '失眠', assessment: '轻度焦虑', intervention: '放松训练', plan: '两周后复诊', freeText: '' };
  await station.call(station.admin, 'sessions.saveDraft', { caseId: opened.id, heldOn: '2026-10-12', startTime: '09:30', durationMinutes: 50, modality: 'phone', kind: 'intake', note });
  await station.call(station.admin, 'reports.saveDraft', { period: '2026-10', header: { preparedBy: '王站长', contactPhone: '023-49881234' }, notes: {} });
  await station.call(station.admin, 'reports.submit', { period: '2026-10' });
  // closes mid-test: the CLI opens the folder next
  station.dispose();
  return station.dataDir;
}

describe('xinyi report, aggregate and dhis2-check', () => {
  it('writes the period as PDF, package and DHIS2 values, and a district tables them from the packages alone', async () => {
    const dataDir = await stationWithOctober();
    const out = tempDir();
    const run = (format: string, file: string, ...extra: string[]) => xinyi(['report', '--period', '2026-10', '--format', format, '--out', path.join(out, file), '--data-dir', dataDir, '--user', 'admin', ...extra], env);

    expect(run('pdf', 'report.pdf').code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const packaged = run('package', 'station.xyp');
    expect(packaged.code).toBe(0);
    expect(run('package', 'station.xyp').stderr).toMatch(/文件已存在，不会覆盖/);
    expect(run('dhis2', 'values.json').code).toBe(0);
    const values = JSON.parse(fs.readFileSync(path.join(out, 'values.json'), 'utf8'));
    expect(values).toMatchObject({ dataSet: 'SPS_MONTHLY', period: '202610', orgUnit: stationInput.regionCode });
    expect(values).not.toHaveProperty('completeDate');
    expect(values.dataValues).toContainEqual({ dataElement: 'SPS01', value: '1' });
    expect(xinyi(['report', '--period', '2026-13', '--format', 'pdf', '--out', path.join(out, 'x.pdf'), '--data-dir', dataDir], env).stderr).toMatch(/统计期/);

    // The package with one changed byte of its signed payload.
    const body = fs.readFileSync(path.join(out, 'station.xyp'), 'utf8');
    const figure = '\\"SPS01\\":{\\"total\\":1,';
    const digit = body.indexOf(figure) + figure.length - 2;
    fs.writeFileSync(path.join(out, 'tampered.xyp'), `${body.slice(0, digit)}3${body.slice(digit + 1)}`);
    const tables = tempDir();
    const aggregate = xinyi(['aggregate', path.join(out, 'station.xyp'), path.join(out, 'tampered.xyp'), '--out', tables]);
    expect(aggregate.code).toBe(1);
    expect(aggregate.stdout).toMatch(/拒绝 tampered\.xyp：签名校验失败/);
    expect(aggregate.stdout).toMatch(/接收 station\.xyp/);
    const summary = JSON.parse(fs.readFileSync(path.join(tables, '辖区汇总_2026-10.json'), 'utf8'));
    expect(summary.totals.SPS01.total).toBe(1);
    expect(summary.completeness).toMatchObject({ expected: 1, received: 1 });
    expect(fs.existsSync(path.join(tables, '辖区汇总_2026-10.xlsx'))).toBe(true);

    // A keys file naming another key for this station: its package is refused.
    const keys = path.join(out, 'keys.json');
    fs.writeFileSync(keys, JSON.stringify({ [stationInput.regionCode]: 'AB'.repeat(32) }));
    const registered = xinyi(['aggregate', path.join(out, 'station.xyp'), '--out', tempDir(), '--keys', keys]);
    expect(registered.code).toBe(1);
    expect(registered.stdout).toMatch(/公钥与登记的不一致/);

    // The DHIS2 pre-flight against the set's own metadata with the station as its org unit, then without it.
    const set = builtinIndicatorSets.get('sps-monthly')!;
    const metadata = path.join(out, 'metadata.json');
    fs.writeFileSync(metadata, JSON.stringify(dhis2Metadata(set, [{ code: stationInput.regionCode, name: stationInput.name, openingDate: '2025-01-01' }], 10)));
    const clean = xinyi(['dhis2-check', path.join(out, 'values.json'), '--metadata', metadata]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/状态：SUCCESS/);
    fs.writeFileSync(metadata, JSON.stringify(dhis2Metadata(set, [{ code: '500118999', name: '别的站', openingDate: '2025-01-01' }], 10)));
    const unknownUnit = xinyi(['dhis2-check', path.join(out, 'values.json'), '--metadata', metadata]);
    expect(unknownUnit.code).toBe(1);
    expect(unknownUnit.stdout).toMatch(/E7603/);
  });
});
