import type { roomKinds } from '../../../shared/api/schemas/appointments.js';
import type { Db } from '../db/driver.js';

export type Room = { id: number; name: string; kind: (typeof roomKinds)[number]; active: boolean };

type RoomRow = Omit<Room, 'active'> & { active: 0 | 1 };

/** Active rooms first, then in the order they were added. */
export function listRooms(db: Db): Room[] {
  return (db.prepare('SELECT * FROM rooms ORDER BY active DESC, id').all() as RoomRow[]).map((row) => ({ ...row, active: row.active === 1 }));
}

export function roomNameTaken(db: Db, name: string): boolean {
  return db.prepare('SELECT 1 FROM rooms WHERE name = ?').get(name) !== undefined;
}

export function insertRoom(db: Db, room: { name: string; kind: Room['kind'] }): number {
  return Number(db.prepare('INSERT INTO rooms (name, kind) VALUES (?, ?)').run(room.name, room.kind).lastInsertRowid);
}

/** False when there is no such room. */
export function setRoomActive(db: Db, id: number, active: boolean): boolean {
  return db.prepare('UPDATE rooms SET active = ? WHERE id = ?').run(active ? 1 : 0, id).changes > 0;
}

export function isActiveRoom(db: Db, id: number): boolean {
  const room = db.prepare('SELECT active FROM rooms WHERE id = ?').get(id) as { active: number } | undefined;
  return room !== undefined && room.active === 1;
}

/** The rooms a booking may use, in the order a free slot tries them. */
export function activeRoomIds(db: Db): number[] {
  return (db.prepare('SELECT id FROM rooms WHERE active = 1 ORDER BY id').all() as Array<{ id: number }>).map((room) => room.id);
}
