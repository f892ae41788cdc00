import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, type Component } from 'vue';
import type { ReferralRecord } from '../../../shared/api/schemas/referrals.js';
import type { ResultRecord } from '../../../shared/api/schemas/scales.js';
import type { StationProfile } from '../../../shared/api/schemas/station.js';
import { defaultFormWording } from '../../../shared/forms/blankForms.js';
import { builtinScales } from '../../../shared/scales/library.js';
import { scoreAnswers } from '../../../shared/scales/score.js';
import ActivityLedgerPrint from '../../../renderer/src/features/ledgers/print/ActivityLedgerPrint.vue';
import AppointmentSlipPrint from '../../../renderer/src/features/appointments/print/AppointmentSlipPrint.vue';
import DaySheetPrint from '../../../renderer/src/features/appointments/print/DaySheetPrint.vue';
import ReferralSlipPrint from '../../../renderer/src/features/caseFiles/print/ReferralSlipPrint.vue';
import SessionRecordPrint, { type SessionPrintData } from '../../../renderer/src/features/caseFiles/print/SessionRecordPrint.vue';
import BlankFormPrint from '../../../renderer/src/features/foundation/print/BlankFormPrint.vue';
import RecoveryKeyPrint from '../../../renderer/src/features/foundation/print/RecoveryKeyPrint.vue';
import ScaleReportPrint from '../../../renderer/src/features/scales/print/ScaleReportPrint.vue';
import ScreeningSlipsPrint from '../../../renderer/src/features/scales/print/ScreeningSlipsPrint.vue';
import { createAppI18n } from '../../../renderer/src/i18n/index.js';
import { activityDictionaries, heldLecture, januaryCounts, plannedLecture } from './support/activities.js';
import { booking } from './support/bookings.js';
import PrintHost from '../../../renderer/src/shared/print/PrintHost.vue';
import { currentPrintJob, printDocument } from '../../../renderer/src/shared/print/printJob.js';
import { useDictionaryStore } from '../../../renderer/src/shared/stores/dictionaries.js';
import { useStationStore } from '../../../renderer/src/shared/stores/station.js';
import { fakeApi } from './support/fakeApi.js';

/** Print views are rendered from data: each test gives the data and reads the document. */
const station: StationProfile = { name: '阳光街道社会心理服务站', level: 'street', regionCode: '110105001', address: '阳光路 8 号', phone: '010-65001234', openingHours: '' };

/** Mounted as the print root would show it, with the station profile (and the dictionaries the screen loaded) in their stores. */
async function render(view: Component, props: Record<string, unknown>) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const api = fakeApi({ 'station.get': () => station, 'dictionaries.list': () => activityDictionaries });
  const wrapper = mount(view, { props, global: { plugins: [createAppI18n('zh-CN'), pinia, api.plugin] } });
  await Promise.all([useStationStore().load(), useDictionaryStore().load()]);
  await flushPromises();
  return wrapper;
}

function expectStationHeader(wrapper: Awaited<ReturnType<typeof render>>) {
  const header = wrapper.find('[data-testid="print-station"]').text();
  expect(header).toContain('阳光街道社会心理服务站');
  expect(header).toContain('阳光路 8 号');
  expect(header).toContain('010-65001234');
}

const phq9 = builtinScales.get('PHQ-9')!;
function phqResult(id: number, answers: number[], completedAt: string, comment = ''): ResultRecord {
  return {
    id,
    scaleId: 'PHQ-9',
    scaleVersion: phq9.version,
    scaleName: '患者健康问卷抑郁量表（PHQ-9）',
    clientId: 7,
    clientName: '王芳',
    respondent: '王芳',
    caseId: 3,
    answers,
    result: scoreAnswers(phq9, answers),
    via: 'counsellor',
    administeredBy: '李咨询',
    comment,
    completedAt,
    alertId: null,
  };
}

describe('the scale report', () => {
  const earlier = phqResult(1, [2, 2, 2, 2, 1, 1, 1, 1, 0], '2026-02-01T02:00:00.000Z');
  const middle = phqResult(2, [1, 1, 2, 1, 1, 1, 1, 0, 0], '2026-02-15T02:00:00.000Z');
  const report = phqResult(3, [1, 1, 1, 0, 1, 0, 1, 0, 0], '2026-03-01T02:00:00.000Z', '情绪较前好转，继续每周咨询。');
  const later = phqResult(4, [0, 0, 0, 0, 0, 0, 0, 0, 0], '2026-04-01T02:00:00.000Z');

  it('has the station header, who (gender and age), the result, every item answered, the trend, the comment and a signature line', async () => {
    const wrapper = await render(ScaleReportPrint, { result: report, definition: phq9, client: { name: '王芳', gender: 'female', age: 34 }, history: [later, report, middle, earlier] });
    expectStationHeader(wrapper);
    expect(wrapper.find('.print-title').text()).toBe('心理测评个人报告');
    const about = wrapper.find('[data-testid="report-client"]').text();
    expect(about).toContain('王芳');
    expect(about).toContain('性别：女');
    expect(about).toContain('年龄：34');
    expect(wrapper.find('[data-testid="report-result"]').text()).toContain(`总分：${report.result.total}`);
    const rows = wrapper.findAll('[data-testid="report-items"] tbody tr');
    expect(rows).toHaveLength(9);
    expect(rows[0]!.text()).toContain('做事时提不起劲或没有兴趣');
    expect(rows[8]!.text()).toContain('（0）');
    expect(wrapper.find('[data-testid="report-comment"]').text()).toContain('情绪较前好转');
    expect(wrapper.find('[data-testid="print-signatures"]').text()).toContain('咨询师签名');
  });

  it('draws the trend at print size from this scale’s results up to this one, oldest first', async () => {
    const wrapper = await render(ScaleReportPrint, { result: report, definition: phq9, client: { name: '王芳', gender: 'female', age: 34 }, history: [later, report, middle, earlier] });
    const image = wrapper.find('[data-testid="report-trend"] img');
    expect(image.attributes('width')).toBe('640');
    const svg = decodeURIComponent(image.attributes('src')!.replace('data:image/svg+xml;charset=utf-8,', ''));
    expect(svg).toContain('<svg');
    const dates = [...svg.matchAll(/2026-\d\d-\d\d/g)].map((match) => match[0]);
    expect([...new Set(dates)]).toEqual(['2026-02-01', '2026-02-15', '2026-03-01']);
  });

  it('labels the trend by local day (Beijing), with the time when one day has two results', async () => {
    const morning = phqResult(5, [1, 1, 1, 1, 1, 1, 1, 1, 1], '2026-02-28T20:10:00.000Z');
    const wrapper = await render(ScaleReportPrint, { result: report, definition: phq9, client: { name: '王芳', gender: 'female', age: 34 }, history: [morning, report] });
    const svg = decodeURIComponent(wrapper.find('[data-testid="report-trend"] img').attributes('src')!);
    expect(svg).toContain('2026-03-01 04:10');
    expect(svg).toContain('2026-03-01 10:00');
  });

  it('says a first result has no trend yet instead of drawing an empty chart', async () => {
    const wrapper = await render(ScaleReportPrint, { result: earlier, definition: phq9, client: { name: '王芳', gender: 'female', age: null }, history: [earlier] });
    expect(wrapper.find('[data-testid="report-trend"] img').exists()).toBe(false);
    expect(wrapper.find('[data-testid="report-trend"]').text()).toContain('首次测评');
    expect(wrapper.find('[data-testid="report-client"]').text()).toContain('年龄：—');
  });
});

describe('the session record', () => {
  const session: SessionPrintData = {
    heldOn: '2026-03-02',
    startTime: '09:30',
    durationMinutes: 50,
    modality: 'in_person',
    kind: 'follow_up_session',
    note: { complaint: '失眠两周', assessment: '中度焦虑', intervention: '放松训练', plan: '下周复访', freeText: '' },
    signedAt: '2026-03-02T02:30:00.000Z',
    signedBy: '李咨询',
    addenda: [{ id: 1, text: '来访者电话告知睡眠改善。', signedBy: '李咨询', signedAt: '2026-03-05T06:00:00.000Z' }],
    counsellorName: '李咨询',
  };

  it('has the station header, client, case number, duration in minutes, every note field, the signature and the addenda', async () => {
    const wrapper = await render(SessionRecordPrint, { session, clientName: '张三', caseId: 12 });
    expectStationHeader(wrapper);
    const facts = wrapper.find('[data-testid="session-facts"]').text();
    expect(facts).toContain('来访者：张三');
    expect(facts).toContain('个案编号：12');
    expect(facts).toContain('时长：50 分钟');
    expect(facts).toContain('李咨询 签名于');
    for (const [field, text] of [['complaint', '失眠两周'], ['assessment', '中度焦虑'], ['intervention', '放松训练'], ['plan', '下周复访'], ['freeText', '—']]) {
      expect(wrapper.find(`[data-testid="session-${field}"]`).text()).toContain(text);
    }
    expect(wrapper.find('[data-testid="session-addenda"]').text()).toContain('来访者电话告知睡眠改善。');
    expect(wrapper.find('[data-testid="print-signatures"]').text()).toContain('咨询师签名');
  });
});


describe('front desk documents', () => {
  it('the day sheet has the weekday, a ruled line per booking with the phone, a sign-in column and lines for walk-ins', async () => {
    const wrapper = await render(DaySheetPrint, { day: '2026-03-02', appointments: [booking, { ...booking, id: 6, who: '赵六', phone: '', start: '2026-03-02T10:00', end: '2026-03-02T10:50' }] });
    expectStationHeader(wrapper);
    expect(wrapper.find('.print-title').text()).toBe('2026-03-02（星期一）预约登记表');
    expect(wrapper.findAll('[data-testid="day-sheet"] th').map((cell) => cell.text())).toContain('到达签到');
    const rows = wrapper.findAll('[data-testid="day-sheet"] tbody tr');
    expect(rows[0]!.text()).toContain('13800138000');
    expect(rows[0]!.findAll('td')).toHaveLength(9);
    expect(rows).toHaveLength(12);
  });

  it('the appointment slip says when, with whom and where, under the station header', async () => {
    const wrapper = await render(AppointmentSlipPrint, { record: booking });
    expectStationHeader(wrapper);
    const facts = wrapper.find('[data-testid="slip-facts"]').text();
    expect(facts).toContain('2026-03-02 09:00 – 09:50');
    expect(facts).toContain('李咨询');
    expect(facts).toContain('咨询室一');
    expect(wrapper.find('[data-testid="slip-note"]').text()).toContain('12356');
  });
});

describe('other documents', () => {
  it('the referral slip names the client, target, reason and has the receipt to return', async () => {
    const referral = { id: 1, clientId: 7, clientName: '王芳', caseId: 3, target: 'mental_health_centre', targetDetail: '区精神卫生中心', reason: '需药物评估', sharedInfo: '', status: 'sent', sentOn: '2026-03-02' } as ReferralRecord;
    const wrapper = await render(ReferralSlipPrint, { referral, targetLabel: '精神卫生专业机构' });
    expectStationHeader(wrapper);
    const facts = wrapper.find('[data-testid="referral-facts"]').text();
    expect(facts).toContain('王芳');
    expect(facts).toContain('精神卫生专业机构 区精神卫生中心');
    expect(facts).toContain('需药物评估');
    expect(wrapper.find('[data-testid="referral-receipt"]').text()).toContain('接收单位回执');
  });

  it('the recovery key sheet carries the station being set up and the key', async () => {
    const wrapper = await render(RecoveryKeyPrint, { station: { name: '新建心理站', address: '', phone: '' }, recoveryKey: 'ABCD-EFGH', createdOn: '2026/3/2' });
    expect(wrapper.find('[data-testid="print-station"]').text()).toContain('新建心理站');
    expect(wrapper.find('[data-testid="recovery-sheet-key"]').text()).toBe('ABCD-EFGH');
    expect(wrapper.find('[data-testid="print-signatures"]').text()).toContain('保管人');
  });

  it('screening slips: one per participant with the screening, the roster name and the code', async () => {
    const participantList = [
      { id: 1, code: 'K3F7Q2', rosterName: '一班 张同学', completedAt: null },
      { id: 2, code: 'M8P4X6', rosterName: '', completedAt: null },
    ];
    const wrapper = await render(ScreeningSlipsPrint, { screening: { name: '初一心理普查', scaleIds: ['PHQ-9', 'GAD-7'], participantList } });
    expectStationHeader(wrapper);
    const slips = wrapper.findAll('[data-testid="screening-slip"]');
    expect(slips).toHaveLength(2);
    expect(slips[0]!.text()).toContain('一班 张同学');
    expect(slips[0]!.text()).toContain('K3F7Q2');
    expect(slips[1]!.text()).toContain('初一心理普查');
  });
});

describe('the activities ledger (活动台账)', () => {
  const planned = {
    ...plannedLecture('2026-01-28'),
    type: 'consult_desk',
    outreachTargets: ['community'],
    theme: '社区咨询台',
    partnerUnits: [],
    volunteers: [],
    outputs: { materials: 0, displays: 0, consultDesk: true, householdVisits: 12, onlineReach: null, onlineReachEstimated: false },
  };

  it('is a paper 台账: the period in the title, a ruled line per activity in the ledger’s columns, the totals line, the breakdown and 制表人/审核人 with dates; no client names', async () => {
    const wrapper = await render(ActivityLedgerPrint, { periodLabel: '2026年1月', activities: [heldLecture, planned], counts: januaryCounts });
    expectStationHeader(wrapper);
    expect(wrapper.find('.print-title').text()).toBe('2026年1月活动台账');
    const ledger = wrapper.find('[data-testid="activity-ledger"]');
    expect(ledger.findAll('thead th').map((cell) => cell.text())).toEqual(['序号', '日期/时间', '活动类型', '“五进”', '活动主题', '地点', '合作单位', '工作人员（志愿者）', '参与人数', '活动产出', '状态']);
    const lines = ledger.findAll('tbody tr');
    expect(lines[0]!.findAll('td').map((cell) => cell.text())).toEqual([
      '1',
      '2026-01-2014:00–15:30',
      '讲座',
      '进学校、进社区',
      '青春期情绪管理',
      '实验中学报告厅',
      '实验中学',
      '李伟；志愿者：赵老师',
      '120',
      '资料 150 份、横幅/展板 2 块、咨询台 1 处、线上覆盖约 3000 人次（含估算）',
      '已开展',
    ]);
    expect(lines[1]!.text()).toContain('义诊/咨询台');
    expect(lines[1]!.text()).toContain('入户 12 户');
    expect(lines[1]!.text()).toContain('计划中');
    const totals = wrapper.find('[data-testid="activity-ledger-totals"]').text();
    expect(totals).toContain('本期合计');
    expect(totals).toContain('已开展 2 场；计划中 1 场');
    expect(totals).toContain('200');
    expect(totals).toContain('资料 200 份、横幅/展板 3 块、咨询台 1 处、入户 12 户、线上覆盖约 3000 人次（含估算）');
    const breakdown = wrapper.find('[data-testid="activity-ledger-breakdown"]').text();
    expect(breakdown).toContain('按活动类型：讲座 2 场 200 人次');
    expect(breakdown).not.toContain('义诊/咨询台 0 场');
    expect(breakdown).toContain('按“五进”对象：进学校 2 场 200 人次；进社区 1 场 80 人次');
    const signatures = wrapper.find('[data-testid="print-signatures"]').text();
    expect(signatures).toContain('制表人：');
    expect(signatures).toContain('审核人：');
    expect(signatures).toContain('日期：');
    expect(wrapper.text()).not.toContain('张三');
  });

  it('an empty period still prints its ledger page with zero totals', async () => {
    const none = { ...januaryCounts, byType: [], byOutreachTarget: [], total: { ...januaryCounts.total, activities: 0, participants: 0, materials: 0, displays: 0, consultDesks: 0, householdVisits: 0, onlineReach: 0, onlineReachEstimated: false }, planned: 0 };
    const wrapper = await render(ActivityLedgerPrint, { periodLabel: '2026年12月', activities: [], counts: none });
    expect(wrapper.find('[data-testid="activity-ledger"] tbody').text()).toBe('本期没有活动记录。');
    expect(wrapper.find('[data-testid="activity-ledger-totals"]').text()).toContain('已开展 0 场');
    expect(wrapper.find('[data-testid="activity-ledger-breakdown"]').text()).toContain('按活动类型：无');
  });
});

describe('blank forms', () => {
  it('the informed consent names the station where its wording says so, with its headings and both signatures', async () => {
    const wrapper = await render(BlankFormPrint, { wording: defaultFormWording.informedConsent, stationName: station.name });
    expectStationHeader(wrapper);
    expect(wrapper.find('.print-title').text()).toBe('心理咨询知情同意书');
    const body = wrapper.find('[data-testid="form-body"]');
    expect(body.text()).toContain('欢迎来到阳光街道社会心理服务站。');
    expect(body.text()).not.toContain('{站点名称}');
    expect(body.findAll('h2').map((heading) => heading.text())).toEqual(['一、服务性质', '二、保密原则', '三、保密的例外', '四、您的权利', '五、紧急情况']);
    expect(wrapper.find('[data-testid="print-signatures"]').text()).toContain('来访者签名');
    expect(wrapper.find('[data-testid="print-signatures"]').text()).toContain('咨询师签名');
  });

  it('the guardian consent and the intake form have a ruled row per field to fill in', async () => {
    for (const id of ['guardianConsent', 'intakeRegistration'] as const) {
      const wording = defaultFormWording[id];
      const wrapper = await render(BlankFormPrint, { wording, stationName: station.name });
      expect(wrapper.findAll('[data-testid="form-fields"] tr').map((row) => row.text())).toEqual(wording.fields);
      expect(wrapper.find('[data-testid="print-signatures"]').text()).toContain(wording.signatures[0]!);
    }
  });
});

describe('printing a document', () => {
  /** happy-dom has no print dialog: a stand-in that records what the print root showed. */
  function stubBrowserPrint(onPrint: () => void = () => undefined) {
    const print = vi.fn(onPrint);
    Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true });
    return print;
  }

  afterEach(() => {
    delete window.api;
    Reflect.deleteProperty(window, 'print');
    currentPrintJob.value = null;
    vi.restoreAllMocks();
  });

  async function mountHost() {
    const pinia = createPinia();
    setActivePinia(pinia);
    const host = mount({ render: () => h(PrintHost) }, { attachTo: document.body, global: { plugins: [createAppI18n('zh-CN'), pinia, fakeApi({ 'station.get': () => station }).plugin] } });
    await useStationStore().load();
    return host;
  }

  it('in the browser renders the view into the print root, then opens the browser print; the root empties after printing', async () => {
    const host = await mountHost();
    let shownWhenPrinting = '';
    const print = stubBrowserPrint(() => {
      shownWhenPrinting = document.querySelector('.print-root')?.textContent ?? '';
    });
    await printDocument(AppointmentSlipPrint, { record: booking }, '预约单 王芳');
    expect(print).toHaveBeenCalledOnce();
    expect(shownWhenPrinting).toContain('预 约 单');
    expect(shownWhenPrinting).toContain('阳光街道社会心理服务站');
    window.dispatchEvent(new Event('afterprint'));
    await flushPromises();
    expect(document.querySelector('.print-root')?.textContent).not.toContain('预 约 单');
    host.unmount();
  });

  it('in Electron asks main through window.api.print with the title, and never calls the browser print', async () => {
    const host = await mountHost();
    const browserPrint = stubBrowserPrint();
    const requests: unknown[] = [];
    let shownWhenPrinting = '';
    window.api = {
      print: async (request: unknown) => {
        requests.push(request);
        shownWhenPrinting = document.querySelector('.print-root')?.textContent ?? '';
        return { ok: true, value: 'saved' };
      },
    } as never;
    expect(await printDocument(AppointmentSlipPrint, { record: booking }, '预约单 王芳')).toBe('saved');
    expect(requests).toEqual([{ title: '预约单 王芳', orientation: 'portrait' }]);
    expect(shownWhenPrinting).toContain('咨询室一');
    expect(browserPrint).not.toHaveBeenCalled();
    expect(currentPrintJob.value).toBeNull();
    host.unmount();
  });

  it('a landscape document turns the A4 sheet in the page rule while it is printed, and asks main for landscape; the next document is upright again', async () => {
    const host = await mountHost();
    const requests: unknown[] = [];
    const rules: string[] = [];
    window.api = {
      print: async (request: unknown) => {
        requests.push(request);
        rules.push(document.querySelector('.print-root style')?.textContent ?? '');
        return { ok: true, value: 'printed' };
      },
    } as never;
    await printDocument(AppointmentSlipPrint, { record: booking }, '宽表', { orientation: 'landscape' });
    await printDocument(AppointmentSlipPrint, { record: booking }, '预约单');
    expect(requests).toEqual([{ title: '宽表', orientation: 'landscape' }, { title: '预约单', orientation: 'portrait' }]);
    expect(rules[0]).toContain('@page { size: A4 landscape; margin: 16mm 16mm 18mm;');
    expect(rules[1]).toContain('@page { size: A4; margin: 16mm 16mm 18mm;');
    host.unmount();
  });

  it('puts the page numbers in the page margin, in Chinese', async () => {
    const host = await mountHost();
    expect(document.querySelector('.print-root style')?.textContent).toContain('@bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"');
    host.unmount();
  });
});
