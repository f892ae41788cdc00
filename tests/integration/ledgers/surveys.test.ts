import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract/index.js';
import { localDay } from '../../../shared/domain/dates.js';
import { builtinQuestionnaires } from '../../../shared/scales/knowledgeLibrary.js';
import type { CallContext } from '../../../electron/core/dispatch.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { xinyi } from '../helpers/entries.js';
import { auditRows, userIds } from '../helpers/ledgers.js';
import { disposeWhenTestEnds, tempDir } from '../helpers/station.js';
import { readLedgerSheet } from '../helpers/workbook.js';

/** The clock stands at 2026-11-23 10:00 Beijing time (caseFileStation). */
const mhl = builtinQuestionnaires.get('MHL-TEN-2018')!;
/** The answer key of 心理健康素养十条: all ten right. */
const key = mhl.items.map((item) => item.correct![0]!);
/** `wrong` items answered 不知道 (9) from the end: 10 − wrong correct. */
const answers = (wrong: number) => key.map((value, index) => (index >= key.length - wrong ? 9 : value));

const lecture = (staffIds: number[]): MethodInput<'activities.create'> => ({
  type: 'lecture',
  outreachTargets: ['community'],
  theme: '识别抑郁，及早求助',
  date: '2026-11-20',
  startTime: '14:00',
  endTime: '15:30',
  location: '阳光社区服务中心二楼',
  partnerUnits: [],
  staffIds,
  volunteers: [],
  participantCount: 60,
  outputs: { materials: 80, displays: 1, consultDesk: false, householdVisits: 0, onlineReach: null, onlineReachEstimated: false },
  summary: '',
  status: 'done',
});

const survey = (activityId: number | null): MethodInput<'surveys.create'> => ({
  questionnaireId: 'MHL-TEN-2018',
  date: '2026-11-20',
  activityId,
  population: 'public',
  place: '阳光社区服务中心二楼',
  note: '讲座结束后发放',
});

async function stationWithLecture() {
  const setup = disposeWhenTestEnds(await caseFileStation());
  const ids = await userIds(setup);
  const activity = await setup.station.call(setup.liwei, 'activities.create', lecture([ids.liwei!]));
  return { ...setup, ids, activity };
}

const refusal = (result: { ok: boolean; error?: { message: string } }) => (result.ok ? null : result.error!.message);

describe('knowledge surveys (知晓率调查)', () => {
  it('a counsellor runs a survey at a 讲座; paper responses are scored; 知晓率 and the per-item share come back; all audited', async () => {
    const s = await stationWithLecture();
    const { station, liwei, reception, activity } = s;
    expect((await station.call(reception, 'surveys.questionnaires', {})).map((row) => [row.id, row.itemCount, row.passMinCorrect])).toEqual([
      ['MHL-TEN-2018', 10, 8],
      ['STATION-AWARENESS', 6, 5],
    ]);
    const created = await station.call(liwei, 'surveys.create', survey(activity.id));
    expect(created).toMatchObject({
      questionnaire: { id: 'MHL-TEN-2018', version: 1, name: '心理健康素养十条知识问卷' },
      date: '2026-11-20',
      activity: { id: activity.id, type: 'lecture', theme: '识别抑郁，及早求助', date: '2026-11-20' },
      population: 'public',
      closed: false,
      respondents: 0,
      aware: 0,
      editable: true,
    });
    expect(created.items).toHaveLength(10);
    // Reception types in paper questionnaires (anonymous, not clinical): 10, 8 (知晓) and 7 (not) correct.
    const first = await station.call(reception, 'surveys.addResponse', { surveyId: created.id, answers: answers(0), sex: 'female', ageBand: '35to59' });
    expect(first).toMatchObject({ response: { channel: 'paper', correctCount: 10, aware: true, sex: 'female', ageBand: '35to59', enteredBy: { displayName: 'qiantai' } }, itemCount: 10, respondents: 1, aware: 1 });
    await station.call(liwei, 'surveys.addResponse', { surveyId: created.id, answers: answers(2) });
    await station.call(liwei, 'surveys.addResponse', { surveyId: created.id, answers: answers(3) });
    const detail = await station.call(reception, 'surveys.get', { id: created.id });
    expect(detail).toMatchObject({ respondents: 3, aware: 2, editable: false });
    expect(detail.items.map((item) => item.correct)).toEqual([3, 3, 3, 3, 3, 3, 3, 2, 1, 1]);
    expect(detail.byChannel).toEqual([
      { channel: 'paper', respondents: 3, aware: 2 },
      { channel: 'kiosk', respondents: 0, aware: 0 },
    ]);
    expect(detail.responses.map((row) => [row.correctCount, row.aware, row.removable])).toEqual([
      [10, true, true],
      [8, true, false],
      [7, false, false],
    ]);
    const [create] = await auditRows(s, 'surveys.create');
    expect(create).toMatchObject({ actorName: 'liwei', objectType: 'survey', objectId: String(created.id), detail: { questionnaire: '心理健康素养十条知识问卷', surveyDate: '2026-11-20' } });
    expect((await auditRows(s, 'surveys.addResponse')).map((row) => [row.actorName, row.detail.channel])).toEqual([
      ['liwei', '纸质录入'],
      ['liwei', '纸质录入'],
      ['qiantai', '纸质录入'],
    ]);
  });

  it('counts respondents and 知晓 per questionnaire and population, per activity and per period in SQL; removed ones drop out', async () => {
    const s = await stationWithLecture();
    const { station, liwei, chen, activity } = s;
    const atLecture = await station.call(liwei, 'surveys.create', survey(activity.id));
    const students = await station.call(chen, 'surveys.create', { ...survey(null), population: 'students', place: '胜利路小学', date: '2026-11-12' });
    const october = await station.call(liwei, 'surveys.create', { ...survey(null), date: '2026-10-15' });
    const station2 = await station.call(liwei, 'surveys.create', { ...survey(activity.id), questionnaireId: 'STATION-AWARENESS' });
    for (const wrong of [0, 1, 4]) await station.call(liwei, 'surveys.addResponse', { surveyId: atLecture.id, answers: answers(wrong) });
    for (const wrong of [0, 0]) await station.call(chen, 'surveys.addResponse', { surveyId: students.id, answers: answers(wrong) });
    await station.call(liwei, 'surveys.addResponse', { surveyId: october.id, answers: answers(0) });
    await station.call(liwei, 'surveys.addResponse', { surveyId: station2.id, answers: [1, 1, 1, 2, 1, 0] });
    const typo = await station.call(liwei, 'surveys.addResponse', { surveyId: atLecture.id, answers: answers(9) });
    await station.call(liwei, 'surveys.removeResponse', { id: typo.response.id, reason: '录入错误，重复录入' });

    const november = await station.call(chen, 'surveys.counts', { from: '2026-11-01', to: '2026-11-30' });
    expect(november.byQuestionnaire).toEqual([
      { questionnaireId: 'MHL-TEN-2018', name: '心理健康素养十条知识问卷', population: 'public', surveys: 1, respondents: 3, aware: 2 },
      { questionnaireId: 'MHL-TEN-2018', name: '心理健康素养十条知识问卷', population: 'students', surveys: 1, respondents: 2, aware: 2 },
      { questionnaireId: 'STATION-AWARENESS', name: '心理服务站知晓情况问卷', population: 'public', surveys: 1, respondents: 1, aware: 1 },
    ]);
    expect(november.byActivity.map((row) => [row.activityId, row.theme, row.questionnaireId, row.respondents, row.aware])).toEqual([
      [activity.id, '识别抑郁，及早求助', 'MHL-TEN-2018', 3, 2],
      [activity.id, '识别抑郁，及早求助', 'STATION-AWARENESS', 1, 1],
    ]);
    expect(november.total).toEqual({ surveys: 3, respondents: 6, aware: 5 });
    expect((await station.call(chen, 'surveys.counts', { from: '2026-10-01', to: '2026-12-31' })).total).toEqual({ surveys: 4, respondents: 7, aware: 6 });
    expect((await station.call(chen, 'surveys.list', { from: '2026-11-01', to: '2026-11-30' })).map((row) => [row.date, row.respondents, row.aware])).toEqual([
      ['2026-11-12', 2, 2],
      ['2026-11-20', 3, 2],
      ['2026-11-20', 1, 1],
    ]);
    expect((await station.call(chen, 'surveys.list', { from: '2026-01-01', to: '2026-12-31', activityId: activity.id })).map((row) => row.id)).toEqual([atLecture.id, station2.id]);
    expect((await station.call(chen, 'surveys.list', { from: '2026-01-01', to: '2026-12-31', questionnaireId: 'STATION-AWARENESS' })).map((row) => row.id)).toEqual([station2.id]);
    // A removed survey leaves the list and every count; its removal is audited with the reason kept.
    await station.call(station.admin, 'surveys.remove', { id: october.id, reason: '重复登记' });
    expect((await station.call(chen, 'surveys.counts', { from: '2026-10-01', to: '2026-10-31' })).total).toEqual({ surveys: 0, respondents: 0, aware: 0 });
    expect(await station.raw(chen, 'surveys.get', { id: october.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('at the kiosk a resident answers without seeing the key, then gets their count and the key; no alert is raised', async () => {
    const s = await stationWithLecture();
    const { station, liwei, activity } = s;
    const created = await station.call(liwei, 'surveys.create', survey(activity.id));
    const opened = await station.call(liwei, 'kiosk.open', { surveyId: created.id, pin: '2468' });
    const kiosk: CallContext = { scope: 'kiosk', transport: 'http', sessionToken: opened.sessionToken };
    const asKiosk = (method: string, input: unknown) => station.core.call(kiosk, method, input);
    expect(await asKiosk('kiosk.info', {})).toMatchObject({ ok: true, value: { scales: [], survey: { id: created.id, name: '心理健康素养十条知识问卷', itemCount: 10 } } });
    const form = (await asKiosk('kiosk.survey', {})) as { ok: true; value: { surveyId: number; json: string } };
    expect(form.value.surveyId).toBe(created.id);
    expect((JSON.parse(form.value.json) as typeof mhl).items.map((item) => item.correct)).toEqual(mhl.items.map(() => undefined));
    const heard: string[] = [];
    station.core.events.subscribe((event) => heard.push(event.name));
    const submitted = await asKiosk('kiosk.submitSurvey', { surveyId: created.id, answers: answers(3), sex: 'male', ageBand: '60plus' });
    expect(submitted).toMatchObject({ ok: true, value: { correctCount: 7, itemCount: 10, aware: false } });
    expect((submitted as { value: { key: unknown[] } }).value.key.slice(7)).toEqual([
      { correct: false, answer: ['对'] },
      { correct: false, answer: ['错'] },
      { correct: false, answer: ['错'] },
    ]);
    expect(heard).not.toContain('alert.raised');
    expect(await asKiosk('kiosk.submitSurvey', { surveyId: created.id, answers: [1, 1] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '问卷有 10 道题，收到 2 个答案。' } });
    expect(await asKiosk('kiosk.submitSurvey', { surveyId: created.id + 1, answers: answers(0) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await asKiosk('kiosk.definition', { scaleId: 'PHQ-9' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const detail = await station.call(liwei, 'surveys.get', { id: created.id });
    expect(detail.responses).toMatchObject([{ channel: 'kiosk', correctCount: 7, aware: false, enteredBy: null, sex: 'male', ageBand: '60plus', removable: true }]);
    const [row] = await auditRows(s, 'surveys.addResponse');
    expect(row).toMatchObject({ actorName: null, detail: { channel: '自助终端', surveyId: created.id } });
    // A closed survey takes no more answers, at the kiosk or on paper; a kiosk cannot be opened on it.
    await station.call(liwei, 'surveys.close', { id: created.id });
    expect(await asKiosk('kiosk.submitSurvey', { surveyId: created.id, answers: answers(0) })).toMatchObject({ ok: false, error: { message: '2026-11-20 的知晓率调查已结束，不再收答卷；如需补录，请先重新开放。' } });
    expect(refusal(await station.raw(liwei, 'kiosk.open', { surveyId: created.id, pin: '2468' }))).toContain('已结束');
    expect(refusal(await station.raw(liwei, 'kiosk.open', { pin: '2468' }))).toContain('请至少选择一个量表或一项知晓率调查。');
  });

  it('roles: reception enters and fixes its own paper responses but runs no survey; a counsellor edits only the surveys they created', async () => {
    const s = await stationWithLecture();
    const { station, liwei, chen, reception, activity } = s;
    const created = await station.call(liwei, 'surveys.create', survey(activity.id));
    expect(await station.raw(reception, 'surveys.create', survey(null))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(chen, 'surveys.update', { ...survey(null), id: created.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(chen, 'surveys.close', { id: created.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(chen, 'surveys.remove', { id: created.id, reason: '不需要了' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const edited = await station.call(liwei, 'surveys.update', { ...survey(activity.id), id: created.id, place: '阳光社区广场', population: 'students' });
    expect(edited).toMatchObject({ place: '阳光社区广场', population: 'students' });
    const [update] = await auditRows(s, 'surveys.update');
    expect(update!.detail.changedFields).toBe('调查对象、调查地点');
    const byDesk = await station.call(reception, 'surveys.addResponse', { surveyId: created.id, answers: answers(0) });
    const byChen = await station.call(chen, 'surveys.addResponse', { surveyId: created.id, answers: answers(1) });
    expect(await station.raw(reception, 'surveys.removeResponse', { id: byChen.response.id, reason: '录入错误' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.call(reception, 'surveys.removeResponse', { id: byDesk.response.id, reason: '录入错误' })).toEqual({ ok: true });
    // The survey's owner removes a colleague's mistyped response; the 站长 closes and reopens any survey.
    expect(await station.call(liwei, 'surveys.removeResponse', { id: byChen.response.id, reason: '重复录入' })).toEqual({ ok: true });
    expect(await station.call(station.admin, 'surveys.close', { id: created.id })).toMatchObject({ closed: true, respondents: 0 });
    expect(refusal(await station.raw(station.admin, 'surveys.close', { id: created.id }))).toBe('该知晓率调查已经结束。');
    expect(await station.call(station.admin, 'surveys.reopen', { id: created.id })).toMatchObject({ closed: false });
    expect((await auditRows(s, 'surveys.removeResponse')).map((row) => row.actorName)).toEqual(['liwei', 'qiantai']);
  });

  it('refuses bad input in Chinese, naming the field, and saves nothing', async () => {
    const s = await stationWithLecture();
    const { station, liwei, activity } = s;
    const created = await station.call(liwei, 'surveys.create', survey(activity.id));
    const bad: Array<[string, MethodInput<'surveys.create'>, string]> = [
      ['a date in the future', { ...survey(null), date: '2026-11-24' }, '调查日期 2026-11-24 还未到，不能登记；请在调查当天或之后登记。'],
      ['before its activity', { ...survey(activity.id), date: '2026-11-19' }, '调查日期 2026-11-19 早于所关联活动“识别抑郁，及早求助”的日期 2026-11-20。'],
      ['an unknown activity', survey(9999), '活动 #9999 不存在（或已删除）。'],
      ['an unknown questionnaire', { ...survey(null), questionnaireId: 'PHQ-9' }, '没有编号为 PHQ-9 的知晓率问卷。'],
      ['no place', { ...survey(null), place: '  ' }, '请填写调查地点。'],
      ['no population', { ...survey(null), population: 'elderly' as never }, '请选择调查对象（公众或学生）。'],
    ];
    for (const [why, input, message] of bad) expect(refusal(await station.raw(liwei, 'surveys.create', input)), why).toContain(message);
    const badResponses: Array<[string, Partial<MethodInput<'surveys.addResponse'>>, string]> = [
      ['missing answers', { answers: [...key.slice(0, 7), null, 1, null] }, '第 8、10 题未作答：知晓率问卷每题都须作答。'],
      ['not an option', { answers: [...key.slice(0, 9), 3] }, '第 10 题的答案不是该题的选项。'],
      ['too few', { answers: key.slice(0, 9) }, '问卷有 10 道题，收到 9 个答案。'],
      ['a bad age band', { answers: key, ageBand: '40to50' as never }, '请选择年龄段。'],
      ['a bad sex', { answers: key, sex: 'x' as never }, '性别只能是男或女（不填为未说明）。'],
    ];
    for (const [why, input, message] of badResponses) expect(refusal(await station.raw(liwei, 'surveys.addResponse', { surveyId: created.id, answers: key, ...input })), why).toContain(message);
    const missing = await station.raw(liwei, 'surveys.addResponse', { surveyId: created.id, answers: [...key.slice(0, 9), null] });
    expect(missing.ok ? null : missing.error.details).toEqual([{ path: 'answers', message: '第 10 题未作答：知晓率问卷每题都须作答。' }]);
    expect(await station.raw(liwei, 'surveys.addResponse', { surveyId: 9999, answers: key })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到该知晓率调查。' } });
    expect(refusal(await station.raw(liwei, 'surveys.update', { ...survey(null), id: created.id, date: '2026-12-01' }))).toContain('还未到');
    await station.call(liwei, 'surveys.close', { id: created.id });
    expect(refusal(await station.raw(liwei, 'surveys.addResponse', { surveyId: created.id, answers: key }))).toBe('2026-11-20 的知晓率调查已结束，不再收答卷；如需补录，请先重新开放。');
    expect(refusal(await station.raw(liwei, 'surveys.list', { from: '2026-11-30', to: '2026-11-01' }))).toContain('开始日期不能晚于结束日期。');
    // Nothing of it was saved.
    expect(await station.call(liwei, 'surveys.list', { from: '2026-01-01', to: '2026-12-31' })).toMatchObject([{ id: created.id, respondents: 0, place: '阳光社区服务中心二楼' }]);
    expect(await auditRows(s, 'surveys.addResponse')).toEqual([]);
  });

  it('a knowledge questionnaire is no scale: not in the scale library, refused by the scale import', async () => {
    const { station } = await stationWithLecture();
    const scales = (await station.call(station.admin, 'scales.list', {})).map((scale) => scale.id);
    expect(scales).toContain('PHQ-9');
    expect(scales).not.toContain('MHL-TEN-2018');
    const imported = await station.raw(station.admin, 'scales.import', { json: JSON.stringify({ ...mhl, id: 'MHL-COPY' }) });
    expect(refusal(imported)).toBe('心理健康素养十条知识问卷是知晓率问卷，不是量表，不能导入量表库。');
    const bad = await station.raw(station.admin, 'scales.import', { json: JSON.stringify({ ...mhl, kind: 'scale', id: 'MHL-COPY' }) });
    expect(refusal(bad)).toContain('只有知晓率问卷（kind 为 knowledge）才有正确答案');
  });

  it('exports the period as XLSX for any staff role, audited with the row count', async () => {
    const s = await stationWithLecture();
    const { station, liwei, reception, activity } = s;
    const created = await station.call(liwei, 'surveys.create', survey(activity.id));
    for (const wrong of [0, 1, 3]) await station.call(liwei, 'surveys.addResponse', { surveyId: created.id, answers: answers(wrong) });
    const file = await station.call(reception, 'surveys.export', { from: '2026-11-01', to: '2026-11-30' });
    expect(file).toMatchObject({ fileName: '知晓率调查_2026年11月.xlsx', rows: 1 });
    const sheet = await readLedgerSheet(file);
    expect(sheet.headers).toEqual(['调查日期', '问卷', '调查对象', '调查地点', '关联活动', '答卷数', '知晓人数', '知晓率（%）', '已结束', '登记人']);
    expect(sheet.rows).toEqual([['2026-11-20', '心理健康素养十条知识问卷', '公众', '阳光社区服务中心二楼', '2026-11-20 讲座：识别抑郁，及早求助', 3, 2, 66.7, null, 'liwei']]);
    const [row] = await auditRows(s, 'surveys.export');
    expect(row).toMatchObject({ actorName: 'qiantai', detail: { period: '2026-11-01~2026-11-30', count: 1 } });
  });
});

describe('xinyi export surveys', () => {
  it("writes the month's surveys with --period", () => {
    const password = { XINYI_PASSWORD: 'cli-station-pass' };
    const dir = tempDir();
    expect(xinyi(['init', '--station-name', '测试街道社会心理服务站', '--level', 'street', '--region-code', '500118001', '--admin-user', 'admin', '--data-dir', dir], password).code).toBe(0);
    const today = localDay(new Date());
    const created = xinyi(['call', 'surveys.create', '--input', '-', '--user', 'admin', '--data-dir', dir], password, JSON.stringify({ ...survey(null), date: today }));
    expect(created.code, created.stderr).toBe(0);
    const out = path.join(tempDir(), '知晓率调查.xlsx');
    const written = xinyi(['export', 'surveys', '--period', today.slice(0, 7), '--out', out, '--user', 'admin', '--data-dir', dir], password);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain('已导出 1 行');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['知晓率调查.xlsx']);
  });
});

