import { ElMessage } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { errorMessage, useFormErrors, useSubmit } from '../../../renderer/src/shared/composables/useFormErrors.js';
import { refusal } from './support/fakeApi.js';

/** The one form-submit helper: field errors from the shared zod schemas and core's refusals, one way to run an action. */
const schema = z.object({ name: z.string().min(2, '姓名至少 2 个字。'), guardian: z.object({ phone: z.string().regex(/^\d{11}$/, '请填写 11 位手机号。') }) });

afterEach(() => vi.restoreAllMocks());

describe('useFormErrors', () => {
  it('checks a form with the shared schema: field errors by dotted path, the value when it passes', () => {
    const form = useFormErrors();
    expect(form.check(schema, { name: '张', guardian: { phone: '123' } })).toBeNull();
    expect(form.errors.value).toEqual({ name: '姓名至少 2 个字。', 'guardian.phone': '请填写 11 位手机号。' });
    expect(form.check(schema, { name: '张三', guardian: { phone: '13800001111' } })).toEqual({ name: '张三', guardian: { phone: '13800001111' } });
    expect(form.errors.value).toEqual({});
  });

  it('shows a refusal from core: its message on the form, and field errors from INVALID_INPUT details', () => {
    const form = useFormErrors();
    const invalid = refusal('INVALID_INPUT', '输入内容有误，请检查后重试。');
    Object.assign(invalid, { details: [{ path: 'name', message: '姓名不能为空。' }, { path: 'name', message: '第二条不显示' }] });
    form.fromError(invalid);
    expect(form.formError.value).toBe('输入内容有误，请检查后重试。');
    expect(form.errors.value).toEqual({ name: '姓名不能为空。' });
    expect(form.lastError.value?.code).toBe('INVALID_INPUT');

    form.fromError(refusal('DUPLICATE_CLIENT', '已有相同的来访者档案，请勿重复登记。'));
    expect(form.errors.value).toEqual({});
    expect(form.formError.value).toBe('已有相同的来访者档案，请勿重复登记。');
    form.fromError(new Error('无法读取该文件。'));
    expect(form.formError.value).toBe('无法读取该文件。');
    expect(form.lastError.value).toBeNull();
    form.clear();
    expect([form.formError.value, form.errors.value, form.lastError.value]).toEqual(['', {}, null]);
  });

  it('submits: busy while the call runs, the refusal on the form, and whether it went through', async () => {
    const form = useFormErrors();
    let finish!: () => void;
    const running = form.submit(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(form.busy.value).toBe(true);
    finish();
    expect(await running).toBe(true);
    expect(form.busy.value).toBe(false);

    expect(await form.submit(() => Promise.reject(refusal('SIGNED_RECORD_FINAL', '记录已签名锁定，不能修改；如需补充，请添加补充说明。')))).toBe(false);
    expect(form.formError.value).toBe('记录已签名锁定，不能修改；如需补充，请添加补充说明。');
    expect(form.busy.value).toBe(false);
  });

  it('saves: checks first and sends nothing when the form does not pass, else submits what passed', async () => {
    const form = useFormErrors();
    const sent: unknown[] = [];
    expect(await form.save(schema, { name: '张', guardian: { phone: '13800001111' } }, async (input) => sent.push(input))).toBe(false);
    expect(sent).toEqual([]);
    expect(form.errors.value).toEqual({ name: '姓名至少 2 个字。' });
    expect(await form.save(schema, { name: '张三', guardian: { phone: '13800001111' }, extra: 1 }, async (input) => sent.push(input))).toBe(true);
    expect(sent).toEqual([{ name: '张三', guardian: { phone: '13800001111' } }]);
  });

  it('a repeated password must match; the message goes on the repeat field', () => {
    const form = useFormErrors();
    expect(form.repeated('confirm', 'a-long-pass-1', 'a-long-pass-2', '两次输入的密码不一致。')).toBe(false);
    expect(form.errors.value.confirm).toBe('两次输入的密码不一致。');
    expect(form.repeated('confirm', 'same', 'same', '两次输入的密码不一致。')).toBe(true);
  });
});

describe('useSubmit', () => {
  it('shows a failure as a toast with core’s message by default', async () => {
    const toast = vi.spyOn(ElMessage, 'error').mockImplementation(() => ({ close: () => undefined }) as never);
    const { submit, busy } = useSubmit();
    expect(await submit(() => Promise.reject(refusal('FORBIDDEN', '您的账号无权执行此操作。')))).toBe(false);
    expect(toast).toHaveBeenCalledWith('您的账号无权执行此操作。');
    expect(busy.value).toBe(false);
    expect(await submit(async () => undefined)).toBe(true);
    expect(toast).toHaveBeenCalledOnce();
  });

  it('a confirm box the user closed is no failure: nothing is shown', async () => {
    const show = vi.fn();
    const { submit } = useSubmit(show);
    expect(await submit(() => Promise.reject('cancel'))).toBe(false);
    expect(await submit(() => Promise.reject('close'))).toBe(false);
    expect(show).not.toHaveBeenCalled();
  });

  it('hands the failure to the screen’s own place for it', async () => {
    let shown = '';
    const { submit } = useSubmit((error) => (shown = errorMessage(error)));
    await submit(() => Promise.reject(refusal('DISK_FULL', '磁盘空间不足，本次操作未保存任何内容。')));
    expect(shown).toBe('磁盘空间不足，本次操作未保存任何内容。');
    expect(errorMessage('plain')).toBe('plain');
  });
});
