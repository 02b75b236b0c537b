import type { Extension } from '@hocuspocus/server';

/**
 * Where the relay keeps the plans' documents: the embedded SQLite file (one relay) or a
 * shared PostgreSQL (several relay processes). Either way each document is sealed with
 * the relay's data key, bound to its name.
 */
export interface RelayDocumentStore {
  readonly extension: Extension;
  /** Every plan the relay holds (names are plan ids). */
  listDocumentNames(): Promise<string[]>;
  close(): Promise<void>;
}

export const documentContext = (name: string) => `relay-document:${name}`;
export const updateContext = (name: string, seq: number) => `relay-update:${name}:${seq}`;
