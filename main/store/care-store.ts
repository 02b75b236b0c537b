import type Database from 'better-sqlite3';
import { ensureIdentity, readIdentityPublicKey } from '../identity/identity-record';
import { signBytes } from '../../shared/identity';
import {
  insertAgreedVersion,
  listAgreedVersionSummaries,
  readAgreedVersion,
  type AgreedVersion,
  type AgreedVersionSummary,
  type NewAgreedVersion,
} from './agreed-versions';
import type { BackupManifest } from './backup-format';
import { writeBackup } from './backup-writer';
import { readPrivateFamilyNotes, writePrivateFamilyNotes } from './private-family-notes';
import { recordAuditEvent, listAuditEvents, type AuditActor, type AuditDetail, type AuditEvent, type AuditOrigin } from './audit-log';
import { openDatabaseFile, type DatabaseOpenOptions } from './database-file';
import { rekeyKeyRing, unlockKeyRing, type KeySource } from './key-ring';
import { applyMigrations } from './migrations';
import {
  getPlan,
  insertPlan,
  listPlanRecords,
  planExists,
  setPlanArchived,
  setPlanName,
  type PlanRecord,
} from './plan-records';
import { readProfile, writeProfile, type StoredProfile } from './profile-record';
import type { StoreContext } from './store-context';
import {
  DEFAULT_COMPACTION_THRESHOLD,
  appendUpdateRow,
  compactPlan,
  countTail,
  loadPlanState,
  type CompactionHooks,
  type PlanState,
} from './update-log';

export interface OpenCareStoreOptions extends DatabaseOpenOptions {
  dataDir: string;
  keySource: KeySource;
  compactionThreshold?: number;
  now?: () => string;
}

export interface AppendedUpdate {
  planId: string;
  update: Uint8Array;
  origin: AuditOrigin;
  actor: AuditActor;
  sections: readonly string[];
  /** Plan fields the update touched (see audit-log.ts); optional for callers that do not know. */
  fields?: readonly string[];
  /** What the audit trail calls it; 'edit' unless it is a restore or an undo. */
  action?: string;
}

/**
 * The store: one encrypted-at-rest SQLite file per installation. Every write is a single
 * transaction committed with synchronous=FULL before the method returns, which is what
 * lets callers acknowledge a change as saved.
 */
export class CareStore {
  #profileGeneration = 0;
  readonly #context: StoreContext;
  readonly #compactionThreshold: number;

  private constructor(context: StoreContext, compactionThreshold: number) {
    this.#context = context;
    this.#compactionThreshold = compactionThreshold;
  }

  static open(options: OpenCareStoreOptions): CareStore {
    const db = openDatabaseFile(options.dataDir, options);
    try {
      // Unlock before migrating: a wrong passphrase must leave an older file exactly as it was.
      const key = db.transaction(() => {
        const hasKeyRing = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'key_ring'").get();
        if (!hasKeyRing) applyMigrations(db);
        return unlockKeyRing(db, options.keySource);
      })();
      applyMigrations(db);
      const now = options.now ?? (() => new Date().toISOString());
      return new CareStore({ db, key, now }, options.compactionThreshold ?? DEFAULT_COMPACTION_THRESHOLD);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  get database(): Database.Database {
    return this.#context.db;
  }

  createPlan(planId: string, displayName: string, initialState: Uint8Array, actor: AuditActor): PlanRecord {
    this.#context.db.transaction(() => {
      insertPlan(this.#context, planId, displayName);
      const seq = appendUpdateRow(this.#context, planId, initialState);
      recordAuditEvent(this.#context, { planId, seq, action: 'create-plan', origin: 'local', sections: [], actor });
    })();
    return getPlan(this.#context, planId);
  }

  hasPlan(planId: string): boolean {
    return planExists(this.#context, planId);
  }

  getPlan(planId: string): PlanRecord {
    return getPlan(this.#context, planId);
  }

  listPlans(includeArchived: boolean): PlanRecord[] {
    return listPlanRecords(this.#context, includeArchived);
  }

  renamePlan(planId: string, displayName: string, actor: AuditActor): PlanRecord {
    this.#context.db.transaction(() => {
      setPlanName(this.#context, planId, displayName);
      recordAuditEvent(this.#context, { planId, seq: null, action: 'rename-plan', origin: 'local', sections: [], actor });
    })();
    return getPlan(this.#context, planId);
  }

  setArchived(planId: string, archived: boolean, actor: AuditActor): PlanRecord {
    this.#context.db.transaction(() => {
      setPlanArchived(this.#context, planId, archived);
      const action = archived ? 'archive-plan' : 'unarchive-plan';
      recordAuditEvent(this.#context, { planId, seq: null, action, origin: 'local', sections: [], actor });
    })();
    return getPlan(this.#context, planId);
  }

  /** Durably appends an update with its audit row; returns only after the commit. */
  appendUpdate(entry: AppendedUpdate): number {
    const seq = this.#context.db.transaction(() => {
      const appended = appendUpdateRow(this.#context, entry.planId, entry.update);
      recordAuditEvent(this.#context, {
        planId: entry.planId,
        seq: appended,
        action: entry.action ?? 'edit',
        origin: entry.origin,
        sections: entry.sections,
        ...(entry.fields ? { fields: entry.fields } : {}),
        actor: entry.actor,
      });
      return appended;
    })();
    if (countTail(this.#context, entry.planId) >= this.#compactionThreshold) {
      this.compact(entry.planId);
    }
    return seq;
  }

  loadPlan(planId: string): PlanState {
    return loadPlanState(this.#context, planId);
  }

  compact(planId: string, hooks?: CompactionHooks): { folded: number } {
    return compactPlan(this.#context, planId, hooks);
  }

  tailLength(planId: string): number {
    return countTail(this.#context, planId);
  }

  recordAudit(planId: string, action: string, actor: AuditActor, sections: readonly string[] = [], detail?: AuditDetail): void {
    recordAuditEvent(this.#context, { planId, seq: null, action, origin: 'local', sections, actor, ...(detail ? { detail } : {}) });
  }

  /** Newest first; pass the smallest id seen as `beforeId` for the next page. */
  auditTrail(planId: string, limit?: number, beforeId?: number): AuditEvent[] {
    return listAuditEvents(this.#context, planId, limit, beforeId);
  }

  /**
   * Freezes the plan as the next numbered agreed version, with its 'agree-plan' audit row,
   * in one transaction.
   */
  agreeVersion(entry: NewAgreedVersion, actor: AuditActor): AgreedVersionSummary {
    return this.#context.db.transaction(() => {
      const stored = insertAgreedVersion(this.#context, entry);
      recordAuditEvent(this.#context, { planId: entry.planId, seq: null, action: 'agree-plan', origin: 'local', sections: ['agreement'], actor });
      return stored;
    })();
  }

  /** Every agreed version of a plan, oldest first; each is integrity-checked (intact: false when not). */
  listAgreedVersions(planId: string): AgreedVersionSummary[] {
    return listAgreedVersionSummaries(this.#context, planId);
  }

  /** One agreed version; throws AgreedVersionNotFoundError or AgreedVersionIntegrityError. */
  getAgreedVersion(planId: string, version: number): AgreedVersion {
    return readAgreedVersion(this.#context, planId, version);
  }

  /** The family's private notes for one meeting, on this machine only (see private-family-notes.ts). */
  privateFamilyNotes(planId: string, meetingId: string): { text: string; updatedAt: string | null } {
    return readPrivateFamilyNotes(this.#context, planId, meetingId);
  }

  savePrivateFamilyNotes(planId: string, meetingId: string, text: string): string {
    return writePrivateFamilyNotes(this.#context, planId, meetingId, text);
  }

  getProfile(): StoredProfile | null {
    return readProfile(this.#context);
  }

  saveProfile(profile: StoredProfile): void {
    writeProfile(this.#context, profile);
    this.#profileGeneration += 1;
    // The signing identity is made with the profile (and on first use for older stores).
    ensureIdentity(this.#context);
  }

  /** Changes whenever the profile is saved, so readers that cache it know to read it again. */
  get profileGeneration(): number {
    return this.#profileGeneration;
  }

  /** This profile's public signing key (the key pair is made on first use). */
  identityPublicKey(): Uint8Array {
    return readIdentityPublicKey(this.#context) ?? ensureIdentity(this.#context).publicKey;
  }

  /** Signs with the profile's identity key; the secret half never leaves the store. */
  signAsIdentity(message: Uint8Array): Uint8Array {
    return signBytes(ensureIdentity(this.#context).secretKey, message);
  }

  /** A consistent, still-encrypted `.carehouse-backup` of the whole store, taken while writes go on. */
  backup(toFile: string): Promise<BackupManifest> {
    return writeBackup(this.#context.db, toFile, this.#context.now);
  }

  changeKey(current: KeySource, next: KeySource): void {
    this.#context.db.transaction(() => rekeyKeyRing(this.#context.db, current, next))();
  }

  close(): void {
    if (this.#context.db.open) {
      // Fold the WAL into the main file so a closed store is one self-contained file.
      this.#context.db.pragma('wal_checkpoint(TRUNCATE)');
      this.#context.db.close();
    }
  }
}
