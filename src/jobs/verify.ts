import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { minimatch } from 'minimatch';
import {
  ArchiveDamagedError,
  ArchiveInspector,
  ArchiveLimitError,
  type TarHeader,
} from '../archive/archive-inspector.js';
import { TargetLayout } from '../catalog/layout.js';
import type { Manifest } from '../catalog/manifest.js';
import { selectSnapshot, type SelectedSnapshot, type SnapshotSelector } from '../catalog/select-snapshot.js';
import { snapshotAge } from '../catalog/snapshot-time.js';
import { recipientOf } from '../crypto/age-stream.js';
import { ArchiveFeed } from '../restore/archive-feed.js';
import { safeEntryPath } from '../restore/entry-path.js';
import { attemptMarker, prepareHoldingDir } from '../restore/holding-dir.js';
import { restoreToRemote } from '../restore/restore-to-remote.js';
import { SafeExtractor, UnsafeEntryError } from '../restore/safe-extractor.js';
import { sqliteIntegrity } from '../restore/sqlite-check.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import type { ObjectStore } from '../storage/object-store.js';
import { ConfigurationError, errorMessage } from '../util/errors.js';
import { formatBytes, formatDuration, formatRate } from '../util/format.js';
import type { Logger } from '../util/logger.js';
import { startProgress } from '../util/progress.js';
import { buildVerification, type Verification, type VerificationCheck } from '../catalog/verification.js';

export type VerifyMode = 'extract' | 'stream';

export interface VerifyOptions {
  target: string;
  prefix: string;
  snapshot: SnapshotSelector;
  mode: VerifyMode;
  /** Where extract mode writes; a function of the chosen snapshot id. */
  holdingDir: (snapshotId: string) => string;
  /** Leave the `<holding-dir>.lifeboat-attempt` marker beside it (default true). */
  holdingMarker?: boolean;
  requiredPaths: string[];
  minEntries: number;
  sqlite: string[];
  /** Seconds; undefined = no limit. */
  maxAgeSeconds?: number;
  writeReport: boolean;
  /** The age identity (AGE-SECRET-KEY-1...) for encrypted snapshots. */
  decryptionIdentity?: string;
  /** After every check passed: stream the snapshot into `<path>/.lifeboat-restore/<id>/` there. */
  restoreTo?: { source: ArchiveSource; path: string };
}

export interface VerifyDeps {
  store: ObjectStore;
  logger: Logger;
  now?: () => Date;
  signal?: AbortSignal;
}

export type Check = VerificationCheck;
export type VerificationReport = Verification;

export interface VerifyResult {
  report: VerificationReport;
  manifest: Manifest;
  reportKey: string;
  holdingDir: string | null;
  /** "Verification of snapshot X failed: ..." when not verified; empty otherwise. */
  failure: string;
}

/**
 * Proves a snapshot restores, the way a person would after a disaster: one pass of S3 GetObject ->
 * sha256 -> decompress -> tar walk (stream mode) or safe extraction into a holding directory
 * (extract mode), compared with the manifest; then the contents checks. Every check is recorded,
 * and verification.json is written beside the manifest whatever the outcome.
 */
export async function runVerify(options: VerifyOptions, deps: VerifyDeps): Promise<VerifyResult> {
  const { store, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const layout = new TargetLayout(options.prefix, options.target);
  const selected = await chooseSnapshot(store, layout, options.snapshot, logger);
  const m = selected.manifest;
  const identity = m.encryption ? await decryptionFor(m, options.decryptionIdentity) : undefined;
  const run: VerifyRun = { store, logger, signal: deps.signal, manifest: m, checks: new CheckList(logger) };

  const started = now();
  // max-age is judged by the storage's clock, from the time the storage stored (snapshot-time.ts)
  const ageNow = options.maxAgeSeconds === undefined ? started : await store.serverTime();
  const ageSeconds = checkStatusAndAge(
    run,
    snapshotAge(m.created, selected.storedAt, ageNow),
    options.maxAgeSeconds,
  );
  const holding =
    options.mode === 'extract'
      ? await prepareHoldingDir(options.holdingDir(m.snapshotId), m.snapshotId, options.holdingMarker ?? true)
      : null;
  const walk = new ContentsWalk(holding, options.requiredPaths);
  const read = await readArchive(run, walk, identity);
  const restoreSeconds = (now().getTime() - started.getTime()) / 1000;

  checkIntegrity(run, read);
  const keptHolding = holding && !read.intact ? await discardHolding(holding, logger) : holding;
  checkContents(run, read, walk, options.minEntries);
  if (read.complete && walk.extractor && keptHolding) {
    await checkSqlite(run, walk.extractor, keptHolding, options.sqlite);
  }
  const restoredTo =
    options.restoreTo && run.checks.allPassed ? await restoreCopy(run, options.restoreTo, identity) : null;

  return writeVerification(run, options, layout, now, {
    ageSeconds,
    restoreSeconds,
    read,
    holdingDir: keptHolding,
    restoredTo,
  });
}

/** What the steps of one verification share: where it reads, what it tells, the snapshot, its checks. */
interface VerifyRun {
  store: ObjectStore;
  logger: Logger;
  signal?: AbortSignal;
  manifest: Manifest;
  checks: CheckList;
}

/** The checks of one verification in the order they ran; each is logged as it is recorded. */
class CheckList {
  readonly checks: Check[] = [];

  constructor(private readonly logger: Logger) {}

  record(name: string, ok: boolean, detail: string): void {
    this.checks.push({ name, ok, detail });
    (ok ? this.logger.info : this.logger.warning)(`${ok ? 'pass' : 'FAIL'}: ${name}: ${detail}`);
  }

  get failed(): Check[] {
    return this.checks.filter((c) => !c.ok);
  }

  get allPassed(): boolean {
    return this.checks.every((c) => c.ok);
  }
}

/** The snapshot the selector names (latest, an id, before a time), announced. */
async function chooseSnapshot(
  store: ObjectStore,
  layout: TargetLayout,
  selector: SnapshotSelector,
  logger: Logger,
): Promise<SelectedSnapshot> {
  const selected = await selectSnapshot(store, layout, selector);
  const m = selected.manifest;
  logger.info(
    `verifying snapshot ${m.snapshotId} of ${layout.target} (${selected.how}), ${formatBytes(m.archive.size)} ${m.compression}`,
  );
  return selected;
}

/**
 * The identity to decrypt an encrypted snapshot with, checked against the recipients the archive
 * was made for before anything is downloaded.
 */
async function decryptionFor(m: Manifest, identity: string | undefined): Promise<string> {
  const made = (m.encryption?.recipients ?? []).join(', ') || 'unknown recipients';
  if (!identity) {
    throw new ConfigurationError(
      `Snapshot ${m.snapshotId} is encrypted with age for ${made}: pass the matching decryption-identity (AGE-SECRET-KEY-1...).`,
    );
  }
  const mine = await recipientOf(identity);
  if (m.encryption?.recipients.length && !m.encryption.recipients.includes(mine)) {
    throw new ConfigurationError(
      `The decryption-identity (public key ${mine}) is not one snapshot ${m.snapshotId} was encrypted for (${made}): pass the identity of one of those recipients.`,
    );
  }
  return identity;
}

/**
 * The manifest's own verdict, and the snapshot's age against max-age; returns the age in seconds.
 * An age that cannot be judged (a time in the future) fails max-age, never passes as "0 s old".
 */
function checkStatusAndAge(
  { manifest: m, checks }: VerifyRun,
  age: number | undefined,
  maxAgeSeconds?: number,
): number {
  const ageSeconds = age ?? 0;
  checks.record(
    'snapshot status',
    m.status === 'ok',
    m.status === 'ok'
      ? 'ok'
      : `the manifest says "${m.status}"${m.statusReason ? `: ${m.statusReason}` : ''}`,
  );
  if (maxAgeSeconds !== undefined) {
    checks.record(
      'max age',
      age !== undefined && ageSeconds <= maxAgeSeconds,
      age === undefined
        ? `snapshot was created at ${m.created}, in the future by the storage's clock: its age cannot be judged`
        : `snapshot is ${formatDuration(ageSeconds)} old; the limit is ${formatDuration(maxAgeSeconds)}`,
    );
  }
  return ageSeconds;
}

/**
 * What the archive walk does with each member: extract mode writes it into the holding directory
 * (the SafeExtractor refuses what is unsafe), stream mode reads past it and refuses the same unsafe
 * names; both tick off the required-paths globs the member's name matches.
 */
class ContentsWalk {
  readonly extractor: SafeExtractor | undefined;
  readonly required: { pattern: string; matched: boolean }[];

  constructor(
    readonly holding: string | null,
    requiredPaths: string[],
  ) {
    this.extractor = holding ? new SafeExtractor(holding) : undefined;
    this.required = requiredPaths.map((pattern) => ({ pattern, matched: false }));
  }

  readonly onEntry = async (header: TarHeader, stream: Readable): Promise<void> => {
    const safe = safeEntryPath(header.name);
    if ('path' in safe && safe.path !== '') {
      for (const r of this.required)
        if (!r.matched && minimatch(safe.path, r.pattern, { dot: true })) r.matched = true;
    }
    if (this.extractor) return this.extractor.handle(header, stream);
    if ('refused' in safe)
      throw new UnsafeEntryError(
        `archive member ${JSON.stringify(header.name)} was refused: ${safe.refused}`,
      );
    stream.resume();
    await new Promise<void>((resolve, reject) => stream.once('end', resolve).once('error', reject));
  };
}

/** What one pass over the stored archive found. */
interface ArchiveRead {
  /** The whole archive was read, decrypted and walked without an error ("archive structure"). */
  complete: boolean;
  /** Complete, and the bytes read have the manifest's sha256: what was written came from the backup. */
  intact: boolean;
  /** The stored bytes read, and their sha256. */
  bytes: number;
  sha256: string;
  /** The sha256 of the decrypted archive; null unless it was encrypted and read completely. */
  plainSha256: string | null;
  /** The version of the archive object that was read. */
  versionId: string | null;
  contents: { entries: number; uncompressedBytes: number };
}

/**
 * The one pass: GetObject of the archive's current version -> sha256 -> (age decryption) ->
 * decompression -> the tar walk, bounded by what the manifest records. Records "archive structure".
 */
async function readArchive(run: VerifyRun, walk: ContentsWalk, identity?: string): Promise<ArchiveRead> {
  const { store, logger, manifest: m, checks } = run;
  const feed = new ArchiveFeed(identity);
  const read: ArchiveRead = {
    complete: false,
    intact: false,
    bytes: 0,
    sha256: '',
    plainSha256: null,
    versionId: null,
    contents: { entries: 0, uncompressedBytes: 0 },
  };
  await logger.group(
    `Restoring ${m.archive.key}${walk.holding ? ` into ${walk.holding}` : ' (stream mode: nothing written)'}`,
    async () => {
      const progress = startProgress(logger, 'read', () => feed.stored.bytes, 10_000, m.archive.size);
      try {
        const download = await store.download(m.archive.key, undefined, run.signal);
        read.versionId = download.versionId ?? null;
        const inspector = new ArchiveInspector(m.compression, {
          onEntry: walk.onEntry,
          // the manifest says what the archive holds: anything beyond it is refused at once
          // (a decompression bomb cannot fill the disk)
          maxEntries: m.entries,
          maxUncompressedBytes: m.uncompressedBytes,
        });
        const feeding = feed.feed(download.body, inspector.input);
        feeding.catch(() => undefined);
        // the walk's verdict first: an unsafe member explains a broken feed, not the reverse
        read.contents = await inspector.result;
        await feeding;
        await walk.extractor?.finish();
        read.complete = true;
        checks.record('archive structure', true, `complete ${m.compression} tar`);
      } catch (err) {
        checks.record('archive structure', false, whyIncomplete(err, feed.decryptError, m));
      } finally {
        progress.stop();
        read.bytes = feed.stored.bytes;
        read.sha256 = feed.stored.sha256;
      }
    },
  );
  read.intact = read.complete && read.sha256 === m.archive.sha256;
  if (identity && read.complete) read.plainSha256 = feed.plain.sha256;
  return read;
}

/** Why the pass over the archive stopped, in the words a person needs. */
function whyIncomplete(err: unknown, decryptError: unknown, m: Manifest): string {
  if (decryptError) {
    return `decryption failed: the encrypted archive was altered or is damaged (${errorMessage(decryptError)})`;
  }
  if (err instanceof UnsafeEntryError) return err.message;
  if (err instanceof ArchiveLimitError) {
    return `the archive goes beyond what the manifest records (${m.entries} entries, ${m.uncompressedBytes} bytes): ${err.message}`;
  }
  if (err instanceof ArchiveDamagedError) return `the archive is damaged: ${err.message}`;
  return errorMessage(err);
}

/** The stored object is the one the manifest records: its sha256, its plaintext's, its version. */
function checkIntegrity({ manifest: m, checks }: VerifyRun, read: ArchiveRead): void {
  checks.record(
    'sha256',
    read.sha256 === m.archive.sha256 && read.complete,
    read.sha256 === m.archive.sha256
      ? read.complete
        ? m.archive.sha256
        : 'not all bytes were read'
      : `sha256 mismatch: the manifest records ${m.archive.sha256}, the stored object has ${read.sha256}`,
  );
  if (m.encryption && read.complete) {
    checks.record(
      'plaintext sha256',
      read.plainSha256 === m.encryption.plaintextSha256,
      read.plainSha256 === m.encryption.plaintextSha256
        ? m.encryption.plaintextSha256
        : `the decrypted archive has sha256 ${read.plainSha256}, the manifest records ${m.encryption.plaintextSha256}`,
    );
  }
  if (m.archive.versionId) {
    checks.record(
      'object version',
      read.versionId === m.archive.versionId,
      read.versionId === m.archive.versionId
        ? m.archive.versionId
        : `the archive object was replaced: the manifest records version ${m.archive.versionId}, the current one is ${read.versionId ?? 'unversioned'}`,
    );
  }
}

/**
 * What was written did not come from an intact copy of the backup: leave nothing to be mistaken
 * for it. Returns null, the holding directory that is kept.
 */
async function discardHolding(holding: string, logger: Logger): Promise<null> {
  await rm(holding, { recursive: true, force: true });
  await rm(attemptMarker(holding), { force: true });
  logger.info(`removed ${holding}: its contents did not come from an intact archive`);
  return null;
}

/** The size read, and for a complete walk what it found against the manifest and the options. */
function checkContents(
  { manifest: m, checks }: VerifyRun,
  read: ArchiveRead,
  walk: ContentsWalk,
  minEntries: number,
): void {
  checks.record(
    'size',
    read.bytes === m.archive.size,
    `${read.bytes} bytes read, the manifest records ${m.archive.size}`,
  );
  if (!read.complete) return;
  const { entries, uncompressedBytes } = read.contents;
  checks.record('entries', entries === m.entries, `${entries} entries, the manifest records ${m.entries}`);
  checks.record(
    'uncompressed bytes',
    uncompressedBytes === m.uncompressedBytes,
    `${uncompressedBytes} bytes of tar, the manifest records ${m.uncompressedBytes}`,
  );
  checks.record('min entries', entries >= minEntries, `${entries} entries; at least ${minEntries} required`);
  for (const r of walk.required) {
    checks.record(
      `required path ${r.pattern}`,
      r.matched,
      r.matched ? 'present' : `no entry matches ${r.pattern}`,
    );
  }
}

/** PRAGMA integrity_check of every restored file each sqlite glob matches (extract mode). */
async function checkSqlite(
  { checks }: VerifyRun,
  extractor: SafeExtractor,
  holding: string,
  patterns: string[],
): Promise<void> {
  const files = [...extractor.written].filter(([, t]) => t === 'file').map(([p]) => p);
  for (const pattern of patterns) {
    const matches = files.filter((f) => minimatch(f, pattern, { dot: true }));
    if (matches.length === 0)
      checks.record(`sqlite ${pattern}`, false, `no restored file matches ${pattern}`);
    for (const f of matches) {
      const v = await sqliteIntegrity(join(holding, f));
      checks.record(
        `sqlite ${f}`,
        v.ok,
        v.ok ? 'integrity_check ok' : `integrity_check failed: ${v.message}`,
      );
    }
  }
}

/** After every check passed: the snapshot streamed into `<path>/.lifeboat-restore/<id>/` on the machine. */
async function restoreCopy(
  run: VerifyRun,
  restoreTo: NonNullable<VerifyOptions['restoreTo']>,
  identity?: string,
): Promise<string | null> {
  const { store, logger, manifest, checks } = run;
  const { source, path } = restoreTo;
  return logger.group(`Restoring into ${source.description.app ?? source.label}:${path}`, async () => {
    try {
      const restoredTo = await restoreToRemote({
        store,
        manifest,
        source,
        path,
        decryptionIdentity: identity,
        logger,
        signal: run.signal,
      });
      checks.record('restore to machine', true, `restored into ${restoredTo}`);
      return restoredTo;
    } catch (err) {
      checks.record('restore to machine', false, errorMessage(err));
      return null;
    }
  });
}

/**
 * The last step, whatever the outcome: verification.json beside the manifest (unless write-report
 * is off), and the result with the failure message a person reads.
 */
async function writeVerification(
  run: VerifyRun,
  options: VerifyOptions,
  layout: TargetLayout,
  now: () => Date,
  outcome: {
    ageSeconds: number;
    restoreSeconds: number;
    read: ArchiveRead;
    holdingDir: string | null;
    restoredTo: string | null;
  },
): Promise<VerifyResult> {
  const { store, logger, manifest: m } = run;
  const { read, restoreSeconds } = outcome;
  const failed = run.checks.failed;
  const report = buildVerification({
    manifest: m,
    target: options.target,
    mode: options.mode,
    checks: run.checks.checks,
    verifiedAt: now(),
    ageSeconds: outcome.ageSeconds,
    restoreSeconds,
    bytes: read.bytes,
    contents: read.contents,
    actualVersionId: read.versionId,
    actualSha256: read.sha256,
    restoredTo: outcome.restoredTo,
  });
  logger.info(
    `restore of ${formatBytes(read.bytes)} took ${report.restoreSeconds.toFixed(2)} s (${formatRate(read.bytes, restoreSeconds)})`,
  );
  const reportKey = layout.verificationKey(m.snapshotId);
  if (options.writeReport) await store.putJson(reportKey, report);
  return {
    report,
    manifest: m,
    reportKey: options.writeReport ? reportKey : '',
    holdingDir: outcome.holdingDir,
    failure: failed.length
      ? `Verification of snapshot ${m.snapshotId} of ${options.target} failed: ${failed.map((c) => `${c.name}: ${c.detail}`).join('; ')}`
      : '',
  };
}
