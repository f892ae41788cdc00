import type { StationStatus } from '../../../../shared/reports/district.js';

export const stationStatuses: readonly StationStatus[] = ['onTime', 'late', 'missing', 'notExpected'];

/** A status's tag: on time green, late orange, missing red, not expected grey (the map uses the same colours). */
export const statusTagType: Record<StationStatus, 'success' | 'warning' | 'danger' | 'info'> = { onTime: 'success', late: 'warning', missing: 'danger', notExpected: 'info' };

/** Element Plus's colours of those tags, for the map's areas (ECharts needs the colour itself, not a CSS variable). */
export const tagColour: Record<'success' | 'warning' | 'danger' | 'info', string> = { success: '#67c23a', warning: '#e6a23c', danger: '#f56c6c', info: '#c0c4cc' };
