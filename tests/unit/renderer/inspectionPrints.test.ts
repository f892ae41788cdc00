import { describe, expect, it } from 'vitest';
import type { InspectionRecord } from '../../../shared/api/schemas/inspections.js';
import { builtinTemplates } from '../../../shared/checklist/library.js';
import { scoreChecklist } from '../../../shared/checklist/scoring.js';
import InspectionRecordPrint from '../../../renderer/src/features/checklist/print/InspectionRecordPrint.vue';
import RectificationNoticePrint from '../../../renderer/src/features/checklist/print/RectificationNoticePrint.vue';
import RectificationReportPrint from '../../../renderer/src/features/checklist/print/RectificationReportPrint.vue';
import { fakeApi } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';
import { ledgerUsers, loggedInAs } from './support/screenParts.js';

/** Issue 13: the papers an inspection leaves — its record with both score columns, the 整改通知 and the 整改报告. */
const template = builtinTemplates.get('yongchuan-community-five-ones')!;
const figures = { staffWorking: 1, counsellorsQualified: 0, managementRulesAdopted: 8, careTeamFollowUps: 2, screeningVisits: 3 };
const finding = { id: 5, itemId: 'venue-area', point: '面积与用途', requirement: '不小于 12 m²', location: '心理咨询室', observedOn: '2026-11-23', problem: '实测约 10 平方米', createdBy: ledgerUsers.inspector, createdAt: '2026-11-23T03:00:00.000Z' };
const task = {
  id: 9,
  findingId: 5,
  task: '调整用房，咨询室不少于 12 平方米',
  owner: ledgerUsers.admin,
  dueOn: '2026-12-20',
  status: 'submitted' as const,
  closureNote: '已改用团辅室，实测 16 平方米',
  submittedBy: ledgerUsers.admin,
  submittedAt: '2026-11-25T03:00:00.000Z',
  recheckNote: '',
  recheckedBy: null,
  recheckedAt: null,
  createdBy: ledgerUsers.inspector,
  createdAt: '2026-11-23T03:00:00.000Z',
  fileCount: 2,
};
const inspection: InspectionRecord = {
  id: 3,
  kind: 'acceptance',
  title: '2026 年度验收',
  inspectingBody: '永川区社会心理服务中心',
  plannedOn: '2026-11-23',
  status: 'concluded',
  verdict: 'fail',
  percent: 55,
  grade: null,
  inspector: { ...ledgerUsers.inspector, username: 'jiancha', accessUntil: '2026-12-31', disabled: false },
  openRectifications: 1,
  createdAt: '2026-11-23T01:00:00.000Z',
  snapshot: {
    template,
    chosenAt: null,
    from: '2025-11-24',
    to: '2026-11-23',
    answers: [{ id: 7, itemId: 'venue-area', met: true, level: null, note: '16m²', assessedBy: ledgerUsers.admin, assessedAt: '2026-11-20T02:00:00.000Z' }],
    figures: Object.entries(figures).map(([id, value]) => ({ id: id as keyof typeof figures, value })),
    score: scoreChecklist(template, { 'venue-area': { met: true } }, figures),
  },
  snapshotSha256: 'a'.repeat(64),
  opinion: '场地面积未达标，限期整改。',
  concludedBy: ledgerUsers.inspector,
  concludedAt: '2026-11-23T04:00:00.000Z',
  closedAt: null,
  createdBy: ledgerUsers.admin,
  scores: [{ itemId: 'venue-area', met: false, level: null, note: '实测不足', assessedBy: ledgerUsers.inspector, assessedAt: '2026-11-23T03:00:00.000Z' }],
  evaluation: scoreChecklist(template, { 'venue-area': { met: false } }, figures),
  findings: [finding],
  rectifications: [task],
  staff: [ledgerUsers.admin],
  mayEvaluate: false,
  mayRecheck: false,
  mayManage: true,
};

async function printed(component: Parameters<typeof mountScreen>[0]) {
  const { wrapper } = await mountScreen(component, { api: fakeApi({}), pattern: '/', path: '/', pinia: loggedInAs('admin'), props: { inspection } });
  return wrapper;
}

describe('an inspection’s papers', () => {
  it('the record puts the 自评 and the 评估 side by side, with the findings, the verdict and both signatures', async () => {
    const wrapper = await printed(InspectionRecordPrint);
    expect(wrapper.find('.print-title').text()).toBe('验收检查记录');
    const items = wrapper.find('[data-testid="print-checklist-items"]');
    expect(items.find('thead').text()).toContain('自评得分');
    expect(items.find('thead').text()).toContain('评估得分');
    expect(wrapper.find('[data-testid="print-self-total"]').text()).toContain(String(inspection.snapshot.score.score));
    expect(wrapper.find('[data-testid="print-evaluation-total"]').text()).toContain(String(inspection.evaluation.score));
    expect(items.text()).toContain('实测不足');
    expect(wrapper.find('[data-testid="print-findings"]').text()).toContain('实测约 10 平方米');
    expect(wrapper.find('[data-testid="inspection-record-verdict"]').text()).toContain('不通过');
    expect(wrapper.find('[data-testid="print-signatures"]').text()).toContain('检查人员');
    expect(wrapper.find('[data-testid="print-signatures"]').text()).toContain('站长');
  });

  it('the notice names the problem, what to do, who and by when; the report adds what was done and its files', async () => {
    const notice = await printed(RectificationNoticePrint);
    expect(notice.find('[data-testid="rectification-notice-intro"]').text()).toContain('永川区社会心理服务中心于 2026-11-23 对本站进行了验收');
    const noticeRow = notice.find('[data-testid="print-rectifications-notice"] tbody tr').text();
    expect(noticeRow).toContain('实测约 10 平方米');
    expect(noticeRow).toContain('2026-12-20');
    expect(noticeRow).not.toContain('16 平方米');
    notice.unmount();
    const report = await printed(RectificationReportPrint);
    const reportRow = report.find('[data-testid="print-rectifications-report"] tbody tr').text();
    expect(reportRow).toContain('已改用团辅室，实测 16 平方米');
    expect(reportRow).toContain('整改材料 2');
    expect(reportRow).toContain('待复查');
  });
});
