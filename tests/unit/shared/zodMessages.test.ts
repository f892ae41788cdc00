import { describe, expect, it } from 'vitest';
import type { z as zod } from 'zod';
import { contract } from '../../../shared/api/contract/index.js';
import { fieldLabels, mergeFieldLabels } from '../../../shared/api/fieldLabels/index.js';
import { appointmentInput } from '../../../shared/api/schemas/appointments.js';
import { z } from '../../../shared/api/zod.js';

/** Every object key reachable from a schema (objects, wrappers, arrays, unions, pipes, lazies). */
function keysOf(schema: zod.ZodType, keys = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (seen.has(schema)) return keys;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const children: unknown[] = [];
  if (def.type === 'object') {
    for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
      keys.add(key);
      children.push(child);
    }
  }
  for (const field of ['innerType', 'in', 'out', 'element', 'valueType', 'left', 'right']) if (def[field]) children.push(def[field]);
  for (const field of ['options', 'items']) if (Array.isArray(def[field])) children.push(...(def[field] as unknown[]));
  if (typeof def.getter === 'function') children.push((def.getter as () => unknown)());
  for (const child of children) keysOf(child as zod.ZodType, keys, seen);
  return keys;
}

const messages = (schema: zod.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('validation messages', () => {
  it('take field names from each feature’s file; a key named differently by two features is refused', () => {
    expect(mergeFieldLabels([['a', { theme: '活动主题' }], ['b', { theme: '活动主题', place: '地点' }]])).toEqual({ theme: '活动主题', place: '地点' });
    expect(() => mergeFieldLabels([['a', { theme: '活动主题' }], ['b', { theme: '主题' }]])).toThrow('field theme is named 活动主题 by a and 主题 by b');
  });

  it('name every field of every contract input in Chinese', () => {
    const unnamed = new Set<string>();
    for (const spec of Object.values(contract)) for (const key of keysOf(spec.input)) if (!fieldLabels[key]) unnamed.add(key);
    expect([...unnamed]).toEqual([]);
  });

  it('turn an empty booking into what to choose, not "数值过小：期望 number >0"', () => {
    const issues = appointmentInput.safeParse({ counsellorId: 0, roomId: 0, start: '', durationMinutes: 0, type: 'individual' }).error?.issues ?? [];
    const byField = Object.fromEntries(issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(byField).toMatchObject({ counsellorId: '请选择咨询师。', roomId: '请选择房间。', durationMinutes: '时长至少 5 分钟。' });
    expect(Object.values(byField).join('')).not.toMatch(/number|期望|[a-z]{4,}/);
  });

  it('say in Chinese, naming the field, what each kind of issue asks for', () => {
    const schema = z
      .object({
        clientId: z.number().int().positive(),
        complaint: z.string().min(1).max(3),
        reason: z.string().min(2),
        durationMinutes: z.number().int().min(5).max(480).multipleOf(5),
        gender: z.enum(['male', 'female']),
        tags: z.array(z.string().max(2)).min(1).max(2),
        day: z.iso.date(),
        scope: z.literal('all'),
        walkIn: z.union([z.object({ name: z.string() }), z.literal(false)]),
        note: z.string().refine((text) => text !== 'x'),
        station: z.object({ address: z.string() }).strict(),
      })
      .strict();
    const bad = {
      clientId: 0,
      complaint: '',
      reason: 'a',
      durationMinutes: 7.5,
      gender: 'x',
      tags: ['abc'],
      day: '2026-13-01',
      scope: 'one',
      walkIn: 3,
      note: 'x',
      station: { address: '', extra: 1 },
      stray: 1,
    };
    expect(messages(schema, bad)).toEqual([
      '请选择来访者。',
      '请填写主诉。',
      '原因至少 2 个字符。',
      '时长须为整数。',
      '请选择性别。',
      '重点人群标签第 1 项不能超过 2 个字符。',
      '日期格式不正确（应为 YYYY-MM-DD）。',
      '范围的取值无效。',
      '临时来访者填写有误。',
      '备注填写有误。',
      '站点信息中有不认识的项：extra。',
      '有不认识的项：stray。',
    ]);
    expect(messages(schema, { ...bad, durationMinutes: 3, complaint: 'abcd', tags: [] })).toEqual(
      expect.arrayContaining(['时长不能小于 5。', '主诉不能超过 3 个字符。', '请至少选择或填写一项重点人群标签。']),
    );
    expect(messages(schema, {})).toEqual(expect.arrayContaining(['请选择来访者。', '请填写主诉。', '请选择性别。', '请填写时长。']));
    expect(messages(z.object({ durationMinutes: z.number().max(480).multipleOf(5) }), { durationMinutes: 481 })).toEqual(['时长不能大于 480。', '时长须为 5 的倍数。']);
  });

  it('keep a message written on the schema, and zod\'s Chinese where a path names no field', () => {
    expect(messages(z.object({ name: z.string().min(1, '请填写姓名。') }), { name: '' })).toEqual(['请填写姓名。']);
    expect(messages(z.object({ someUnlistedKey: z.number() }), { someUnlistedKey: 'a' })[0]).toMatch(/期望/);
  });
});
