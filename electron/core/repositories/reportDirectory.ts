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

  /** The values numbered, in the order of their numbers: `of` each in turn numbers a new numbering the same. */
  values(): T[] {
    return [...this.numbers.keys()];
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
export type CaseEntry = Readonly<{ id: number; client_id: number; openedOn: string; closedOn: string | null }>;
type Grade = Readonly<{ level: string; at: string }>;

/** The directory's tables, each with the key its changed rows are read again by (migration 330 logs it). */
export const directoryTables = ['clients', 'client_tags', 'cases', 'case_problems', 'risk_grades'] as const;
type DirectoryTable = (typeof directoryTables)[number];

/** The clients whose records are read, or null for every record. */
export type Only = ReadonlySet<number> | null;

/** The parts of a directory, each read from its tables and patched as a whole. */
type DirectoryPart = 'people' | 'topics' | 'cases' | 'grades';

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

/** A directory brought up to the file, and the clients whose records may take other dimensions in it than before. */
export type CaughtUp = Readonly<{ directory: Directory; affected: ReadonlySet<number> }>;

/**
 * A directory as plain data, kept in the file when the station locks (migration 380), made again in a few tens of ms on
 * a ten-year station where reading the tables takes about 0.35 s. Each part is one flat list of numbers, its texts
 * (sexes, filing times, days, colours, grade times) and lists (tags, topics) numbered once: tuples with a string per
 * field made the JSON 4.3 MB, its parse 20–35 ms and the collection of its 150,000 young objects some 30 ms more
 * (issue 15, the month asked at once after an unlock).
 */
export type DirectorySnapshot = Readonly<{
  format: typeof snapshotFormat;
  seenChange: number;
  /** The profiles (sex and tags) numbered, in order: a client's is its number (making each one's text took 40 ms). */
  profiles: readonly string[];
  texts: readonly string[];
  lists: ReadonlyArray<readonly string[]>;
  /** Per client: id, sex (text), birth date as yyyymmdd or -1, filing time (text), merged (1 or 0), tags (list), profile. */
  people: readonly number[];
  /** Per case with problem categories: id, categories (list). */
  topics: readonly number[];
  /** Per case: id, client, opened on (text), closed on (text, or -1 while open). */
  cases: readonly number[];
  /** Per graded client: id, how many grades, then each grade's level and time (texts), in time order. */
  grades: readonly number[];
}>;

/** Changes whenever the snapshot's shape does: one of another shape is not taken up (format 1 held tuples of strings). */
const snapshotFormat = 2;

/** The texts and lists a snapshot refers to by number, each numbered the first time it is met. */
class SnapshotTables {
  private readonly texts = new Numbering<string>();
  private readonly numbered = new Map<string, number>();
  private readonly lists: Array<readonly string[]> = [];

  text(value: string): number {
    return this.texts.of(value);
  }

  list(items: readonly string[]): number {
    const key = listText(items);
    let number = this.numbered.get(key);
    if (number === undefined) this.numbered.set(key, (number = this.lists.push(items) - 1));
    return number;
  }

  tables(): Pick<DirectorySnapshot, 'texts' | 'lists'> {
    return { texts: this.texts.values(), lists: this.lists };
  }
}

/**
 * What every record's dimensions are looked up in, read in a few bulk reads instead of a correlated subquery per
 * record (on a ten-year station a month holds thousands of records and the stocks tens of thousands): each client's
 * sex, birth date, tags and filing, each case's problem categories, client and dates, each client's grades and — per
 * period end — each client's latest colour. The stocks (client files, the risk register, open cases) are taken from it.
 *
 * A directory never changes once read. The report screen keeps one and, after a change, makes the next from it by
 * reading again only the rows migration 330 logged as changed (issue 15: reading the whole directory again took about
 * 200 ms of a ten-year station's month report after one client's new grade); the kept one still tells what the
 * figures read with it counted, so they can be patched for the clients that changed (FactReadings).
 */
export class Directory {
  private readonly people: Map<number, Person>;
  private readonly topics: Map<number, readonly string[]>;
  private readonly cases: Map<number, CaseEntry>;
  private readonly casesByClient: Map<number, readonly number[]>;
  private readonly grades: Map<number, Grade[]>;
  private readonly colours: Map<string, Map<number, string>>;
  private readonly topicNumbers: Map<number, number>;
  // Numberings only ever grow and a number never changes meaning: a directory and the ones made from it share them.
  private readonly profiles: Numbering<string>;
  private readonly ages: Numbering<number | null>;
  private readonly topicLists: Numbering<string>;
  private readonly colourNumbers: Numbering<string | null>;
  private readonly pairs: Pairs;
  private readonly days: Map<string, number>;
  /** The last logged row change this directory holds (read before the rows, so a change made meanwhile is read again). */
  private seenChange: number;

  /** The whole directory of the file. */
  static read(db: Db): Directory {
    const directory = new Directory(db);
    for (const _part of directory.readParts());
    return directory;
  }

  /**
   * The whole directory read a part at a time, pausing after each: the report screen's readings are prepared so after
   * an unlock, between the calls the host answers meanwhile.
   */
  static *inParts(db: Db): Generator<void, Directory, void> {
    const directory = new Directory(db);
    yield* directory.readParts();
    return directory;
  }

  /**
   * The directory a snapshot holds (null for one of another format), made a part at a time and pausing after each, as
   * inParts reads one: the people, the cases with their topics, the grades (each at most about 40 ms on a ten-year
   * station).
   */
  static *fromSnapshotInParts(db: Db, snapshot: DirectorySnapshot): Generator<void, Directory | null, void> {
    if (snapshot.format !== snapshotFormat) return null;
    const directory = new Directory(db);
    const { texts, lists, people, topics, cases, grades } = snapshot;
    directory.seenChange = snapshot.seenChange;
    for (const profile of snapshot.profiles) directory.profiles.of(profile);
    for (let at = 0; at < people.length; at += 7) {
      const born = people[at + 2]!;
      directory.people.set(people[at]!, {
        gender: texts[people[at + 1]!]!,
        born: born < 0 ? null : born,
        filedAt: texts[people[at + 3]!]!,
        merged: people[at + 4] === 1,
        tags: lists[people[at + 5]!]!,
        profile: people[at + 6]!,
      });
    }
    yield;
    // A list of topics is shared by the cases that have it: a directory replaces a case's list, never changes it.
    for (let at = 0; at < topics.length; at += 2) directory.topics.set(topics[at]!, lists[topics[at + 1]!]!);
    const entries: CaseEntry[] = [];
    for (let at = 0; at < cases.length; at += 4) {
      const closedOn = cases[at + 3]!;
      entries.push({ id: cases[at]!, client_id: cases[at + 1]!, openedOn: texts[cases[at + 2]!]!, closedOn: closedOn < 0 ? null : texts[closedOn]! });
    }
    directory.takeCases(entries, null);
    yield;
    for (let at = 0; at < grades.length; ) {
      const clientId = grades[at]!;
      const end = at + 2 + 2 * grades[at + 1]!;
      const own: Grade[] = [];
      for (at += 2; at < end; at += 2) own.push({ level: texts[grades[at]!]!, at: texts[grades[at + 1]!]! });
      directory.grades.set(clientId, own);
    }
    return directory;
  }

  /** This directory as plain data (fromSnapshotInParts makes it again). */
  snapshot(): DirectorySnapshot {
    const tables = new SnapshotTables();
    const people: number[] = [];
    for (const [id, person] of this.people) {
      people.push(id, tables.text(person.gender), person.born ?? -1, tables.text(person.filedAt), person.merged ? 1 : 0, tables.list(person.tags), person.profile);
    }
    const topics: number[] = [];
    for (const [caseId, categories] of this.topics) topics.push(caseId, tables.list(categories));
    const cases: number[] = [];
    for (const item of this.cases.values()) cases.push(item.id, item.client_id, tables.text(item.openedOn), item.closedOn === null ? -1 : tables.text(item.closedOn));
    const grades: number[] = [];
    for (const [clientId, own] of this.grades) {
      grades.push(clientId, own.length);
      for (const grade of own) grades.push(tables.text(grade.level), tables.text(grade.at));
    }
    return { format: snapshotFormat, seenChange: this.seenChange, profiles: this.profiles.values(), ...tables.tables(), people, topics, cases, grades };
  }

  /**
   * An empty directory, or (for catchUp) one made from `base`: it shares the base's parts and copies those it is about
   * to patch (copying all of them took 25 ms on a ten-year station).
   */
  private constructor(
    private readonly db: Db,
    base?: Directory,
    changing: Readonly<Record<DirectoryPart, boolean>> = { people: true, topics: true, cases: true, grades: true },
  ) {
    const part = <K, V>(own: Map<K, V> | undefined, change: boolean): Map<K, V> => (own === undefined ? new Map() : change ? new Map(own) : own);
    this.people = part(base?.people, changing.people);
    this.topics = part(base?.topics, changing.topics);
    this.topicNumbers = part(base?.topicNumbers, changing.topics);
    this.cases = part(base?.cases, changing.cases);
    this.casesByClient = part(base?.casesByClient, changing.cases);
    this.grades = part(base?.grades, changing.grades);
    this.colours = part(base?.colours, changing.grades);
    this.profiles = base?.profiles ?? new Numbering();
    this.ages = base?.ages ?? new Numbering();
    this.topicLists = base?.topicLists ?? new Numbering();
    this.colourNumbers = base?.colourNumbers ?? new Numbering();
    this.pairs = base?.pairs ?? new Pairs();
    this.days = base?.days ?? new Map();
    this.seenChange = base?.seenChange ?? lastRowChange(db);
  }

  /** Reads every part whole (of an empty directory), yielding after each. */
  private *readParts(): Generator<void, void, void> {
    this.readPeople(null);
    yield;
    this.readTopics(null);
    yield;
    this.readCases(null);
    yield;
    this.readGrades(null);
  }

  /**
   * The directory of the file as it stands: this one when no row changed since it was read, else a new one made from
   * it by reading again the rows changed since, with the clients those rows concern (a case's client before and after,
   * when a case moved to another file). Null when it cannot be made so (the log no longer reaches back to this one, or
   * too many rows changed): the caller reads a new one.
   */
  catchUp(): CaughtUp | null {
    const changes = this.db.prepare('SELECT seq, table_name AS tableName, row_key AS rowKey FROM report_row_changes WHERE seq > ? ORDER BY seq').all(this.seenChange) as Array<{
      seq: number;
      tableName: DirectoryTable;
      rowKey: number;
    }>;
    if (changes.length === 0) return { directory: this, affected: new Set() };
    if (changes[0]!.seq !== this.seenChange + 1 || changes.length > patchedRowsAtMost) return null;
    const changed = new Map<DirectoryTable, Set<number>>(directoryTables.map((table) => [table, new Set()]));
    for (const change of changes) changed.get(change.tableName)?.add(change.rowKey);
    const keysOf = (...tables: DirectoryTable[]) => [...new Set(tables.flatMap((table) => [...changed.get(table)!]))];
    const [people, topics, cases, graded] = [keysOf('clients', 'client_tags'), keysOf('case_problems'), keysOf('cases'), keysOf('risk_grades')];
    const next = new Directory(this.db, this, { people: people.length > 0, topics: topics.length > 0, cases: cases.length > 0, grades: graded.length > 0 });
    next.seenChange = changes.at(-1)!.seq;
    if (people.length > 0) next.readPeople(people);
    if (topics.length > 0) next.readTopics(topics);
    if (cases.length > 0) next.readCases(cases);
    if (graded.length > 0) next.readGrades(graded);
    const affected = new Set([...people, ...graded]);
    for (const caseId of keysOf('cases', 'case_problems')) {
      for (const directory of [this, next]) {
        const clientId = directory.caseClient(caseId);
        if (clientId !== undefined) affected.add(clientId);
      }
    }
    return { directory: next, affected };
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
    this.takeCases(rowsOf<CaseEntry>(this.db, 'SELECT id, client_id, opened_on AS openedOn, closed_on AS closedOn FROM cases', 'id', keys), keys);
  }

  /** The cases read (those of `keys`, or all of them) put in place of the ones held. */
  private takeCases(cases: readonly CaseEntry[], keys: Keys): void {
    // A client's list of cases is replaced, never changed in place: the directory this one was made from shares it.
    const listed = new Map<number, number[]>();
    const listOf = (clientId: number) => listed.get(clientId) ?? listed.set(clientId, [...(this.casesByClient.get(clientId) ?? [])]).get(clientId)!;
    for (const key of keys ?? []) {
      const known = this.cases.get(key);
      if (!known) continue;
      const list = listOf(known.client_id);
      const at = list.indexOf(key);
      if (at >= 0) list.splice(at, 1);
      this.cases.delete(key);
    }
    for (const item of cases) {
      this.cases.set(item.id, item);
      listOf(item.client_id).push(item.id);
    }
    for (const [clientId, list] of listed) this.casesByClient.set(clientId, list);
  }

  /** Each client's grades in time order (the last one in time, then the last recorded, wins). */
  private readGrades(keys: Keys): void {
    const grades = rowsOf<{ id: number; level: string; at: string }>(this.db, 'SELECT client_id AS id, level, graded_at AS at FROM risk_grades', 'client_id', keys, 'ORDER BY graded_at, id');
    for (const key of keys ?? []) this.grades.delete(key);
    for (const grade of grades) (this.grades.get(grade.id) ?? this.grades.set(grade.id, []).get(grade.id)!).push({ level: grade.level, at: grade.at });
    // The colourings kept (shared with the directory this one was made from) are copied with the regraded clients' own.
    for (const [toUtc, kept] of this.colours) {
      const colours = new Map(kept);
      for (const key of keys ?? []) {
        const colour = this.colourAt(key, toUtc);
        if (colour === null) colours.delete(key);
        else colours.set(key, colour);
      }
      this.colours.set(toUtc, colours);
    }
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

  /** The clients held, or those of `only` held. */
  private clientsAmong(only: Only): Iterable<number> {
    return only ? [...only].filter((id) => this.people.has(id)) : this.people.keys();
  }

  /** The cases held, or the cases of the clients of `only`. */
  private casesAmong(only: Only): Iterable<CaseEntry> {
    return only ? [...only].flatMap((clientId) => (this.casesByClient.get(clientId) ?? []).map((caseId) => this.cases.get(caseId)!)) : this.cases.values();
  }

  /** The clients whose files stood before `toUtc`: filed by then and not merged into another (the stocks count these). */
  filedBefore(toUtc: string, only: Only = null): number[] {
    const ids: number[] = [];
    for (const id of this.clientsAmong(only)) if (this.isFiledBefore(id, toUtc)) ids.push(id);
    return ids;
  }

  /** The files made from `fromUtc` up to `toUtc` and not merged into another since. */
  filedBetween(fromUtc: string, toUtc: string, only: Only = null): Array<{ id: number; filedAt: string }> {
    const filed: Array<{ id: number; filedAt: string }> = [];
    for (const id of this.clientsAmong(only)) {
      const person = this.people.get(id)!;
      if (!person.merged && person.filedAt >= fromUtc && person.filedAt < toUtc) filed.push({ id, filedAt: person.filedAt });
    }
    return filed;
  }

  isFiledBefore(clientId: number, toUtc: string): boolean {
    const person = this.people.get(clientId);
    return person !== undefined && !person.merged && person.filedAt < toUtc;
  }

  /** The cases open when the day `to` ended: opened by then and not closed by then. */
  casesOpenOn(to: string, only: Only = null): CaseEntry[] {
    const open: CaseEntry[] = [];
    for (const item of this.casesAmong(only)) if (item.openedOn <= to && (item.closedOn === null || item.closedOn > to)) open.push(item);
    return open;
  }

  /** The cases opened on the days `from` to `to`. */
  casesOpenedOn(from: string, to: string, only: Only = null): CaseEntry[] {
    const opened: CaseEntry[] = [];
    for (const item of this.casesAmong(only)) if (item.openedOn >= from && item.openedOn <= to) opened.push(item);
    return opened;
  }

  /** The ids of the cases of the clients of `only` (a session is its case's client's). */
  caseIdsOf(only: ReadonlySet<number>): number[] {
    return Array.from(this.casesAmong(only), (item) => item.id);
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
      for (const clientId of this.grades.keys()) {
        const colour = this.colourAt(clientId, toUtc);
        if (colour !== null) colours.set(clientId, colour);
      }
      this.colours.set(toUtc, colours);
    }
    return colours;
  }

  /** A client's colour when the day before `toUtc` ended, or null before any grade. */
  colourAt(clientId: number, toUtc: string): string | null {
    let latest: Grade | undefined;
    for (const grade of this.grades.get(clientId) ?? []) {
      if (grade.at >= toUtc) break;
      latest = grade;
    }
    return latest?.level ?? null;
  }
}
