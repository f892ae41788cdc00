import { flushPromises } from '@vue/test-utils';
import { ElMessageBox } from 'element-plus';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodOutput } from '../../../shared/api/contract/index.js';
import type { CasePage, SessionRecord } from '../../../shared/api/schemas/cases.js';
import SessionEditor from '../../../renderer/src/features/caseFiles/views/SessionEditor.vue';
import { fakeApi, refusal } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';

/** The session note: a draft autosaved 3 s after the last keystroke, signing saves what is typed first. */
const page = { case: { id: 1, clientId: 7, clientName: '张三', counsellorName: '李咨询' }, sessions: [] } as unknown as CasePage;
const profile = { name: '胜利路街道社会心理服务站' } as MethodOutput<'station.get'>;

function record(input: MethodInput<'sessions.saveDraft'>, signedAt: string | null = null): SessionRecord {
  return { ...input, id: 41, counsellorId: 2, counsellorName: '李咨询', signedAt, signedBy: signedAt ? '李咨询' : null, addenda: [], updatedAt: '2026-03-02T02:00:00.000Z' } as SessionRecord;
}

function station(saveDraft?: (input: MethodInput<'sessions.saveDraft'>) => SessionRecord, casePage: CasePage = page) {
  let saved: SessionRecord | null = null;
  return fakeApi({
    'station.get': () => profile,
    'cases.get': () => casePage,
    'sessions.saveDraft': (input) => (saved = saveDraft ? saveDraft(input) : record(input)),
    'sessions.sign': (input) => ({ ...(saved ?? casePage.sessions.find((session) => session.id === input.id)!), signedAt: '2026-03-02T02:05:00.000Z', signedBy: '李咨询' }),
    'attachments.list': () => [],
  });
}

/** The editor as 李咨询 (user 2), the counsellor who writes the notes here, opens it. */
function openEditor(api: ReturnType<typeof fakeApi>, path: string) {
  const pinia = createPinia();
  pinia.state.value.session = { status: null, current: { user: { id: 2, username: 'lizixun', displayName: '李咨询', role: 'counsellor' }, idleLockMinutes: 5 } };
  return mountScreen(SessionEditor, { api, pattern: '/cases/:caseId/sessions/:sessionId', path, pinia });
}

async function openNew(api: ReturnType<typeof fakeApi>) {
  return openEditor(api, '/cases/1/sessions/new');
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:30:00+08:00'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** What the editor asked core to do with the note (its attachment list and the station's name aside). */
const noteCalls = (api: ReturnType<typeof fakeApi>) => api.methods().filter((method) => method !== 'attachments.list' && method !== 'station.get');

describe('session editor: autosave and signing', () => {
  it('saves the draft 3 s after the last keystroke, once, and then names the saved record in the address', async () => {
    const api = station();
    const { wrapper, router } = await openNew(api);
    await wrapper.find('[data-testid="note-complaint"]').setValue('失眠两周');
    await vi.advanceTimersByTimeAsync(2000);
    await wrapper.find('[data-testid="note-plan"]').setValue('下周复访');
    await vi.advanceTimersByTimeAsync(2999);
    expect(noteCalls(api)).toEqual(['cases.get']);

    await vi.advanceTimersByTimeAsync(1);
    await flushPromises();
    expect(api.inputsOf('sessions.saveDraft')).toEqual([expect.objectContaining({ caseId: 1, note: expect.objectContaining({ complaint: '失眠两周', plan: '下周复访' }) })]);
    expect(api.inputsOf('sessions.saveDraft')[0]).not.toHaveProperty('id');
    expect(router.currentRoute.value.fullPath).toBe('/cases/1/sessions/41');
    expect(wrapper.find('[data-testid="autosave-state"]').text()).toContain('草稿已自动保存');

    // Typing on saves over the same draft.
    await wrapper.find('[data-testid="note-plan"]').setValue('下周复访，做 PHQ-9');
    await vi.advanceTimersByTimeAsync(3000);
    await flushPromises();
    expect(api.inputsOf('sessions.saveDraft').map((input) => input.id)).toEqual([undefined, 41]);
  });

  it('signing saves what was typed first (the pending autosave does not save it again), then signs and stops autosaving', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    const api = station();
    const { wrapper } = await openNew(api);
    await wrapper.find('[data-testid="note-complaint"]').setValue('情绪低落');
    await vi.advanceTimersByTimeAsync(1000);

    await wrapper.find('[data-testid="session-sign"]').trigger('click');
    await flushPromises();
    expect(confirm).toHaveBeenCalledOnce();
    expect(noteCalls(api)).toEqual(['cases.get', 'sessions.saveDraft', 'sessions.sign']);
    expect(api.inputsOf('sessions.saveDraft')[0]!.note.complaint).toBe('情绪低落');
    expect(wrapper.find('[data-testid="session-signed"]').text()).toContain('李咨询 签名于');
    expect(wrapper.find('[data-testid="session-sign"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="autosave-state"]').text()).toBe('');

    await vi.advanceTimersByTimeAsync(10_000);
    await flushPromises();
    expect(noteCalls(api)).toEqual(['cases.get', 'sessions.saveDraft', 'sessions.sign']);
    wrapper.unmount();
    expect(noteCalls(api)).toEqual(['cases.get', 'sessions.saveDraft', 'sessions.sign']);
  });

  it('does not sign when the draft cannot be saved, and shows why', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    const api = station(() => {
      throw refusal('DISK_FULL', '磁盘空间不足，本次操作未保存任何内容。');
    });
    const { wrapper } = await openNew(api);
    await wrapper.find('[data-testid="note-complaint"]').setValue('情绪低落');
    await wrapper.find('[data-testid="session-sign"]').trigger('click');
    await flushPromises();
    expect(noteCalls(api)).toEqual(['cases.get', 'sessions.saveDraft']);
    expect(wrapper.text()).toContain('磁盘空间不足，本次操作未保存任何内容。');
    expect(wrapper.find('[data-testid="session-sign"]').exists()).toBe(true);
  });

  it('a sign box closed without confirming leaves the note unsigned, and the typing is still autosaved', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel');
    const api = station();
    const { wrapper } = await openNew(api);
    await wrapper.find('[data-testid="note-complaint"]').setValue('情绪低落');
    await wrapper.find('[data-testid="session-sign"]').trigger('click');
    await flushPromises();
    expect(noteCalls(api)).toEqual(['cases.get']);
    await vi.advanceTimersByTimeAsync(3000);
    await flushPromises();
    expect(noteCalls(api)).toEqual(['cases.get', 'sessions.saveDraft']);
  });

  it('leaving with unsaved typing saves it at once', async () => {
    const api = station();
    const { wrapper } = await openNew(api);
    await wrapper.find('[data-testid="note-assessment"]').setValue('中度焦虑');
    await flushPromises();
    wrapper.unmount();
    await flushPromises();
    expect(api.inputsOf('sessions.saveDraft')).toEqual([expect.objectContaining({ note: expect.objectContaining({ assessment: '中度焦虑' }) })]);
  });
});

/** A draft written earlier, as core returns it in the case page. */
const earlier = record({ caseId: 1, heldOn: '2026-03-01', startTime: '10:00', durationMinutes: 45, modality: 'phone', kind: 'intake', note: { complaint: '失眠', assessment: '', intervention: '', plan: '', freeText: '' } });
const pageWith = (...sessions: SessionRecord[]) => ({ ...page, sessions }) as CasePage;

describe('session editor: no draft is written that nobody typed (issue 11)', { timeout: 30_000 }, () => {
  it('opening an existing draft and reading it saves nothing, even after 3 s or on leaving (no extra 修改草稿)', async () => {
    const api = station(undefined, pageWith(earlier));
    const { wrapper } = await openEditor(api, '/cases/1/sessions/41');
    expect((wrapper.find('[data-testid="note-complaint"]').element as HTMLTextAreaElement).value).toBe('失眠');
    await vi.advanceTimersByTimeAsync(10_000);
    await flushPromises();
    wrapper.unmount();
    await flushPromises();
    expect(noteCalls(api)).toEqual(['cases.get']);
  });

  it('新建咨询记录 in a case with earlier notes creates no empty draft, even after 3 s or on leaving', async () => {
    const api = station(undefined, pageWith(earlier));
    const { wrapper, router } = await openNew(api);
    await vi.advanceTimersByTimeAsync(10_000);
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/cases/1/sessions/new');
    wrapper.unmount();
    await flushPromises();
    expect(noteCalls(api)).toEqual(['cases.get']);
  });

  it('typing back what was saved cancels the pending autosave', async () => {
    const api = station(undefined, pageWith(earlier));
    const { wrapper } = await openEditor(api, '/cases/1/sessions/41');
    await wrapper.find('[data-testid="note-complaint"]').setValue('失眠两周');
    await vi.advanceTimersByTimeAsync(1000);
    await wrapper.find('[data-testid="note-complaint"]').setValue('失眠');
    await vi.advanceTimersByTimeAsync(10_000);
    await flushPromises();
    expect(noteCalls(api)).toEqual(['cases.get']);
  });

  it('signing a note without 主诉 or 评估 says so and asks core nothing', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    const api = station();
    const { wrapper } = await openNew(api);
    await wrapper.find('[data-testid="note-plan"]').setValue('下周复访');
    await wrapper.find('[data-testid="session-sign"]').trigger('click');
    await flushPromises();
    expect(confirm).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('签名前须填写主诉或评估。');
    expect(noteCalls(api)).toEqual(['cases.get']);
  });

  it('signing an unchanged saved draft signs it without saving it again', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    const api = station(undefined, pageWith(earlier));
    const { wrapper } = await openEditor(api, '/cases/1/sessions/41');
    await wrapper.find('[data-testid="session-sign"]').trigger('click');
    await flushPromises();
    expect(noteCalls(api)).toEqual(['cases.get', 'sessions.sign']);
  });
});

describe('session editor: another counsellor’s draft (issue 9: no button core refuses)', () => {
  it('is read-only for whoever did not write it: no 保存草稿, no 签名, no autosave, and a sentence says why', async () => {
    const api = station(undefined, pageWith({ ...earlier, counsellorId: 3, counsellorName: '王咨询' }));
    const { wrapper } = await openEditor(api, '/cases/1/sessions/41');
    expect(wrapper.find('[data-testid="session-save"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="session-sign"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="session-others-draft"]').text()).toContain('王咨询 撰写的草稿');
    expect(wrapper.find('[data-testid="note-complaint"]').attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid="session-print"]').exists()).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    wrapper.unmount();
    await flushPromises();
    expect(noteCalls(api)).toEqual(['cases.get']);
  });
});
