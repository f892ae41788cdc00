import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import MonthDayCell from '../../../renderer/src/features/appointments/components/MonthDayCell.vue';
import { bookingsByDay } from '../../../renderer/src/features/appointments/monthDays.js';
import { createAppI18n } from '../../../renderer/src/i18n/index.js';
import { booking as record } from './support/bookings.js';

enableAutoUnmount(afterEach);

const booking = (start: string) => ({ start, end: start });

describe('the month view’s bookings', () => {
  it('keeps each day’s first bookings in time order and counts the rest of a busy day', () => {
    const busy = ['2026-07-15T16:00', '2026-07-15T09:00', '2026-07-15T10:30', '2026-07-15T14:30', '2026-07-15T08:00'].map(booking);
    const quiet = [booking('2026-07-16T09:00')];
    const days = bookingsByDay([...busy, ...quiet], 3);
    expect([...days.keys()]).toEqual(['2026-07-15', '2026-07-16']);
    expect(days.get('2026-07-15')!.shown.map((item) => item.start)).toEqual(['2026-07-15T08:00', '2026-07-15T09:00', '2026-07-15T10:30']);
    expect(days.get('2026-07-15')!.more).toBe(2);
    expect(days.get('2026-07-16')).toEqual({ shown: quiet, more: 0 });
  });

  it('leaves a day with no more than it shows as it is', () => {
    const day = ['2026-07-15T09:00', '2026-07-15T10:30', '2026-07-15T14:30'].map(booking);
    expect(bookingsByDay(day, 3).get('2026-07-15')).toEqual({ shown: day, more: 0 });
    expect(bookingsByDay([]).size).toBe(0);
  });
});

describe('a day of the month view', () => {
  const later = { ...record, id: record.id + 1, start: record.start.replace(/T\d\d:\d\d/, 'T14:30'), end: record.end.replace(/T\d\d:\d\d/, 'T15:20'), who: '钱来访' };
  const mountDay = (more: number, attachTo?: HTMLElement) =>
    mount(MonthDayCell, {
      props: { dayNumber: '15日', day: '2026-07-15', bookings: { shown: [record, later], more }, colourOf: () => '#1765c1' },
      global: { plugins: [createAppI18n('zh-CN')] },
      ...(attachTo ? { attachTo } : {}),
    });

  it('lists its bookings by time and name, each opening its details', async () => {
    const day = mountDay(0);
    const buttons = day.findAll('[data-testid="month-booking"]');
    expect(buttons.map((button) => button.text())).toEqual([`${record.start.slice(11, 16)} ${record.who}`, '14:30 钱来访']);
    expect(buttons[1]!.attributes('title')).toContain(later.counsellorName);
    await buttons[1]!.trigger('click');
    expect(day.emitted('open')).toEqual([[later]]);
    expect(day.find('[data-testid="month-more"]').exists()).toBe(false);
  });

  it('says how many more a busy day has and opens that day', async () => {
    const day = mountDay(27);
    const more = day.get('[data-testid="month-more"]');
    expect(more.text()).toBe('另有 27 个预约，查看当天');
    await more.trigger('click');
    expect(day.emitted('openDay')).toEqual([['2026-07-15']]);
  });

  it('keeps a press on a booking from reaching the calendar, where it would start a new booking on the day', async () => {
    const pressed: string[] = [];
    const calendarCell = document.body.appendChild(document.createElement('div'));
    calendarCell.addEventListener('mousedown', () => pressed.push('mousedown'));
    calendarCell.addEventListener('touchstart', () => pressed.push('touchstart'));
    const day = mountDay(1, calendarCell);
    await day.get('[data-testid="month-booking"]').trigger('mousedown');
    await day.get('[data-testid="month-more"]').trigger('touchstart');
    expect(pressed).toEqual([]);
    calendarCell.remove();
  });
});
