import Database from 'better-sqlite3';
import { migrations, type Migration } from './migrations';

/**
 * The schema a store must have is the one the migrations build. Checked on every open:
 * a dropped trigger (say, the one that makes the audit trail append-only), an extra
 * trigger that rewrites rows, or an altered table means the store's protections are not
 * what CareHouse relies on, so it is reported instead of silently used.
 */
export class StoreSchemaError extends Error {
  constructor(readonly differences: string[]) {
    super(
      `This CareHouse data is missing some of its protections (${differences.join('; ')}). It may have been altered outside CareHouse. Nothing was changed; restore it from a backup.`,
    );
    this.name = 'StoreSchemaError';
  }
}

interface SchemaEntry {
  type: string;
  name: string;
  sql: string | null;
}

const expectedByBinding = new Map<string, Map<string, string>>();

function schemaOf(db: Database.Database): Map<string, string> {
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as SchemaEntry[];
  // Whitespace differences are not differences in protection.
  return new Map(rows.map((row) => [`${row.type} ${row.name}`, (row.sql ?? '').replace(/\s+/g, ' ').trim()]));
}

function expectedSchema(list: readonly Migration[], nativeBinding: string | undefined): Map<string, string> {
  const cacheKey = `${nativeBinding ?? ''}:${list.map((migration) => migration.name).join(',')}`;
  const cached = expectedByBinding.get(cacheKey);
  if (cached) return cached;
  const memory = new Database(':memory:', { nativeBinding });
  try {
    for (const migration of list) migration.up(memory);
    const schema = schemaOf(memory);
    expectedByBinding.set(cacheKey, schema);
    return schema;
  } finally {
    memory.close();
  }
}

/** Throws StoreSchemaError when the file's tables, indexes or triggers differ from the migrations'. */
export function checkSchema(db: Database.Database, nativeBinding?: string, list: readonly Migration[] = migrations): void {
  const expected = expectedSchema(list, nativeBinding);
  const actual = schemaOf(db);
  const differences: string[] = [];
  for (const [key, sql] of expected) {
    const found = actual.get(key);
    if (found === undefined) differences.push(`${key} is missing`);
    else if (found !== sql) differences.push(`${key} was changed`);
  }
  for (const key of actual.keys()) if (!expected.has(key)) differences.push(`${key} was added`);
  if (differences.length > 0) throw new StoreSchemaError(differences);
}
