import { words } from '../util/vocabulary.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  ArchiveDamagedError,
  ArchiveInspector,
  ArchiveLimitError,
  type EntryHandler,
  type TarHeader,
} from '../archive/archive-inspector.js';
import { TargetLayout } from '../catalog/layout.js';
import type { Manifest } from '../catalog/manifest.js';
import { selectSnapshot, type SelectedSnapshot, type SnapshotSelector } from '../catalog/select-snapshot.js';
import { snapshotAge } from '../catalog/snapshot-time.js';
import { notARecipient, recipientOf } from '../crypto/age-stream.js';
import { ArchiveFeed } from '../restore/archive-feed.js';
import { safeEntryPath } from '../restore/entry-path.js';
import { classifyFailure, type FailureKind } from '../restore/failure-kinds.js';
import { HoldingDir } from '../restore/holding-dir.js';
import { memberNameBytes, quotedName } from '../archive/member-header.js';
import { MemberRules } from '../restore/member-rules.js';
import {
  noMatchMessage,
  nothingSelectedMessage,
  type MemberSelection,
  type SelectionPass,
} from '../restore/member-selection.js';
import { restoreToRemote } from '../restore/restore-to-remote.js';
import { readAgain, type SecondRead } from '../restore/second-read.js';
import { drainEntry, SafeExtractor, UnsafeEntryError } from '../restore/safe-extractor.js';
import { sqliteIntegrity } from '../restore/sqlite-check.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import type { ObjectStore } from '../storage/object-store.js';
import { ConfigurationError, EnvironmentError, errorMessage, InterruptedError } from '../util/errors.js';
import { formatBytes, formatCompression, formatDuration, formatRate } from '../util/format.js';
import { globMatch } from '../util/glob.js';
import type { Logger } from '../util/logger.js';
import { startProgress } from '../util/progress.js';
import { explainRunnerFault, isRunnerFault } from '../util/runner-faults.js';
import {
  buildVerification,
  drillOutcome,
  lackingWords,
  type CheckKind,
  type Verification,
  type VerificationCheck,
  type VerificationWarning,
} from '../catalog/verification.js';
import { isNotFound } from '../storage/s3-errors.js';
import type { IndexWriter } from '../archive/index-writer.js';
import { findIndex } from '../catalog/index-reader.js';
import { publishIndex, startIndex } from '../archive/index-writer.js';
import { matchesRequired, requiredPathOf, requiredPathsMissingFromIndex } from './index-precheck.js';

export type VerifyMode = 'extract' | 'stream';

export interface VerifyOptions {
  target: string;
  prefix: string;
  snapshot: SnapshotSelector;
  mode: VerifyMode;
  /**
   * The directory a person named for extract mode (holding-dir), a function of the chosen snapshot
   * id: what is extracted there is kept. Without it, extract mode writes into a new private
   * directory under `holdingRoot` (HoldingDir.temporary) and removes it after the checks.
   */
  holdingDir?: (snapshotId: string) => string;
  /** Where a temporary holding directory is made: $RUNNER_TEMP on a runner; default the system's ($TMPDIR). */
  holdingRoot?: string;
  /**
   * Mark a named holding directory as this run's attempt with `<holding-dir>.lifeboat-attempt`
   * while it runs, so that a retry after a crash may empty it (default true).
   */
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
  /**
   * restore --include/--exclude: only the selected members are extracted (and sent to restoreTo);
   * every member is still read, hashed and counted. An include that matches nothing is a
   * ConfigurationError once the archive is verified, and what was extracted is removed.
   */
  members?: MemberSelection;
  /** Stream mode: what receives each member (its safe path relative to the root) instead of being read past (dump). */
  sink?: (header: TarHeader, stream: Readable, path: string) => Promise<void>;
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
  /** The holding directory that holds the restored files: a named one, kept; null when none is left. */
  holdingDir: string | null;
  /** "Verification of snapshot X failed: ..." when not verified; empty otherwise. */
  failure: string;
  /**
   * With `members`: the selected members whose folder is not selected (what a machine's swap
   * replaces); undefined when there were too many to name (member-selection.ts MAX_ROOTS).
   */
  selectedRoots?: string[];
}

/**
 * Proves a snapshot restores, the way a person would after a disaster: one pass of S3 GetObject ->
 * sha256 -> decompress -> tar walk (stream mode) or safe extraction into a holding directory
 * (extract mode), compared with the manifest; then the contents checks. Every check is recorded,
 * and verification.json is written beside the manifest whatever the checks found: but only the
 * archive's own faults are a verdict (restore/failure-kinds.ts). A failure of the environment (a
 * full disk, a stalled store, a missing runtime feature) or a signal ends the run with an error
 * that names it, writes no verification.json, and leaves nothing this run wrote behind.
 */
export async function runVerify(options: VerifyOptions, deps: VerifyDeps): Promise<VerifyResult> {
  const { store, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const layout = new TargetLayout(options.prefix, options.target);
  let m: Manifest | undefined;
  // while set, a failure removes what this run wrote into it
  let holding: HoldingDir | null = null;
  // a snapshot without an index gets one from this same read (only when verify writes its report)
  let indexWriter: IndexWriter | undefined;
  try {
    const selected = await chooseSnapshot(store, layout, options.snapshot, logger);
    m = selected.manifest;
    refuseMountPointGlobs(options.requiredPaths, m.source.path);
    const identity = m.encryption ? await decryptionFor(m, options.decryptionIdentity) : undefined;
    if (options.writeReport && !(await findIndex(store, layout, m)).found) {
      indexWriter = await startIndex(store, layout, m);
    }
    const run: VerifyRun = {
      store,
      logger,
      signal: deps.signal,
      manifest: m,
      checks: new CheckList(logger),
      ...(indexWriter ? { indexWriter } : {}),
    };

    const started = now();
    // max-age is judged by the storage's clock, from the time the storage stored (snapshot-time.ts)
    // (and so is the age a written report records: the runner's clock made it hours off)
    const ageNow =
      options.maxAgeSeconds === undefined && !options.writeReport ? started : await store.serverTime();
    const ageSeconds = checkStatusAndAge(
      run,
      snapshotAge(m.created, selected.storedAt, ageNow),
      options.maxAgeSeconds,
    );
    // required-paths the index proves missing fail before the archive is downloaded
    const early = await policyBeforeDownload(run, layout, options, identity);
    if (early) {
      await indexWriter?.abandon();
      indexWriter = undefined;
      return await writeVerification(run, options, layout, now, {
        ageSeconds,
        restoreSeconds: 0,
        read: NOT_READ,
        holdingDir: null,
        restoredTo: null,
      });
    }
    holding = options.mode === 'extract' ? await openHolding(options, m) : null;
    const walk = new ContentsWalk(
      holding?.path ?? null,
      options.requiredPaths,
      options.members,
      options.sink,
    );
    const read = await readArchive(run, walk, identity);
    await confirmByReadingAgain(run, read);
    const restoreSeconds = (now().getTime() - started.getTime()) / 1000;

    checkIntegrity(run, read);
    await checkCurrentVersion(run, read);
    if (indexWriter) await settleIndex(run, layout, read, indexWriter, now());
    indexWriter = undefined;
    if (holding && !read.intact) holding = await discardHolding(holding, logger);
    checkContents(run, read, walk, options.minEntries);
    const unmatched = walk.pass?.unmatched() ?? [];
    // a pattern that names nothing is the person's mistake, not the archive's: nothing is kept
    if (unmatched.length > 0 && run.checks.allPassed) {
      throw new ConfigurationError(noMatchMessage(unmatched, m.snapshotId));
    }
    // every include matched, but the excludes took it all (`--exclude '**'`): it said "restored"
    if (walk.pass && options.members && walk.pass.selected === 0 && run.checks.allPassed) {
      throw new ConfigurationError(nothingSelectedMessage(options.members, m.snapshotId));
    }
    if (read.complete && walk.extractor && holding) {
      await checkSqlite(run, walk.extractor, holding.path, options.sqlite);
    }
    // the checks are done: a temporary copy has served them; a named one is the person's now
    if (holding && !holding.temporary) await holding.keep();
    const kept = holding?.temporary ? await removeTemporary(holding, logger) : (holding?.path ?? null);
    holding = null;
    const restoredTo =
      options.restoreTo && run.checks.allPassed
        ? await restoreCopy(run, options.restoreTo, identity, options.members)
        : null;

    const result = await writeVerification(run, options, layout, now, {
      ageSeconds,
      restoreSeconds,
      read,
      holdingDir: kept,
      restoredTo,
    });
    return walk.pass ? { ...result, selectedRoots: walk.pass.roots } : result;
  } catch (err) {
    // explained first, while the file system still is as the failure left it (a full one)
    const failure = await unjudged(err, deps.signal, options, m, holding);
    await indexWriter?.abandon();
    await holding?.discard().catch((e: unknown) => logger.warning(`could not clean up: ${errorMessage(e)}`));
    throw failure;
  }
}

/**
 * required-paths are globs inside the volume: `/data/app.db` for a volume mounted at /data names
 * nothing, and its failure used to replace a good verdict in the bucket (newcomer, 2026-12-03).
 * Refused before any check is recorded.
 */
function refuseMountPointGlobs(globs: string[], mountPoint: string): void {
  const root = mountPoint.replace(/\/+$/, '');
  const wrong = globs.filter((g) => root !== '' && (g === root || g.startsWith(`${root}/`)));
  if (wrong.length === 0) return;
  const inside = wrong.map((g) => g.slice(root.length + 1) || '.').map((g) => JSON.stringify(g));
  throw new ConfigurationError(
    `${words().subject('required-paths')} names ${wrong.map((g) => JSON.stringify(g)).join(', ')}: ${wrong.length === 1 ? 'it starts' : 'they start'} ` +
      `with ${root}, the volume's mount point when it was backed up, but the globs are paths inside the volume ` +
      `(${inside.join(', ')}). Nothing was checked or recorded.`,
  );
}

/** The holding directory of extract mode: the one a person named, or a new temporary one. */
function openHolding(options: VerifyOptions, m: Manifest): Promise<HoldingDir> {
  if (options.holdingDir) {
    return HoldingDir.named(options.holdingDir(m.snapshotId), m.snapshotId, options.holdingMarker ?? true);
  }
  return HoldingDir.temporary(options.holdingRoot ?? tmpdir(), `verify-${options.target}-${m.snapshotId}`);
}

/** An InterruptedError once the run's signal fired: it explains every failure after it. */
function interruption(signal: AbortSignal | undefined): InterruptedError | undefined {
  return signal?.aborted ? new InterruptedError(errorMessage(signal.reason)) : undefined;
}

/**
 * A failure that is no verdict about the archive, in the words of its kind: interrupted, the
 * environment (with the cause and the fix), or a configuration error as it was thrown. An
 * unrecognised error here is the environment's (a request, a write): never the archive's.
 */
async function unjudged(
  err: unknown,
  signal: AbortSignal | undefined,
  options: VerifyOptions,
  m: Manifest | undefined,
  holding: HoldingDir | null,
): Promise<unknown> {
  const failure = classifyFailure([interruption(signal), err], 'environment');
  const what = m ? `snapshot ${m.snapshotId} of ${options.target}` : `target ${options.target}`;
  const left = holding ? `; what it had written into ${holding.path} was removed` : '';
  const noVerdict = `No verdict about ${what} was recorded${left}.`;
  switch (failure.kind) {
    case 'configuration':
      return failure.error;
    case 'archive':
      return err;
    case 'interrupted':
      return new InterruptedError(
        `The verification of ${what} stopped: ${errorMessage(failure.error)}. ${noVerdict}`,
        { cause: err },
      );
    case 'environment': {
      if (!isRunnerFault(failure.error)) {
        return new EnvironmentError(`${errorMessage(failure.error)} ${noVerdict}`, { cause: err });
      }
      const doing = holding ? `Extracting ${what} into ${holding.path}` : `Verifying ${what}`;
      const needs = m ? `the snapshot needs ${formatBytes(m.uncompressedBytes)} in ${m.entries} entries` : '';
      const explained = await explainRunnerFault(failure.error, doing, { needs, place: holding?.path });
      return new EnvironmentError(`${explained.message} ${noVerdict}`, { cause: err });
    }
  }
}

/** What the steps of one verification share: where it reads, what it tells, the snapshot, its checks. */
interface VerifyRun {
  store: ObjectStore;
  logger: Logger;
  signal?: AbortSignal;
  manifest: Manifest;
  checks: CheckList;
  /** Writes the index of a snapshot that has none, from the same walk. */
  indexWriter?: IndexWriter;
}

/**
 * The index written from this read is completed only when the archive read was whole and had the
 * manifest's sha256; otherwise it is abandoned. Failing to store it is a warning: the verdict is
 * about the archive.
 */
async function settleIndex(
  run: VerifyRun,
  layout: TargetLayout,
  read: ArchiveRead,
  writer: IndexWriter,
  now: Date,
): Promise<void> {
  if (!read.intact) return writer.abandon();
  try {
    const { index, pointerKey } = await publishIndex(run.store, layout, run.manifest, writer, now);
    run.logger.info(
      `the snapshot had no index: wrote ${index.key} (${index.entries} entries) and ${pointerKey}`,
    );
  } catch (err) {
    await writer.abandon();
    run.logger.warning(
      `could not write the index of snapshot ${run.manifest.snapshotId}: ${errorMessage(err)}`,
    );
  }
}

/**
 * The checks of one verification in the order they ran, each with its kind (restorable unless
 * said), and the warnings beside them; each is logged as it is recorded.
 */
class CheckList {
  readonly checks: Check[] = [];
  readonly warnings: VerificationWarning[] = [];

  constructor(private readonly logger: Logger) {}

  record(name: string, ok: boolean, detail: string, kind: CheckKind = 'restorable'): void {
    this.checks.push({ name, ok, detail, kind });
    (ok ? this.logger.info : this.logger.warning)(`${ok ? 'pass' : 'FAIL'}: ${name}: ${detail}`);
  }

  warn(name: string, detail: string): void {
    this.warnings.push({ name, detail });
    this.logger.warning(`${name}: ${detail}`);
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
    `verifying snapshot ${m.snapshotId} of ${layout.target} (${selected.how}), ${formatBytes(m.archive.size)} ${formatCompression(m.compression)}`,
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
      `Snapshot ${m.snapshotId} is encrypted with age for ${made}: it needs the identity (the secret key in the key file age-keygen wrote) of one of those recipients; ${words().secret('decryption-identity', 'AGE_IDENTITY')}.`,
    );
  }
  const mine = await recipientOf(identity);
  if (m.encryption?.recipients.length && !m.encryption.recipients.includes(mine)) {
    throw notARecipient(mine, `snapshot ${m.snapshotId}`, m.encryption.recipients);
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
  // a policy, not the archive's fault: a suspect snapshot (much smaller than the one before) was
  // proven when it was made and restores like any other; it was reported "not restorable"
  checks.record(
    'snapshot status',
    m.status === 'ok',
    m.status === 'ok'
      ? 'ok'
      : `the manifest says "${m.status}"${m.statusReason ? `: ${m.statusReason}` : ''}`,
    'policy',
  );
  if (maxAgeSeconds !== undefined) {
    checks.record(
      'max age',
      age !== undefined && ageSeconds <= maxAgeSeconds,
      age === undefined
        ? `snapshot was created at ${m.created}, in the future by the storage's clock: its age cannot be judged`
        : `snapshot is ${formatDuration(ageSeconds)} old; the limit is ${formatDuration(maxAgeSeconds)}`,
      'policy',
    );
  }
  return ageSeconds;
}

/** The archive, when a policy check failed before it was downloaded. */
const NOT_READ: ArchiveRead = {
  complete: false,
  intact: false,
  bytes: 0,
  sha256: '',
  plainSha256: null,
  versionId: null,
  contents: { entries: 0, uncompressedBytes: 0 },
  storedSize: null,
};

/**
 * The policy checks that fail without the archive: max-age (already recorded), and required-paths
 * that the snapshot's index proves missing (jobs/index-precheck.ts). When either failed, the
 * remaining policy checks are recorded from what the manifest and the index say (min-entries from
 * the manifest's count, which the archive walk requires the archive to have) and true is returned:
 * the archive is not downloaded, and the verification fails in the words the full walk would use.
 */
async function policyBeforeDownload(
  run: VerifyRun,
  layout: TargetLayout,
  options: VerifyOptions,
  identity: string | undefined,
): Promise<boolean> {
  const { store, logger, manifest: m, checks } = run;
  const answer = await requiredPathsMissingFromIndex(store, layout, m, options.requiredPaths, {
    ...(identity ? { identity } : {}),
    ...(run.signal ? { signal: run.signal } : {}),
    logger,
  });
  // max-age alone never skips the download: a stale snapshot is still the one a restore reads,
  // and whether it restores is worth knowing (its words stay "restorable, but it is too old")
  if (!answer) return false;
  logger.info('required-paths (by the snapshot index) failed: the archive is not downloaded');
  checks.record(
    'min entries',
    m.entries >= options.minEntries,
    `${m.entries} entries; at least ${options.minEntries} required`,
    'policy',
  );
  for (const r of answer?.required ?? []) {
    checks.record(
      `required path ${r.pattern}`,
      r.matched,
      r.matched ? 'present' : `no entry matches ${r.pattern}`,
      'policy',
    );
  }
  return true;
}

/**
 * What the archive walk does with each member: extract mode writes it into the holding directory
 * (the SafeExtractor refuses what is unsafe), stream mode reads past it; both tick off the
 * required-paths globs the member's name matches.
 *
 * Invariant: a walk passes only an archive that a whole restore writes. Where the extractor does
 * not see every member (stream mode, dump, a selective restore), every member is judged by
 * MemberRules, the extractor's rules on this side (a name held twice, a path through a symlink, a
 * hardlink to nothing written before, a device): stream mode never calls "verified" what every
 * restore refuses, and --include never restores from an archive a whole restore refuses.
 */
class ContentsWalk {
  readonly extractor: SafeExtractor | undefined;
  readonly required: { pattern: string; matched: boolean }[];
  /** restore --include/--exclude: the selection in front of the extractor (stream mode: it only counts). */
  readonly pass: SelectionPass | undefined;
  /** What writes a member: the extractor, or nothing (read past); the selection in front of it. */
  private readonly write: EntryHandler;
  /** The extractor's rules over every member, where the extractor does not see them all (see above). */
  private readonly rules: MemberRules | undefined;

  constructor(
    readonly holding: string | null,
    requiredPaths: string[],
    members?: MemberSelection,
    private readonly sink?: VerifyOptions['sink'],
  ) {
    this.extractor = holding ? new SafeExtractor(holding) : undefined;
    this.required = requiredPaths.map((pattern) => ({ pattern, matched: false }));
    this.pass = members?.pass();
    this.rules = this.extractor && !this.pass ? undefined : new MemberRules();
    const write: EntryHandler = this.extractor?.handle ?? ((_, stream) => drainEntry(stream));
    this.write = this.pass ? this.pass.handler(write) : write;
  }

  /** The member being handled: a walk that stopped may still be writing it. */
  private inFlight: Promise<void> = Promise.resolve();
  /**
   * The first error a member's handling threw (a refused member, a full disk). The tar pipeline
   * may report only a "premature close" for it: this is what is classified.
   */
  failure: unknown;

  readonly onEntry = (header: TarHeader, stream: Readable): Promise<void> => {
    this.inFlight = this.handle(header, stream).catch((err: unknown) => {
      this.failure ??= err;
      throw err;
    });
    return this.inFlight;
  };

  /** Settles once the member in flight is handled: nothing is written after it, so clean-up may begin. */
  async idle(): Promise<void> {
    await this.inFlight.catch(() => undefined);
  }

  private async handle(header: TarHeader, stream: Readable): Promise<void> {
    // a member's name is read here only when a glob waits for it: the extractor reads its own
    // bytes, and a restore of many small files pays for every string made per member
    const path = this.required.some((r) => !r.matched) ? requiredPathOf(header.name) : undefined;
    if (path !== undefined) {
      for (const r of this.required) if (!r.matched && matchesRequired(path, r.pattern)) r.matched = true;
    }
    const judged = this.rules?.judge(header);
    if (judged && 'refused' in judged) {
      stream.resume();
      throw new UnsafeEntryError(
        `archive member ${quotedName(memberNameBytes(header))} was refused: ${judged.refused}`,
      );
    }
    if (this.extractor) return this.write(header, stream);
    const safe = safeEntryPath(header.name);
    if ('refused' in safe)
      throw new UnsafeEntryError(
        `archive member ${JSON.stringify(header.name)} was refused: ${safe.refused}`,
      );
    if (this.sink) return this.sink(header, stream, safe.path);
    await this.write(header, stream);
  }
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
  /** The size of the object the store sent (null: nothing was downloaded). */
  storedSize: number | null;
  /** The sha256 of the decrypted archive; null unless it was encrypted and read completely. */
  plainSha256: string | null;
  /** The version of the archive object that was read. */
  versionId: string | null;
  contents: { entries: number; uncompressedBytes: number };
}

/**
 * The one pass: GetObject of the archive version the manifest names (what a restore reads; the
 * current one on a store without versioning) -> sha256 -> (age decryption) ->
 * decompression -> the tar walk, bounded by what the manifest records. Records "archive structure".
 */
async function readArchive(run: VerifyRun, walk: ContentsWalk, identity?: string): Promise<ArchiveRead> {
  const { store, logger, manifest: m, checks } = run;
  const feed = new ArchiveFeed(identity);
  const read: ArchiveRead = { ...NOT_READ, contents: { ...NOT_READ.contents } };
  await logger.group(
    `Restoring ${m.archive.key}${walk.holding ? ` into ${walk.holding}` : ' (stream mode: nothing written)'}`,
    async () => {
      const progress = startProgress(logger, 'read', () => feed.stored.bytes, 10_000, m.archive.size);
      // what an unrecognised failure of each step is: a request or a write on this machine fails
      // for the environment, bytes that do not make the archive the manifest describes are the archive's
      let fallback: FailureKind = 'environment';
      // the download's own error (the store's): it arrives first and explains what breaks after it
      let bodyError: unknown;
      let body: Readable | undefined;
      try {
        // before any request: a runtime without the decompressor fails here, having read nothing
        const inspector = new ArchiveInspector(m.compression, {
          onEntry: run.indexWriter ? run.indexWriter.wrap(walk.onEntry) : walk.onEntry,
          // the manifest says what the archive holds: anything beyond it is refused at once
          // (a decompression bomb cannot fill the disk)
          maxEntries: m.entries,
          maxUncompressedBytes: m.uncompressedBytes,
        });
        const download = await store.download(m.archive.key, m.archive.versionId ?? undefined, run.signal);
        body = download.body;
        body.once('error', (err) => (bodyError ??= err));
        read.versionId = download.versionId ?? null;
        read.storedSize = download.size;
        fallback = 'archive';
        const feeding = feed.feed(body, inspector.input);
        feeding.catch(() => undefined);
        // the walk's verdict first: an unsafe member explains a broken feed, not the reverse
        read.contents = await inspector.result;
        await feeding;
        fallback = 'environment';
        await walk.extractor?.finish();
        read.complete = true;
        checks.record(
          'archive structure',
          true,
          m.compression === 'none' ? 'complete tar, not compressed' : `complete ${m.compression} tar`,
        );
      } catch (err) {
        await walk.idle();
        const failure = classifyFailure(
          [interruption(run.signal), bodyError, walk.failure, err, feed.decryptError],
          fallback,
        );
        // not the archive's fault: no check is recorded, runVerify says what failed instead
        if (failure.kind !== 'archive') throw failure.error;
        checks.record('archive structure', false, whyIncomplete(failure.error, feed.decryptError, m));
      } finally {
        // a walk that stopped early releases the connection (read to its end, this changes nothing)
        body?.destroy();
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
  if (isNotFound(err)) {
    return m.archive.versionId
      ? `the archive version the manifest names is gone: ${m.archive.key} has no version ${m.archive.versionId} (deleted for good, by a person or a lifecycle rule); no restore can read it`
      : `the archive is gone: ${m.archive.key} does not exist; no restore can read it`;
  }
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
function checkIntegrity({ manifest: m, checks, logger }: VerifyRun, read: ArchiveRead): void {
  if (!readToTheEnd(read)) {
    // the hash of a prefix says nothing of the object: "sha256 mismatch" would blame the store
    // for an archive whose walk stopped early (archive structure says why)
    logger.info(
      read.storedSize === null
        ? 'sha256 and size: not checked: nothing was downloaded'
        : `sha256 and size: not checked: the walk stopped after ${read.bytes} of the ${read.storedSize} bytes stored`,
    );
    return;
  }
  // every stored byte was hashed: a match proves the object is the backup, even when its walk
  // failed (then the archive was bad when it was made, and archive structure says how)
  checks.record(
    'sha256',
    read.sha256 === m.archive.sha256,
    read.sha256 === m.archive.sha256
      ? m.archive.sha256
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
        : `the store answered with version ${read.versionId ?? 'none'} when asked for the manifest's version ${m.archive.versionId}`,
    );
  }
}

/**
 * The state of the archive key's current version, which a restore by version ignores but a person
 * with `aws s3 cp` (no --version-id) reads: a delete marker, or another version on top of the one
 * the manifest names, is a warning, never a verdict. Nothing to say without versioning (the
 * current object is what was read).
 */
async function checkCurrentVersion(
  { store, manifest: m, checks }: VerifyRun,
  read: ArchiveRead,
): Promise<void> {
  const named = m.archive.versionId;
  // a version that could not be read is the verdict's subject already (archive structure)
  if (!named || read.versionId !== named) return;
  const current = await store.head(m.archive.key);
  if (current?.versionId === named) return;
  const where = store.bucket ? `s3://${store.bucket}/${m.archive.key}` : m.archive.key;
  const restore = `lifeboat restore reads version ${named}, the one the manifest names`;
  checks.warn(
    'current version',
    current
      ? `another version (${current.versionId ?? 'none'}) is on top of ${m.archive.key}: \`aws s3 cp ${where}\` without --version-id gets that one, not this backup; ${restore}`
      : `${m.archive.key} has a delete marker on top (someone deleted the key): \`aws s3 cp ${where}\` without --version-id finds nothing; ${restore}`,
  );
}

/**
 * What was written did not come from an intact copy of the backup: leave nothing to be mistaken
 * for it (and nothing else: HoldingDir.discard). Returns null, the holding directory that is kept.
 */
async function discardHolding(holding: HoldingDir, logger: Logger): Promise<null> {
  await holding.discard();
  logger.info(`removed ${holding.path}: its contents did not come from an intact archive`);
  return null;
}

/** A temporary holding directory after the checks: removed, so that a nightly verify fills no disk. */
async function removeTemporary(holding: HoldingDir, logger: Logger): Promise<null> {
  await holding.discard();
  logger.info(
    `removed the temporary copy in ${holding.path} (give ${words().option('holding-dir')} to keep one)`,
  );
  return null;
}

/**
 * A failure is recorded only when a second read of the object shows the same bytes: a bit flipped
 * on the way (a proxy, the network or this machine's memory; over http nothing else checks a
 * download) must not be recorded as the stored archive's fault (attacker, 2026-12-03). Two cases:
 * - the walk stopped before the object's end: the object is read again into the hash alone, so
 *   that sha256 and size judge all of it, and the bytes the walk saw are compared with the same
 *   range of the second read;
 * - every byte was read, and their sha256 is not the manifest's: the second read must give the
 *   same sha256.
 * Bytes that differ between the two reads, or a second read that fails, are the environment's:
 * the run ends with no verdict. A store that sends the same wrong bytes twice holds them.
 */
async function confirmByReadingAgain(run: VerifyRun, read: ArchiveRead): Promise<void> {
  const { store, manifest: m, logger } = run;
  if (read.storedSize === null) return;
  const toTheEnd = readToTheEnd(read);
  // the bytes are the backup's: a walk that failed on them failed on what was stored at backup time
  if (toTheEnd && read.sha256 === m.archive.sha256) return;
  logger.info(
    toTheEnd
      ? `sha256 mismatch: reading ${m.archive.key} again, to tell bytes changed on the way from a changed object`
      : `the walk stopped after ${read.bytes} of the ${read.storedSize} bytes stored: reading the object again to hash all of it`,
  );
  const object = `${m.archive.key}${m.archive.versionId ? ` (version ${m.archive.versionId})` : ''}`;
  let again: SecondRead;
  try {
    again = await readAgain(
      store,
      m.archive.key,
      m.archive.versionId ?? undefined,
      toTheEnd ? null : read.bytes,
      run.signal,
    );
  } catch (err) {
    throw (
      interruption(run.signal) ??
      new EnvironmentError(
        `the first read of ${object} did not give the backup's bytes, and a second read to confirm it failed: ${errorMessage(err).replace(/\.+$/, '')}.`,
        { cause: err },
      )
    );
  }
  const same = toTheEnd
    ? again.bytes === read.bytes && again.sha256 === read.sha256
    : again.prefixSha256 === read.sha256;
  if (!same) {
    const second =
      again.sha256 === m.archive.sha256 && again.bytes === m.archive.size
        ? "the second has the manifest's sha256 and size: the stored archive is intact"
        : `the second read ${again.bytes} bytes with sha256 ${again.sha256}`;
    throw new EnvironmentError(
      `two reads of ${object} gave different bytes: the first ${toTheEnd ? `read ${read.bytes} bytes with sha256 ${read.sha256}` : `stopped after ${read.bytes} bytes that the second read does not have`}; ${second}. ` +
        "Something between the store and this machine changed bytes on the way (a proxy, the network, this machine's memory): " +
        'over http nothing else checks a download; use an https endpoint, and run again.',
    );
  }
  read.bytes = again.bytes;
  read.sha256 = again.sha256;
  logger.info(
    toTheEnd
      ? `the second read gave the same bytes: ${again.bytes}, sha256 ${again.sha256}`
      : `the second read has the same first ${read.bytes} bytes; all of it: ${again.bytes} bytes, sha256 ${again.sha256}`,
  );
}

/**
 * Every byte the store sent went through the hash: a complete walk, or one that failed only once
 * the object had ended (a truncated object: its size and hash are then the verdict's evidence).
 */
function readToTheEnd(read: ArchiveRead): boolean {
  if (read.complete) return true;
  return read.storedSize !== null && read.bytes >= read.storedSize;
}

/** The size read, and for a complete walk what it found against the manifest and the options. */
function checkContents(
  { manifest: m, checks }: VerifyRun,
  read: ArchiveRead,
  walk: ContentsWalk,
  minEntries: number,
): void {
  if (readToTheEnd(read)) {
    checks.record(
      'size',
      read.bytes === m.archive.size,
      `${read.bytes} bytes read, the manifest records ${m.archive.size}`,
    );
  }
  if (!read.complete) return;
  const { entries, uncompressedBytes } = read.contents;
  checks.record('entries', entries === m.entries, `${entries} entries, the manifest records ${m.entries}`);
  checks.record(
    'uncompressed bytes',
    uncompressedBytes === m.uncompressedBytes,
    `${uncompressedBytes} bytes of tar, the manifest records ${m.uncompressedBytes}`,
  );
  checks.record(
    'min entries',
    entries >= minEntries,
    `${entries} entries; at least ${minEntries} required`,
    'policy',
  );
  for (const r of walk.required) {
    checks.record(
      `required path ${r.pattern}`,
      r.matched,
      r.matched ? 'present' : `no entry matches ${r.pattern}`,
      'policy',
    );
  }
}

/** PRAGMA integrity_check of every restored file each sqlite glob matches (extract mode). */
async function checkSqlite(
  { checks, signal }: VerifyRun,
  extractor: SafeExtractor,
  holding: string,
  patterns: string[],
): Promise<void> {
  // without a glob there is nothing to list: the list of every restored file is one string per
  // member (200,000 files: ~100 MiB of heap and seconds at the end of the restore, bench/NOTES.md)
  if (patterns.length === 0) return;
  const files = [...extractor.written].filter(([, t]) => t === 'file').map(([p]) => p);
  for (const pattern of patterns) {
    const matches = files.filter((f) => globMatch(f, pattern, { dot: true }));
    if (matches.length === 0)
      checks.record(`sqlite ${pattern}`, false, `no restored file matches ${pattern}`, 'policy');
    for (const f of matches) {
      const v = await sqliteIntegrity(join(holding, f), signal);
      // a signal during a check: the run stops as interrupted, never with the verdict of the rest
      const stopped = interruption(signal);
      if (stopped) throw stopped;
      if (v.kind === 'ok') {
        checks.record(`sqlite ${f}`, true, `integrity_check ok${v.note ? ` (${v.note})` : ''}`);
        if (v.note?.startsWith('an empty file'))
          checks.warn(`sqlite ${f}`, `${f} is empty (0 bytes): ${v.note}`);
      } else if (v.kind === 'not-sqlite') {
        // the glob matched another kind of file: the archive holds what the volume held
        checks.record(
          `sqlite ${f}`,
          false,
          `${v.message}: the glob ${pattern} matched another kind of file; narrow ${words().name('sqlite')}`,
          'policy',
        );
      } else {
        checks.record(`sqlite ${f}`, false, `integrity_check failed: ${v.message}`);
      }
    }
  }
}

/** After every check passed: the snapshot streamed into `<path>/.lifeboat-restore/<id>/` on the machine. */
async function restoreCopy(
  run: VerifyRun,
  restoreTo: NonNullable<VerifyOptions['restoreTo']>,
  identity?: string,
  members?: MemberSelection,
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
        ...(members ? { members } : {}),
      });
      checks.record('restore to machine', true, `restored into ${restoredTo}`);
      return restoredTo;
    } catch (err) {
      // every check of the archive passed on this very version: what fails now is the machine (a
      // missing path, a full disk, its tar), the link or a second read, never the archive. It was
      // recorded as "restorable: false", which sent a person to an older snapshot (newcomer,
      // 2026-12-03); runVerify ends the run with no verdict, naming the machine
      const stopped = interruption(run.signal);
      if (stopped) throw stopped;
      const where = `${source.description.app ?? source.description.host ?? source.label}:${path}`;
      throw new EnvironmentError(
        `snapshot ${manifest.snapshotId} passed every check of the archive, but restoring it into ${where} failed: ${errorMessage(err)}`,
        { cause: err },
      );
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
  const report = buildVerification({
    manifest: m,
    target: options.target,
    mode: options.mode,
    checks: run.checks.checks,
    warnings: run.checks.warnings,
    // by the storage's clock: a runner clock hours ahead dated the record in the future, and the
    // listing then distrusted it in place of a good one (attacker, 2026-12-03)
    verifiedAt: options.writeReport ? await store.serverTime() : now(),
    ageSeconds: outcome.ageSeconds,
    restoreSeconds,
    bytes: read.bytes,
    contents: read.contents,
    actualVersionId: read.versionId,
    // no bytes were read: none has a sha256
    actualSha256: read === NOT_READ ? null : read.sha256,
    restoredTo: outcome.restoredTo,
  });
  if (read !== NOT_READ) {
    // the size and rate of what was restored (the tar), beside what was read of the store
    const restored = read.contents.uncompressedBytes;
    logger.info(
      `restore of ${formatBytes(restored)} (${formatBytes(read.bytes)} stored) took ${report.restoreSeconds.toFixed(2)} s (${formatRate(restored, restoreSeconds)})`,
    );
  }
  const reportKey = layout.verificationKey(m.snapshotId);
  const written = options.writeReport && (await snapshotStillThere(run, layout));
  if (written) await store.putJson(reportKey, report);
  return {
    report,
    manifest: m,
    reportKey: written ? reportKey : '',
    holdingDir: outcome.holdingDir,
    failure: failureMessage(m.snapshotId, options.target, report),
  };
}

/**
 * What a person reads of a verification that did not pass: "failed" only when the archive does not
 * restore as recorded; a good archive that misses a policy is "restorable, but it lacks ...".
 */
function failureMessage(id: string, target: string, report: Verification): string {
  const { broken, lacking, read } = drillOutcome(report);
  const listed = (cs: readonly Check[]) => cs.map((c) => `${c.name}: ${c.detail}`).join('; ');
  // a policy that failed before the download (the index, max-age): the archive was not read
  if (broken.length > 0) {
    return `Verification of snapshot ${id} of ${target} failed: ${listed([...broken, ...lacking])}`;
  }
  if (!read && lacking.length > 0) {
    return (
      `Verification of snapshot ${id} of ${target} failed: ${listed(lacking)} ` +
      '(the snapshot index proves it; the archive was not downloaded, so whether it restores is not proven)'
    );
  }
  if (lacking.length === 0) return '';
  // lackingWords already carries each check's detail: said once, not again in brackets
  return `Snapshot ${id} of ${target} is ${lackingWords(lacking)}: it is not the backup that was asked for.`;
}

/**
 * Checked right before verification.json is written: a snapshot pruned while it was verified has
 * no folder any more, and a verification must not bring one back.
 */
async function snapshotStillThere(
  { store, logger, manifest: m }: VerifyRun,
  layout: TargetLayout,
): Promise<boolean> {
  if (await store.head(layout.manifestKey(m.snapshotId))) return true;
  logger.warning(
    `snapshot ${m.snapshotId} was removed while it was verified (pruned?): no verification.json is written for it`,
  );
  return false;
}
