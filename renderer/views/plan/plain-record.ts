/** A record section or an item of the plan snapshot, read field by field by the schema-driven screens. */
export type PlainRecord = Readonly<Record<string, unknown>>;
