import { addDays } from '../../../../shared/domain/dates.js';
import { toMinute } from '../../../../shared/domain/localTime.js';
import type { Db } from '../../db/driver.js';
import { activeRoomIds } from '../../repositories/roomsRepo.js';
import { clashProblem, hoursRules, outsideHours, type Slot } from './bookingChecks.js';
import { dayFacts } from './calendar.js';

/** Candidate starts are on the half hour; a follow-up is looked for within two weeks. */
const stepMinutes = 30;
const searchDays = 14;

/**
 * The first slot from `fromMinute` that passes every booking check without an override: a working
 * day, inside opening hours and the counsellor's availability, and free for the counsellor, the
 * client and one of the active rooms (tried in order).
 */
export function firstFreeSlot(
  db: Db,
  want: { counsellorId: number; clientId: number; durationMinutes: number; fromMinute: number; fromDay: string },
): Slot | null {
  const rooms = activeRoomIds(db);
  const rules = hoursRules(db, want.counsellorId);
  for (let offset = 0; offset < searchDays; offset += 1) {
    const day = addDays(want.fromDay, offset);
    const kind = dayFacts(db, day).kind;
    if (kind === 'holiday' || kind === 'closure') continue;
    for (let start = toMinute(`${day}T00:00`); start < toMinute(`${addDays(day, 1)}T00:00`); start += stepMinutes) {
      const time = { counsellorId: want.counsellorId, clientId: want.clientId, startMinute: start, endMinute: start + want.durationMinutes };
      if (start < want.fromMinute || outsideHours(rules, { ...time, roomId: 0 }).length > 0) continue;
      for (const roomId of rooms) {
        if (clashProblem(db, { ...time, roomId }, []) === null) return { ...time, roomId };
      }
    }
  }
  return null;
}
