import type { Session } from '../../auth/sessionStore.js';
import type { Handlers } from '../../handlerTable.js';
import { seedActivitiesDemo, type DemoStaff } from './activitiesDemo.js';
import { seedCallsDemo } from './callsDemo.js';
import { seedDutyDemo } from './dutyDemo.js';
import { seedGroupsDemo } from './groupsDemo.js';
import { seedMeetingsDemo, seedRulesDemo } from './meetingsDemo.js';
import { seedPeopleDemo } from './peopleDemo.js';
import { seedSurveysDemo } from './surveysDemo.js';
import { seedVisitsDemo } from './visitsDemo.js';

/**
 * `years` of the station's ledgers (活动, 值班, 走访, 热线, 会议, 团体辅导, 知晓率调查) ending `today`, then its team and
 * rules: the volume a station keeps after a decade (issue 12's bench, issue 15's large demo). Each year is written
 * through the handlers as the demo writes its one year; `registered` tells when clients were filed (a visit never
 * names a client before then). `onYear` is told each year done.
 */
export async function seedLedgerYears(
  handlers: Handlers,
  admin: Session,
  staff: DemoStaff,
  scope: Readonly<{ today: string; years: number; registered: (ids: readonly number[]) => ReadonlyMap<number, string>; onYear?: (done: number) => void }>,
): Promise<void> {
  const { today, years, registered } = scope;
  // Oldest year first, each ending on the same day of the year: the years' months never overlap.
  for (let back = years - 1; back >= 0; back -= 1) {
    const yearEnd = `${Number(today.slice(0, 4)) - back}${today.slice(4)}`;
    await seedActivitiesDemo(handlers, admin, staff, yearEnd);
    await seedDutyDemo(handlers, admin, staff, yearEnd);
    await seedVisitsDemo(handlers, admin, staff, yearEnd, registered);
    // Only this year's latest 高危 call may open a crisis record: one opened today for a call of years ago would be out of time.
    await seedCallsDemo(handlers, admin, yearEnd, { opensCrisis: back === 0, registered });
    await seedMeetingsDemo(handlers, admin, staff, yearEnd);
    await seedGroupsDemo(handlers, admin, staff, yearEnd);
    await seedSurveysDemo(handlers, admin, yearEnd);
    scope.onYear?.(years - back);
  }
  await seedPeopleDemo(handlers, admin, staff, today);
  await seedRulesDemo(handlers, admin, today);
}
