import { buildArchiveScript, type RequestedCompression } from '../archive/remote-script.js';
import { streamArchiveToStore, type StreamedArchive } from '../archive/stream-to-store.js';
import { OperationFailedError } from '../util/errors.js';
import { TargetLayout } from '../catalog/layout.js';
import type { Logger } from '../util/logger.js';
import { MANIFEST_SCHEMA_VERSION, type Manifest, type PreviousSnapshot } from '../catalog/manifest.js';
import { moveLatest } from '../catalog/move-latest.js';
import { retainAfterWrite } from '../catalog/prune.js';
import type { RetentionPolicy } from '../catalog/retention.js';
import { readLatest, readManifest } from '../catalog/listing.js';
import { makeSnapshotId } from '../catalog/snapshot-id.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import { claimKey, releaseClaim } from '../storage/key-claim.js';
import type { ObjectStore } from '../storage/object-store.js';
import { requireVersioning } from '../storage/require-versioning.js';
import { formatBytes } from '../util/format.js';
import { LIFEBOAT_VERSION } from '../util/version.js';
import { randomUUID } from 'node:crypto';

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
  requireVersioning: boolean;
  /** Prune nothing; report what retention would delete. */
  dryRun: boolean;
  /** age X25519 recipients; when set the stored archive is age-encrypted (client side). */
  encryptionRecipients?: string[];
  progressIntervalMs?: number;
}

export interface BackupDeps {
  store: ObjectStore;
  source: ArchiveSource;
  logger: Logger;
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
  durationSeconds: number;
  previous: PreviousSnapshot | null;
  pruned: string[];
  /** With dryRun: what retention would have deleted. */
  wouldPrune: string[];
  warnings: string[];
}

/**
 * One backup of one target: preflight checks, the streamed archive, the wiped-volume guard,
 * the manifest, the latest pointer (last, and only for a good snapshot), then retention.
 * A failure at any step leaves latest.json and every earlier snapshot as they were.
 */
export async function runBackup(options: BackupOptions, deps: BackupDeps): Promise<BackupResult> {
  const { store, source, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const started = now();
  const layout = new TargetLayout(options.prefix, options.target);

  const pre = await logger.group('Preflight', async () => {
    const tools = await source.preflight(deps.signal);
    await store.checkAccess();
    if (options.requireVersioning) await requireVersioning(store, 'backup', 'bucket');
    const latest = await readLatest(store, layout);
    const previous = latest ? await readManifest(store, layout, latest.pointer.snapshotId) : undefined;
    if (latest && !previous) {
      logger.warning(
        `latest.json names snapshot ${latest.pointer.snapshotId}, whose manifest is missing: the size guard has nothing to compare with.`,
      );
    }
    logger.info(
      latest
        ? `previous good snapshot: ${latest.pointer.snapshotId} (${formatBytes(latest.pointer.size)})`
        : `no previous snapshot of target ${options.target}: this is the first`,
    );
    return { tools, latest, previous: previous?.manifest };
  });

  const { id: snapshotId, claimedKey } = await claimSnapshotId(store, layout, now, options.label);
  try {
    return await backupSnapshot(options, deps, { layout, snapshotId, started, pre, now });
  } finally {
    await releaseClaim(store, claimedKey, logger);
  }
}

interface BackupContext {
  layout: TargetLayout;
  snapshotId: string;
  started: Date;
  pre: { tools: Record<string, string>; latest: Awaited<ReturnType<typeof readLatest>>; previous?: Manifest };
  now: () => Date;
}

/** The stream, the guard, the manifest, latest and retention of one claimed snapshot id. */
async function backupSnapshot(
  options: BackupOptions,
  deps: BackupDeps,
  ctx: BackupContext,
): Promise<BackupResult> {
  const { store, source, logger } = deps;
  const { layout, snapshotId, started, pre, now } = ctx;
  const manifestKey = layout.manifestKey(snapshotId);

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
    }),
  );
  for (const w of archive.warnings) logger.warning(w);

  const previous = pre.previous ? comparePrevious(pre.previous, archive) : null;
  const shrink = previous ? shrinkReason(previous, archive, options.minSizeRatio) : '';
  const status = shrink && !options.allowShrink ? 'suspect' : 'ok';
  if (shrink && options.allowShrink) logger.warning(`${shrink}; accepted because allow-shrink is true`);

  const completed = now();
  const manifest: Manifest = {
    schema: MANIFEST_SCHEMA_VERSION,
    snapshotId,
    target: options.target,
    status,
    ...(status === 'suspect' ? { statusReason: shrink } : {}),
    created: started.toISOString(),
    completed: completed.toISOString(),
    durationSeconds: round((completed.getTime() - started.getTime()) / 1000),
    source: {
      ...source.description,
      path: options.path,
      excludes: options.excludes,
      preCommand: Boolean(options.preCommand),
    },
    tools: { lifeboat: LIFEBOAT_VERSION, ...pre.tools },
    compression: archive.compression,
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
  };
  const manifestVersion = await store.putJson(manifestKey, manifest);

  const result: BackupResult = {
    status,
    message: status === 'suspect' ? suspectMessage(shrink, snapshotId) : '',
    snapshotId,
    archiveKey: archive.key,
    manifestKey,
    versionId: archive.versionId ?? '',
    sha256: archive.sha256,
    sizeBytes: archive.size,
    entries: archive.entries,
    uncompressedBytes: archive.uncompressedBytes,
    compression: archive.compression,
    durationSeconds: manifest.durationSeconds,
    previous,
    pruned: [],
    wouldPrune: [],
    warnings: archive.warnings,
  };
  if (status === 'suspect') return result;

  await moveLatest(store, layout, {
    manifest,
    manifestVersionId: manifestVersion.versionId ?? null,
    seenAtStart: pre.latest,
    run: 'backup',
    now,
    logger,
  });

  const retention = await retainAfterWrite(store, layout, options.retention, {
    title: 'Retention',
    dryRun: options.dryRun,
    logger,
  });
  result.pruned = retention.pruned;
  result.wouldPrune = retention.wouldPrune;
  result.durationSeconds = round((now().getTime() - started.getTime()) / 1000);
  return result;
}

/**
 * The id of a snapshot is its start second. The run claims it through the versions of
 * `claim.json` in the folder (key-claim.ts): when two runs of one target start in the same second
 * exactly one holds it and the other moves on to the next free second. The claim is deleted when
 * the run ends.
 */
async function claimSnapshotId(
  store: ObjectStore,
  layout: TargetLayout,
  now: () => Date,
  label?: string,
): Promise<{ id: string; claimedKey: string }> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const id = makeSnapshotId(now(), label);
    if ((await store.listKeys(layout.snapshotPrefix(id))).length === 0) {
      const claim = await claimKey(store, layout.claimKey(id), {
        claimedBy: randomUUID(),
        claimed: now().toISOString(),
      });
      if (claim.held) return { id, claimedKey: claim.key };
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 - (now().getTime() % 1000) + 5));
  }
  throw new OperationFailedError(
    `no free snapshot id for target ${layout.target}: other backups of it are starting every second. ` +
      `Run backups of one target one at a time (a workflow concurrency group per target).`,
  );
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

function suspectMessage(shrink: string, id: string): string {
  return (
    `Backup is suspect: ${shrink}. Was the volume wiped? Snapshot ${id} was stored with status "suspect", ` +
    `latest.json was not moved and nothing was pruned. If the shrink is intended, re-run with allow-shrink: true.`
  );
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
