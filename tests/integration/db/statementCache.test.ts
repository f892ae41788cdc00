import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database, type Db } from '../../../electron/core/db/driver.js';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import { keepPreparedStatements } from '../../../electron/core/db/statementCache.js';

const opened: Array<{ db: Db; dir: string }> = [];

function freshDatabase(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-statements-'));
  const db = openEncryptedDatabase(path.join(dir, 'xinyi.db'), randomBytes(32), { create: true });
  opened.push({ db, dir });
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t (v) VALUES (\'一\'), (\'二\'), (\'三\')');
  return db;
}

afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('prepared statements kept by a station connection', () => {
  it('an encrypted connection hands back the same statement for the same SQL, and it still answers correctly', () => {
    const db = freshDatabase();
    const first = db.prepare('SELECT v FROM t WHERE id = ?');
    expect(db.prepare('SELECT v FROM t WHERE id = ?')).toBe(first);
    expect(db.prepare('SELECT v FROM t WHERE id = ?').get(2)).toEqual({ v: '二' });
    expect(db.prepare('SELECT v FROM t WHERE id = ?').get(3)).toEqual({ v: '三' });
  });

  it('a statement being iterated is not shared: the same SQL inside the loop runs on a statement of its own', () => {
    const db = freshDatabase();
    const pairs: string[] = [];
    for (const outer of db.prepare('SELECT v FROM t ORDER BY id').iterate() as IterableIterator<{ v: string }>) {
      for (const inner of db.prepare('SELECT v FROM t ORDER BY id').iterate() as IterableIterator<{ v: string }>) pairs.push(outer.v + inner.v);
    }
    expect(pairs).toHaveLength(9);
    expect(pairs[0]).toBe('一一');
    expect(pairs[8]).toBe('三三');
  });

  it('keeps only the latest statements, the least recently used leaving first', () => {
    const db = new Database(':memory:');
    keepPreparedStatements(db, 2);
    const a = db.prepare('SELECT 1');
    const b = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(a);
    db.prepare('SELECT 3');
    expect(db.prepare('SELECT 1')).toBe(a);
    expect(db.prepare('SELECT 2')).not.toBe(b);
    db.close();
  });

  it('a kept statement follows a change of the schema (a migration between two calls)', () => {
    const db = freshDatabase();
    expect(db.prepare('SELECT * FROM t WHERE id = 1').get()).toEqual({ id: 1, v: '一' });
    db.exec("ALTER TABLE t ADD COLUMN w TEXT NOT NULL DEFAULT '新'");
    expect(db.prepare('SELECT * FROM t WHERE id = 1').get()).toEqual({ id: 1, v: '一', w: '新' });
  });
});
