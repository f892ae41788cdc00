import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract/index.js';
import { adult } from '../helpers/clients.js';
import { createStation, type Station } from '../helpers/station.js';


const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

describe('client registration', () => {
  let station: Station;
  let reception: string;
  beforeAll(async () => {
    station = await createStation();
    reception = await station.addUser('qiantai', 'reception');
  });
  afterAll(() => station.dispose());

  it('registers with birth date and gender read from the ID number, and audits it', async () => {
    const client = await station.call(reception, 'clients.register', { ...adult, gender: 'unknown' });
    expect(client).toMatchObject({ name: '张三', birthDate: '1949-12-31', gender: 'female', idNumber: '11010519491231002X', tags: ['elderly_alone'] });
    const audit = await station.call(station.admin, 'audit.list', { action: 'clients.register' });
    expect(audit.rows[0]).toMatchObject({ actorName: 'qiantai', objectType: 'client', objectId: String(client.id) });
    expect(JSON.stringify(audit.rows)).not.toContain('张三');
  });

  it.each([
    [{ idNumber: '110105194912310021' }, 'idNumber', '校验码不正确'],
    [{ idNumber: '11010519491231002X', birthDate: '1950-01-01' }, 'birthDate', '与身份证号不一致'],
    [{ idNumber: '11010519491231002X', gender: 'male' }, 'gender', '性别与身份证号不一致'],
    [{ idNumber: '', birthDate: '2999-01-01' }, 'birthDate', '不能晚于今天'],
    [{ phone: '138123456789' }, 'phone', '电话号码格式不正确'],
    [{ idNumber: '', birthDate: '2016-05-01', name: '小明' }, 'guardianName', '未成年人须登记监护人'],
  ])('refuses %j with a message on %s and writes nothing', async (change, path, message) => {
    const before = (await station.call(station.admin, 'clients.search', {})).total;
    const result = await station.raw(reception, 'clients.register', { ...adult, name: '李四', ...change } as MethodInput<'clients.register'>);
    expect(code(result)).toBe('INVALID_INPUT');
    const details = result.ok ? [] : (result.error.details as Array<{ path: string; message: string }>);
    expect(details.find((detail) => detail.path === path)?.message).toContain(message);
    expect((await station.call(station.admin, 'clients.search', {})).total).toBe(before);
  });

  it('refuses a source or tag that is not in the dictionary', async () => {
    expect(code(await station.raw(reception, 'clients.register', { ...adult, idNumber: '', name: '王五', source: 'martians' }))).toBe('INVALID_INPUT');
  });

  it('detects duplicates on the ID number and on name + birth date + phone', async () => {
    const byId = await station.raw(reception, 'clients.register', { ...adult, name: '张三丰' });
    expect(byId).toMatchObject({ ok: false, error: { code: 'DUPLICATE_CLIENT' } });
    expect(byId.ok ? '' : byId.error.message).toContain('110105********002X');
    await station.call(reception, 'clients.register', { ...adult, name: '赵六', idNumber: '', birthDate: '1980-02-03', phone: '13900001111', gender: 'male' });
    const byIdentity = await station.raw(reception, 'clients.register', { ...adult, name: '赵六', idNumber: '', birthDate: '1980-02-03', phone: '13900001111', gender: 'male' });
    expect(byIdentity).toMatchObject({ ok: false, error: { code: 'DUPLICATE_CLIENT', details: { rule: 'nameBirthPhone' } } });
  });

  it('searches as you type by name, pinyin, initials, phone tail and ID tail, masking numbers', async () => {
    const search = async (query: string) => (await station.call(reception, 'clients.search', { query })).rows.map((row) => row.name);
    expect(await search('张')).toContain('张三');
    expect(await search('zhangs')).toContain('张三');
    expect(await search('zs')).toContain('张三');
    expect(await search('5678')).toContain('张三');
    expect(await search('002x')).toContain('张三');
    expect(await search('zl')).toEqual(['赵六']);
    const row = (await station.call(reception, 'clients.search', { query: 'zs' })).rows[0]!;
    expect(row).toMatchObject({ idNumberMasked: '110105********002X', phoneMasked: '138****5678', riskLevel: null });
  });

  it('updates with the changed field names in the audit, never the values', async () => {
    const [row] = (await station.call(reception, 'clients.search', { query: '赵六' })).rows;
    await station.call(reception, 'clients.update', {
      id: row!.id,
      client: { ...adult, name: '赵六', idNumber: '', birthDate: '1980-02-03', phone: '13900002222', gender: 'male', address: '胜利路 8 号' },
    });
    const audit = await station.call(station.admin, 'audit.list', { action: 'clients.update' });
    expect(audit.rows[0]?.detail.fields).toBe('phone,address');
    expect(JSON.stringify(audit.rows)).not.toContain('13900002222');
  });
});
