import { DOMWrapper, flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../renderer/src/api/client.js';
import { lastFullMonth, localToday, recentPeriods } from '../../../renderer/src/features/district/districtPeriods.js';
import { codeProperties, readGeoJson } from '../../../shared/reports/geoJson.js';
import DistrictPage from '../../../renderer/src/features/district/views/DistrictView.vue';
import StationsPage from '../../../renderer/src/features/district/views/StationsView.vue';
import type { MethodInput } from '../../../shared/api/contract/index.js';
import { buildDistrictOverview } from '../../../shared/reports/districtOverview.js';
import { builtinIndicatorSets, defaultIndicatorSetId } from '../../../shared/reports/library.js';
import { fakeApi, refusal, type FakeHandlers } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';
import { fieldErrors, loggedInAs } from './support/screenParts.js';

/** Issue 14, the district's view: its register, the packages it imports and the period it reads. */
const set = builtinIndicatorSets.get(defaultIndicatorSetId)!;
const settings = { timelyDays: 10, residents: 120_000, communities: 3 };
const stations = [
  { id: 1, name: '东城社区心理服务室', regionCode: '500118001001', establishedOn: '2025-01-01', withdrawnOn: null },
  { id: 2, name: '西城社区心理服务室', regionCode: '500118001002', establishedOn: '2025-01-01', withdrawnOn: null },
  { id: 3, name: '南山社区心理服务室', regionCode: '500118001003', establishedOn: '2025-01-01', withdrawnOn: null },
];
const figures = (sessions: number, met: number, men: number) => ({
  SPS01: { total: sessions, breakdown: { SEX: { M: men, F: sessions - men, U: 0 } } },
  CHK01A: { total: 80, breakdown: {} },
  CHK01B: { total: 100, breakdown: {} },
  CHK01C: { total: met, breakdown: {} },
});
// November 2026: the first station's file made on 3 December (on time, 10 days), the second's on 20 December (late).
const overview = buildDistrictOverview(
  set,
  settings,
  stations,
  [
    { stationId: 1, period: '2026-11', version: 1, generatedAt: '2026-12-03T02:00:00.000Z', figures: figures(12, 1, 5) },
    { stationId: 2, period: '2026-11', version: 2, generatedAt: '2026-12-20T02:00:00.000Z', figures: figures(5, 0, 2) },
  ],
  '2026-11',
);

async function openOverview(handlers: FakeHandlers = {}) {
  const api = fakeApi({ 'district.overview': () => overview, 'district.map': () => ({ map: null }), ...handlers });
  const { wrapper } = await mountScreen(DistrictPage, { api, pattern: '/district', path: '/district', pinia: loggedInAs('admin') });
  return { api, wrapper };
}

const text = (wrapper: { find: (selector: string) => { text: () => string } }, testid: string) => wrapper.find(`[data-testid="${testid}"]`).text();

describe('辖区汇总', () => {
  it('opens on the last full month with its completeness, each station’s status and the 90 % band', async () => {
    const { api, wrapper } = await openOverview();
    const last = lastFullMonth(localToday());
    expect(api.inputsOf('district.overview')).toEqual([{ period: `${last.year}-${String(last.month).padStart(2, '0')}` }]);
    expect(['expected', 'received', 'onTime', 'late', 'missing'].map((key) => text(wrapper, `completeness-${key}`))).toEqual(['应报3', '已报2', '按时1', '逾期1', '未报1']);
    expect(text(wrapper, 'completeness-rate')).toBe('完整率66.7%');
    expect(wrapper.find('[data-testid="completeness-rate"]').attributes('data-band')).toBe('weak');
    expect(text(wrapper, 'completeness-onTimeRate')).toBe('及时率33.3%');
    expect([1, 2, 3].map((id) => text(wrapper, `district-status-${id}`))).toEqual(['按时', '逾期', '未报']);
    // The third station sent nothing in six months; the others reported.
    expect([1, 2, 3].map((id) => wrapper.find(`[data-testid="district-silent-${id}"]`).exists())).toEqual([false, false, true]);
    expect(text(wrapper, 'district-stations')).toContain('80%');
    expect(text(wrapper, 'district-derived-DST02')).toBe('66.7 %');
    expect(text(wrapper, 'district-derived-DST01')).toBe('33.3 %');
    expect(text(wrapper, 'district-derived')).toContain('收到的报表 ÷ 应报报表');
    expect(text(wrapper, 'district-ratio-CHK01A')).toBe('比率 80%');
  });

  it('takes a district figure apart into each station’s value, a station without a report marked 未报', async () => {
    const { api, wrapper } = await openOverview();
    expect(text(wrapper, 'district-total-SPS01')).toBe('17');
    await wrapper.find('[data-testid="district-total-SPS01"]').trigger('click');
    await flushPromises();
    const body = new DOMWrapper(document.body);
    expect(body.find('[data-testid="district-drill"]').text()).toContain('个体咨询人次：各站点数值');
    expect([1, 2, 3].map((id) => body.find(`[data-testid="district-drill-${id}"]`).text())).toEqual(['12 人次', '5 人次', '未报']);
    expect(body.find('[data-testid="district-drill-sum"]').text()).toBe('辖区合计 17人次');
    // Aggregates only: nothing asked of core for records.
    expect(api.methods().sort()).toEqual(['district.map', 'district.overview']);
  });

  it('takes a breakdown figure apart too: each station’s count of that option', async () => {
    const { wrapper } = await openOverview();
    const cell = wrapper.find('[data-testid="district-cell-SPS01-SEX-M"]');
    expect(cell.text()).toBe('男 7');
    // An option nobody falls in is left out of the line.
    expect(wrapper.find('[data-testid="district-cell-SPS01-SEX-U"]').exists()).toBe(false);
    await cell.trigger('click');
    await flushPromises();
    const body = new DOMWrapper(document.body);
    expect(body.find('[data-testid="district-drill"]').text()).toContain('个体咨询人次（性别：男）：各站点数值');
    expect([1, 2, 3].map((id) => body.find(`[data-testid="district-drill-${id}"]`).text())).toEqual(['5 人次', '2 人次', '未报']);
    expect(body.find('[data-testid="district-drill-sum"]').text()).toBe('辖区合计 7人次');
  });

  it('reopens the kept map with its property, keeps a newly chosen one in core, and says why core refused one', async () => {
    const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
    const kept = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { adcode: '500118001001', name: '东城' }, geometry: square }] });
    const { api, wrapper } = await openOverview({
      'district.map': () => ({ map: { geojson: kept, codeProperty: 'name', importedAt: '2026-12-01T02:00:00.000Z' } }),
      'district.saveMap': (input) => {
        if (input.codeProperty === 'adcode') throw refusal('INVALID_INPUT', '输入内容有误：地图文件过大（超过 900 KB）：请先用 mapshaper 等工具简化边界后再导入。');
        return { map: { ...input, importedAt: '2026-12-02T02:00:00.000Z' } };
      },
    });
    expect(text(wrapper, 'district-map-matched')).toBe('已匹配 0 / 3 个站点');
    expect(text(wrapper, 'district-map-choose')).toBe('更换地图');

    const input = wrapper.find('[data-testid="district-map-input"]');
    const chosen = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '500118001001' }, geometry: square }, { type: 'Feature', properties: { code: '500118001002' }, geometry: square }] });
    Object.defineProperty(input.element, 'files', { value: [new File([chosen], '辖区.geojson')], configurable: true });
    await input.trigger('change');
    await flushPromises();
    expect(api.inputsOf('district.saveMap')).toEqual([{ geojson: chosen, codeProperty: 'code' }]);
    expect(text(wrapper, 'district-map-matched')).toBe('已匹配 2 / 3 个站点');

    Object.defineProperty(input.element, 'files', { value: [new File([kept], '大地图.geojson')], configurable: true });
    await input.trigger('change');
    await flushPromises();
    expect(api.inputsOf('district.saveMap').at(-1)).toEqual({ geojson: kept, codeProperty: 'adcode' });
    expect(text(wrapper, 'district-map-refusal')).toBe('输入内容有误：地图文件过大（超过 900 KB）：请先用 mapshaper 等工具简化边界后再导入。');
    // The map core kept stays on screen.
    expect(text(wrapper, 'district-map-matched')).toBe('已匹配 2 / 3 个站点');
  });

  it('sends the period upward: asks for the reason only once stations’ reports changed, and offers DHIS2 once a version exists', async () => {
    const version = { version: 1, madeAt: '2026-12-05T02:00:00.000Z', madeBy: '李主任', correctionReason: null, sha256: 'a'.repeat(64), fileName: '500118001-街道-2026-11.xyp' };
    let changed = false;
    const { api, wrapper } = await openOverview({
      'district.upwardVersions': () => ({ versions: changed ? [version] : [], changedSinceLatest: changed }),
      'district.upward': () => ((changed = true), { fileName: version.fileName, dataBase64: 'e30=', rows: 20 }),
    });
    await wrapper.find('[data-testid="district-upward-open"]').trigger('click');
    await flushPromises();
    const body = new DOMWrapper(document.body);
    expect(body.find('[data-testid="district-upward-reason"]').exists()).toBe(false);
    expect(body.find('[data-testid="district-dhis2"]').exists()).toBe(false);
    await body.find('[data-testid="district-upward-make"]').trigger('click');
    await flushPromises();
    expect(fieldErrors(wrapper)).toEqual({ 填表人: '请填写填表人。' });
    await body.find('[data-testid="district-upward-prepared-by"]').setValue('李主任');
    await body.find('[data-testid="district-upward-make"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('district.upward')).toEqual([{ period: overview.period.key, preparedBy: '李主任', contactPhone: '', notes: {}, correctionReason: undefined }]);
    expect(body.find('[data-testid="district-upward-versions"]').text()).toContain('李主任');
    expect(body.find('[data-testid="district-upward-reason"]').exists()).toBe(true);
    expect(body.find('[data-testid="district-dhis2"]').exists()).toBe(true);
  });

  it('imports each chosen package in its own call, skips other files, shows a refusal’s reason and reads the period again', async () => {
    const reason = '该文件的签名与登记的公钥不符（公钥指纹 AB12 …），可能被改动过或不是该站点的文件。';
    const { api, wrapper } = await openOverview({
      'district.importPackage': (input) =>
        input.fileName.startsWith('500118001001')
          ? { fileName: input.fileName, accepted: true, reason: null, station: '东城社区心理服务室', period: '2026-11', version: 1 }
          : { fileName: input.fileName, accepted: false, reason, station: '西城社区心理服务室', period: '2026-11', version: 2 },
    });
    await wrapper.find('[data-testid="district-import-open"]').trigger('click');
    await flushPromises();
    const body = new DOMWrapper(document.body);
    const input = body.find('[data-testid="district-import-input"]');
    const files = [new File(['{"a":1}'], '500118001001-东城-2026-11.xyp'), new File(['{"b":2}'], '500118001002-西城-2026-11.xyp'), new File(['说明'], '说明.txt')];
    Object.defineProperty(input.element, 'files', { value: files, configurable: true });
    await input.trigger('change');
    await flushPromises();
    expect(api.inputsOf('district.importPackage')).toEqual<MethodInput<'district.importPackage'>[]>([
      { fileName: '500118001001-东城-2026-11.xyp', text: '{"a":1}' },
      { fileName: '500118001002-西城-2026-11.xyp', text: '{"b":2}' },
    ]);
    expect(body.find('[data-testid="district-import-progress"]').text()).toBe('已导入 1 个，拒收 1 个');
    expect(body.find('[data-testid="district-import-result-0"]').text()).toBe('已接收');
    const refused = body.find('[data-testid="district-import-result-1"]');
    expect(refused.text()).toBe(reason);
    expect(refused.classes()).toContain('form-error');
    expect(api.inputsOf('district.overview')).toHaveLength(2);
  });

  it('offers recent months, quarters, halves and years, newest first', () => {
    const periods = recentPeriods('2027-01-15');
    expect(periods.month.slice(0, 3).map((option) => option.key)).toEqual(['2026-12', '2026-11', '2026-10']);
    expect(periods.quarter.slice(0, 2).map((option) => option.key)).toEqual(['2026-Q4', '2026-Q3']);
    expect(periods.half.map((option) => option.key)).toEqual(['2026-H2', '2026-H1', '2025-H2', '2025-H1']);
    expect(periods.year.map((option) => option.key)).toEqual(['2026', '2025', '2024']);
  });
});

describe('the district’s map file', () => {
  it('takes a FeatureCollection with areas and puts first the property holding the registered region codes', () => {
    const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: '东城社区', id: 7, adcode: 500118001001 }, geometry: square },
        { type: 'Feature', properties: { name: '西城社区', id: 8, adcode: '500118001002' }, geometry: square },
      ],
    });
    const map = readGeoJson(text)!;
    expect(codeProperties(map, stations.map((station) => station.regionCode))).toEqual(['adcode', 'name', 'id']);
    expect(readGeoJson(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }] }))).toBeNull();
    expect(readGeoJson('不是 JSON')).toBeNull();
  });
});

describe('站点名册', () => {
  const registered = {
    id: 1,
    name: '东城社区心理服务室',
    regionCode: '500118001001',
    stationLevel: 'community' as const,
    fingerprint: 'AB12 '.repeat(16).trim(),
    establishedOn: '2025-01-01',
    withdrawnOn: null,
    active: true,
    lastPeriod: '2026-11',
    lastGeneratedAt: '2026-12-03T02:00:00.000Z',
  };

  it('lists the stations and shows core’s refusal of a taken region code on its field, sending the fingerprint as typed', async () => {
    const message = '行政区划代码 500118001001 已登记过站点。';
    const api = fakeApi({
      'district.stations': () => ({ stations: [registered] }),
      'district.settings': () => settings,
      'district.received': () => ({ packages: [] }),
      'dictionaries.list': () => [],
      'district.registerStation': () => {
        throw new ApiCallError({ code: 'INVALID_INPUT', message, details: [{ path: 'regionCode', message }] });
      },
    });
    const { wrapper } = await mountScreen(StationsPage, { api, pattern: '/district-stations', path: '/district-stations', pinia: loggedInAs('admin') });
    expect(wrapper.find('[data-testid="district-register"]').text()).toContain('AB12 AB12');
    expect(wrapper.find('[data-testid="district-register"]').text()).toContain('社区心理咨询室');
    await wrapper.find('[data-testid="district-station-add"]').trigger('click');
    await flushPromises();
    const body = new DOMWrapper(document.body);
    await body.find('input[data-testid="district-station-name"]').setValue('北岸社区心理服务室');
    await body.find('input[data-testid="district-station-region"]').setValue('500118001001');
    await body.find('textarea[data-testid="district-station-fingerprint"]').setValue('cd34'.repeat(16));
    wrapper.findAllComponents({ name: 'ElDatePicker' })[0]!.vm.$emit('update:modelValue', '2026-03-01');
    await flushPromises();
    await body.find('[data-testid="district-station-submit"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('district.registerStation')).toEqual([
      { name: '北岸社区心理服务室', regionCode: '500118001001', stationLevel: 'community', fingerprint: 'CD34 '.repeat(16).trim(), establishedOn: '2026-03-01', withdrawnOn: null },
    ]);
    expect(fieldErrors(wrapper)['行政区划代码']).toBe(message);
  });
});
