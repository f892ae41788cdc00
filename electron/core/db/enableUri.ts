// better-sqlite3 reads SQLITE_USE_URI once, when its native addon configures SQLite. Keyed
// `VACUUM INTO 'file:…?cipher=…&key=…'` (the only safe way to write an encrypted copy) needs URIs,
// so this module must be evaluated before the driver is first used.
process.env.SQLITE_USE_URI = '1';
export {};
