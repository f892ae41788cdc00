import { ageBetween, dateNumber } from '../../../shared/domain/idNumber.js';
import type { Db } from '../db/driver.js';

/** How many period ends' colourings a directory keeps. */
const keptColourings = 16;

/**
 * How many changed rows a kept directory reads again one by one; beyond that (an import, a merge of many files) it
 * reads the whole directory afresh, which is then no slower.
 */
const patchedRowsAtMost = 2000;

/**
 * Small numbers standing for what a stock's records are grouped by (a client's sex and tags, an age, a case's topics,
 * a colour, and pairs of these): a record's grouping key is a few map lookups, not a string made per record.
 */
class Numbering<T> {
  private readonly numbers = new Map<T, number>();

  of(value: T): number {
    let number = this.numbers.get(value);
    if (number === undefined) this.numbers.set(value, (number = this.numbers.size));
    return number;
  }
}

/** The number of a pair of numbers (each below 2^21: there are never two million distinct values or pairs). */
class Pairs extends Numbering<number> {
  pair(first: number, second: number): number {
    return this.of(first * 2 ** 21 + second);
  }
}

/** A text for a list of values (a client's tags, a case's topics), never mistaken for another list's. */
const listText = (items: readonly string[]) => items.join('\u0001');

/** `born` is the birth date as the number yyyymmdd: an age is then one subtraction per record (dayNumber). `profile` numbers the sex and tags. */
type Person = Readonly<{ gender: string; born: number | null; tags: readonly string[]; profile: number; filedAt: string; merged: boolean }>;
type CaseEntry = Readonly<{ id: number; client_id: number; openedOn: string; closedOn: string | null }>;
type Grade = Readonly<{ level: string; at: string }>;

/** The directory's tables, each with the key its changed rows are read again by (migration 330 logs it). */
export const directoryTables = ['clients', 'client_tags', 'cases', 'case_problems', 'risk_grades'] as const;
type DirectoryTable = (typeof directoryTables)[number];

/** Which rows to read: all of them, or those of the changed keys. */
type Keys = readonly number[] | null;

/** A statement over the whole table or, given keys, over the rows of those keys (`column` in a JSON list). */
function rowsOf<T>(db: Db, sql: string, column: string, keys: Keys, order = ''): T[] {
  if (keys === null) return db.prepare(`${sql} ${order}`).all() as T[];
  return db.prepare(`${sql} WHERE ${column} IN (SELECT value FROM json_each(?)) ${order}`).all(JSON.stringify(keys)) as T[];
}

function groupedBy<T>(rows: ReadonlyArray<{ id: number } & T>, valueOf: (row: T) => string, keys: Keys): Map<number, string[]> {
  const groups = new Map<number, string[]>((keys ?? []).map((key) => [key, []]));
  for (const row of rows) (groups.get(row.id) ?? groups.set(row.id, []).get(row.id)!).push(valueOf(row));
  return groups;
}

/** The last row change the directory has read (migration 330), or 0 before any. */
function lastRowChange(db: Db): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM report_row_changes').get() as { seq: number }).seq;
}

/**
 * What every record's dimensions are looked up in, read in a few bulk reads instead of a correlated subquery per
 * record (on a ten-year station a month holds thousands of records and the stocks tens of thousands): each client's
 * sex, birth date, tags and filing, each case's problem categories, client and dates, each client's grades and — per
 * period end — each client's latest colour. The stocks (client files, the risk register, open cases) are taken from it.
 *
 * The report screen keeps one and, after a change, reads again only the rows migration 330 logged as changed (issue
 * 15: reading the whole directory again took about 200 ms of a ten-year station's month report after one client's
 * new grade).
 */
export class Directory {
  private readonly people = new Map<number, Person>();
  private readonly topics = new Map<number, string[]>();
  private readonly cases = new Map<number, CaseEntry>();
  private readonly grades = new Map<number, Grade[]>();
  private readonly colours = new Map<string, Map<number, string>>();
  private readonly profiles = new Numbering<string>();
  private readonly ages = new Numbering<number | null>();
  private readonly topicLists = new Numbering<string>();
  private readonly colourNumbers = new Numbering<string | null>();
  private readonly pairs = new Pairs();
  private readonly topicNumbers = new Map<number, number>();
  private readonly days = new Map<string, number>();
  /** The last logged row change this directory holds (read before the rows, so a change made meanwhile is read again). */
  private seenChange: number;

  constructor(private readonly db: Db) {
    this.seenChange = lastRowChange(db);
    this.readPeople(null);
    this.readTopics(null);
    this.readCases(null);
    this.readGrades(null);
  }

  /**
   * The directory brought up to the file: the rows changed since it was read are read again. False when it cannot be
   * (the log no longer reaches back to it, or too many rows changed): the caller reads a new one.
   */
  catchUp(): boolean {
    const changes = this.db.prepare('SELECT seq, table_name AS tableName, row_key AS rowKey FROM report_row_changes WHERE seq > ? ORDER BY seq').all(this.seenChange) as Array<{
      seq: number;
      tableName: DirectoryTable;
      rowKey: number;
    }>;
    if (changes.length === 0) return true;
    if (changes[0]!.seq !== this.seenChange + 1 || changes.length > patchedRowsAtMost) return false;
    const changed = new Map<DirectoryTable, Set<number>>(directoryTables.map((table) => [table, new Set()]));
    for (const change of changes) changed.get(change.tableName)?.add(change.rowKey);
    const keysOf = (...tables: DirectoryTable[]) => [...new Set(tables.flatMap((table) => [...changed.get(table)!]))];
    this.seenChange = changes.at(-1)!.seq;
    const people = keysOf('clients', 'client_tags');
    if (people.length > 0) this.readPeople(people);
    const topics = keysOf('case_problems');
    if (topics.length > 0) this.readTopics(topics);
    const cases = keysOf('cases');
    if (cases.length > 0) this.readCases(cases);
    const graded = keysOf('risk_grades');
    if (graded.length > 0) this.readGrades(graded);
    return true;
  }

  private readPeople(keys: Keys): void {
    const tags = groupedBy(rowsOf<{ id: number; tag: string }>(this.db, 'SELECT client_id AS id, tag FROM client_tags', 'client_id', keys), (row) => row.tag, keys);
    // In no order: the whole table is read from the index that holds these columns (clients_by_creation).
    const clients = rowsOf<{ id: number; gender: string; birthDate: string | null; filedAt: string; merged: number }>(
      this.db,
      'SELECT id, gender, birth_date AS birthDate, created_at AS filedAt, merged_into IS NOT NULL AS merged FROM clients',
      'id',
      keys,
    );
    for (const key of keys ?? []) this.people.delete(key);
    for (const row of clients) {
      const own = tags.get(row.id) ?? [];
      const profile = this.profiles.of(`${row.gender}\u0002${listText(own)}`);
      this.people.set(row.id, { gender: row.gender, born: row.birthDate ? dateNumber(row.birthDate) : null, tags: own, profile, filedAt: row.filedAt, merged: row.merged === 1 });
    }
  }

  private readTopics(keys: Keys): void {
    const topics = groupedBy(rowsOf<{ id: number; category: string }>(this.db, 'SELECT case_id AS id, category FROM case_problems', 'case_id', keys), (row) => row.category, keys);
    for (const [caseId, categories] of topics) {
      this.topics.set(caseId, categories);
      this.topicNumbers.delete(caseId);
    }
  }

  // In no order: read from the index that holds these columns (cases_by_opening).
  private readCases(keys: Keys): void {
    const cases = rowsOf<CaseEntry>(this.db, 'SELECT id, client_id, opened_on AS openedOn, closed_on AS closedOn FROM cases', 'id', keys);
    for (const key of keys ?? []) this.cases.delete(key);
    for (const item of cases) this.cases.set(item.id, item);
  }

  /** Each client's grades in time order (the last one in time, then the last recorded, wins). */
  private readGrades(keys: Keys): void {
    const grades = rowsOf<{ id: number; level: string; at: string }>(this.db, 'SELECT client_id AS id, level, graded_at AS at FROM risk_grades', 'client_id', keys, 'ORDER BY graded_at, id');
    for (const key of keys ?? []) this.grades.delete(key);
    for (const grade of grades) (this.grades.get(grade.id) ?? this.grades.set(grade.id, []).get(grade.id)!).push({ level: grade.level, at: grade.at });
    this.colours.clear();
  }

  /**
   * A client's sex, age on the day (whole years, as ageOn counts them) and tags (an anonymous record has none of them).
   * Readers write these into a record's dimensions one by one: spreading the object cost a year's 32,000 sessions 90 ms.
   */
  person(clientId: number | null, day: string) {
    const person = clientId === null ? undefined : this.people.get(clientId);
    return { sex: person?.gender ?? null, age: person?.born ? ageBetween(person.born, this.dayNumber(day)) : null, group: person?.tags ?? [] };
  }

  /**
   * The key a client stock groups a record by: what tells the client's dimensions on the day apart from another's (sex,
   * age, tags), its colour, and for a case its topics.
   */
  stockKey(clientId: number, day: string, colour: string | null, caseId?: number): number {
    const person = this.people.get(clientId)!;
    const age = this.ages.of(person.born ? ageBetween(person.born, this.dayNumber(day)) : null);
    const key = this.pairs.pair(this.pairs.pair(person.profile, age), this.colourNumbers.of(colour));
    return caseId === undefined ? key : this.pairs.pair(key, this.topicsNumber(caseId));
  }

  private topicsNumber(caseId: number): number {
    let number = this.topicNumbers.get(caseId);
    if (number === undefined) this.topicNumbers.set(caseId, (number = this.topicLists.of(listText(this.caseTopics(caseId)))));
    return number;
  }

  private dayNumber(day: string): number {
    let number = this.days.get(day);
    if (number === undefined) this.days.set(day, (number = dateNumber(day)));
    return number;
  }

  /** The clients whose files stood before `toUtc`: filed by then and not merged into another (the stocks count these). */
  filedBefore(toUtc: string): number[] {
    const ids: number[] = [];
    for (const [id, person] of this.people) if (!person.merged && person.filedAt < toUtc) ids.push(id);
    return ids;
  }

  isFiledBefore(clientId: number, toUtc: string): boolean {
    const person = this.people.get(clientId);
    return person !== undefined && !person.merged && person.filedAt < toUtc;
  }

  /** The cases open when the day `to` ended: opened by then and not closed by then. */
  casesOpenOn(to: string): CaseEntry[] {
    const open: CaseEntry[] = [];
    for (const item of this.cases.values()) if (item.openedOn <= to && (item.closedOn === null || item.closedOn > to)) open.push(item);
    return open;
  }

  /** A case's client (a session's client is its case's: no join per session). */
  caseClient(caseId: number): number | undefined {
    return this.cases.get(caseId)?.client_id;
  }

  caseTopics(caseId: number): readonly string[] {
    return this.topics.get(caseId) ?? [];
  }

  /** Each client's colour when the day before `toUtc` ended: its latest grade before then. */
  coloursAt(toUtc: string): ReadonlyMap<number, string> {
    let colours = this.colours.get(toUtc);
    if (!colours) {
      // A kept directory serves many readings: a year's trend and a few periods browsed, not every month of ten years.
      if (this.colours.size >= keptColourings) this.colours.clear();
      colours = new Map();
      for (const [clientId, grades] of this.grades) {
        let latest: Grade | undefined;
        for (const grade of grades) {
          if (grade.at >= toUtc) break;
          latest = grade;
        }
        if (latest) colours.set(clientId, latest.level);
      }
      this.colours.set(toUtc, colours);
    }
    return colours;
  }
}
