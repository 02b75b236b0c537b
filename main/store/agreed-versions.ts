import { createHash } from 'node:crypto';
import { canonicalJson, canonicalJsonBytes } from '../../shared/plan-diff/canonical-json';
import { open, openText, seal, sealText, TamperedDataError } from './cipher';
import { currentHead, writeHead } from './plan-chain';
import { PlanNotFoundError, planExists } from './plan-records';
import type { StoreContext } from './store-context';

/**
 * Agreed versions: the plan as it was agreed with the person, frozen and numbered 1, 2, 3…
 * per plan. One row holds the full Yjs state, the snapshot that was read from it, who
 * agreed and who was present, all sealed (AES-256-GCM, bound to the row), plus hashes:
 *
 *   content_hash   SHA-256 of the snapshot's canonical JSON: the same plan content always
 *                  gives the same hash, on any machine, whichever order keys were written.
 *   state_hash     SHA-256 of the Yjs state bytes kept with it.
 *   previous_hash  the record_hash of the version before (null for version 1): a chain,
 *                  so a deleted or swapped earlier version shows up too.
 *   record_hash    SHA-256 over everything above and the sealed details, canonically.
 *
 * Triggers refuse UPDATE, DELETE and INSERT OR REPLACE, and any insert that is not the
 * next number. The plan's sealed head (plan-chain.ts) carries the count and the latest
 * record_hash, so a deleted latest version is caught on open even with the triggers
 * dropped. A version is verified (every hash recomputed, every sealed value opened, the
 * snapshot re-canonicalised) once — when it is written, or the first time it is read after
 * the store is opened — and then served from a per-connection cache. A cache entry is used
 * only while a SHA-256 over the row's stored bytes still matches, so a row altered under a
 * running store is still caught at the next read, at the cost of one hash, not a re-verify.
 */
export const AGREED_VERSIONS_SCHEMA = `
  CREATE TABLE agreed_versions (
    plan_id TEXT NOT NULL REFERENCES plans(id),
    version INTEGER NOT NULL CHECK (version >= 1),
    agreed_at TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    state_hash TEXT NOT NULL,
    previous_hash TEXT,
    record_hash TEXT NOT NULL,
    state_blob BLOB NOT NULL,
    snapshot_blob BLOB NOT NULL,
    details_blob BLOB NOT NULL,
    PRIMARY KEY (plan_id, version)
  );
  CREATE TRIGGER agreed_versions_no_update BEFORE UPDATE ON agreed_versions
    BEGIN SELECT RAISE(ABORT, 'agreed versions cannot be changed'); END;
  CREATE TRIGGER agreed_versions_no_delete BEFORE DELETE ON agreed_versions
    BEGIN SELECT RAISE(ABORT, 'agreed versions cannot be deleted'); END;
  -- SQLite runs the newest trigger first: no_replace comes last so a replace is named as one.
  CREATE TRIGGER agreed_versions_next_number BEFORE INSERT ON agreed_versions
    WHEN NEW.version <> (SELECT COALESCE(MAX(version), 0) + 1 FROM agreed_versions WHERE plan_id = NEW.plan_id)
    BEGIN SELECT RAISE(ABORT, 'agreed versions are numbered 1, 2, 3... with no gaps'); END;
  CREATE TRIGGER agreed_versions_no_replace BEFORE INSERT ON agreed_versions
    WHEN EXISTS (SELECT 1 FROM agreed_versions WHERE plan_id = NEW.plan_id AND version = NEW.version)
    BEGIN SELECT RAISE(ABORT, 'agreed versions cannot be replaced'); END;
`;

/** Who agreed the plan: the person, or their legitimate representative. */
export type AgreedBy =
  | { role: 'the person'; name: string }
  | { role: 'representative'; name: string; relationship: string };

export interface ProfessionalPresent {
  name: string;
  role: string;
  /** The care-team member they are, when picked from the plan's care team. */
  contactId?: string;
}

export interface AgreementActor {
  name: string;
  role: string;
  organisation: string;
}

/** Personal details of one agreement: sealed in the row. */
export interface AgreementDetails {
  agreedBy: AgreedBy;
  professionalsPresent: ProfessionalPresent[];
  /** The profile of whoever recorded the agreement on this machine. */
  recordedBy: AgreementActor;
  /** Everyone else who agreed it with the person: family, carers, advocate (absent in older versions). */
  othersAgreed?: OtherWhoAgreed[];
  /** The advisory gaps shown at the Agree step and why the plan was agreed anyway (absent when there were none). */
  goingAhead?: { despite: string[]; reason: string };
}

/** Someone besides the person (or their representative) who agreed the plan. */
export interface OtherWhoAgreed {
  name: string;
  relationship: string;
}

export interface NewAgreedVersion {
  planId: string;
  state: Uint8Array;
  /** The snapshot read from `state`; stored as canonical JSON. */
  snapshot: unknown;
  details: AgreementDetails;
}

export interface AgreedVersionSummary {
  planId: string;
  version: number;
  agreedAt: string;
  contentHash: string;
  /** False when the row failed its integrity check; details are then not to be trusted. */
  intact: boolean;
  details: AgreementDetails | null;
}

export interface AgreedVersion extends AgreedVersionSummary {
  intact: true;
  details: AgreementDetails;
  state: Uint8Array;
  snapshot: unknown;
}

export class AgreedVersionNotFoundError extends Error {
  constructor(readonly planId: string, readonly version: number) {
    super(`This plan has no agreed version ${version}.`);
    this.name = 'AgreedVersionNotFoundError';
  }
}

export class AgreedVersionIntegrityError extends Error {
  constructor(readonly version: number) {
    super(`Agreed version ${version} failed its integrity check. It may have been altered or damaged, so it is not shown.`);
    this.name = 'AgreedVersionIntegrityError';
  }
}

interface AgreedVersionRow {
  plan_id: string;
  version: number;
  agreed_at: string;
  content_hash: string;
  state_hash: string;
  previous_hash: string | null;
  record_hash: string;
  state_blob: Buffer;
  snapshot_blob: Buffer;
  details_blob: Buffer;
}

interface CachedVersion {
  /** SHA-256 over every stored column of the row it was verified from. */
  fingerprint: string;
  version: AgreedVersion;
}

let verifications = 0;
/** How many full verifications ran in this process (diagnostics, and the test that proves the cache). */
export function agreedVersionVerifications(): number {
  return verifications;
}

function rowFingerprint(row: AgreedVersionRow): string {
  const hash = createHash('sha256');
  for (const part of [row.plan_id, String(row.version), row.agreed_at, row.content_hash, row.state_hash, row.previous_hash ?? '', row.record_hash]) {
    hash.update(`${part.length}:${part}|`);
  }
  for (const blob of [row.state_blob, row.snapshot_blob, row.details_blob]) hash.update(`${blob.length}:`).update(blob);
  return hash.digest('hex');
}
const verifiedCache = new WeakMap<StoreContext['db'], Map<string, CachedVersion>>();
const cacheKey = (planId: string, version: number) => `${planId}:${version}`;

function cacheOf(context: StoreContext): Map<string, CachedVersion> {
  let cache = verifiedCache.get(context.db);
  if (!cache) {
    cache = new Map();
    verifiedCache.set(context.db, cache);
  }
  return cache;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The content hash of a plan snapshot: what the renderer computes too (shared canonical JSON). */
export function contentHashOf(snapshot: unknown): string {
  return sha256Hex(canonicalJsonBytes(snapshot));
}

// The associated data binds each sealed value to its plan, number, time and kind.
const blobContext = (planId: string, version: number, agreedAt: string, kind: 'state' | 'snapshot' | 'details') =>
  `agreed-version:${planId}:${version}:${agreedAt}:${kind}`;

function recordHashOf(fields: {
  planId: string;
  version: number;
  agreedAt: string;
  contentHash: string;
  stateHash: string;
  previousHash: string | null;
  details: AgreementDetails;
}): string {
  return sha256Hex(canonicalJsonBytes(fields));
}

function latestRow(context: StoreContext, planId: string): Pick<AgreedVersionRow, 'version' | 'record_hash'> | undefined {
  return context.db
    .prepare('SELECT version, record_hash FROM agreed_versions WHERE plan_id = ? ORDER BY version DESC LIMIT 1')
    .get(planId) as Pick<AgreedVersionRow, 'version' | 'record_hash'> | undefined;
}

/** Stores the next numbered version in the caller's transaction; returns its number. */
export function insertAgreedVersion(context: StoreContext, entry: NewAgreedVersion): AgreedVersionSummary {
  if (!planExists(context, entry.planId)) throw new PlanNotFoundError(entry.planId);
  const previous = latestRow(context, entry.planId);
  const version = (previous?.version ?? 0) + 1;
  const agreedAt = context.now();
  const snapshotJson = canonicalJson(entry.snapshot);
  const contentHash = contentHashOf(entry.snapshot);
  const stateHash = sha256Hex(entry.state);
  const previousHash = previous?.record_hash ?? null;
  const recordHash = recordHashOf({ planId: entry.planId, version, agreedAt, contentHash, stateHash, previousHash, details: entry.details });
  context.db
    .prepare(
      `INSERT INTO agreed_versions
         (plan_id, version, agreed_at, content_hash, state_hash, previous_hash, record_hash, state_blob, snapshot_blob, details_blob)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      entry.planId,
      version,
      agreedAt,
      contentHash,
      stateHash,
      previousHash,
      recordHash,
      seal(context.key, entry.state, blobContext(entry.planId, version, agreedAt, 'state')),
      sealText(context.key, snapshotJson, blobContext(entry.planId, version, agreedAt, 'snapshot')),
      sealText(context.key, JSON.stringify(entry.details), blobContext(entry.planId, version, agreedAt, 'details')),
    );
  const head = currentHead(context, entry.planId);
  writeHead(context, { ...head, agreedCount: version, agreedHash: recordHash });
  const written: AgreedVersion = {
    planId: entry.planId,
    version,
    agreedAt,
    contentHash,
    intact: true,
    details: entry.details,
    state: new Uint8Array(entry.state),
    snapshot: JSON.parse(snapshotJson) as unknown,
  };
  // Verified as it is written. An aborted transaction leaves no row, and a cache entry is only
  // served for a row whose stored bytes it matches, so it can never stand in for another row.
  const stored = context.db.prepare('SELECT * FROM agreed_versions WHERE plan_id = ? AND version = ?').get(entry.planId, version) as AgreedVersionRow;
  cacheOf(context).set(cacheKey(entry.planId, version), { fingerprint: rowFingerprint(stored), version: written });
  return { planId: entry.planId, version, agreedAt, contentHash, intact: true, details: entry.details };
}

/** Opens and checks one row; throws AgreedVersionIntegrityError on any mismatch. */
function verifyRow(context: StoreContext, row: AgreedVersionRow, expectedPrevious: string | null | undefined): AgreedVersion {
  const fail = () => new AgreedVersionIntegrityError(row.version);
  try {
    const state = open(context.key, row.state_blob, blobContext(row.plan_id, row.version, row.agreed_at, 'state'));
    const snapshotJson = openText(context.key, row.snapshot_blob, blobContext(row.plan_id, row.version, row.agreed_at, 'snapshot'));
    const details = JSON.parse(openText(context.key, row.details_blob, blobContext(row.plan_id, row.version, row.agreed_at, 'details'))) as AgreementDetails;
    const snapshot: unknown = JSON.parse(snapshotJson);
    const recomputed = {
      planId: row.plan_id,
      version: row.version,
      agreedAt: row.agreed_at,
      contentHash: contentHashOf(snapshot),
      stateHash: sha256Hex(state),
      previousHash: row.previous_hash,
      details,
    };
    if (
      recomputed.contentHash !== row.content_hash ||
      recomputed.stateHash !== row.state_hash ||
      canonicalJson(snapshot) !== snapshotJson ||
      recordHashOf(recomputed) !== row.record_hash ||
      (expectedPrevious !== undefined && row.previous_hash !== expectedPrevious)
    ) {
      throw fail();
    }
    return {
      planId: row.plan_id,
      version: row.version,
      agreedAt: row.agreed_at,
      contentHash: row.content_hash,
      intact: true,
      details,
      state: new Uint8Array(state),
      snapshot,
    };
  } catch (error) {
    if (error instanceof AgreedVersionIntegrityError) throw error;
    if (error instanceof TamperedDataError || error instanceof SyntaxError) throw fail();
    throw error;
  }
}

interface ChainRow {
  version: number;
  record_hash: string;
  previous_hash: string | null;
  agreed_at: string;
  content_hash: string;
}

function chainRows(context: StoreContext, planId: string): ChainRow[] {
  return context.db
    .prepare('SELECT version, record_hash, previous_hash, agreed_at, content_hash FROM agreed_versions WHERE plan_id = ? ORDER BY version')
    .all(planId) as ChainRow[];
}

/** Verified once, then from the cache: the full check only for a row not seen (or changed) since. */
function verifiedVersion(context: StoreContext, planId: string, row: ChainRow, expectedPrevious: string | null): AgreedVersion {
  const full = context.db.prepare('SELECT * FROM agreed_versions WHERE plan_id = ? AND version = ?').get(planId, row.version) as AgreedVersionRow;
  const fingerprint = rowFingerprint(full);
  const cache = cacheOf(context);
  const cached = cache.get(cacheKey(planId, row.version));
  if (cached && cached.fingerprint === fingerprint && full.previous_hash === expectedPrevious) return cached.version;
  verifications += 1;
  const verified = verifyRow(context, full, expectedPrevious);
  cache.set(cacheKey(planId, row.version), { fingerprint, version: verified });
  return verified;
}

/** One agreed version, checked: its state, snapshot and who agreed. */
export function readAgreedVersion(context: StoreContext, planId: string, version: number): AgreedVersion {
  if (!planExists(context, planId)) throw new PlanNotFoundError(planId);
  const rows = chainRows(context, planId);
  const row = rows.find((candidate) => candidate.version === version);
  if (!row) throw new AgreedVersionNotFoundError(planId, version);
  // A missing predecessor is itself a broken chain: nothing can match.
  const expectedPrevious = version === 1 ? null : (rows.find((candidate) => candidate.version === version - 1)?.record_hash ?? '(missing)');
  return verifiedVersion(context, planId, row, expectedPrevious);
}

/** Every agreed version of a plan, oldest first, each checked; a failing one is listed as not intact. */
export function listAgreedVersionSummaries(context: StoreContext, planId: string): AgreedVersionSummary[] {
  if (!planExists(context, planId)) throw new PlanNotFoundError(planId);
  let expectedPrevious: string | null = null;
  return chainRows(context, planId).map((row, index) => {
    // Numbers run 1, 2, 3…: a gap means a version was taken out.
    const chainHolds = row.version === index + 1;
    const previous = expectedPrevious;
    expectedPrevious = row.record_hash;
    try {
      if (!chainHolds) throw new AgreedVersionIntegrityError(row.version);
      const { state: _state, snapshot: _snapshot, ...summary } = verifiedVersion(context, planId, row, previous);
      return summary;
    } catch (error) {
      if (!(error instanceof AgreedVersionIntegrityError)) throw error;
      return { planId, version: row.version, agreedAt: row.agreed_at, contentHash: row.content_hash, intact: false, details: null };
    }
  });
}

/** Cheap chain check for open: numbering, previous links and the count/hash the sealed head expects. */
export function agreedChainProblem(context: StoreContext, planId: string, expectedCount: number, expectedHash: string | null): string | null {
  const rows = chainRows(context, planId);
  let previous: string | null = null;
  for (const [index, row] of rows.entries()) {
    if (row.version !== index + 1) return `agreed version ${index + 1} is missing`;
    if (row.previous_hash !== previous) return `agreed version ${row.version} does not follow version ${index}`;
    previous = row.record_hash;
  }
  if (rows.length < expectedCount) return `agreed version ${expectedCount} was removed (${rows.length} of ${expectedCount} remain)`;
  if (rows.length > expectedCount) return `agreed version ${rows.length} was added outside CareHouse`;
  if (previous !== expectedHash) return `agreed version ${rows.length} was altered`;
  return null;
}

export function latestAgreedVersionNumber(context: StoreContext, planId: string): number | null {
  return latestRow(context, planId)?.version ?? null;
}
