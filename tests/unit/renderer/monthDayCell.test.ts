import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import MonthDayCell from '../../../renderer/src/features/appointments/components/MonthDayCell.vue';
import { createAppI18n } from '../../../renderer/src/i18n/index.js';
import { booking as record } from './support/bookings.js';

enableAutoUnmount(afterEach);

describe('a day of the month view', () => {
  const later = { ...record, id: record.id + 1, start: '2026-03-02T14:30', end: '2026-03-02T15:20', who: '钱来访' };
  const mountDay = (total: number, attachTo?: HTMLElement) =>
    mount(MonthDayCell, {
      props: { dayNumber: '2日', day: { day: '2026-03-02', bookings: [record, later], total }, colourOf: () => '#1765c1' },
      global: { plugins: [createAppI18n('zh-CN')] },
      ...(attachTo ? { attachTo } : {}),
    });

  it('lists its bookings by time and name, each opening its details', async () => {
    const day = mountDay(2);
    const buttons = day.findAll('[data-testid="month-booking"]');
    expect(buttons.map((button) => button.text())).toEqual(['09:00 王芳', '14:30 钱来访']);
    expect(buttons[1]!.attributes('title')).toBe('14:30–15:20 钱来访 · 李咨询 · 咨询室一');
    await buttons[1]!.trigger('click');
    expect(day.emitted('open')).toEqual([[later]]);
    expect(day.find('[data-testid="month-more"]').exists()).toBe(false);
  });

  it('says how many more a busy day has and opens that day', async () => {
    const day = mountDay(29);
    const more = day.get('[data-testid="month-more"]');
    expect(more.text()).toBe('另有 27 个预约，查看当天');
    await more.trigger('click');
    expect(day.emitted('openDay')).toEqual([['2026-03-02']]);
  });

  it('shows the day’s number alone on a day without bookings', () => {
    const day = mount(MonthDayCell, { props: { dayNumber: '3日', day: undefined, colourOf: () => '#1765c1' }, global: { plugins: [createAppI18n('zh-CN')] } });
    expect(day.text()).toBe('3日');
    expect(day.findAll('button')).toHaveLength(0);
  });

  it('keeps a press on a booking from reaching the calendar, where it would start a new booking on the day', async () => {
    const pressed: string[] = [];
    const calendarCell = document.body.appendChild(document.createElement('div'));
    calendarCell.addEventListener('mousedown', () => pressed.push('mousedown'));
    calendarCell.addEventListener('touchstart', () => pressed.push('touchstart'));
    const day = mountDay(3, calendarCell);
    await day.get('[data-testid="month-booking"]').trigger('mousedown');
    await day.get('[data-testid="month-more"]').trigger('touchstart');
    expect(pressed).toEqual([]);
    calendarCell.remove();
  });
});
