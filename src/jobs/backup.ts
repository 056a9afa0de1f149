import { words } from '../util/vocabulary.js';
import { randomUUID } from 'node:crypto';
import { buildArchiveScript, type RequestedCompression } from '../archive/remote-script.js';
import { streamArchiveToStore, type CompressedOn, type StreamedArchive } from '../archive/stream-to-store.js';
import {
  ConfigurationError,
  EnvironmentError,
  errorMessage,
  InterruptedError,
  OperationFailedError,
} from '../util/errors.js';
import { TargetLayout } from '../catalog/layout.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { MANIFEST_SCHEMA_VERSION, type Manifest, type PreviousSnapshot } from '../catalog/manifest.js';
import { moveLatest } from '../catalog/move-latest.js';
import { logPlan, MAX_PUBLISH_MS, planTargetPrune, retainAfterWrite } from '../catalog/prune.js';
import { isEmptyPolicy, type RetentionPolicy } from '../catalog/retention.js';
import { listSnapshots, readLatest, readManifest, type StoredLatest } from '../catalog/listing.js';
import { makeSnapshotId } from '../catalog/snapshot-id.js';
import { snapshotTime } from '../catalog/snapshot-time.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import { detectConditionalWrites } from '../storage/conditional-writes.js';
import { dryRunStore } from '../storage/dry-run-store.js';
import { claimKey, endClaim, releaseClaim, type KeyClaim } from '../storage/key-claim.js';
import type { ObjectStore } from '../storage/object-store.js';
import { requireVersioning } from '../storage/require-versioning.js';
import { storageClock } from '../storage/server-clock.js';
import { formatBytes, formatDuration } from '../util/format.js';
import { LIFEBOAT_VERSION } from '../util/version.js';
import { onInterrupt } from '../util/interrupt-cleanup.js';
import {
  changeSincePrevious,
  indexShrinkReasons,
  type ChangeSummary,
  type IndexGuard,
} from './backup-changes.js';

export interface BackupOptions {
  target: string;
  prefix: string;
  path: string;
  excludes: string[];
  preCommand?: string;
  compression: RequestedCompression;
  label?: string;
  retention: RetentionPolicy;
  /** Below this fraction of the previous good snapshot's size or entries, the backup is suspect. */
  minSizeRatio: number;
  allowShrink: boolean;
  /**
   * Store this snapshot in the clear although the previous good one was age-encrypted. Without it
   * such a backup is refused before anything is read: a dropped recipients setting would otherwise
   * put the next copy of data someone chose to encrypt into the bucket readable by its keys.
   */
  allowUnencrypted?: boolean;
  /** The guard's rules that read the indexes (files gone, a large file truncated); absent: off. */
  indexGuard?: IndexGuard;
  requireVersioning: boolean;
  /** Write nothing to the bucket: stream and judge the archive, report what would be stored and pruned. */
  dryRun: boolean;
  /** age X25519 recipients; when set the stored archive is age-encrypted (client side). */
  encryptionRecipients?: string[];
  progressIntervalMs?: number;
  /** Write the snapshot's index in the same pass (default true; false only to measure its cost). */
  writeIndex?: boolean;
  /**
   * Fail (an environment fault) when the source sends no byte for this long while lifeboat is
   * ready to read, from the stream's header on (archive/source-idle-watch.ts); 0 or absent: never.
   */
  sourceIdleTimeoutMs?: number;
}

export interface BackupDeps {
  store: ObjectStore;
  source: ArchiveSource;
  logger: Logger;
  /** The runner's clock (the storage's is measured against it: storage/server-clock.ts). */
  now?: () => Date;
  signal?: AbortSignal;
}

export interface BackupResult {
  status: 'ok' | 'suspect';
  /** Why the backup is suspect; empty when ok. */
  message: string;
  snapshotId: string;
  archiveKey: string;
  manifestKey: string;
  versionId: string;
  sha256: string;
  sizeBytes: number;
  entries: number;
  uncompressedBytes: number;
  compression: string;
  /** Where the archive was compressed: on the source machine, or on the runner (auto, no zstd there). */
  compressedOn: CompressedOn;
  durationSeconds: number;
  previous: PreviousSnapshot | null;
  /** What changed since the previous good snapshot, from the two indexes (absent when either has none). */
  changes?: ChangeSummary;
  pruned: string[];
  /** With dryRun: what retention would have deleted. */
  wouldPrune: string[];
  warnings: string[];
  /** A dry run: nothing was written; the keys and version are what a real run would have made. */
  dryRun: boolean;
}

/**
 * One backup of one target: preflight checks (the storage's clock among them), the streamed
 * archive, the wiped-volume guard, the manifest, the latest pointer (last, and only for a good
 * snapshot), then retention. A failure at any step leaves latest.json and every earlier snapshot
 * as they were. Once the archive is stored, a signal (SIGTERM, a cancelled job) no longer stops
 * the publish, which takes about a second: the manifest and latest.json are written, retention is
 * skipped, and the run then fails as interrupted, naming what it published. A dry run writes
 * nothing to the bucket: it streams and judges the archive as a real run would and reports what it
 * would store and what retention would prune.
 */
export async function runBackup(options: BackupOptions, deps: BackupDeps): Promise<BackupResult> {
  const { store, source, logger } = deps;
  const runner = deps.now ?? (() => new Date());
  const startedHere = runner();
  const layout = new TargetLayout(options.prefix, options.target);

  const pre = await logger.group('Preflight', async () => {
    const tools = await source.preflight(deps.signal);
    await store.checkAccess();
    if (options.requireVersioning) await requireVersioning(store, 'backup', 'bucket');
    const clock = await storageClock(store, runner);
    const latest = await readLatest(store, layout);
    // the version latest.json names: a delete marker on manifest.json does not hide it
    const named = latest
      ? await readManifest(
          store,
          layout,
          latest.pointer.snapshotId,
          latest.pointer.manifestVersionId ?? undefined,
        )
      : undefined;
    // without the snapshot latest.json names, the guard compares with the newest good one listed:
    // a deleted latest.json turned it off, and an empty volume replaced the backup (2026-12-03)
    const previous = named?.manifest ?? (await newestGoodListed(store, layout, latest, logger));
    refuseSilentDecryption(options, previous);
    logger.info(
      previous
        ? `previous good snapshot: ${previous.snapshotId} (${formatBytes(previous.archive.size)})`
        : `no previous snapshot of target ${options.target}: this is the first`,
    );
    // a dry run writes nothing, not even the probe
    const conditionalWrites =
      !options.dryRun && (await detectConditionalWrites(store, layout.conditionalWriteProbeKey, logger));
    return {
      tools,
      latest,
      previous,
      now: clock.now,
      started: new Date(startedHere.getTime() + clock.offsetMs),
      conditionalWrites,
    };
  });

  if (options.dryRun) {
    const snapshotId = makeSnapshotId(pre.now(), options.label);
    return dryRunSnapshot(options, deps, { layout, snapshotId, pre });
  }
  const claimed = await claimSnapshotId(store, layout, pre, options.label);
  // a signal releases the claim at once, beside the upload's abort (util/interrupt-cleanup.ts):
  // no later run can want this id (its folder is not empty once the archive is stored)
  const release = onInterrupt(deps.signal, `the claim ${claimed.claim.key}`, () =>
    endClaim(store, claimed.claim),
  );
  try {
    return await backupSnapshot(options, deps, { layout, snapshotId: claimed.id, pre });
  } finally {
    await release.run().catch((err: unknown) => {
      logger.warning(`could not remove ${claimed.claim.key}: ${errorMessage(err)}`);
    });
  }
}

interface BackupContext {
  layout: TargetLayout;
  snapshotId: string;
  pre: {
    tools: Record<string, string>;
    latest: Awaited<ReturnType<typeof readLatest>>;
    previous?: Manifest;
    /** The storage's clock (storage/server-clock.ts). */
    now: () => Date;
    /** When the run started, by the storage's clock. */
    started: Date;
    conditionalWrites: boolean;
  };
}

/** The archive of one snapshot id, streamed into `store`, and the wiped-volume guard's verdict on it. */
interface JudgedArchive {
  archive: StreamedArchive;
  status: 'ok' | 'suspect';
  shrink: string;
  previous: PreviousSnapshot | null;
  changes?: ChangeSummary;
  manifest: Manifest;
}

async function streamAndJudge(
  options: BackupOptions,
  deps: BackupDeps,
  ctx: BackupContext,
  store: ObjectStore,
): Promise<JudgedArchive> {
  const { source, logger } = deps;
  const { layout, snapshotId, pre } = ctx;
  const script = buildArchiveScript({
    path: options.path,
    compression: options.compression,
    excludes: options.excludes,
    preCommand: options.preCommand,
  });
  const archive = await logger.group(`Streaming ${options.path} to ${store.description}`, () =>
    streamArchiveToStore({
      source,
      script,
      path: options.path,
      store,
      layout,
      snapshotId,
      logger,
      signal: deps.signal,
      progressIntervalMs: options.progressIntervalMs ?? 10_000,
      encryptionRecipients: options.encryptionRecipients,
      writeIndex: options.writeIndex ?? true,
      // auto on a machine without zstd sends plain tar, compressed here (remote-script.ts)
      runnerCompresses: options.compression === 'auto',
      sourceIdleTimeoutMs: options.sourceIdleTimeoutMs ?? 0,
    }),
  );
  // nothing but the volume's root: an empty or unmounted volume; a restore gives back an empty folder
  if (archive.entries === 1 && !pre.previous) {
    archive.warnings.push(
      `${options.path} holds nothing but itself (the archive's one entry is the folder): an empty or unmounted volume? A restore of this snapshot gives back an empty folder.`,
    );
  }
  for (const w of archive.warnings) logger.warning(w);

  const previous = pre.previous ? comparePrevious(pre.previous, archive) : null;
  // a dry run stored no index to compare: only a real run reports what changed
  const changes =
    pre.previous && !options.dryRun
      ? await changeSincePrevious(deps.store, layout, pre.previous, archive.index, logger, options.indexGuard)
      : undefined;
  const shrink = [
    previous ? shrinkReason(previous, archive, options.minSizeRatio) : '',
    changes && options.indexGuard ? indexShrinkReasons(changes, options.indexGuard) : '',
    // not even the root: the excludes left out everything (it was published as ok, then failed verify)
    archive.entries === 0
      ? `the archive holds no entry at all, not even ${options.path} itself: the excludes leave out everything`
      : '',
  ]
    .filter(Boolean)
    .join('; and ');
  const status = shrink && !options.allowShrink ? 'suspect' : 'ok';
  if (shrink && options.allowShrink)
    logger.warning(`${shrink}; accepted because ${words().name('allow-shrink')} is true`);

  const completed = pre.now();
  const manifest: Manifest = {
    schema: MANIFEST_SCHEMA_VERSION,
    snapshotId,
    target: options.target,
    status,
    ...(status === 'suspect' ? { statusReason: shrink } : {}),
    created: pre.started.toISOString(),
    completed: completed.toISOString(),
    durationSeconds: round((completed.getTime() - pre.started.getTime()) / 1000),
    source: {
      ...source.description,
      path: options.path,
      excludes: options.excludes,
      preCommand: Boolean(options.preCommand),
    },
    tools: { lifeboat: LIFEBOAT_VERSION, ...pre.tools },
    compression: archive.compression,
    ...(archive.compressedOn === 'runner' ? { compressedOn: 'runner' as const } : {}),
    archive: {
      key: archive.key,
      versionId: archive.versionId,
      etag: archive.etag,
      size: archive.size,
      sha256: archive.sha256,
      ...(archive.serverSideEncryption ? { serverSideEncryption: archive.serverSideEncryption } : {}),
    },
    entries: archive.entries,
    uncompressedBytes: archive.uncompressedBytes,
    warnings: archive.warnings,
    previous,
    ...(archive.plaintext
      ? {
          encryption: {
            format: 'age' as const,
            recipients: options.encryptionRecipients ?? [],
            plaintextSize: archive.plaintext.size,
            plaintextSha256: archive.plaintext.sha256,
          },
        }
      : {}),
    ...(archive.index ? { index: archive.index } : {}),
  };
  return { archive, status, shrink, previous, manifest, ...(changes ? { changes } : {}) };
}

function resultOf(judged: JudgedArchive, manifestKey: string, dryRun: boolean): BackupResult {
  const { archive, status, manifest } = judged;
  return {
    status,
    message: status === 'suspect' ? suspectMessage(judged.shrink, manifest.snapshotId, dryRun) : '',
    snapshotId: manifest.snapshotId,
    archiveKey: archive.key,
    manifestKey,
    versionId: archive.versionId ?? '',
    sha256: archive.sha256,
    sizeBytes: archive.size,
    entries: archive.entries,
    uncompressedBytes: archive.uncompressedBytes,
    compression: archive.compression,
    compressedOn: archive.compressedOn,
    durationSeconds: manifest.durationSeconds,
    previous: judged.previous,
    ...(judged.changes ? { changes: judged.changes } : {}),
    pruned: [],
    wouldPrune: [],
    warnings: archive.warnings,
    dryRun,
  };
}

/**
 * The archive, the manifest, latest.json and retention of one claimed snapshot id. A signal that
 * arrives once the archive is stored lets the publish finish and skips retention (see runBackup).
 */
async function backupSnapshot(
  options: BackupOptions,
  deps: BackupDeps,
  ctx: BackupContext,
): Promise<BackupResult> {
  const { store, logger } = deps;
  const { layout, snapshotId, pre } = ctx;
  const manifestKey = layout.manifestKey(snapshotId);
  const judged = await streamAndJudge(options, deps, ctx, store);
  const { manifest, status } = judged;

  // a live run never publishes so late that prune could take its folder for a leftover
  const running = pre.now().getTime() - snapshotTime(snapshotId).getTime();
  if (running > MAX_PUBLISH_MS) {
    throw new OperationFailedError(
      `the backup of ${options.target} ran ${formatDuration(running / 1000)}, longer than the ${formatDuration(MAX_PUBLISH_MS / 1000)} ` +
        `after which prune may take an unfinished snapshot for a leftover: snapshot ${snapshotId} was not published ` +
        `(its archive stays until retention removes it). Back up less at once (exclude, or split the path into targets).`,
    );
  }
  const manifestVersion = await store.putJson(manifestKey, manifest);
  const result = resultOf(judged, manifestKey, false);
  if (status === 'ok') {
    await moveLatest(store, layout, {
      manifest,
      manifestVersionId: manifestVersion.versionId ?? null,
      seenAtStart: pre.latest,
      run: 'backup',
      now: pre.now,
      logger,
      conditionalWrites: pre.conditionalWrites,
    });
  }
  if (deps.signal?.aborted) {
    const published =
      status === 'ok'
        ? `its manifest was written and latest.json names it`
        : `it was stored as suspect and latest.json was not moved`;
    throw new EnvironmentError(
      `the backup was ${errorMessage(deps.signal.reason ?? 'interrupted')} after its archive was stored: snapshot ${snapshotId} ` +
        `was published (${published}); retention was skipped (the next backup applies it).`,
    );
  }
  if (status === 'suspect') return result;

  try {
    result.pruned = await retainAfterWrite(store, layout, options.retention, { title: 'Retention', logger });
  } catch (err) {
    // the snapshot is published: an access-denied delete is not "nothing was changed" (exit 2,
    // and no snapshot id in --json), but a run that did its work and could not prune
    // (attacker, 2026-12-03)
    if (err instanceof InterruptedError) throw err;
    throw new OperationFailedError(
      `snapshot ${snapshotId} was published (its manifest is written and latest.json names it), but retention failed: ${errorMessage(err)} ` +
        'The next backup applies retention again; a key without s3:DeleteObject needs it (README, "IAM policies"), or set every keep-* to 0 to turn retention off.',
      { cause: err },
    );
  }
  result.durationSeconds = round((pre.now().getTime() - pre.started.getTime()) / 1000);
  return result;
}

/**
 * A dry run: the archive is streamed and judged as in a real run, into a store that drops every
 * write (storage/dry-run-store.ts); no claim, manifest or latest.json is written and nothing is
 * pruned. It reports what it would store, whether latest.json would move, and what retention
 * would prune once the snapshot were stored.
 */
async function dryRunSnapshot(
  options: BackupOptions,
  deps: BackupDeps,
  ctx: BackupContext,
): Promise<BackupResult> {
  const { store, logger } = deps;
  const { layout, snapshotId } = ctx;
  const judged = await streamAndJudge(options, deps, ctx, dryRunStore(store));
  const result = resultOf(judged, layout.manifestKey(snapshotId), true);
  const { archive, status } = judged;
  logger.info(
    `dry run: would store ${store.description}/${archive.key} (${formatBytes(archive.size)}, sha256 ${archive.sha256}) ` +
      `and its manifest, then ${status === 'ok' ? `move latest.json to ${snapshotId}` : 'leave latest.json as it is (suspect)'}; nothing was written`,
  );
  if (status === 'ok' && !isEmptyPolicy(options.retention)) {
    await logger.group('Retention (dry run)', async () => {
      const plan = await planTargetPrune(store, layout, options.retention, {
        id: snapshotId,
        time: snapshotTime(snapshotId),
        state: 'ok',
        manifest: judged.manifest,
      });
      logPlan(plan, logger);
      result.wouldPrune = plan.remove.map((e) => e.id);
      logger.info(
        result.wouldPrune.length
          ? `dry run: would prune ${result.wouldPrune.join(', ')}`
          : 'dry run: nothing to prune',
      );
    });
  }
  return result;
}

/**
 * The id of a snapshot is its start second by the storage's clock. The run claims it through
 * `claim.json` in the folder (key-claim.ts): when two runs of one target start in the same second
 * exactly one holds it and the other moves on to the next free second. The claim is released when
 * the run ends (a lost one at once).
 */
async function claimSnapshotId(
  store: ObjectStore,
  layout: TargetLayout,
  pre: BackupContext['pre'],
  label?: string,
): Promise<{ id: string; claim: KeyClaim }> {
  const { now } = pre;
  for (let attempt = 0; attempt < 10; attempt++) {
    const id = makeSnapshotId(now(), label);
    if ((await store.listKeys(layout.snapshotPrefix(id))).length === 0) {
      const claim = await claimKey(
        store,
        layout.claimKey(id),
        { claimedBy: randomUUID(), claimed: now().toISOString() },
        Number.POSITIVE_INFINITY,
        pre.conditionalWrites,
      );
      if (claim.held) return { id, claim };
      await releaseClaim(store, claim, silentLogger);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 - (now().getTime() % 1000) + 5));
  }
  throw new OperationFailedError(
    `no free snapshot id for target ${layout.target}: other backups of it are starting every second. ` +
      `Run backups of one target one at a time (a workflow concurrency group per target).`,
  );
}

/**
 * The newest good snapshot of the listing, for a run whose latest.json is missing or names a
 * snapshot without a manifest (deleted, a delete marker, a lifecycle rule): said in a warning.
 * None when the target has no good snapshot at all (a first backup: one listing, no folder).
 */
async function newestGoodListed(
  store: ObjectStore,
  layout: TargetLayout,
  latest: StoredLatest | undefined,
  logger: Logger,
): Promise<Manifest | undefined> {
  const good = (await listSnapshots(store, layout)).find((e) => e.state === 'ok' && e.manifest);
  const why = latest
    ? `latest.json names snapshot ${latest.pointer.snapshotId}, whose manifest is missing`
    : `${layout.latestKey} is missing (deleted, or a delete marker on it)`;
  if (!good?.manifest) {
    if (latest)
      logger.warning(
        `${why}, and no other good snapshot is listed: the size guard has nothing to compare with.`,
      );
    return undefined;
  }
  logger.warning(
    `${why}, but the listing holds good snapshots: the wiped-volume guard compares with the newest, ${good.id} ` +
      `(${formatBytes(good.manifest.archive.size)}, ${good.manifest.entries} entries).`,
  );
  return good.manifest;
}

function comparePrevious(prev: Manifest, archive: StreamedArchive): PreviousSnapshot {
  return {
    snapshotId: prev.snapshotId,
    size: prev.archive.size,
    entries: prev.entries,
    sizeRatio: prev.archive.size > 0 ? round(archive.size / prev.archive.size, 4) : null,
    entriesRatio: prev.entries > 0 ? round(archive.entries / prev.entries, 4) : null,
  };
}

function shrinkReason(prev: PreviousSnapshot, archive: StreamedArchive, minRatio: number): string {
  if (minRatio <= 0) return '';
  const problems: string[] = [];
  if (prev.sizeRatio !== null && prev.sizeRatio < minRatio) {
    problems.push(
      `size ${formatBytes(archive.size)} is ${pct(prev.sizeRatio)} of the previous ${formatBytes(prev.size)}`,
    );
  }
  if (prev.entriesRatio !== null && prev.entriesRatio < minRatio) {
    problems.push(`${archive.entries} entries is ${pct(prev.entriesRatio)} of the previous ${prev.entries}`);
  }
  if (problems.length === 0) return '';
  return `the new archive is much smaller than snapshot ${prev.snapshotId}: ${problems.join(' and ')} (min-size-ratio ${minRatio})`;
}

/** The previous good snapshot was age-encrypted and this backup is not: refused unless allowed. */
function refuseSilentDecryption(options: BackupOptions, previous: Manifest | undefined): void {
  if (!previous?.encryption || options.encryptionRecipients?.length || options.allowUnencrypted) return;
  const w = words();
  throw new ConfigurationError(
    `The previous snapshot of target ${options.target}, ${previous.snapshotId}, is age-encrypted ` +
      `(for ${previous.encryption.recipients.join(', ')}), and this backup has no ${w.name('encryption-recipients')}: ` +
      `it would be stored in the clear, readable by anyone with the bucket's keys. Give ${w.name('encryption-recipients')} ` +
      `as before, or ${w.set('allow-unencrypted', true)} to store it unencrypted on purpose. Nothing was read or written.`,
  );
}

function suspectMessage(shrink: string, id: string, dryRun: boolean): string {
  const stored = dryRun
    ? `This dry run stored nothing; a real run would store snapshot ${id} with status "suspect", move no latest.json and prune nothing.`
    : `Snapshot ${id} was stored with status "suspect", latest.json was not moved and nothing was pruned.`;
  return (
    `Backup is suspect: ${shrink}. Was the volume wiped? ${stored} ` +
    `If the shrink is intended, re-run with ${words().setting('allow-shrink', true)}.`
  );
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
