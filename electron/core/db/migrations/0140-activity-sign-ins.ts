import type { Migration } from './types.js';

/**
 * Sign-in sheets (签到表) of activities (issue 12): the residents who signed in at a 讲座 or a 宣传 stall, imported
 * from the sheet passed round on paper or typed into Excel. They are names and phone numbers, not client files;
 * an import replaces the activity's list whole. `row_no` is the row in the imported sheet, so a question about
 * one entry can be answered from the paper.
 */
export const migration: Migration = {
  version: 140,
  name: 'activity-sign-ins',
  up(db) {
    db.exec(`
      CREATE TABLE activity_sign_ins (
        activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        row_no INTEGER NOT NULL CHECK (row_no > 0),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        gender TEXT CHECK (gender IS NULL OR gender IN ('male', 'female')),
        unit TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (activity_id, row_no)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
