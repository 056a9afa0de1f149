import type { ObjectStore } from '../storage/object-store.js';
import { errorMessage } from '../util/errors.js';
import { LIFEBOAT_VERSION } from '../util/version.js';
import { readBoundedJson } from '../storage/bounded-json.js';
import type { TargetLayout } from './layout.js';
import { listSnapshots, type CatalogEntry } from './listing.js';
import type { Manifest } from './manifest.js';
import { schemaErrors } from './schemas.js';

/**
 * verification.json, the record of the newest restore drill of one snapshot (written by
 * verify-restore beside the manifest, carried along by copy-snapshot), and the one verdict every
 * reader draws from it: copy-snapshot's require-verified, the guard's freshness rule and
 * `lifeboat snapshots`.
 *
 * Invariant: a verification counts as passing only when it is a valid document that names the
 * snapshot, the archive's sha256 and the archive's object version the manifest records (for a
 * copied snapshot, the version it was copied from, whose bytes equal these by their hash), says
 * every check passed for exactly those bytes, and was not written in the future. Anything else is
 * failing, stale (about other bytes), unreadable or missing: never proof.
 */

export const VERIFICATION_SCHEMA_VERSION = 1;

/** verification.json holds one line per check: far below this, whatever the drill checked. */
export const MAX_VERIFICATION_BYTES = 1024 * 1024;

/**
 * How far a verifiedAt may lie ahead of the reader's clock and still count: the runner that
 * verified and the one that reads may disagree by a few minutes. Beyond that the time is not a
 * fact (a future time would make a freshness check read it as new for ever).
 */
export const VERIFIED_AT_SKEW_MS = 5 * 60_000;

export type VerificationMode = 'extract' | 'stream';

/**
 * Whose promise a check is about. `restorable`: the archive's own faults (hash, size, structure,
 * a refused member, SQLite integrity, the manifest's status): a failure means the snapshot does
 * not restore as recorded. `policy`: what a person asked of a good archive (required paths,
 * max-age, min-entries, a sqlite glob that names no file): a failure means it restores, but it is
 * not the backup that was wanted (a backup of the wrong path lacks what recovery needs).
 */
export type CheckKind = 'restorable' | 'policy';

export interface VerificationCheck {
  name: string;
  ok: boolean;
  detail: string;
  /** Written since 0.2; a document without it is read by the check's name (checkKind). */
  kind?: CheckKind;
}

/**
 * A fact a person needs that is no verdict about the archive: the state of the archive key's
 * current version (a delete marker, another version on top), which a restore by version ignores.
 */
export interface VerificationWarning {
  name: string;
  detail: string;
}

/** schema/verification.schema.json describes this document for other tools. */
export interface Verification {
  schema: typeof VERIFICATION_SCHEMA_VERSION;
  snapshotId: string;
  target: string;
  /** true when every check passed (restorable and every policy check). */
  verified: boolean;
  /**
   * true when every `restorable` check passed: the archive restores as its manifest records,
   * whatever the policy checks found. Written since 0.2; for an older document, drillOutcome
   * derives it from the checks.
   */
  restorable?: boolean;
  verifiedAt: string;
  mode: VerificationMode;
  snapshotCreated: string;
  ageSeconds: number;
  restoreSeconds: number;
  bytes: number;
  uncompressedBytes: number;
  entries: number;
  throughputMBps: number | null;
  archive: {
    key: string;
    /** Always written; optional in the schema, so a reader takes a missing one as null. */
    expectedVersionId: string | null;
    actualVersionId: string | null;
    expectedSha256: string;
    actualSha256: string | null;
  };
  checks: VerificationCheck[];
  /** Written since 0.2 (empty when there is nothing to say). */
  warnings?: VerificationWarning[];
  restoredTo: string | null;
  tools: { lifeboat: string };
}

/** What one restore drill found, as runVerify measured it. */
export interface DrillRecord {
  manifest: Manifest;
  target: string;
  mode: VerificationMode;
  checks: VerificationCheck[];
  /** What the drill found that is no verdict (default none). */
  warnings?: VerificationWarning[];
  verifiedAt: Date;
  /** Age of the snapshot when the drill began, in seconds. */
  ageSeconds: number;
  /** Download, hash, decompress and extract (or walk), in seconds. */
  restoreSeconds: number;
  /** Archive bytes read. */
  bytes: number;
  contents: { entries: number; uncompressedBytes: number };
  /** The object version and sha256 of the bytes that were read (null when none were). */
  actualVersionId: string | null;
  actualSha256: string | null;
  restoredTo: string | null;
}

/** The verification.json of one drill: verified when every check passed. */
export function buildVerification(d: DrillRecord): Verification {
  const m = d.manifest;
  return {
    schema: VERIFICATION_SCHEMA_VERSION,
    snapshotId: m.snapshotId,
    target: d.target,
    verified: d.checks.every((c) => c.ok),
    restorable: drillOutcome({ checks: d.checks, archive: { actualSha256: d.actualSha256 } }).restorable,
    verifiedAt: d.verifiedAt.toISOString(),
    mode: d.mode,
    snapshotCreated: m.created,
    ageSeconds: Math.round(d.ageSeconds),
    restoreSeconds: Math.round(d.restoreSeconds * 1000) / 1000,
    bytes: d.bytes,
    uncompressedBytes: d.contents.uncompressedBytes,
    entries: d.contents.entries,
    throughputMBps: d.restoreSeconds > 0 ? Math.round((d.bytes / d.restoreSeconds / 1e6) * 10) / 10 : null,
    archive: {
      key: m.archive.key,
      expectedVersionId: m.archive.versionId,
      actualVersionId: d.actualVersionId,
      expectedSha256: m.archive.sha256,
      actualSha256: d.actualSha256,
    },
    checks: d.checks,
    warnings: d.warnings ?? [],
    restoredTo: d.restoredTo,
    tools: { lifeboat: LIFEBOAT_VERSION },
  };
}

/** The checks that are policy by name, for documents written before checks carried their kind. */
const POLICY_NAMES = ['max age', 'min entries'];
const POLICY_PREFIXES = ['required path '];

/** A check's kind: as written, or (an older document) by its name. */
export function checkKind(c: VerificationCheck): CheckKind {
  if (c.kind) return c.kind;
  return POLICY_NAMES.includes(c.name) || POLICY_PREFIXES.some((p) => c.name.startsWith(p))
    ? 'policy'
    : 'restorable';
}

/**
 * What a drill found, in the two questions a person asks: does the archive restore (the failed
 * restorable checks; none = it does), and is it the backup that was wanted (the failed policy
 * checks). A document that says `restorable` is believed only where its checks agree.
 */
export interface DrillOutcome {
  /** Proven restorable: some restorable check ran (the archive was read) and none failed. */
  restorable: boolean;
  /** The archive was read: false when a policy failed before the download (jobs/index-precheck.ts). */
  read: boolean;
  broken: VerificationCheck[];
  lacking: VerificationCheck[];
}

export function drillOutcome(v: {
  checks: readonly VerificationCheck[];
  archive: { actualSha256: string | null };
}): DrillOutcome {
  const failed = v.checks.filter((c) => !c.ok);
  const broken = failed.filter((c) => checkKind(c) === 'restorable');
  // a drill that read no byte of the archive (a policy failed before the download) records no sha256
  const read = v.archive.actualSha256 !== null;
  return {
    restorable: read && broken.length === 0,
    read,
    broken,
    lacking: failed.filter((c) => checkKind(c) === 'policy'),
  };
}

/** "restorable, but it lacks db/app.sqlite; it is 2d old (the limit is 24h)": a policy failure in words. */
export function lackingWords(lacking: readonly VerificationCheck[], read = true): string {
  // a policy that failed before the download leaves restorability unproven: never say "restorable"
  return read
    ? `restorable, but ${lacking.map(policyWords).join('; ')}`
    : `not read (its restorability is not proven), and ${lacking.map(policyWords).join('; ')}`;
}

function policyWords(c: VerificationCheck): string {
  if (c.name.startsWith('required path ')) return `it lacks ${c.name.slice('required path '.length)}`;
  if (c.name.startsWith('sqlite ') && c.detail.startsWith('no restored file matches')) {
    return `it lacks ${c.name.slice('sqlite '.length)} (${c.detail})`;
  }
  if (c.name === 'max age') return `it is too old (${c.detail})`;
  if (c.name === 'min entries') return `it has too few entries (${c.detail})`;
  return `${c.name}: ${c.detail}`;
}

/** The one parser: a document valid against the committed schema, or an Error saying why not. */
export function parseVerification(value: unknown, where: string): Verification {
  const errors = schemaErrors('verification', value);
  if (errors.length > 0) throw new Error(`${where} is not valid: ${errors.slice(0, 3).join('; ')}`);
  return value as Verification;
}

/** verification.json as read from the bucket, before it is judged. */
export type StoredVerification =
  | { key: string; kind: 'missing' }
  | { key: string; kind: 'unreadable'; problem: string }
  | { key: string; kind: 'found'; value: unknown };

/** Reads a snapshot's verification.json (bounded); never throws: a failed read is "unreadable". */
export async function readVerification(
  store: ObjectStore,
  layout: TargetLayout,
  snapshotId: string,
): Promise<StoredVerification> {
  const key = layout.verificationKey(snapshotId);
  try {
    const value = await readBoundedJson(store, key, MAX_VERIFICATION_BYTES);
    return value === undefined ? { key, kind: 'missing' } : { key, kind: 'found', value };
  } catch (err) {
    return { key, kind: 'unreadable', problem: errorMessage(err) };
  }
}

export type VerificationState = 'passing' | 'failing' | 'stale' | 'unreadable' | 'missing';

/**
 * `reason` is one sentence for logs and messages: why this state. `verification` is the document
 * when it is about these bytes (passing or failing): what may travel with them.
 */
export type VerificationVerdict =
  | { state: 'passing' | 'failing'; reason: string; verification: Verification }
  | { state: 'stale' | 'unreadable' | 'missing'; reason: string; verification?: undefined };

/**
 * The one verdict on a verification.json, given the manifest of the snapshot it should describe
 * and the reader's clock (see the invariant at the top of this file). The first rule that applies
 * decides: unreadable (not a valid document, or written in the future), stale (another snapshot,
 * other bytes or another object version), failing (a check failed, or it read other bytes than it
 * names), then passing.
 */
export function judgeVerification(stored: StoredVerification, m: Manifest, now: Date): VerificationVerdict {
  const key = stored.key;
  if (stored.kind === 'missing') return { state: 'missing', reason: `${key} does not exist` };
  if (stored.kind === 'unreadable') return { state: 'unreadable', reason: stored.problem };
  let v: Verification;
  try {
    v = parseVerification(stored.value, key);
  } catch (err) {
    return { state: 'unreadable', reason: errorMessage(err) };
  }
  if (Date.parse(v.verifiedAt) > now.getTime() + VERIFIED_AT_SKEW_MS) {
    return {
      state: 'unreadable',
      reason: `${key} says it was verified at ${v.verifiedAt}, in the future (it is ${now.toISOString()} now): it is not trusted`,
    };
  }
  if (v.snapshotId !== m.snapshotId) {
    return { state: 'stale', reason: `${key} is about snapshot ${v.snapshotId}, not ${m.snapshotId}` };
  }
  if (v.archive.expectedSha256 !== m.archive.sha256) {
    return {
      state: 'stale',
      reason: `${key} is about other bytes (sha256 ${v.archive.expectedSha256}, the manifest records ${m.archive.sha256})`,
    };
  }
  const named = v.archive.expectedVersionId ?? null;
  const versions = [m.archive.versionId, ...(m.copiedFrom ? [m.copiedFrom.versionId] : [])];
  if (!versions.includes(named)) {
    return {
      state: 'stale',
      reason: `${key} is about another version of the archive (version ${named ?? 'none'}, the manifest records ${m.archive.versionId ?? 'none'})`,
    };
  }
  const drill = `the restore drill of ${v.verifiedAt}`;
  if (!v.verified) {
    const outcome = drillOutcome(v);
    // a good archive that misses what was required of it is not "broken": say which it is
    const reason = outcome.restorable
      ? `${drill} found it ${lackingWords(outcome.lacking)}`
      : !outcome.read && outcome.broken.length === 0
        ? `${drill} stopped before the download: ${lackingWords(outcome.lacking, false)}`
        : `${drill} failed: it does not restore as recorded (${outcome.broken.map((c) => c.name).join(', ')})`;
    return { state: 'failing', reason, verification: v };
  }
  if (v.archive.actualSha256 !== m.archive.sha256) {
    return {
      state: 'failing',
      reason: `${drill} read sha256 ${v.archive.actualSha256 ?? 'none'}, not the ${m.archive.sha256} it names`,
      verification: v,
    };
  }
  if (named !== null && v.archive.actualVersionId !== named) {
    return {
      state: 'failing',
      reason: `${drill} read version ${v.archive.actualVersionId ?? 'none'} of the archive, not the ${named} it names`,
      verification: v,
    };
  }
  return { state: 'passing', reason: `verified at ${v.verifiedAt}`, verification: v };
}

/** Reads and judges the verification.json of the snapshot a manifest describes. */
export async function verificationVerdict(
  store: ObjectStore,
  layout: TargetLayout,
  m: Manifest,
  now: Date,
): Promise<VerificationVerdict> {
  return judgeVerification(await readVerification(store, layout, m.snapshotId), m, now);
}

export interface JudgedSnapshot extends CatalogEntry {
  /** The verdict on its verification.json; undefined for a folder without a manifest to judge it by. */
  verdict?: VerificationVerdict;
}

/**
 * Every snapshot folder of a target (listSnapshots: newest first) with the verdict on its
 * verification.json. A document that cannot be read or judged is that row's verdict, never an
 * error of the whole listing.
 */
export async function listJudgedSnapshots(
  store: ObjectStore,
  layout: TargetLayout,
  now: Date,
): Promise<JudgedSnapshot[]> {
  const judged: JudgedSnapshot[] = [];
  for (const entry of await listSnapshots(store, layout)) {
    judged.push(
      entry.manifest
        ? { ...entry, verdict: await verificationVerdict(store, layout, entry.manifest, now) }
        : entry,
    );
  }
  return judged;
}
