import type Database from 'better-sqlite3';

/**
 * Prepared statements reused per connection: the per-keystroke path (append, audit, head)
 * runs the same few statements thousands of times, and compiling SQL each time is work
 * the keystroke does not need.
 */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
