import type { Migration } from './types.js';

/**
 * Knowledge surveys (知晓率调查, issue 12). A survey names its questionnaire by id and version (the definition the
 * answers were given to), its day, its population (公众/学生, the two S5 targets) and, where the questionnaire was
 * handed out at one, its activity. A response is anonymous: its answers one row per item with whether each was
 * correct, and its correct count and 知晓 kept as columns, so the 知晓率 per survey, activity and period and the share
 * per item are counted in SQL. Nothing here is clinical: answers to a knowledge quiz are stored in clear.
 * Removed surveys and responses stay (who, when, why) and are skipped by every count.
 */
export const migration: Migration = {
  version: 230,
  name: 'knowledge-surveys',
  up(db) {
    db.exec(`
      CREATE TABLE surveys (
        id INTEGER PRIMARY KEY,
        questionnaire_id TEXT NOT NULL,
        questionnaire_version INTEGER NOT NULL,
        held_on TEXT NOT NULL,
        activity_id INTEGER REFERENCES activities (id),
        population TEXT NOT NULL CHECK (population IN ('public', 'students')),
        place TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        closed_at TEXT,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        removed_at TEXT,
        removed_by INTEGER REFERENCES users (id),
        removed_reason TEXT,
        CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removed_reason IS NULL))
      ) STRICT;
      CREATE INDEX surveys_by_day ON surveys (held_on, questionnaire_id);
      CREATE INDEX surveys_by_activity ON surveys (activity_id) WHERE activity_id IS NOT NULL;

      CREATE TABLE survey_responses (
        id INTEGER PRIMARY KEY,
        survey_id INTEGER NOT NULL REFERENCES surveys (id),
        channel TEXT NOT NULL CHECK (channel IN ('paper', 'kiosk')),
        sex TEXT CHECK (sex IN ('female', 'male')),
        age_band TEXT CHECK (age_band IN ('under14', '14to17', '18to34', '35to59', '60plus')),
        correct_count INTEGER NOT NULL CHECK (correct_count >= 0),
        aware INTEGER NOT NULL CHECK (aware IN (0, 1)),
        entered_by INTEGER REFERENCES users (id),
        created_at TEXT NOT NULL,
        removed_at TEXT,
        removed_by INTEGER REFERENCES users (id),
        removed_reason TEXT,
        CHECK ((channel = 'kiosk') = (entered_by IS NULL)),
        CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removed_reason IS NULL))
      ) STRICT;
      CREATE INDEX survey_responses_by_survey ON survey_responses (survey_id) WHERE removed_at IS NULL;

      CREATE TABLE survey_answers (
        response_id INTEGER NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 1),
        item_id TEXT NOT NULL,
        answer INTEGER NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        PRIMARY KEY (response_id, position)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
