import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFormWording } from '../../../shared/forms/blankForms.js';
import { createStation, type Station } from '../helpers/station.js';

/** Blank forms: shipped wording for everyone at the desk; the 站长 edits it (audited) or restores it. */
describe('blank forms', () => {
  let station: Station;
  let reception: string;
  beforeAll(async () => {
    station = await createStation();
    reception = await station.addUser('qiantai', 'reception');
  });
  afterAll(() => station.dispose());

  it('lists the three forms in the shipped wording, to the front desk too', async () => {
    const forms = await station.call(reception, 'forms.list', {});
    expect(forms.map((form) => [form.id, form.title, form.edited])).toEqual([
      ['informedConsent', '心理咨询知情同意书', false],
      ['guardianConsent', '未成年人心理服务监护人同意书', false],
      ['intakeRegistration', '初次来访登记表', false],
    ]);
    expect(forms[0]!.body).toContain('{站点名称}');
    expect(forms[1]!.signatures).toEqual(['监护人签名', '未成年人签名']);
  });

  it('keeps the 站长’s wording for everyone, audits it, and restores the shipped wording on request', async () => {
    const wording = { ...defaultFormWording.intakeRegistration, title: '来访登记表（阳光街道）', fields: ['姓名', '联系电话', '所在小区'] };
    const saved = await station.call(station.admin, 'forms.update', { id: 'intakeRegistration', wording });
    expect(saved).toMatchObject({ id: 'intakeRegistration', title: '来访登记表（阳光街道）', edited: true });
    const seen = (await station.call(reception, 'forms.list', {})).find((form) => form.id === 'intakeRegistration')!;
    expect(seen).toMatchObject({ title: '来访登记表（阳光街道）', fields: ['姓名', '联系电话', '所在小区'], edited: true });

    const restored = await station.call(station.admin, 'forms.update', { id: 'intakeRegistration', wording: null });
    expect(restored).toEqual({ id: 'intakeRegistration', ...defaultFormWording.intakeRegistration, edited: false });
    const audit = await station.call(station.admin, 'audit.list', { action: 'forms.update' });
    expect(audit.rows.map((row) => row.detail)).toEqual([
      { form: 'intakeRegistration', restored: true },
      { form: 'intakeRegistration', restored: false },
    ]);
  });

  it('refuses an empty title or an unknown form with a Chinese message and changes nothing', async () => {
    const before = await station.call(station.admin, 'forms.list', {});
    const empty = await station.raw(station.admin, 'forms.update', { id: 'informedConsent', wording: { ...defaultFormWording.informedConsent, title: ' ' } });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('表单标题') } });
    const unknown = await station.raw(station.admin, 'forms.update', { id: 'nonsense' as never, wording: null });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('请选择表单') } });
    expect(await station.call(station.admin, 'forms.list', {})).toEqual(before);
  });
});
