import { Database } from '@hocuspocus/extension-database';
import pg from 'pg';
import * as Y from 'yjs';
import { open, seal } from '../store/cipher';
import { documentContext, type RelayDocumentStore } from './relay-document-store';

/**
 * Shared storage for several relay processes: one PostgreSQL table of sealed document
 * states (@hocuspocus/extension-database with node-postgres). Two relays may store the
 * same plan at once, each with the updates it has seen; a store therefore MERGES with
 * the row under a row lock instead of overwriting it, so neither relay's updates are lost.
 * Between relays, live updates travel through Redis (@hocuspocus/extension-redis).
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS carehouse_relay_documents (
    name TEXT PRIMARY KEY,
    state BYTEA NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )
`;

export async function createPostgresDocumentStore(connectionString: string, key: Buffer): Promise<RelayDocumentStore> {
  const pool = new pg.Pool({ connectionString, max: 5 });
  // Several relays may start together: the advisory lock makes the schema step one at a time.
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(4348523100)');
    await client.query(SCHEMA);
    await client.query('SELECT pg_advisory_unlock(4348523100)');
  } finally {
    client.release();
  }

  const extension = new Database({
    fetch: async ({ documentName }) => {
      const result = await pool.query<{ state: Buffer }>('SELECT state FROM carehouse_relay_documents WHERE name = $1', [documentName]);
      const row = result.rows[0];
      return row ? new Uint8Array(open(key, row.state, documentContext(documentName))) : null;
    },
    store: async ({ documentName, state }) => {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const existing = await connection.query<{ state: Buffer }>('SELECT state FROM carehouse_relay_documents WHERE name = $1 FOR UPDATE', [documentName]);
        const previous = existing.rows[0];
        const merged = previous ? Y.mergeUpdates([open(key, previous.state, documentContext(documentName)), state]) : state;
        await connection.query(
          `INSERT INTO carehouse_relay_documents (name, state, updated_at) VALUES ($1, $2, now())
           ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = now()`,
          [documentName, seal(key, merged, documentContext(documentName))],
        );
        await connection.query('COMMIT');
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
  });

  return {
    extension,
    listDocumentNames: async () => (await pool.query<{ name: string }>('SELECT name FROM carehouse_relay_documents ORDER BY name')).rows.map((row) => row.name),
    close: () => pool.end(),
  };
}
