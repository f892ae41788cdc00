import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../../../renderer/src/api/client.js';
import ReportsView from '../../../renderer/src/features/reports/views/ReportsView.vue';
import MonthlyReportPrint from '../../../renderer/src/features/reports/print/MonthlyReportPrint.vue';
import StationKeyPrint from '../../../renderer/src/features/reports/print/StationKeyPrint.vue';
import ReportSettingsPanel from '../../../renderer/src/features/reports/components/ReportSettingsPanel.vue';
import { lastFullMonth } from '../../../shared/reports/periodShift.js';
import type { ReportVersion, ReportView } from '../../../shared/api/schemas/reports.js';
import { localDay } from '../../../shared/domain/dates.js';
import { parsePeriod } from '../../../shared/domain/periods.js';
import { compareFigures } from '../../../shared/reports/comparison.js';
import { computeFigures, ratioOf, type SetFigures } from '../../../shared/reports/compute.js';
import { builtinIndicatorSets, defaultIndicatorSetId } from '../../../shared/reports/library.js';
import { checkRules } from '../../../shared/reports/rules.js';
import { fakeApi, type FakeHandlers } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';
import { fieldErrors, loggedInAs } from './support/screenParts.js';

/** Issue 14: the 站长's 定期上报 screen — figures beside the periods before, drill-down, notes, submission and the printed 月报. */
const set = builtinIndicatorSets.get(defaultIndicatorSetId)!;
const month = lastFullMonth(localDay(new Date()));
const period = parsePeriod(month)!;
const station = { name: '阳光街道社会心理服务站', level: 'street' as const, regionCode: '110105001', address: '阳光路 8 号', phone: '010-65001234', openingHours: '' };

/** The empty month's figures with some values set: 12 clients over 10 sessions and 6 follow-ups of 3 people break rules R01 and R04. */
function figuresWith(values: Record<string, { total: number; breakdown?: Record<string, Record<string, number>> }>): SetFigures {
  const empty = computeFigures(set, {});
  return { ...empty, ...Object.fromEntries(Object.entries(values).map(([code, value]) => [code, { total: value.total, breakdown: { ...empty[code]!.breakdown, ...value.breakdown } }])) };
}
const figures = figuresWith({
  SPS01: { total: 10, breakdown: { SEX: { M: 4, F: 6, U: 0 } } },
  SPS02: { total: 12 },
  SPS10A: { total: 6 },
  SPS10B: { total: 3 },
  SPS19A: { total: 19 },
  SPS19B: { total: 20 },
});
const previous = figuresWith({ SPS01: { total: 31 }, SPS10A: { total: 5 } });

function reportView(version: ReportVersion | null = null, changes: Partial<ReportView> = {}): ReportView {
  return {
    period: { key: month, from: period.from, to: period.to, label: period.label },
    unit: station.name,
    set,
    figures,
    ratios: Object.fromEntries(set.indicators.filter((item) => item.ratio).map((item) => [item.id, ratioOf(item, figures)])),
    comparison: compareFigures(figures, previous, null),
    violations: checkRules(set, figures),
    version,
    frozen: false,
    recordsChanged: false,
    ...changes,
  };
}

function kept(state: ReportVersion['state'], notes: Record<string, string> = {}): ReportVersion {
  return {
    id: 1,
    period: month,
    label: period.label,
    version: 1,
    state,
    setId: set.id,
    setVersion: set.version,
    header: { preparedBy: '王站长', contactPhone: '010-65001234' },
    notes,
    correctionReason: null,
    createdAt: `${period.to}T02:00:00.000Z`,
    submittedAt: state === 'draft' ? null : `${period.to}T03:00:00.000Z`,
    submittedBy: state === 'draft' ? null : '王站长',
    reviewedAt: null,
    reviewedBy: null,
    answeredAt: null,
    answerNote: null,
  };
}

async function open(handlers: FakeHandlers = {}, shown: ReportView = reportView()) {
  const api = fakeApi({ 'station.get': () => station, 'dictionaries.list': () => [], 'reports.preview': () => shown, 'reports.list': () => ({ versions: shown.version ? [shown.version] : [] }), ...handlers });
  const { wrapper } = await mountScreen(ReportsView, { api, pattern: '/reports', path: '/reports', pinia: loggedInAs('admin') });
  return { api, wrapper };
}

const body = (testid: string) => document.body.querySelector<HTMLElement>(`[data-testid="${testid}"]`);

describe('the 定期上报 screen', () => {
  it('previews the last full month: each value with its unit, the periods before, a flagged change and a ratio', async () => {
    const { api, wrapper } = await open();
    expect(api.inputsOf('reports.preview')).toEqual([{ period: month }]);
    expect(wrapper.find('[data-testid="report-unit"]').text()).toBe(station.name);
    expect(wrapper.find('[data-testid="report-span"]').text()).toBe(`${period.from} 至 ${period.to}`);
    expect(wrapper.find('[data-testid="report-state"]').text()).toBe('尚未保存');
    const sessions = wrapper.find('[data-testid="indicator-SPS01"] .el-table__body tbody tr').text();
    expect(sessions).toContain('10');
    expect(sessions).toContain('人次');
    expect(sessions).toContain('31');
    // 10 against 31: down by more than 5 and more than 3 × √31.
    expect(wrapper.find('[data-testid="flag-SPS01"]').text()).toBe('↓ 明显减少');
    // 6 against 5 is chance at these counts.
    expect(wrapper.find('[data-testid="flag-SPS10A"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="ratio-SPS19"]').text()).toBe('比率（满意份数 ÷ 评价份数 × 100）：95%');
    expect(wrapper.find('[data-testid="ratio-CHK01"]').text()).toContain('分母为 0，暂无比率');
    // The 站长 and the station's phone fill a header not kept yet.
    expect((wrapper.find('[data-testid="report-prepared-by"]').element as HTMLInputElement).value).toBe('王站长');
    expect((wrapper.find('[data-testid="report-contact-phone"]').element as HTMLInputElement).value).toBe(station.phone);
  });

  it('opens the records behind a total and behind one category option', async () => {
    const rows = [
      { day: period.to, source: '个体咨询记录', client: '张*', link: '/cases/3/sessions/8' },
      { day: period.from, source: '个体咨询记录', client: null, link: '/cases/4/sessions/9' },
    ];
    const { api, wrapper } = await open({ 'reports.drill': (input) => ({ label: `个体心理咨询（疏导）人次 · ${input.option ?? '合计'}`, total: input.option ? 6 : 10, rows, truncated: input.option === undefined }) });
    await wrapper.find('[data-testid="figure-SPS01"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('reports.drill')).toEqual([{ range: { period: month }, value: 'SPS01' }]);
    expect(body('drill-total')!.textContent).toBe('合计 10，共 2 条记录');
    const links = [...document.body.querySelectorAll<HTMLAnchorElement>('[data-testid="drill-link"]')].map((link) => link.getAttribute('href'));
    expect(links).toEqual(['/cases/3/sessions/8', '/cases/4/sessions/9']);
    expect(body('drill-rows')!.textContent).toContain('张*');
    expect(body('drill-truncated')!.textContent).toBe('仅显示前 500 条');

    body('drill-dialog')!.closest('.el-overlay')!.querySelector<HTMLElement>('.el-dialog__headerbtn')!.click();
    await flushPromises();
    await wrapper.find('[data-testid="indicator-SPS01"] .el-table__expand-icon').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="breakdown-SPS01"]').text()).toContain('性别');
    await wrapper.find('[data-testid="figure-SPS01-SEX-F"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('reports.drill').at(-1)).toEqual({ range: { period: month }, value: 'SPS01', category: 'SEX', option: 'F' });
    expect(body('drill-truncated')).toBeNull();
  });

  it('keeps a note with the draft, and shows core’s refusal of the submission on the note still missing', async () => {
    const refusal = new ApiCallError({
      code: 'INVALID_INPUT',
      message: '还有 1 条校验提示未说明：随访人数不多于风险分级在册人数。请核对记录后修正，或写明原因再提交。',
      details: [{ path: 'notes.R04', message: '请说明“随访人数不多于风险分级在册人数”的原因。' }],
    });
    const { api, wrapper } = await open({
      'reports.saveDraft': (input) => reportView(kept('draft', input.notes)),
      'reports.submit': () => {
        throw refusal;
      },
    });
    expect(wrapper.findAll('[data-testid^="violation-R"]').map((item) => item.attributes('data-testid'))).toEqual(['violation-R01', 'violation-R04']);
    expect(wrapper.find('[data-testid="violation-R01"] [data-testid="violation-line"]').text()).toBe('个体咨询人数 12 ≤ 个体咨询人次 10');
    // An unusual change may be explained too, beside what it is compared with.
    expect(wrapper.find('[data-testid="unusual-SPS01"] label').text()).toBe('个体咨询人次：本期 10，上期 31，明显减少');
    await wrapper.find('[data-testid="note-R01"]').setValue('同一来访者本月在两处登记，已核对属实');
    await wrapper.find('[data-testid="report-save"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('reports.saveDraft')).toEqual([{ period: month, header: { preparedBy: '王站长', contactPhone: station.phone }, notes: { R01: '同一来访者本月在两处登记，已核对属实' } }]);
    expect(wrapper.find('[data-testid="report-state"]').text()).toBe('草稿');

    await wrapper.find('[data-testid="report-submit"]').trigger('click');
    await flushPromises();
    [...document.body.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')].at(-1)!.click();
    await flushPromises();
    expect(api.inputsOf('reports.submit')).toEqual([{ period: month }]);
    expect(wrapper.find('[data-testid="report-error"]').text()).toContain('还有 1 条校验提示未说明');
    expect(fieldErrors(wrapper)['情况说明']).toBe('请说明“随访人数不多于风险分级在册人数”的原因。');
    // The note already written stays; the validation tab is the one shown.
    expect((wrapper.find('[data-testid="note-R01"]').element as HTMLTextAreaElement).value).toBe('同一来访者本月在两处登记，已核对属实');
    expect(wrapper.find('[data-testid="validation-panel"]').isVisible()).toBe(true);
  });

  it('shows a submitted period locked, says when its records have changed, and corrects it only with a reason', async () => {
    const submitted = reportView(kept('review', { R01: '已核对', R04: '已核对' }), { frozen: true, recordsChanged: true });
    const { api, wrapper } = await open({ 'reports.correct': (input) => reportView({ ...kept('draft', { R01: '已核对', R04: '已核对' }), id: 2, version: 2, correctionReason: input.reason }) }, submitted);
    expect(wrapper.find('[data-testid="report-state"]').text()).toBe('待审核');
    expect(wrapper.find('[data-testid="report-records-changed"]').text()).toContain('记录已变更，如需更正请新建更正版本');
    expect(wrapper.find('[data-testid="report-save"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="report-submit"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="note-R01"]').attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid="report-versions"]').text()).toContain('第 1 版');

    await wrapper.find('[data-testid="report-correct"]').trigger('click');
    await flushPromises();
    (body('correction-reason') as HTMLTextAreaElement).value = '补登';
    (body('correction-reason') as HTMLTextAreaElement).dispatchEvent(new Event('input'));
    body('correction-submit')!.click();
    await flushPromises();
    // Core's own rule (four characters at least) is checked before sending.
    expect(api.inputsOf('reports.correct')).toEqual([]);
    (body('correction-reason') as HTMLTextAreaElement).value = '漏登两次随访，补登后重新上报';
    (body('correction-reason') as HTMLTextAreaElement).dispatchEvent(new Event('input'));
    body('correction-submit')!.click();
    await flushPromises();
    expect(api.inputsOf('reports.correct')).toEqual([{ period: month, reason: '漏登两次随访，补登后重新上报' }]);
    expect(wrapper.find('[data-testid="report-state"]').text()).toBe('草稿');
    expect(wrapper.find('[data-testid="report-correction-reason"]').text()).toBe('更正原因：漏登两次随访，补登后重新上报');
    expect(wrapper.find('[data-testid="report-submit"]').exists()).toBe(true);
  });
});

describe('a submitted report’s files and answer', () => {
  it('makes the signed upward file (the version moves to 已上报), then records the 街道’s 退回 with its reason', async () => {
    const review = reportView(kept('review', { R01: '已核对', R04: '已核对' }), { frozen: true });
    const reported = reportView({ ...kept('reported', { R01: '已核对', R04: '已核对' }), reviewedBy: '王站长', reviewedAt: `${period.to}T04:00:00.000Z` }, { frozen: true });
    let shown = review;
    const saved = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report');
    const { api, wrapper } = await open(
      {
        'reports.preview': () => shown,
        'reports.package': () => {
          shown = reported;
          return { fileName: `110105001-${station.name}-${month}.xyp`, dataBase64: 'e30=', rows: 60 };
        },
        'reports.answer': (input) => reportView({ ...kept('returned'), answerNote: input.note ?? '' }, { frozen: true }),
      },
      review,
    );
    expect(wrapper.find('[data-testid="report-answer"]').exists()).toBe(false);
    await wrapper.find('[data-testid="report-package"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('reports.package')).toEqual([{ period: month }]);
    expect(saved).toHaveBeenCalledOnce();
    expect(wrapper.find('[data-testid="report-state"]').text()).toBe('已上报');

    await wrapper.find('[data-testid="report-answer"]').trigger('click');
    await flushPromises();
    (document.body.querySelectorAll<HTMLInputElement>('[data-testid="answer-choice"] input')[1]!).click();
    await flushPromises();
    body('answer-submit')!.click();
    await flushPromises();
    // 退回 needs its reason, checked before sending.
    expect(api.inputsOf('reports.answer')).toEqual([]);
    const note = body('answer-note') as HTMLTextAreaElement;
    note.value = '随访人数说明不充分';
    note.dispatchEvent(new Event('input'));
    body('answer-submit')!.click();
    await flushPromises();
    expect(api.inputsOf('reports.answer')).toEqual([{ period: month, answer: 'returned', note: '随访人数说明不充分' }]);
    expect(wrapper.find('[data-testid="report-state"]').text()).toBe('退回');
    expect(wrapper.find('[data-testid="report-answer-note"]').text()).toContain('随访人数说明不充分');
    expect(wrapper.find('[data-testid="report-package"]').exists()).toBe(false);
    saved.mockRestore();
  });
});

describe('the DHIS2 files', () => {
  it('exports a submitted period’s values in the chosen format, and the metadata package; a draft’s values wait for its submission', async () => {
    const saved = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:dhis2');
    const file = { fileName: `DHIS2_SPS_MONTHLY_110105001_${month}.csv`, dataBase64: 'YQ==', rows: 60 };
    const draft = await open({ 'reports.dhis2Metadata': () => ({ ...file, fileName: 'DHIS2_metadata_sps-monthly_v1.json' }) });
    await draft.wrapper.find('[data-testid="report-dhis2"]').trigger('click');
    await flushPromises();
    expect(body('dhis2-not-submitted')!.textContent).toContain(`${period.label}的报表提交后才能导出 DHIS2 数据`);
    expect(body('dhis2-values')!.hasAttribute('disabled')).toBe(true);
    body('dhis2-metadata')!.click();
    await flushPromises();
    expect(draft.api.inputsOf('reports.dhis2Metadata')).toEqual([{}]);
    draft.wrapper.unmount();

    const submitted = await open({ 'reports.dhis2': () => file }, reportView(kept('review', { R01: '已核对', R04: '已核对' }), { frozen: true }));
    await submitted.wrapper.find('[data-testid="report-dhis2"]').trigger('click');
    await flushPromises();
    document.body.querySelectorAll<HTMLInputElement>('[data-testid="dhis2-format"] input')[1]!.click();
    await flushPromises();
    body('dhis2-values')!.click();
    await flushPromises();
    expect(submitted.api.inputsOf('reports.dhis2')).toEqual([{ period: month, format: 'csv' }]);
    expect(saved).toHaveBeenCalledTimes(2);
    saved.mockRestore();
  });
});

describe('the printed 月报', () => {
  it('has the title, the header block, one table per indicator with its breakdowns, the notes and the seal and signatures', async () => {
    const notes = { R01: '同一来访者两处登记', R04: '新迁入人员尚未分级', SPS01: '本月站点装修停诊一周' };
    const api = fakeApi({ 'station.get': () => station });
    const { wrapper } = await mountScreen(MonthlyReportPrint, { api, pattern: '/', path: '/', pinia: loggedInAs('admin'), props: { view: reportView(kept('review', notes)), header: { preparedBy: '王站长', contactPhone: '010-65001234' }, notes } });
    expect(wrapper.find('.print-title').text()).toBe(`${station.name}社会心理服务工作${period.label}报表`);
    const header = wrapper.find('[data-testid="report-print-header"]').text();
    for (const part of ['填表单位（盖章）', station.name, '填表人', '王站长', '审核人', '审核时间', '报表时限', `${period.from} 至 ${period.to}`, '联系电话', '010-65001234', '第 1 版（待审核）']) expect(header).toContain(part);
    expect(wrapper.findAll('[data-testid^="print-indicator-"]')).toHaveLength(set.indicators.length);
    const sessions = wrapper.find('[data-testid="print-indicator-SPS01"]');
    expect(sessions.find('[data-testid="print-figure-SPS01"]').text()).toBe('10');
    expect(sessions.text()).toContain('男 4、女 6、未说明 0');
    expect(wrapper.find('[data-testid="print-indicator-SPS19"]').text()).toContain('95%');
    const explained = wrapper.find('[data-testid="report-print-notes"]').text();
    expect(explained).toContain('个体咨询人数 12 ≤ 个体咨询人次 10');
    expect(explained).toContain('新迁入人员尚未分级');
    expect(explained).toContain('个体咨询人次：本期 10，上期 31，明显减少');
    expect(explained).toContain('本月站点装修停诊一周');
    const signatures = wrapper.find('[data-testid="print-signatures"]').text();
    expect(signatures).toContain('单位盖章');
    expect(signatures).toContain('负责人签字');
    expect(signatures).toContain('日期');
  });
});

describe('the station key’s registration form', () => {
  it('prints the fingerprint with the station and its region code for the 街道 to register, signed by both', async () => {
    const stationKey = { fingerprint: 'SHA256:3f9a 0c1d 77e2 51b8', createdAt: '2026-11-01T01:00:00.000Z', regionCode: '110105001', station: station.name };
    const { wrapper } = await mountScreen(StationKeyPrint, { api: fakeApi({ 'station.get': () => station }), pattern: '/', path: '/', pinia: loggedInAs('admin'), props: { stationKey } });
    expect(wrapper.find('.print-title').text()).toBe('社会心理服务站上报密钥登记表');
    const table = wrapper.find('[data-testid="station-key-print"]').text();
    for (const part of [station.name, '110105001', stationKey.fingerprint]) expect(table).toContain(part);
    expect(wrapper.find('[data-testid="print-signatures"]').text()).toContain('街道登记人签字');
  });
});

describe('the 上报设置 tab', () => {
  const sets = (current: string) => ({
    sets: [
      { id: 'sps-monthly', version: 1, name: set.name, citation: 'reports-standards.md §3', builtin: true, indicators: 21, current: current === 'sps-monthly' },
      { id: 'yongchuan-sps', version: 1, name: '永川区月报指标', citation: '永川区', builtin: false, indicators: 3, current: current === 'yongchuan-sps' },
    ],
    settings: { setId: current === 'sps-monthly' ? null : current, setVersion: current === 'sps-monthly' ? null : 1, sharedThreshold: 5 as const },
  });

  it('lists the sets with the one in use, chooses another, and lists every problem of a refused import', async () => {
    const api = fakeApi({
      'reports.indicatorSets': () => sets('sps-monthly'),
      'reports.saveSettings': (input) => ({ ...sets(String(input.setId)), settings: { ...input, sharedThreshold: input.sharedThreshold } }),
      'reports.importIndicatorSet': () => {
        throw new ApiCallError({
          code: 'INVALID_INPUT',
          message: '指标集有 2 处问题，未导入',
          details: [
            { path: 'setJson', message: '校验规则 R01（个体咨询人数不多于人次）：取值 SPS99 不存在。' },
            { path: 'setJson', message: '分类代码 SEX 重复。' },
          ],
        });
      },
    });
    const { wrapper } = await mountScreen(ReportSettingsPanel, { api, pattern: '/', path: '/', pinia: loggedInAs('admin') });
    expect(wrapper.find('[data-testid="report-sets"]').text()).toContain('使用中');
    const rows = wrapper.findAll('[data-testid="report-sets"] tbody tr');
    expect(rows[0]!.text()).toContain('使用中');
    expect(rows[1]!.text()).not.toContain('使用中');
    wrapper.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 'yongchuan-sps@1');
    await flushPromises();
    expect(api.inputsOf('reports.saveSettings')).toEqual([{ setId: 'yongchuan-sps', setVersion: 1, sharedThreshold: 5 }]);
    const input = wrapper.find<HTMLInputElement>('[data-testid="report-set-file"]');
    Object.defineProperty(input.element, 'files', { value: [new File(['{}'], 'set.json', { type: 'application/json' })] });
    await input.trigger('change');
    await flushPromises();
    expect(wrapper.find('[data-testid="report-set-problems"]').text()).toContain('取值 SPS99 不存在');
    expect(wrapper.find('[data-testid="report-set-problems"]').text()).toContain('分类代码 SEX 重复');
  });
});
