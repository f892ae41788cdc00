import { describe, expect, it } from 'vitest';
import { withoutChangeCounting } from '../../../electron/core/db/bulkSeeding.js';
import { createStation, disposeWhenTestEnds } from '../helpers/station.js';

/** The demo's bulk written without the report's change triggers (bulkSeeding.ts): they come back whatever happens. */
describe('bulk seeding without change counting', () => {
  it('leaves the triggers as they were when the work fails, and refuses to run outside a transaction', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const db = station.database();
    const triggers = () => db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all();
    const before = triggers();
    expect(() => withoutChangeCounting(db, () => undefined)).toThrow(/inside a write transaction/);
    expect(() =>
      db.transaction(() =>
        withoutChangeCounting(db, () => {
          expect(triggers().length).toBeLessThan(before.length);
          throw new Error('disk full');
        }),
      )(),
    ).toThrow('disk full');
    expect(triggers()).toEqual(before);
    // The rows written meanwhile are not counted: nothing reads the file while it is generated.
    const changes = () => db.prepare(`SELECT changes FROM report_table_changes WHERE table_name = 'meetings'`).pluck().get();
    const counted = changes();
    db.transaction(() => withoutChangeCounting(db, () => db.prepare(`INSERT INTO meetings (kind, held_on, start_time, end_time, location, agenda, created_by, created_at, updated_at) VALUES ('leading_group', '2026-11-05', '09:00', '10:00', '站内', '例会', 1, '2026-11-05T01:00:00.000Z', '2026-11-05T01:00:00.000Z')`).run()))();
    expect(changes()).toBe(counted);
    expect(triggers()).toEqual(before);
  });
});
