import type { Db } from '../driver.js';

export type Migration = Readonly<{
  version: number;
  name: string;
  up(db: Db): void;
}>;
