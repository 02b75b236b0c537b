import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** A hash of every row of every table: equal means the store's content did not change. */
export function storeContentHash(db: Database.Database): string {
  const hash = createHash('sha256');
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>;
  for (const { name } of names) {
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Array<Record<string, unknown>>) {
      for (const [column, value] of Object.entries(row)) hash.update(column).update(value instanceof Buffer ? value : String(value));
    }
  }
  return hash.digest('hex');
}
