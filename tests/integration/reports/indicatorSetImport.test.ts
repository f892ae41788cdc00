import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinIndicatorSets } from '../../../shared/reports/library.js';
import { createStation, manualClock, type Station } from '../helpers/station.js';

/**
 * A district's own indicator set version (issue 14: "A district can import its own indicator set version"): checked
 * whole, kept beside the shipped one, chosen by the 站长; reports then count with it, and the shared copy's small-count
 * threshold is a setting.
 */
describe('a district’s indicator set and the report settings', () => {
  let station: Station;
  const districtSet = () => {
    const set = structuredClone(builtinIndicatorSets.get('sps-monthly')!);
    set.id = 'yongchuan-sps';
    set.name = '永川区社会心理服务站月报指标';
    set.indicators = set.indicators.filter((item) => ['SPS01', 'SPS02', 'SPS14'].includes(item.id));
    set.rules = set.rules.filter((rule) => rule.id === 'R01' || rule.id === 'R06');
    return set;
  };

  beforeAll(async () => {
    station = await createStation({ clock: manualClock(new Date('2026-12-03T02:00:00Z')).clock });
  });
  afterAll(() => station.dispose());

  it('refuses a file that is not a set, a shipped id and a problem, each with its reason, and keeps nothing', async () => {
    const refusal = async (setJson: string) => {
      const result = await station.raw(station.admin, 'reports.importIndicatorSet', { setJson });
      return result.ok ? null : result.error.message;
    };
    expect(await refusal('{"id":')).toMatch(/不是有效的 JSON/);
    expect(await refusal(JSON.stringify(builtinIndicatorSets.get('sps-monthly')))).toMatch(/随软件提供的指标集/);
    const broken = districtSet();
    broken.rules[0]!.left = ['SPS07A'];
    expect(await refusal(JSON.stringify(broken))).toMatch(/^指标集有 1 处问题，未导入：校验规则 R01.*取值 SPS07A 不存在/);
    expect((await station.call(station.admin, 'reports.indicatorSets', {})).sets.map((set) => set.id)).toEqual(['sps-monthly']);
  });

  it('keeps the district’s version beside the shipped set, reports with it once chosen, and never replaces a version', async () => {
    const imported = await station.call(station.admin, 'reports.importIndicatorSet', { setJson: JSON.stringify(districtSet()) });
    expect(imported.sets.map((set) => [set.id, set.version, set.builtin, set.current])).toEqual([
      ['sps-monthly', 1, true, true],
      ['yongchuan-sps', 1, false, false],
    ]);
    expect((await station.raw(station.admin, 'reports.importIndicatorSet', { setJson: JSON.stringify(districtSet()) })).ok).toBe(false);
    expect((await station.raw(station.admin, 'reports.saveSettings', { setId: 'nowhere', setVersion: 1, sharedThreshold: 5 })).ok).toBe(false);
    await station.call(station.admin, 'reports.saveSettings', { setId: 'yongchuan-sps', setVersion: 1, sharedThreshold: 10 });
    const preview = await station.call(station.admin, 'reports.preview', { period: '2026-11' });
    expect(preview.set.id).toBe('yongchuan-sps');
    expect(Object.keys(preview.figures).sort()).toEqual(['SPS01', 'SPS02', 'SPS14A', 'SPS14B', 'SPS14C', 'SPS14D']);
    const shared = await station.call(station.admin, 'reports.exportXlsx', { range: { period: '2026-11' }, shared: true });
    const zip = await JSZip.loadAsync(Buffer.from(shared.dataBase64, 'base64'));
    expect(await zip.file('xl/sharedStrings.xml')!.async('string')).toContain('1 至 9 的计数显示为“&lt;10”');
  });
});
