import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import KioskView from '../../../renderer/src/features/kiosk/views/KioskView.vue';
import screener from '../../../shared/scales/definitions/C-SSRS-screener.json';
import { fakeApi, type FakeHandlers } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';

/** The resident kiosk: one item per screen with the scale's skip logic; idle time returns to the start. */
const idleSeconds = 60;

function kiosk(extra: FakeHandlers = {}) {
  return fakeApi({
    ...extra,
    'kiosk.info': () => ({ stationName: '胜利路社区心理服务站', scales: [{ id: screener.id, name: screener.names.zh, itemCount: screener.items.length }], survey: null, showScores: false, idleSeconds }),
    'kiosk.definition': () => ({ json: JSON.stringify(screener) }),
    'kiosk.submit': () => ({ critical: false, result: null }),
  });
}

/** A resident's press: the pointer goes down on the window (the kiosk's activity), then the click. */
async function press(wrapper: VueWrapper, testId: string): Promise<void> {
  window.dispatchEvent(new Event('pointerdown'));
  await wrapper.find(`[data-testid="${testId}"]`).trigger('click');
  await flushPromises();
}

const item = (wrapper: VueWrapper) => wrapper.find('[data-testid="kiosk-item"]').text();

/** The idle warning's text while it is shown (the dialog stays in the page, hidden, once opened). */
const idleWarning = () =>
  [...document.querySelectorAll<HTMLElement>('.el-overlay')].find((overlay) => overlay.style.display !== 'none' && overlay.textContent?.includes('秒后将返回首页'))?.textContent ??
  null;

async function startScreener(api: ReturnType<typeof kiosk>, nickname = '') {
  const { wrapper } = await mountScreen(KioskView, { api, pattern: '/kiosk', path: '/kiosk' });
  if (nickname) await wrapper.find('[data-testid="kiosk-nickname"]').setValue(nickname);
  await press(wrapper, 'kiosk-agree');
  await press(wrapper, `kiosk-scale-${screener.id}`);
  return wrapper;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:30:00+08:00'));
});
afterEach(() => vi.useRealTimers());

describe('kiosk: skip logic', () => {
  it('“no” to item 2 passes over items 3–5 both ways, and the skipped items are sent empty', async () => {
    const api = kiosk();
    const wrapper = await startScreener(api, '小林');
    expect(item(wrapper)).toBe('第 1 题');
    await press(wrapper, 'kiosk-option-1');
    expect(item(wrapper)).toBe('第 2 题');
    await press(wrapper, 'kiosk-option-0');
    expect(item(wrapper)).toBe('第 6 题');

    await press(wrapper, 'kiosk-back');
    expect(item(wrapper)).toBe('第 2 题');
    await press(wrapper, 'kiosk-option-0');
    expect(item(wrapper)).toBe('第 6 题');
    // Item 6's follow-up (6b) is asked only after “yes”: item 6 is the last for now, finished once answered.
    expect(wrapper.find('[data-testid="kiosk-finish"]').attributes('disabled')).toBeDefined();
    await press(wrapper, 'kiosk-option-0');
    expect(item(wrapper)).toBe('第 6 题');
    expect(wrapper.find('[data-testid="kiosk-finish"]').attributes('disabled')).toBeUndefined();
    await press(wrapper, 'kiosk-finish');

    expect(api.inputsOf('kiosk.submit')).toEqual([{ scaleId: screener.id, version: screener.version, answers: [1, 0, null, null, null, 0, null], respondent: '小林' }]);
    expect(wrapper.text()).toContain('感谢您完成测评。');
  });

  it('“yes” to item 2 asks items 3–5, and an answer changed on the way back clears the items it skips', async () => {
    const api = kiosk();
    const wrapper = await startScreener(api);
    await press(wrapper, 'kiosk-option-0');
    await press(wrapper, 'kiosk-option-1');
    expect(item(wrapper)).toBe('第 3 题');
    await press(wrapper, 'kiosk-option-0');
    await press(wrapper, 'kiosk-option-0');
    await press(wrapper, 'kiosk-option-0');
    expect(item(wrapper)).toBe('第 6 题');
    await press(wrapper, 'kiosk-option-1');
    expect(item(wrapper)).toBe('第 7 题');
    await press(wrapper, 'kiosk-option-0');

    // Back to item 2 and change it to “no”: items 3–5 are passed over and their answers dropped.
    for (let step = 0; step < 5; step += 1) await press(wrapper, 'kiosk-back');
    expect(item(wrapper)).toBe('第 2 题');
    await press(wrapper, 'kiosk-option-0');
    expect(item(wrapper)).toBe('第 6 题');
    await press(wrapper, 'kiosk-option-1');
    await press(wrapper, 'kiosk-finish');
    expect(api.inputsOf('kiosk.submit')[0]!.answers).toEqual([0, 0, null, null, null, 1, 0]);
  });
});

describe('kiosk: idle reset', () => {
  it('warns 15 s before the idle time, and a touch keeps the resident where they are', async () => {
    const api = kiosk();
    const wrapper = await startScreener(api, '小林');
    await press(wrapper, 'kiosk-option-1');
    await vi.advanceTimersByTimeAsync((idleSeconds - 16) * 1000);
    expect(idleWarning()).toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    expect(idleWarning()).toContain('长时间没有操作，15 秒后将返回首页，已填写的内容不会保存。');
    await vi.advanceTimersByTimeAsync(5000);
    expect(idleWarning()).toContain('10 秒后将返回首页');

    window.dispatchEvent(new Event('pointerdown'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(idleWarning()).toBeNull();
    await vi.advanceTimersByTimeAsync((idleSeconds - 2) * 1000);
    expect(item(wrapper)).toBe('第 2 题');
  });

  it('at the idle time returns to the start and keeps nothing of the resident', async () => {
    const api = kiosk();
    const wrapper = await startScreener(api, '小林');
    await press(wrapper, 'kiosk-option-1');
    await press(wrapper, 'kiosk-option-1');
    await vi.advanceTimersByTimeAsync(idleSeconds * 1000);
    await flushPromises();
    expect(wrapper.find('[data-testid="kiosk-item"]').exists()).toBe(false);
    expect((wrapper.find('[data-testid="kiosk-nickname"]').element as HTMLInputElement).value).toBe('');
    expect(wrapper.text()).not.toContain('小林');

    // The next resident starts the scale from its first item with no answers.
    await press(wrapper, 'kiosk-agree');
    await press(wrapper, `kiosk-scale-${screener.id}`);
    expect(item(wrapper)).toBe('第 1 题');
    expect(wrapper.findAll('[data-testid^="kiosk-option-"]').map((option) => option.attributes('aria-pressed'))).not.toContain('true');
    expect(api.inputsOf('kiosk.submit')).toEqual([]);
  });

  it('the welcome screen waits for as long as nobody has typed there', async () => {
    const api = kiosk();
    const { wrapper } = await mountScreen(KioskView, { api, pattern: '/kiosk', path: '/kiosk' });
    await vi.advanceTimersByTimeAsync(idleSeconds * 3 * 1000);
    expect(idleWarning()).toBeNull();
    await wrapper.find('[data-testid="kiosk-nickname"]').setValue('A12');
    await vi.advanceTimersByTimeAsync(idleSeconds * 1000);
    await flushPromises();
    expect((wrapper.find('[data-testid="kiosk-nickname"]').element as HTMLInputElement).value).toBe('');
  });
});

describe('kiosk: answering by touch', () => {
  const pressed = (wrapper: VueWrapper) => wrapper.findAll('[data-testid^="kiosk-option-"]').filter((option) => option.attributes('aria-pressed') === 'true').map((option) => option.text());

  it('the tapped option\'s highlight stays with its item: the next item starts with nothing chosen and no hover look under the resting finger', async () => {
    const api = kiosk();
    const wrapper = await startScreener(api);
    expect(pressed(wrapper)).toEqual([]);
    await press(wrapper, 'kiosk-option-1');
    expect(item(wrapper)).toBe('第 2 题');
    expect(pressed(wrapper)).toEqual([]);
    // The progress bar has a name a screen reader reads (axe aria-progressbar-name).
    expect(wrapper.find('[role="progressbar"]').attributes('aria-label')).toMatch(/^第 2 题，共 \d+ 题$/);
    // The pointer still rests where item 1's answer was: hover stays off until it moves.
    expect(wrapper.find('[data-testid="kiosk-options"]').classes()).toContain('is-settling');
    window.dispatchEvent(new Event('pointermove'));
    await flushPromises();
    expect(wrapper.find('[data-testid="kiosk-options"]').classes()).not.toContain('is-settling');

    await press(wrapper, 'kiosk-back');
    expect(item(wrapper)).toBe('第 1 题');
    expect(pressed(wrapper)).toHaveLength(1);
    expect(wrapper.find('[data-testid="kiosk-option-1"]').attributes('aria-pressed')).toBe('true');
  });
});

describe('kiosk: on-screen keypads', () => {
  const tap = async (testId: string) => {
    window.dispatchEvent(new Event('pointerdown'));
    document.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)!.click();
    await flushPromises();
  };
  const field = (testId: string) => document.querySelector<HTMLInputElement>(`input[data-testid="${testId}"]`)!.value;

  it('a resident taps in a screening code without a keyboard, and it goes with the answers', async () => {
    const api = kiosk();
    const { wrapper } = await mountScreen(KioskView, { api, pattern: '/kiosk', path: '/kiosk' });
    await press(wrapper, 'kiosk-code-keypad');
    // Only the characters a code can hold: no I, L, O or U to mistake for 1 and 0.
    expect(document.querySelector('[data-testid="keypad-key-I"]')).toBeNull();
    expect(document.querySelector('[data-testid="keypad-key-O"]')).toBeNull();
    for (const key of ['K', '7', 'M', '2', 'Q', '8']) await tap(`keypad-key-${key}`);
    await tap('keypad-delete');
    await tap('keypad-key-9');
    // A code has six characters: a seventh tap changes nothing.
    await tap('keypad-key-5');
    expect(field('kiosk-code')).toBe('K7M2Q9');
    await tap('kiosk-code-done');
    expect((wrapper.find('[data-testid="kiosk-nickname"]').element as HTMLInputElement).value).toBe('K7M2Q9');

    await press(wrapper, 'kiosk-agree');
    await press(wrapper, `kiosk-scale-${screener.id}`);
    await press(wrapper, 'kiosk-option-0');
    await press(wrapper, 'kiosk-option-0');
    await press(wrapper, 'kiosk-option-0');
    await press(wrapper, 'kiosk-finish');
    expect(api.inputsOf('kiosk.submit')[0]!.respondent).toBe('K7M2Q9');
  });

  it('staff leave with the PIN tapped on the keypad', async () => {
    const api = kiosk({ 'kiosk.exit': () => ({ ok: true as const }) });
    const { wrapper } = await mountScreen(KioskView, { api, pattern: '/kiosk', path: '/kiosk' });
    await press(wrapper, 'kiosk-exit');
    for (const key of ['2', '4', '6', '8']) await tap(`keypad-key-${key}`);
    await tap('kiosk-pin-submit');
    expect(api.inputsOf('kiosk.exit')).toEqual([{ pin: '2468' }]);
    expect(wrapper.text()).toContain('自助测评终端已关闭');
  });
});
