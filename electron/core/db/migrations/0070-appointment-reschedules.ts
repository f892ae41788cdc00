import type { Migration } from './types.js';

/**
 * 改约: how many times a booking was moved to another time, so the calendar and the slip can say a
 * booking was rescheduled without keeping a cancelled twin. 0060 reserved `rescheduled_from` for a
 * copy-on-move design that was not taken; it stays NULL.
 */
export const migration: Migration = {
  version: 70,
  name: 'appointment-reschedules',
  up(db) {
    db.exec(`ALTER TABLE appointments ADD COLUMN reschedule_count INTEGER NOT NULL DEFAULT 0 CHECK (reschedule_count >= 0);`);
  },
};
