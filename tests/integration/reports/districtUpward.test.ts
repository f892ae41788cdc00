import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage } from '../../../electron/core/services/reports/packageSignature.js';
import { fileText, registerBelow, reportingStation } from '../helpers/districtStations.js';
import { createStation, manualClock, stationInput, type Station } from '../helpers/station.js';

/**
 * The district's own report (issue 14): a 街道 adds up what its stations sent and sends the total to the 区 as a signed
 * package, versioned like a station's — the same file while nothing changed, a correction with its reason once a
 * station's report arrives — which the 区 verifies, keeps and adds up like any station's; its 汇总表 as PDF, its
 * totals for DHIS2, and its map kept inside the station.
 */
describe('the district’s report to the level above', () => {
  let stationA: Station;
  let stationB: Station;
  let street: Station;
  let area: Station;

  const upward = (correctionReason?: string) => street.raw(street.admin, 'district.upward', { period: '2026-11', preparedBy: '李主任', contactPhone: '023-49880000', notes: {}, correctionReason });

  beforeAll(async () => {
    stationA = await reportingStation('500118001001', '胜利路社区心理咨询室');
    stationB = await reportingStation('500118001002', '红河社区心理咨询室');
    street = await createStation({ clock: manualClock(new Date('2026-12-05T02:00:00Z')).clock });
    await street.call(street.admin, 'station.update', { ...stationInput, name: '胜利路街道社会心理服务站', level: 'street', regionCode: '500118001' });
    area = await createStation({ clock: manualClock(new Date('2026-12-08T02:00:00Z')).clock });
    await area.call(area.admin, 'station.update', { ...stationInput, name: '永川区社会心理服务中心', level: 'district', regionCode: '500118' });
    await registerBelow(street, stationA, 'community');
    await registerBelow(street, stationB, 'community');
    await registerBelow(area, street, 'street');
    await street.call(street.admin, 'district.importPackage', { fileName: 'a.xyp', text: fileText(await stationA.call(stationA.admin, 'reports.package', { period: '2026-11' })) });
  });
  afterAll(() => {
    for (const station of [stationA, stationB, street, area]) station.dispose();
  });

  it('refuses a month not yet over and a month nothing arrived for, making no version', async () => {
    expect(await street.raw(street.admin, 'district.upward', { period: '2026-12', preparedBy: '李主任', contactPhone: '', notes: {} })).toMatchObject({ ok: false, error: { message: '2026年12月尚未结束，结束后才能汇总上报。' } });
    expect(await street.raw(street.admin, 'district.upward', { period: '2026-10', preparedBy: '李主任', contactPhone: '', notes: {} })).toMatchObject({ ok: false, error: { message: '2026年10月尚未收到任何站点的报表，无法汇总上报。' } });
    expect((await street.call(street.admin, 'district.upwardVersions', { period: '2026-10' })).versions).toEqual([]);
  });

  it('signs the total with the 街道’s key, hands out the same file while nothing changed, and needs a reason to correct it', async () => {
    const first = await upward();
    if (!first.ok) throw new Error(first.error.message);
    const verified = verifyPackage(fileText(first.value));
    if (!verified.ok) throw new Error(verified.reason);
    expect(first.value.fileName).toBe('500118001-胜利路街道社会心理服务站-2026-11.xyp');
    expect(verified.payload.manifest).toMatchObject({ station: { name: '胜利路街道社会心理服务站', level: 'street', regionCode: '500118001' }, period: '2026-11', version: 1, correctionReason: null, header: { preparedBy: '李主任', reviewer: '王站长' } });
    expect(verified.payload.figures.SPS01!.total).toBe(1);
    expect(verified.payload.coverage).toMatchObject({ expected: 2, received: 1, missing: 1 });
    expect(verified.payload.coverage!.stations.map((row) => [row.regionCode, row.status, row.version])).toEqual([
      ['500118001001', 'onTime', 1],
      ['500118001002', 'missing', null],
    ]);

    const again = await upward();
    expect(again.ok && fileText(again.value)).toBe(fileText(first.value));
    expect(await street.call(street.admin, 'district.upwardVersions', { period: '2026-11' })).toMatchObject({ versions: [{ version: 1, madeBy: '王站长', correctionReason: null }], changedSinceLatest: false });

    await street.call(street.admin, 'district.importPackage', { fileName: 'b.xyp', text: fileText(await stationB.call(stationB.admin, 'reports.package', { period: '2026-11' })) });
    expect((await street.call(street.admin, 'district.upwardVersions', { period: '2026-11' })).changedSinceLatest).toBe(true);
    expect(await upward()).toMatchObject({ ok: false, error: { details: [{ path: 'correctionReason', message: '2026年11月已上报第 1 版；此后收到的站点报表有变化，请填写更正原因，生成第 2 版。' }] } });
    expect(await upward('补')).toMatchObject({ ok: false, error: { details: [{ path: 'correctionReason', message: '更正原因至少 4 个字。' }] } });
    const corrected = await upward('补收红河社区的报表');
    if (!corrected.ok) throw new Error(corrected.error.message);
    const second = verifyPackage(fileText(corrected.value));
    expect(second.ok && second.payload.manifest).toMatchObject({ version: 2, correctionReason: '补收红河社区的报表' });
    expect(second.ok && second.payload.figures.SPS01!.total).toBe(2);
    expect(corrected.value.fileName).toBe('500118001-胜利路街道社会心理服务站-2026-11-更正1.xyp');
    const audit = await street.call(street.admin, 'audit.list', { action: 'district.upward' });
    expect(audit.rows.map((row) => row.detail.reportVersion)).toEqual([2, 1, 1]);

    // The 区 keeps both versions of the 街道 and adds up the newest, as it would a station's.
    const importAtArea = (fileName: string, file: { dataBase64: string }) => area.call(area.admin, 'district.importPackage', { fileName, text: fileText(file) });
    expect(await importAtArea('street-v1.xyp', first.value)).toMatchObject({ accepted: true, station: '胜利路街道社会心理服务站', version: 1 });
    expect(await importAtArea('street-v2.xyp', corrected.value)).toMatchObject({ accepted: true, version: 2 });
    const areaView = await area.call(area.admin, 'district.overview', { period: '2026-11' });
    expect(areaView.completeness).toMatchObject({ expected: 1, received: 1, onTime: 1 });
    expect(areaView.totals.SPS01!.total).toBe(2);
  });

  it('gives the 汇总表 as a PDF and the latest version’s totals for DHIS2, the 街道 as the org unit', async () => {
    const pdf = await street.call(street.admin, 'district.pdf', { period: '2026-11' });
    expect(pdf.fileName).toBe('胜利路街道社会心理服务站辖区汇总表_2026-11.pdf');
    expect(Buffer.from(pdf.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(await street.raw(street.admin, 'district.dhis2', { period: '2026-10', format: 'json' })).toMatchObject({ ok: false, error: { message: '2026年10月尚未生成上报文件；DHIS2 的数取自已上报的版本，请先汇总上报。' } });
    const dhis2 = JSON.parse(fileText(await street.call(street.admin, 'district.dhis2', { period: '2026-11', format: 'json' }))) as { dataSet: string; period: string; orgUnit: string; dataValues: Array<{ dataElement: string; value: string; completeDate?: string }> };
    expect(dhis2).toMatchObject({ dataSet: 'SPS_MONTHLY', period: '202611', orgUnit: '500118001' });
    expect(dhis2.dataValues.find((value) => value.dataElement === 'SPS01')!.value).toBe('2');
    expect(JSON.stringify(dhis2)).not.toContain('completeDate');
    expect((await street.call(street.admin, 'audit.list', { action: 'district.pdf' })).total).toBe(1);
  });

  it('keeps the imported map, refuses a file that is not one with its reason, and removes it', async () => {
    expect(await street.call(street.admin, 'district.map', {})).toEqual({ map: null });
    const area = (code: string) => ({ type: 'Feature', properties: { adcode: code }, geometry: { type: 'Polygon', coordinates: [[[105.9, 29.3], [105.95, 29.3], [105.95, 29.35], [105.9, 29.3]]] } });
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [area('500118001001'), area('500118001002')] });
    expect(await street.raw(street.admin, 'district.saveMap', { geojson: '{"type":"Point"}', codeProperty: 'adcode' })).toMatchObject({ ok: false, error: { details: [{ path: 'geojson', message: expect.stringContaining('不是可用的地图文件') }] } });
    expect(await street.raw(street.admin, 'district.saveMap', { geojson, codeProperty: 'name' })).toMatchObject({ ok: false, error: { details: [{ path: 'codeProperty', message: '地图的区域都没有“name”属性，请选择保存行政区划代码的属性。' }] } });
    expect(await street.call(street.admin, 'district.map', {})).toEqual({ map: null });

    const saved = await street.call(street.admin, 'district.saveMap', { geojson, codeProperty: 'adcode' });
    expect(saved.map).toMatchObject({ geojson, codeProperty: 'adcode', importedAt: '2026-12-05T02:00:00.000Z' });
    expect(await street.call(street.admin, 'district.map', {})).toEqual(saved);
    expect(await street.call(street.admin, 'district.removeMap', {})).toEqual({ map: null });
    expect(await street.raw(street.admin, 'district.removeMap', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await street.call(street.admin, 'audit.list', { action: 'district.saveMap' })).rows[0]!.detail).toMatchObject({ codeProperty: 'adcode' });
  });
});
