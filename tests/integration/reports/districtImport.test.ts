import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileText as text, reportingStation } from '../helpers/districtStations.js';
import { createStation, manualClock, type Station } from '../helpers/station.js';

/**
 * Station → district (issue 14): a station's signed package is kept by the district that registered it with its key's
 * fingerprint; a changed byte, an unknown station, a wrong key, a second copy and a replayed older version are each
 * refused with their reason and keep nothing; the district's period shows the station on time and its figures.
 */

describe('district import of station packages', () => {
  let stationA: Station;
  let stationB: Station;
  let district: Station;
  let first: string;

  beforeAll(async () => {
    stationA = await reportingStation('500118001001', '胜利路社区心理咨询室');
    stationB = await reportingStation('500118001002', '红河社区心理咨询室');
    district = await createStation({ clock: manualClock(new Date('2026-12-05T02:00:00Z')).clock });
    first = text(await stationA.call(stationA.admin, 'reports.package', { period: '2026-11' }));
  });
  afterAll(() => {
    stationA.dispose();
    stationB.dispose();
    district.dispose();
  });

  it('counts a month on the checklist once its report went upward (seed 003: 定期上报), not while it waits for review', async () => {
    const sent = async (station: Station) => (await station.call(station.admin, 'checklist.get', { from: '2026-01-01', to: '2026-11-30' })).figures.find((figure) => figure.id === 'reportsSent')!.value;
    expect(await sent(stationA)).toBe(1);
    expect(await sent(stationB)).toBe(0);
  });

  it('keeps a registered station’s package and refuses every altered, unknown, doubled or replayed one with its reason', async () => {
    const keyA = await stationA.call(stationA.admin, 'reports.stationKey', {});
    const keyB = await stationB.call(stationB.admin, 'reports.stationKey', {});
    expect(keyA.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(keyA.fingerprint).not.toBe(keyB.fingerprint);
    await district.call(district.admin, 'district.registerStation', { name: '胜利路社区心理咨询室', regionCode: '500118001001', stationLevel: 'community', fingerprint: keyA.fingerprint.toLowerCase(), establishedOn: '2025-01-01' });
    // B is registered with A's fingerprint: its packages are signed by a key the district does not know for it.
    await district.call(district.admin, 'district.registerStation', { name: '红河社区心理咨询室', regionCode: '500118001002', stationLevel: 'community', fingerprint: keyA.fingerprint, establishedOn: '2025-01-01' });
    const importOf = (fileName: string, body: string) => district.call(district.admin, 'district.importPackage', { fileName, text: body });

    // One changed byte inside the signed payload: the figure 1 becomes 2.
    const figure = '\\"SPS01\\":{\\"total\\":1,';
    const digit = first.indexOf(figure) + figure.length - 2;
    expect(first[digit]).toBe('1');
    const tampered = `${first.slice(0, digit)}2${first.slice(digit + 1)}`;
    expect((await importOf('tampered.xyp', tampered)).reason).toMatch(/签名校验失败/);
    expect((await importOf('broken.xyp', first.slice(0, 200))).reason).toMatch(/不是心驿上报文件/);

    const accepted = await importOf('a.xyp', first);
    expect(accepted).toMatchObject({ accepted: true, reason: null, station: '胜利路社区心理咨询室', period: '2026-11', version: 1 });
    expect((await importOf('a-again.xyp', first)).reason).toMatch(/^重复/);

    const fromB = text(await stationB.call(stationB.admin, 'reports.package', { period: '2026-11' }));
    expect((await importOf('b.xyp', fromB)).reason).toMatch(/公钥与登记的不一致/);

    // An unregistered station.
    const stationC = await reportingStation('500118001003', '卫星湖社区心理咨询室');
    try {
      const fromC = text(await stationC.call(stationC.admin, 'reports.package', { period: '2026-11' }));
      expect((await importOf('c.xyp', fromC)).reason).toMatch(/未登记的站点：行政区划代码 500118001003/);
    } finally {
      stationC.dispose();
    }

    // A correction (version 2) arrives; the first file, made again, is then a replay of an older version.
    const remade = text(await stationA.call(stationA.admin, 'reports.package', { period: '2026-11' }));
    expect(remade).not.toBe(first);
    await stationA.call(stationA.admin, 'reports.answer', { period: '2026-11', answer: 'returned', note: '请核对咨询人次' });
    await stationA.call(stationA.admin, 'reports.correct', { period: '2026-11', reason: '街道退回后核对咨询记录' });
    await stationA.call(stationA.admin, 'reports.submit', { period: '2026-11' });
    const corrected = text(await stationA.call(stationA.admin, 'reports.package', { period: '2026-11' }));
    expect(await importOf('a-v2.xyp', corrected)).toMatchObject({ accepted: true, version: 2 });
    expect((await importOf('a-v1-again.xyp', remade)).reason).toMatch(/^旧版本：已收到胜利路社区心理咨询室 2026-11 的第 2 版/);

    const kept = await district.call(district.admin, 'district.received', {});
    expect(kept.packages.map((row) => [row.fileName, row.version])).toEqual([
      ['a-v2.xyp', 2],
      ['a.xyp', 1],
    ]);
    expect(kept.packages[0]!.correctionReason).toBe('街道退回后核对咨询记录');
  });

  it('shows the period: who reported on time, who is missing, and the totals of what arrived', async () => {
    const overview = await district.call(district.admin, 'district.overview', { period: '2026-11' });
    expect(overview.completeness).toMatchObject({ expected: 2, received: 1, onTime: 1, late: 0, missing: 1, rate: 50, onTimeRate: 50, strong: false });
    const byName = Object.fromEntries(overview.stations.map((row) => [row.name, row]));
    expect(byName['胜利路社区心理咨询室']).toMatchObject({ status: 'onTime', version: 2 });
    expect(byName['红河社区心理咨询室']).toMatchObject({ status: 'missing', figures: null });
    expect(overview.totals.SPS01!.total).toBe(1);
    expect(overview.totals.SPS01!.breakdown.MOD!.F2F).toBe(1);
    expect(overview.derived.find((row) => row.id === 'DST02')!.value).toBe(50);

    // A deadline of one day after the month: the package made on 3 December is late.
    await district.call(district.admin, 'district.saveSettings', { timelyDays: 1, residents: 20_000, communities: 4 });
    const strict = await district.call(district.admin, 'district.overview', { period: '2026-11' });
    expect(strict.completeness).toMatchObject({ onTime: 0, late: 1, onTimeRate: 0 });
    expect(strict.derived.find((row) => row.id === 'DST04')!.value).toBe(0.1);
  });
});
