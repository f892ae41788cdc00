import { formWording, type BlankFormId, type FormWording } from '../../../shared/api/schemas/forms.js';
import type { Settings } from '../../../shared/api/schemas/system.js';
import type { Db } from '../db/driver.js';

/**
 * OWASP session guidance: 2–5 minutes idle for high-value data; 5 is the station default.
 * Follow-ups: red weekly, yellow fortnightly, green monthly (issue "Case files" defaults).
 */
export const defaultSettings: Settings = {
  idleLockMinutes: 5,
  backupDir: '',
  backupKeep: 14,
  followUpDays: { red: 7, yellow: 14, green: 30 },
  referralReminderDays: 7,
  openingHours: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:00' },
    { weekday, start: '14:00', end: '17:30' },
  ]),
};

/** Markers that are not user settings: set by the app itself, shown but never edited. */
type Marker = 'demo';

function readValue(db: Db, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row === undefined ? undefined : JSON.parse(row.value);
}

function writeValue(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

export function readSettings(db: Db): Settings {
  const settings: Record<string, unknown> = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings)) {
    const stored = readValue(db, key);
    if (stored !== undefined) settings[key] = stored;
  }
  return settings as Settings;
}

export function writeSettings(db: Db, changes: Partial<Settings>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) writeValue(db, key, value);
  }
}

export function readMarker(db: Db, marker: Marker): boolean {
  return readValue(db, `marker.${marker}`) === true;
}

export function writeMarker(db: Db, marker: Marker, value: boolean): void {
  writeValue(db, `marker.${marker}`, value);
}

/** A blank form's wording as this station edited it; undefined when it uses the shipped wording (or the row is unreadable). */
export function readFormWording(db: Db, id: BlankFormId): FormWording | undefined {
  const parsed = formWording.safeParse(readValue(db, `form.${id}`));
  return parsed.success ? parsed.data : undefined;
}

/** Stores a station's wording for a form; null goes back to the shipped wording. */
export function writeFormWording(db: Db, id: BlankFormId, wording: FormWording | null): void {
  if (wording) writeValue(db, `form.${id}`, wording);
  else db.prepare('DELETE FROM settings WHERE key = ?').run(`form.${id}`);
}
