import './enableUri.js';
import Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;
export { Database };
