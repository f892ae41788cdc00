import { DOMWrapper, flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api/access.js';
import type { DictionaryItem } from '../../../shared/api/schemas/dictionaries.js';
import type { PeopleCounts, PersonRecord, PersonSummary } from '../../../shared/api/schemas/people.js';
import { addDays, localDay } from '../../../shared/domain/dates.js';
import { ApiCallError } from '../../../renderer/src/api/client.js';
import PeopleView from '../../../renderer/src/features/ledgers/views/PeopleView.vue';
import PersonView from '../../../renderer/src/features/ledgers/views/PersonView.vue';
import { fakeApi, type FakeHandlers } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';
import { fieldErrors, ledgerUsers, loggedInAs, selectByTestid } from './support/screenParts.js';

/** Issue 12: the 人员台账 screens ask core what the filters say, and offer writing only to the 站长. */
const kinds: DictionaryItem[] = [
  { id: 1, dictionary: 'qualificationKind', code: 'counsellor', label: '心理咨询师', active: true, builtin: true },
  { id: 2, dictionary: 'qualificationKind', code: 'social_worker', label: '社会工作者', active: true, builtin: true },
];
const today = localDay(new Date());
const soon = addDays(today, 20);

const liwei: PersonRecord = {
  id: 7,
  name: '李伟',
  gender: 'male',
  phone: '13900001111',
  employment: 'parttime',
  fte: 0.5,
  organisation: '区精神卫生中心',
  position: '驻站心理咨询师',
  user: { id: 2, displayName: '李伟' },
  joinedOn: '2025-03-01',
  leftOn: null,
  note: '',
  qualifications: [{ id: 11, kind: 'counsellor', level: '二级', certificateNo: 'XL-1', issuedOn: '2019-06-01', expiresOn: soon, scans: 1 }],
  trainings: [{ id: 21, kind: 'supervision', date: '2026-11-12', topic: '个案督导', provider: '王督导', hours: 1.5 }],
  serviceHours: [],
};
const summaryOf = (person: PersonRecord): PersonSummary => ({
  ...person,
  qualifications: person.qualifications.map(({ kind, level, expiresOn }) => ({ kind, level, expiresOn })),
  nextExpiry: person.qualifications.find((item) => item.expiresOn)?.expiresOn ?? null,
});
const volunteer: PersonRecord = { ...liwei, id: 8, name: '赵敏', employment: 'volunteer', fte: null, user: null, qualifications: [], trainings: [], serviceHours: [{ id: 31, date: '2026-11-15', hours: 2.5, activity: { id: 4, theme: '睡眠讲座' }, note: '签到引导' }] };
const counts: PeopleCounts = { from: '2026-01-01', to: today, fulltime: 1, parttime: 1, volunteers: 1, fte: 1.5, byQualification: [], trainingHours: 6, supervisionHours: 1.5, volunteerHours: 2.5 };

function station(extra: FakeHandlers = {}) {
  return fakeApi({
    'dictionaries.list': () => kinds,
    'users.directory': () => [{ ...ledgerUsers.counsellor, role: 'counsellor' }],
    'people.list': () => [summaryOf(liwei), summaryOf(volunteer)],
    'people.counts': (input) => ({ ...counts, ...input }),
    'activities.list': () => [],
    ...extra,
  });
}

describe('the people ledger list', () => {
  it('asks for exactly what the filters say, shows qualifications and the nearest expiry, and this year’s figures', async () => {
    const api = station();
    const { wrapper } = await mountScreen(PeopleView, { api, pattern: '/people', path: '/people', pinia: loggedInAs('admin') });
    expect(api.inputsOf('people.list')).toEqual([{ status: 'active' }]);
    selectByTestid(wrapper, 'people-employment').vm.$emit('update:modelValue', 'volunteer');
    await flushPromises();
    await wrapper.find('[data-testid="people-status"] input[value="all"]').setValue(true);
    await flushPromises();
    expect(api.inputsOf('people.list').slice(1)).toEqual([
      { status: 'active', employment: 'volunteer' },
      { status: 'all', employment: 'volunteer' },
    ]);
    expect(api.inputsOf('people.counts').at(-1)).toEqual({ from: `${today.slice(0, 4)}-01-01`, to: today });
    const rows = wrapper.findAll('[data-testid="people-table"] .el-table__body tbody tr');
    expect(rows[0]!.text()).toContain('兼职 0.5');
    expect(rows[0]!.text()).toContain('心理咨询师（二级）');
    expect(rows[0]!.text()).toContain('20 天后到期');
    expect(rows[1]!.text()).toContain('无账号');
    expect(wrapper.find('[data-testid="people-totals"]').text()).toContain('专职 1 人，兼职 1 人（折算 1.5 个全职岗位），志愿者 1 人；培训 6 学时，督导 1.5 学时，志愿服务 2.5 小时');
  });

  it('offers keeping the ledger only to the 站长', async () => {
    const offered = async (role: Exclude<Role, 'kiosk'>) => {
      const { wrapper } = await mountScreen(PeopleView, { api: station(), pattern: '/people', path: '/people', pinia: loggedInAs(role) });
      const found = ['person-new', 'people-import', 'people-export', 'people-print'].filter((testid) => wrapper.find(`[data-testid="${testid}"]`).exists());
      wrapper.unmount();
      return found;
    };
    expect(await offered('admin')).toEqual(['person-new', 'people-import', 'people-export', 'people-print']);
    expect(await offered('counsellor')).toEqual(['people-print']);
    expect(await offered('reception')).toEqual(['people-print']);
  });

  it('a refused staff list shows every bad row by its Excel row number', async () => {
    const problems = [
      { row: 3, reason: '日期应写作 2024-03-01 或 2024/3/1' },
      { row: 4, reason: '类别“合同工”应为“专职”“兼职”或“志愿者”' },
    ];
    const api = station({
      'people.importStaffList': () => {
        throw new ApiCallError({ code: 'INVALID_INPUT', message: '人员名单有 2 行无法导入，整份未导入。', details: { problems } });
      },
    });
    const { wrapper } = await mountScreen(PeopleView, { api, pattern: '/people', path: '/people', pinia: loggedInAs('admin') });
    const input = wrapper.find('[data-testid="people-input"]');
    Object.defineProperty(input.element, 'files', { value: [new File([new Uint8Array([80, 75, 3, 4])], '名单.xlsx')], configurable: true });
    await input.trigger('change');
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await flushPromises();
    const alert = wrapper.find('[data-testid="people-refused"]');
    expect(alert.text()).toContain('人员名单未导入');
    expect(alert.text()).toContain('第 3 行：日期应写作');
    expect(alert.text()).toContain('第 4 行：类别“合同工”');
    expect(api.inputsOf('people.importStaffList')).toEqual([{ dataBase64: 'UEsDBA==' }]);
  });
});

describe('one team member', () => {
  it('the 站长 opens a certificate’s scans and records a training; the schema and then core’s refusal land on their fields', async () => {
    const api = station({
      'people.get': () => liwei,
      'attachments.list': () => [],
      'people.addTraining': () => {
        throw new ApiCallError({ code: 'INVALID_INPUT', message: '培训/督导日期 2026-12-30 晚于今天。', details: [{ path: 'date', message: '培训/督导日期 2026-12-30 晚于今天。' }] });
      },
    });
    const { wrapper } = await mountScreen(PersonView, { api, pattern: '/people/:id', path: '/people/7', pinia: loggedInAs('admin') });
    expect(wrapper.find('[data-testid="person-title"]').text()).toBe('李伟 · 兼职');
    expect(wrapper.find('[data-testid="person-qualifications"]').text()).toContain('20 天后到期');
    await wrapper.find('[data-testid="qualification-scans"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('attachments.list')).toEqual([{ ownerType: 'qualification', ownerId: 11 }]);

    await wrapper.find('[data-testid="training-add"]').trigger('click');
    await flushPromises();
    // The dialog is teleported to the page's body.
    const body = new DOMWrapper(document.body);
    await body.find('input[data-testid="training-topic"]').setValue('危机干预');
    await body.find('[data-testid="training-submit"]').trigger('click');
    await flushPromises();
    // The schema refuses a missing number of hours before anything is sent.
    expect(fieldErrors(wrapper)['学时']).toContain('学时须为数字');
    expect(api.inputsOf('people.addTraining')).toEqual([]);
    wrapper.findAllComponents({ name: 'ElInputNumber' }).at(-1)!.vm.$emit('update:modelValue', 3);
    await flushPromises();
    await body.find('[data-testid="training-submit"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('people.addTraining')).toEqual([{ personId: 7, kind: 'training', date: today, topic: '危机干预', provider: '', hours: 3 }]);
    expect(fieldErrors(wrapper)['日期']).toBe('培训/督导日期 2026-12-30 晚于今天。');
  });

  it('a counsellor reads the page without buttons, scans or removal; a volunteer’s hours are summed', async () => {
    const api = station({ 'people.get': () => volunteer });
    const { wrapper } = await mountScreen(PersonView, { api, pattern: '/people/:id', path: '/people/8', pinia: loggedInAs('counsellor') });
    for (const testid of ['person-edit', 'qualification-add', 'training-add', 'service-add', 'qualification-scans']) expect(wrapper.find(`[data-testid="${testid}"]`).exists(), testid).toBe(false);
    expect(wrapper.find('[data-testid="service-total"]').text()).toBe('合计 2.5 小时');
    expect(wrapper.find('[data-testid="person-service"]').text()).toContain('睡眠讲座');
  });
});
