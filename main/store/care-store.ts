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
import { writeBackup, type BackupOutcome } from './backup-writer';
import { readPrivateFamilyNotes, writePrivateFamilyNotes } from './private-family-notes';
import { recordAuditEvent, recordAuditEventTo, listAuditEvents, type AuditActor, type AuditDetail, type AuditEvent, type AuditOrigin, type ReversedChanges } from './audit-log';
import { deriveChainKey } from './chain-mac';
import { TamperedDataError } from './cipher';
import { databasePath, openDatabaseFile, type DatabaseOpenOptions } from './database-file';
import { logIntegrityFailure } from './integrity-log';
import { rekeyKeyRing, unlockKeyRing, upgradeKeyWrapping, type KeySource } from './key-ring';
import { applyMigrations } from './migrations';
import { planChainProblems } from './plan-integrity';
import { checkPlanSet, sealPlanSet } from './plan-set-seal';
import { checkSchema } from './schema-check';
import { sealExistingChains } from './seal-existing-chains';
import { DamagedDatabaseError, DiskFullError, PlanDamagedError, isBusy, isCorruptDatabase, isDiskFull } from './store-errors';
import { logEvent } from '../logging/log';
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
  appendUpdateRowTo,
  compactPlan,
  countTail,
  loadPlanState,
  type CompactionHooks,
  type PlanState,
} from './update-log';
import { currentHead, writeHead, type PlanHead } from './plan-chain';
import { rebasePlan } from './rebase-plan';
import { removePlans } from './remove-plans';

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
  /** For an undo or a bring-back: what it reversed (sealed in the audit detail). */
  reversed?: ReversedChanges;
}

/** The update's bytes, kept in the sealed audit detail so the change can be reversed after compaction. */
function keptUpdate(update: Uint8Array): string {
  return Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('base64');
}

/** A plan whose chains did not verify on open: which plan, and what is wrong, in plain words. */
export interface DamagedPlan {
  planId: string;
  problems: string[];
}

export interface IntegrityReport {
  /** Problems with the store as a whole (e.g. a plan removed wholesale). */
  storeProblems: string[];
  damagedPlans: DamagedPlan[];
}

export interface ListedPlan extends PlanRecord {
  /** Null when the plan verified; otherwise what is wrong with it. It is not opened for editing. */
  damage: string[] | null;
}

/**
 * The store: one encrypted-at-rest SQLite file per installation. Every write is a single
 * transaction committed with synchronous=FULL before the method returns, which is what
 * lets callers acknowledge a change as saved. Every plan's keyed chains are verified on
 * open; a plan that fails is listed as damaged and refused for editing, the others work.
 */
export class CareStore {
  #profileGeneration = 0;
  readonly #context: StoreContext;
  readonly #compactionThreshold: number;
  readonly #damaged = new Map<string, string[]>();
  readonly #storeProblems: string[] = [];
  readonly #pendingCompactions = new Map<string, NodeJS.Immediate>();
  readonly #tailLengths = new Map<string, number>();
  /** Electron's better-sqlite3 build, for the copies a backup opens (undefined under Node). */
  readonly #nativeBinding: string | undefined;

  private constructor(context: StoreContext, compactionThreshold: number, nativeBinding: string | undefined) {
    this.#context = context;
    this.#compactionThreshold = compactionThreshold;
    this.#nativeBinding = nativeBinding;
  }

  static open(options: OpenCareStoreOptions): CareStore {
    const db = openDatabaseFile(options.dataDir, options);
    try {
      const now = options.now ?? (() => new Date().toISOString());
      // Unlock before migrating: a wrong passphrase must leave an older file exactly as it was.
      const context = db.transaction(() => {
        const hasKeyRing = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'key_ring'").get();
        if (!hasKeyRing) applyMigrations(db);
        const key = unlockKeyRing(db, options.keySource);
        const unlocked: StoreContext = { db, key, chainKey: deriveChainKey(key), now };
        if (!hasKeyRing) sealPlanSet(unlocked);
        return unlocked;
      })();
      const store = CareStore.#verified(context, options);
      upgradeKeyWrapping(db, options.keySource);
      return store;
    } catch (error) {
      db.close();
      throw CareStore.#plainOpenError(error, options.dataDir);
    }
  }

  /**
   * Opens a copy of a store (a backup being made or checked) with a data key already in
   * hand: no unlock, same migrations, schema check and chain verification as open().
   */
  static openCopyWithDataKey(dataDir: string, key: Buffer, nativeBinding?: string): CareStore {
    const db = openDatabaseFile(dataDir, { nativeBinding });
    try {
      return CareStore.#verified(
        { db, key, chainKey: deriveChainKey(key), now: () => new Date().toISOString() },
        { compactionThreshold: Number.MAX_SAFE_INTEGER, nativeBinding },
      );
    } catch (error) {
      db.close();
      throw CareStore.#plainOpenError(error, dataDir);
    }
  }

  static #verified(context: StoreContext, options: { compactionThreshold?: number; nativeBinding?: string }): CareStore {
    applyMigrations(context.db, undefined, { '007-tamper-evident-chains': () => sealExistingChains(context) });
    checkSchema(context.db, options.nativeBinding);
    const store = new CareStore(context, options.compactionThreshold ?? DEFAULT_COMPACTION_THRESHOLD, options.nativeBinding);
    store.#verifyEveryPlan();
    return store;
  }

  static #plainOpenError(error: unknown, dataDir: string): unknown {
    if (isCorruptDatabase(error)) {
      logIntegrityFailure('database-damaged');
      return new DamagedDatabaseError(databasePath(dataDir), 'SQLite cannot read parts of it');
    }
    if (error instanceof Error && error.name === 'StoreSchemaError') logIntegrityFailure('schema-differs');
    return error;
  }

  /** Salvage (on a temporary copy of a backup only): takes every damaged plan out whole. */
  removeDamagedPlans(): string[] {
    const ids = [...this.#damaged.keys()];
    removePlans(this.#context, ids);
    for (const id of ids) {
      this.#damaged.delete(id);
      this.#tailLengths.delete(id);
    }
    return ids;
  }

  /** The data key, for binding a backup made from this store to it (backup-writer.ts). */
  get dataKey(): Buffer {
    return this.#context.key;
  }

  /**
   * The deep check a backup and a restore run: on top of the chains verified on open,
   * opens every sealed value of every plan (name, updates, snapshot, audit actors, agreed
   * versions). Plans that fail are added to the report; nothing is changed.
   */
  deepCheck(): IntegrityReport {
    const ids = this.#context.db.prepare('SELECT id FROM plans ORDER BY id').all() as Array<{ id: string }>;
    for (const { id } of ids) {
      if (this.#damaged.has(id)) continue;
      try {
        this.getPlan(id);
        this.loadPlan(id);
        this.auditTrail(id, Number.MAX_SAFE_INTEGER);
        const broken = this.listAgreedVersions(id).filter((version) => !version.intact);
        if (broken.length > 0) this.#markDamaged(id, broken.map((version) => `agreed version ${version.version} failed its integrity check`));
      } catch (error) {
        if (!(error instanceof PlanDamagedError)) throw error;
      }
    }
    try {
      this.getProfile();
    } catch (error) {
      if (!(error instanceof TamperedDataError)) throw error;
      this.#storeProblems.push('the profile failed to open (altered or damaged)');
    }
    return this.integrityReport();
  }

  /** Every plan's chains against its sealed head: cheap (MACs over sealed bytes), no decryption. */
  #verifyEveryPlan(): void {
    const planSetProblem = checkPlanSet(this.#context);
    if (planSetProblem) {
      this.#storeProblems.push(planSetProblem);
      logIntegrityFailure('plan-set-seal-broken');
    }
    const ids = this.#context.db.prepare('SELECT id FROM plans ORDER BY id').all() as Array<{ id: string }>;
    for (const { id } of ids) {
      const problems = planChainProblems(this.#context, id);
      if (problems.length > 0) this.#markDamaged(id, problems);
    }
  }

  #markDamaged(planId: string, problems: string[]): void {
    const known = this.#damaged.get(planId) ?? [];
    this.#damaged.set(planId, [...known, ...problems.filter((problem) => !known.includes(problem))]);
    logIntegrityFailure('plan-chain-broken', planId);
  }

  #assertUsable(planId: string): void {
    const problems = this.#damaged.get(planId);
    if (problems) throw new PlanDamagedError(planId, problems);
  }

  /** Runs a write in one transaction; a full disk becomes DiskFullError (the transaction rolled back). */
  #write<T>(work: () => T): T {
    try {
      // IMMEDIATE: take the write lock at BEGIN (waiting the busy timeout), so a read made
      // first in the transaction can never meet a snapshot another process moved on since.
      return this.#context.db.transaction(work).immediate();
    } catch (error) {
      if (isDiskFull(error)) {
        logIntegrityFailure('disk-full');
        throw new DiskFullError();
      }
      throw error;
    }
  }

  /** A sealed value that fails to open at run time damages only its own plan. */
  #read<T>(planId: string, work: () => T): T {
    this.#assertUsable(planId);
    try {
      return work();
    } catch (error) {
      if (error instanceof TamperedDataError) {
        this.#markDamaged(planId, ['a stored value failed to open (altered or damaged)']);
        throw new PlanDamagedError(planId, this.#damaged.get(planId) ?? []);
      }
      throw error;
    }
  }

  /** What the checks on open (and any read since) found. */
  integrityReport(): IntegrityReport {
    return {
      storeProblems: [...this.#storeProblems],
      damagedPlans: [...this.#damaged].map(([planId, problems]) => ({ planId, problems: [...problems] })),
    };
  }

  /**
   * The user's choice for a damaged plan: keep it as it now is. Every sealed value must
   * still open (a flipped bit cannot be kept, only restored); the plan is folded into a new
   * snapshot with a fresh chain and the choice is recorded in its audit trail.
   */
  keepPlanAsItIs(planId: string, actor: AuditActor): void {
    if (!this.#damaged.has(planId)) return;
    this.#write(() => {
      rebasePlan(this.#context, planId);
      recordAuditEvent(this.#context, { planId, seq: null, action: 'keep-after-integrity-check', origin: 'local', sections: [], actor });
    });
    this.#damaged.delete(planId);
    this.#tailLengths.delete(planId);
  }

  get database(): Database.Database {
    return this.#context.db;
  }

  createPlan(planId: string, displayName: string, initialState: Uint8Array, actor: AuditActor): PlanRecord {
    this.#write(() => {
      insertPlan(this.#context, planId, displayName);
      const seq = appendUpdateRow(this.#context, planId, initialState);
      recordAuditEvent(this.#context, { planId, seq, action: 'create-plan', origin: 'local', sections: [], actor, detail: { update: keptUpdate(initialState) } });
      sealPlanSet(this.#context);
    });
    return getPlan(this.#context, planId);
  }

  hasPlan(planId: string): boolean {
    return planExists(this.#context, planId);
  }

  getPlan(planId: string): PlanRecord {
    return this.#read(planId, () => getPlan(this.#context, planId));
  }

  isDamaged(planId: string): boolean {
    return this.#damaged.has(planId);
  }

  /** Every plan; a damaged one is listed with what is wrong (its name may be unreadable), never dropped. */
  listPlans(includeArchived: boolean): ListedPlan[] {
    return listPlanRecords(this.#context, includeArchived).map((record) => {
      if (record.displayName === null && !this.#damaged.has(record.id)) this.#markDamaged(record.id, ['its name failed to open (altered or damaged)']);
      return { ...record, displayName: record.displayName ?? 'Damaged plan', damage: this.#damaged.get(record.id) ?? null };
    });
  }

  renamePlan(planId: string, displayName: string, actor: AuditActor): PlanRecord {
    this.#assertUsable(planId);
    this.#write(() => {
      setPlanName(this.#context, planId, displayName);
      recordAuditEvent(this.#context, { planId, seq: null, action: 'rename-plan', origin: 'local', sections: [], actor });
    });
    return getPlan(this.#context, planId);
  }

  setArchived(planId: string, archived: boolean, actor: AuditActor): PlanRecord {
    this.#assertUsable(planId);
    this.#write(() => {
      setPlanArchived(this.#context, planId, archived);
      const action = archived ? 'archive-plan' : 'unarchive-plan';
      recordAuditEvent(this.#context, { planId, seq: null, action, origin: 'local', sections: [], actor });
    });
    return getPlan(this.#context, planId);
  }

  /** Durably appends an update with its audit row; returns only after the commit. */
  appendUpdate(entry: AppendedUpdate): number {
    const [seq] = this.appendUpdates([entry]);
    if (seq === undefined) throw new Error('appendUpdates returned no sequence number');
    return seq;
  }

  /**
   * Group commit: every update in one transaction (one fsync), each with its audit row;
   * returns only after the commit, so none is acknowledged before it is durable. If any
   * is refused, none is written.
   */
  appendUpdates(entries: readonly AppendedUpdate[]): number[] {
    for (const entry of entries) this.#assertUsable(entry.planId);
    const seqs = this.#write(() => {
      // Each plan's head is read once and written once per transaction, however many updates.
      const heads = new Map<string, PlanHead>();
      const appended = entries.map((entry) => {
        const { seq, head } = appendUpdateRowTo(this.#context, entry.planId, entry.update, heads.get(entry.planId) ?? currentHead(this.#context, entry.planId));
        const audit = { planId: entry.planId, seq, action: entry.action ?? 'edit', origin: entry.origin, sections: entry.sections, ...(entry.fields ? { fields: entry.fields } : {}), actor: entry.actor, detail: { update: keptUpdate(entry.update), ...(entry.reversed ? { reversed: entry.reversed } : {}) } };
        heads.set(entry.planId, recordAuditEventTo(this.#context, audit, head));
        return seq;
      });
      for (const head of heads.values()) writeHead(this.#context, head);
      return appended;
    });
    const appendedPerPlan = new Map<string, number>();
    for (const entry of entries) appendedPerPlan.set(entry.planId, (appendedPerPlan.get(entry.planId) ?? 0) + 1);
    for (const [planId, appended] of appendedPerPlan) this.#scheduleCompaction(planId, appended);
    return seqs;
  }

  /**
   * Compaction never runs inside the call that acknowledges a keystroke: past the
   * threshold it is queued for the next turn of the event loop, after the reply is sent.
   */
  #scheduleCompaction(planId: string, appended: number): void {
    // The tail length is counted once per plan and then kept in memory: a COUNT over up to
    // 500 rows on every keystroke is work that grows with the log.
    const tail = this.#tailLengths.has(planId) ? (this.#tailLengths.get(planId) ?? 0) + appended : countTail(this.#context, planId);
    this.#tailLengths.set(planId, tail);
    if (this.#pendingCompactions.has(planId) || tail < this.#compactionThreshold) return;
    const timer = setImmediate(() => {
      this.#pendingCompactions.delete(planId);
      if (!this.#context.db.open || this.#damaged.has(planId)) return;
      try {
        this.compact(planId);
      } catch (error) {
        // Off the keystroke path nobody is waiting for it, so it never throws: the log is
        // intact (one transaction) and the next append schedules another try. Busy (another
        // process checkpointing or backing up), a full disk or a damaged row all end here.
        logEvent('warn', 'compaction-deferred', { kind: error instanceof Error ? error.name : typeof error });
      }
    });
    this.#pendingCompactions.set(planId, timer);
  }

  /** True while a compaction is queued for this plan (tests wait on it, never sleep). */
  compactionPending(planId: string): boolean {
    return this.#pendingCompactions.has(planId);
  }

  loadPlan(planId: string): PlanState {
    return this.#read(planId, () => loadPlanState(this.#context, planId));
  }

  compact(planId: string, hooks?: CompactionHooks): { folded: number } {
    this.#assertUsable(planId);
    // Recounted from the file after any compaction, whether it folded rows or failed.
    this.#tailLengths.delete(planId);
    try {
      return this.#read(planId, () => compactPlan(this.#context, planId, hooks));
    } catch (error) {
      if (isDiskFull(error)) throw new DiskFullError();
      throw error;
    } finally {
      this.#tailLengths.delete(planId);
    }
  }

  tailLength(planId: string): number {
    return countTail(this.#context, planId);
  }

  recordAudit(planId: string, action: string, actor: AuditActor, sections: readonly string[] = [], detail?: AuditDetail): void {
    this.#assertUsable(planId);
    this.#write(() => recordAuditEvent(this.#context, { planId, seq: null, action, origin: 'local', sections, actor, ...(detail ? { detail } : {}) }));
  }

  /** Newest first; pass the smallest id seen as `beforeId` for the next page. */
  auditTrail(planId: string, limit?: number, beforeId?: number): AuditEvent[] {
    return this.#read(planId, () => listAuditEvents(this.#context, planId, limit, beforeId));
  }

  /**
   * Freezes the plan as the next numbered agreed version, with its 'agree-plan' audit row,
   * in one transaction.
   */
  agreeVersion(entry: NewAgreedVersion, actor: AuditActor): AgreedVersionSummary {
    this.#assertUsable(entry.planId);
    return this.#write(() => {
      const stored = insertAgreedVersion(this.#context, entry);
      recordAuditEvent(this.#context, { planId: entry.planId, seq: null, action: 'agree-plan', origin: 'local', sections: ['agreement'], actor });
      return stored;
    });
  }

  /** Every agreed version of a plan, oldest first; each verified once, then cached (intact: false when not). */
  listAgreedVersions(planId: string): AgreedVersionSummary[] {
    return this.#read(planId, () => listAgreedVersionSummaries(this.#context, planId));
  }

  /** One agreed version; throws AgreedVersionNotFoundError or AgreedVersionIntegrityError. */
  getAgreedVersion(planId: string, version: number): AgreedVersion {
    return this.#read(planId, () => readAgreedVersion(this.#context, planId, version));
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
    this.#write(() => writeProfile(this.#context, profile));
    this.#profileGeneration += 1;
    // The signing identity is made with the profile (and on first use for older stores).
    this.#write(() => ensureIdentity(this.#context));
  }

  /** Changes whenever the profile is saved, so readers that cache it know to read it again. */
  get profileGeneration(): number {
    return this.#profileGeneration;
  }

  /** This profile's public signing key (the key pair is made on first use). */
  identityPublicKey(): Uint8Array {
    return readIdentityPublicKey(this.#context) ?? this.#write(() => ensureIdentity(this.#context)).publicKey;
  }

  /** Signs with the profile's identity key; the secret half never leaves the store. */
  signAsIdentity(message: Uint8Array): Uint8Array {
    return signBytes(this.#write(() => ensureIdentity(this.#context)).secretKey, message);
  }

  /**
   * A consistent, still-encrypted `.carehouse-backup` of the whole store, taken while writes
   * go on, its manifest MACed with a key derived from the data key. Every plan in the copy is
   * checked (chains and every sealed value); the damaged ones are named in the result.
   */
  backup(toFile: string): Promise<BackupOutcome> {
    const key = this.#context.key;
    return writeBackup(
      {
        db: this.#context.db,
        dataKey: key,
        now: this.#context.now,
        nativeBinding: this.#nativeBinding,
        inspect: (stagedDir) => {
          const copy = CareStore.openCopyWithDataKey(stagedDir, key, this.#nativeBinding);
          try {
            return { ...copy.deepCheck(), plans: copy.listPlans(true).length };
          } finally {
            copy.close();
          }
        },
      },
      toFile,
    );
  }

  changeKey(current: KeySource, next: KeySource): void {
    this.#context.db.transaction(() => rekeyKeyRing(this.#context.db, current, next))();
  }

  /**
   * `fold: false` for a second connection beside the running app (a CLI backup): the app
   * folds its own WAL; a TRUNCATE checkpoint from here would make its writers wait.
   */
  close(options: { fold?: boolean } = {}): void {
    for (const timer of this.#pendingCompactions.values()) clearImmediate(timer);
    this.#pendingCompactions.clear();
    if (options.fold === false) {
      if (this.#context.db.open) this.#context.db.close();
      return;
    }
    if (this.#context.db.open) {
      try {
        // Fold the WAL into the main file so a closed store is one self-contained file.
        this.#context.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch (error) {
        // A full disk, or another process holding the database (the app while a CLI backup
        // closes), can refuse the checkpoint: the WAL keeps every commit and is folded in
        // later, so closing must still succeed.
        if (!isDiskFull(error) && !isBusy(error)) throw error;
      } finally {
        this.#context.db.close();
      }
    }
  }
}
