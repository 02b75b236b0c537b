import type { Extension, afterLoadDocumentPayload, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { open, seal } from '../store/cipher';
import type { RelayDatabase } from './relay-database';
import { documentContext, updateContext, type RelayDocumentStore } from './relay-document-store';

/**
 * Embedded storage. Every update a member sends is appended (sealed) from the document's
 * own 'update' event, which Yjs fires synchronously while Hocuspocus applies the update —
 * before Hocuspocus acknowledges it to the sender (its onChange hook runs a microtask
 * later, after the acknowledgement is written) — and better-sqlite3 commits with
 * synchronous=FULL before returning. So
 * an update the client saw acknowledged survives a SIGKILL of the relay. The debounced
 * onStoreDocument then folds the appended updates into one sealed state (as the desktop
 * store folds its log), deleting only the rows it folded.
 */
/** Writes a whole document state (a relay restored or seeded from elsewhere; the benchmarks' 10,000 plans). */
export function writeDocumentState(relay: RelayDatabase, name: string, state: Uint8Array): void {
  const now = relay.now();
  relay.db
    .prepare(
      `INSERT INTO relay_documents (name, state_blob, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET state_blob = excluded.state_blob, updated_at = excluded.updated_at`,
    )
    .run(name, seal(relay.key, state, documentContext(name)), now, now);
}

export function createSqliteDocumentStore(relay: RelayDatabase): RelayDocumentStore {
  const { db, key } = relay;
  const readState = db.prepare('SELECT state_blob FROM relay_documents WHERE name = ?');
  const readUpdates = db.prepare('SELECT seq, update_blob FROM relay_document_updates WHERE name = ? ORDER BY seq');
  const nextSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM relay_document_updates WHERE name = ?');
  const appendUpdate = db.prepare('INSERT INTO relay_document_updates (name, seq, update_blob) VALUES (?, ?, ?)');
  const ensureDocument = db.prepare(
    "INSERT OR IGNORE INTO relay_documents (name, state_blob, created_at, updated_at) VALUES (?, ?, ?, ?)",
  );
  const writeState = db.prepare('UPDATE relay_documents SET state_blob = ?, updated_at = ? WHERE name = ?');
  const deleteFolded = db.prepare('DELETE FROM relay_document_updates WHERE name = ? AND seq <= ?');

  const append = db.transaction((name: string, update: Uint8Array) => {
    const now = relay.now();
    ensureDocument.run(name, seal(key, Y.encodeStateAsUpdate(new Y.Doc()), documentContext(name)), now, now);
    const { seq } = nextSeq.get(name) as { seq: number };
    appendUpdate.run(name, seq, seal(key, update, updateContext(name, seq)));
  });

  const fold = db.transaction((name: string, document: Y.Doc) => {
    const { seq } = nextSeq.get(name) as { seq: number };
    const now = relay.now();
    const state = seal(key, Y.encodeStateAsUpdate(document), documentContext(name));
    ensureDocument.run(name, state, now, now);
    writeState.run(state, now, name);
    // Everything appended so far is already in the document that was just written.
    deleteFolded.run(name, seq - 1);
  });

  const extension: Extension = {
    // First in line, so the append happens before any other hook and before the acknowledgement.
    priority: 1000,
    extensionName: 'carehouse-sqlite-store',
    async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
      const row = readState.get(documentName) as { state_blob: Buffer } | undefined;
      if (!row) return;
      const updates = [open(key, row.state_blob, documentContext(documentName))];
      for (const { seq, update_blob } of readUpdates.all(documentName) as { seq: number; update_blob: Buffer }[]) {
        updates.push(open(key, update_blob, updateContext(documentName, seq)));
      }
      Y.applyUpdate(document, Y.mergeUpdates(updates));
    },
    async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload) {
      document.on('update', (update: Uint8Array) => append(documentName, update));
    },
    async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
      fold(documentName, document);
    },
  };

  return {
    extension,
    listDocumentNames: async () => (db.prepare('SELECT name FROM relay_documents ORDER BY name').all() as { name: string }[]).map((row) => row.name),
    close: async () => undefined,
  };
}
