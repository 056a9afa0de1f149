import { words } from '../util/vocabulary.js';
import { requireVersioning } from '../storage/require-versioning.js';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ArchiveTap } from '../archive/archive-tap.js';
import { hashStream } from '../archive/hash-counter.js';
import { ConfigurationError, OperationFailedError, errorMessage } from '../util/errors.js';
import { formatBytes, formatCompression, formatRate } from '../util/format.js';
import { archiveContentType, TargetLayout } from '../catalog/layout.js';
import type { Logger } from '../util/logger.js';
import type { Manifest } from '../catalog/manifest.js';
import { moveLatest } from '../catalog/move-latest.js';
import { retainAfterWrite } from '../catalog/prune.js';
import type { RetentionPolicy } from '../catalog/retention.js';
import { selectSnapshot, type SnapshotSelector } from '../catalog/select-snapshot.js';
import { schemaErrors } from '../catalog/schemas.js';
import { latestTime, readLatest, readManifest, type StoredLatest } from '../catalog/listing.js';
import { isNewer, snapshotTime } from '../catalog/snapshot-time.js';
import { verificationVerdict, type VerificationState } from '../catalog/verification.js';
import { startProgress } from '../util/progress.js';
import type { ObjectStore, ObjectVersion } from '../storage/object-store.js';
import { partSizeFor, UPLOAD_QUEUE_SIZE } from '../storage/part-size.js';
import { MAX_SERVER_SIDE_COPY_BYTES, type ServerSideCopy } from '../storage/server-side-copy.js';
import { detectConditionalWrites } from '../storage/conditional-writes.js';
import { storageClock } from '../storage/server-clock.js';
import { findIndex, indexPointerFor } from '../catalog/index-reader.js';
import { copyIndex, type CopiedIndex, type IndexCopyContext } from './copy-index.js';

export interface CopyOptions {
  target: string;
  /** Prefix of the target on the source and on the destination. */
  sourcePrefix: string;
  destinationPrefix: string;
  snapshot: SnapshotSelector;
  /** Copy only a snapshot whose verification.json passed for the manifest's sha256. */
  requireVerified: boolean;
  /** Refuse a destination bucket without versioning enabled. */
  requireVersioning: boolean;
  /** Retention on the destination after the copy (fly-volume-backup's semantics). */
  retention: RetentionPolicy;
  progressIntervalMs?: number;
}

/** Where the source lives, as recorded in the destination manifest's `copiedFrom`. */
export interface SourceOrigin {
  endpoint: string;
  bucket: string;
}

export interface CopyDeps {
  source: ObjectStore;
  destination: ObjectStore;
  origin: SourceOrigin;
  /**
   * Set only when the destination's endpoint and keys can read the source (one provider, one set
   * of credentials); archives up to 5 GiB are then copied inside the provider.
   */
  serverSideCopy?: ServerSideCopy;
  logger: Logger;
  now?: () => Date;
  signal?: AbortSignal;
}

export type CopyMethod = 'stream' | 'server-side' | 'already-present';

export interface CopyResult {
  snapshotId: string;
  /** false when the destination already held this snapshot with the same sha256. */
  copied: boolean;
  method: CopyMethod;
  bytes: number;
  sha256: string;
  sourceArchiveKey: string;
  archiveKey: string;
  archiveVersionId: string | null;
  manifestKey: string;
  /** The verdict on the source's verification.json (catalog/verification.ts). */
  verification: VerificationState;
  verificationCopied: boolean;
  /** Whether the destination got its own copy of the index in this run (copy-index.ts), and what became of it. */
  indexCopied: boolean;
  indexNote: string;
  latestMoved: boolean;
  /** Why latest.json was or was not moved, for the log and summary. */
  latestNote: string;
  pruned: string[];
  durationSeconds: number;
}

/**
 * Copies one proven snapshot to a second bucket: select it on the source, refuse it without a
 * passing verification (when required), check the destination, then the archive (streamed and
 * hashed, completed only when sha256 and size equal the manifest's; or copied inside the provider
 * and read back), the manifest, verification.json, latest.json last, and retention. A failure at
 * any step before the manifest leaves nothing visible at the destination and no open upload.
 */
export async function runCopy(options: CopyOptions, deps: CopyDeps): Promise<CopyResult> {
  const { source, destination, logger } = deps;
  const runner = deps.now ?? (() => new Date());
  const started = runner();
  const from = new TargetLayout(options.sourcePrefix, options.target);
  const to = new TargetLayout(options.destinationPrefix, options.target);

  const picked = await logger.group(`Source: ${source.description}/${from.root}`, async () => {
    const selected = await selectSnapshot(source, from, options.snapshot);
    const m = selected.manifest;
    logger.info(
      `snapshot ${m.snapshotId} (${selected.how}): ${formatBytes(m.archive.size)} ${formatCompression(m.compression)}, sha256 ${m.archive.sha256}`,
    );
    if (m.status !== 'ok') {
      throw new ConfigurationError(
        `Snapshot ${m.snapshotId} of ${options.target} is "${m.status}"${m.statusReason ? ` (${m.statusReason})` : ''}: only good snapshots are copied. Nothing was written to ${destination.description}.`,
      );
    }
    const verification = await verificationVerdict(source, from, m, started);
    logger.info(`verification.json: ${verification.state} (${verification.reason})`);
    if (options.requireVerified && verification.state !== 'passing') {
      throw new ConfigurationError(
        `Snapshot ${m.snapshotId} of ${options.target} has no passing verification: ${verification.reason}. ` +
          `Only a proven snapshot is copied: run verify-restore on it first (${words().setting('write-report', true)}), ` +
          `or ${words().set('require-verified', false)} to copy it unproven. Nothing was written to ${destination.description}.`,
      );
    }
    return { manifest: m, verification };
  });
  const m = picked.manifest;
  const id = m.snapshotId;
  const fileName = m.archive.key.slice(m.archive.key.lastIndexOf('/') + 1);
  const archiveKey = `${to.snapshotPrefix(id)}${fileName}`;
  const manifestKey = to.manifestKey(id);

  const pre = await logger.group(`Destination: ${destination.description}/${to.root}`, async () => {
    await destination.checkAccess();
    if (options.requireVersioning) await requireVersioning(destination, 'copy', 'to-bucket');
    // the destination's clock orders what is written there: latest.json's moves, retention
    const clock = await storageClock(destination, runner);
    const latest = await readLatest(destination, to);
    logger.info(
      latest ? `destination latest: ${latest.pointer.snapshotId}` : 'the destination has no latest.json yet',
    );
    let existing: Awaited<ReturnType<typeof readManifest>>;
    try {
      existing = await readManifest(destination, to, id);
    } catch (err) {
      throw new OperationFailedError(
        `${destination.description}/${manifestKey} exists but is not a lifeboat manifest (${errorMessage(err)}): ` +
          `it was left alone and nothing was copied. Remove it if it is debris.`,
      );
    }
    if (existing && existing.manifest.archive.sha256 !== m.archive.sha256) {
      throw new OperationFailedError(
        `${destination.description} already holds a different snapshot ${id} of ${options.target} ` +
          `(sha256 ${existing.manifest.archive.sha256}, the source has ${m.archive.sha256}): it was left alone and nothing was copied.`,
      );
    }
    let present = false;
    if (existing) {
      const missing = await notPresent(destination, existing.manifest, m);
      present = missing === undefined;
      if (missing) {
        logger.warning(
          `the destination manifest of ${id} names ${existing.manifest.archive.key}, ${missing}: copying the archive again`,
        );
      }
    }
    return { latest, existing: present ? existing : undefined, now: clock.now };
  });
  const now = pre.now;

  const indexContext = {
    source,
    destination,
    from,
    to,
    logger,
    ...(deps.signal ? { signal: deps.signal } : {}),
  };
  let indexCopy: CopiedIndex | undefined;
  let method: CopyMethod = 'already-present';
  let stored: { key: string; versionId: string | null };
  if (pre.existing) {
    logger.info(
      `${destination.description} already holds snapshot ${id} with the same sha256: nothing to copy`,
    );
    stored = { key: pre.existing.manifest.archive.key, versionId: pre.existing.manifest.archive.versionId };
  } else {
    const useServerSide = deps.serverSideCopy !== undefined && m.archive.size <= MAX_SERVER_SIDE_COPY_BYTES;
    method = useServerSide ? 'server-side' : 'stream';
    const copyStarted = Date.now();
    const archive = await logger.group(
      `Copying ${m.archive.key} to ${destination.description}/${archiveKey} (${useServerSide ? 'server-side copy' : 'streamed'})`,
      async () => {
        try {
          const version = useServerSide
            ? await copyInsideProvider(options, deps, m, archiveKey)
            : await streamArchive(options, deps, m, archiveKey);
          const manifest: Manifest = {
            ...m,
            archive: {
              key: archiveKey,
              versionId: version.versionId ?? null,
              etag: version.etag ?? null,
              size: m.archive.size,
              sha256: m.archive.sha256,
            },
            copiedFrom: {
              endpoint: deps.origin.endpoint,
              bucket: deps.origin.bucket,
              key: m.archive.key,
              versionId: m.archive.versionId,
              manifestKey: from.manifestKey(id),
              copiedAt: now().toISOString(),
            },
          };
          // the destination's own copy of the index (copy-index.ts), or none: never the source's object
          delete manifest.index;
          indexCopy = await copyIndex(indexContext, m);
          if (indexCopy.state === 'copied') manifest.index = indexCopy.index;
          const errors = schemaErrors('manifest', manifest);
          if (errors.length)
            throw new Error(`internal: the copied manifest is invalid: ${errors.join('; ')}`);
          const manifestVersion = await putManifest(destination, manifestKey, manifest);
          return { manifest, manifestVersion, version };
        } catch (err) {
          await removePartial(destination, archiveKey, logger);
          for (const encrypted of [false, true])
            await removePartial(destination, to.indexKey(id, encrypted), logger);
          if (deps.signal?.aborted) {
            throw new OperationFailedError(
              `the copy of snapshot ${id} was cancelled: the upload was aborted and nothing was published at ${destination.description}`,
            );
          }
          if (err instanceof ConfigurationError || err instanceof OperationFailedError) throw err;
          throw new OperationFailedError(
            `the copy of snapshot ${id} to ${destination.description} failed and nothing was published there ` +
              `(latest.json is unchanged; a re-run copies it again): ${errorMessage(err)}`,
          );
        }
      },
    );
    const seconds = (Date.now() - copyStarted) / 1000;
    logger.info(
      `copied ${formatBytes(m.archive.size)} in ${seconds.toFixed(2)} s (${formatRate(m.archive.size, seconds)}); sha256 and size equal the manifest's`,
    );
    stored = { key: archiveKey, versionId: archive.version.versionId ?? null };
  }

  // verification.json (passing or failing) is a statement about these bytes, still true at the
  // destination, whose manifest's copiedFrom names the version it was made on
  let verificationCopied = false;
  const proof = picked.verification.verification;
  if (proof) {
    const key = to.verificationKey(id);
    if (method !== 'already-present' || !(await destination.head(key))) {
      await destination.putJson(key, proof);
      verificationCopied = true;
      logger.info(`copied verification.json (${picked.verification.state})`);
    }
  }

  const destManifest = await readManifest(destination, to, id);
  if (!destManifest)
    throw new OperationFailedError(`the manifest of ${id} vanished from ${destination.description}`);
  // a snapshot copied before copy-snapshot copied indexes gets one now, named by index.json
  indexCopy ??= await indexForPresent(indexContext, m, destManifest.manifest, now);
  if (indexCopy.state === 'none') logger.warning(indexCopy.note);
  else logger.info(indexCopy.note);
  const latest = await publishLatest(destination, to, destManifest, pre, logger);

  const pruned = await retainAfterWrite(destination, to, options.retention, {
    title: 'Retention on the destination',
    logger,
  });
  if (pruned.includes(id)) {
    logger.warning(
      `snapshot ${id} is older than the destination's retention policy keeps, so it was pruned right after the copy`,
    );
  }

  return {
    snapshotId: id,
    copied: method !== 'already-present',
    method,
    bytes: m.archive.size,
    sha256: m.archive.sha256,
    sourceArchiveKey: m.archive.key,
    archiveKey: stored.key,
    archiveVersionId: stored.versionId,
    manifestKey,
    verification: picked.verification.state,
    verificationCopied,
    indexCopied: indexCopy.state === 'copied',
    indexNote: indexCopy.note,
    latestMoved: latest.moved,
    latestNote: latest.note,
    pruned,
    durationSeconds: Math.round((runner().getTime() - started.getTime()) / 10) / 100,
  };
}

/** The destination's snapshot was there already: its index is left as it is, or copied when it has none. */
async function indexForPresent(
  c: IndexCopyContext,
  m: Manifest,
  present: Manifest,
  now: () => Date,
): Promise<CopiedIndex> {
  const there = await findIndex(c.destination, c.to, present);
  if (there.found)
    return {
      state: 'present',
      note: `the destination already has the index (${there.index.entries} entries)`,
    };
  const copied = await copyIndex(c, m);
  if (copied.state === 'copied')
    await c.destination.putJson(
      c.to.indexPointerKey(m.snapshotId),
      indexPointerFor(present, copied.index, now()),
    );
  return copied;
}

/**
 * Why the archive a destination manifest names is not there as it names it, or undefined when it
 * is: the key's current object must be the version the manifest names (without versioning: its
 * ETag) with the source's size. Judged at the current object, not only the named version: a
 * version replaced, deleted for good or hidden by a delete marker is copied again, so that the
 * destination serves this backup to a reader without --version-id as well as to lifeboat.
 */
async function notPresent(
  destination: ObjectStore,
  named: Manifest,
  m: Manifest,
): Promise<string | undefined> {
  const { key, versionId, etag } = named.archive;
  const current = await destination.head(key);
  if (!current) return 'which is missing (deleted, or a delete marker on top)';
  if (versionId && current.versionId !== versionId) {
    return `whose current version is ${current.versionId ?? 'none'}, not the ${versionId} the manifest names (replaced or deleted)`;
  }
  if (!versionId && etag && current.etag !== etag) {
    return `whose ETag is ${current.etag ?? 'none'}, not the ${etag} the manifest records (replaced)`;
  }
  if (current.size !== m.archive.size) return `which is ${current.size} bytes, not ${m.archive.size}`;
  return undefined;
}

/**
 * Source GetObject (the version the manifest records) -> sha256 and byte count -> destination
 * multipart upload. The tap holds the end of the stream until sha256 and size equal the
 * manifest's; otherwise the stream errors and the upload is aborted instead of completed.
 */
async function streamArchive(
  options: CopyOptions,
  deps: CopyDeps,
  m: Manifest,
  key: string,
): Promise<ObjectVersion> {
  const download = await deps.source.download(m.archive.key, m.archive.versionId ?? undefined, deps.signal);
  if (download.size !== m.archive.size) {
    download.body.destroy();
    throw new OperationFailedError(
      `${deps.source.description}/${m.archive.key} is ${download.size} bytes, the manifest records ${m.archive.size}: not copied.`,
    );
  }
  const tap = new ArchiveTap(async () => {
    if (tap.bytes !== m.archive.size || tap.sha256 !== m.archive.sha256) {
      throw new OperationFailedError(
        `the bytes read from ${deps.source.description}/${m.archive.key} do not match the manifest ` +
          `(${tap.bytes} bytes, sha256 ${tap.sha256}; the manifest records ${m.archive.size} bytes, sha256 ${m.archive.sha256}): the upload was aborted.`,
      );
    }
  });
  const body = new PassThrough({ highWaterMark: 1 << 20 });
  const progress = startProgress(
    deps.logger,
    'copied',
    () => tap.bytes,
    options.progressIntervalMs ?? 10_000,
  );
  let pipelineError: unknown;
  const flowing = pipeline(download.body, tap, body);
  flowing.catch((err: unknown) => (pipelineError = err));
  let uploadError: unknown;
  const upload = deps.destination.uploadStream(key, body, {
    contentType: archiveContentType(m.compression, m.encryption !== undefined),
    // the size is known exactly: parts as small as the 10,000-part limit allows
    partSizeBytes: partSizeFor(m.archive.size, 1),
    queueSize: UPLOAD_QUEUE_SIZE,
    signal: deps.signal,
  });
  const uploading = upload.catch((err: unknown) => {
    // a failed upload stops reading: fail the pipeline instead of letting it wait forever
    uploadError = err;
    body.destroy(err as Error);
    download.body.destroy();
  });
  try {
    await flowing;
    return await upload;
  } catch (err) {
    // never end the upload's body normally here: an ended body would complete a partial object
    body.destroy(new Error('copy aborted'));
    download.body.destroy();
    await uploading;
    // the upload's own failure, unless the tap judged the bytes wrong
    if (uploadError && !(pipelineError instanceof OperationFailedError)) throw uploadError;
    throw err;
  } finally {
    progress.stop();
  }
}

/** CopyObject inside one provider, then the copy is read back and compared with the manifest. */
async function copyInsideProvider(
  _options: CopyOptions,
  deps: CopyDeps,
  m: Manifest,
  key: string,
): Promise<ObjectVersion> {
  const copy = deps.serverSideCopy as ServerSideCopy;
  const version = await copy(
    { bucket: deps.origin.bucket, key: m.archive.key, versionId: m.archive.versionId },
    key,
    deps.signal,
  );
  const head = await deps.destination.head(key);
  if (!head || head.size !== m.archive.size) {
    throw new OperationFailedError(
      `the server-side copy ${key} is ${head ? `${head.size} bytes` : 'missing'}, the manifest records ${m.archive.size}`,
    );
  }
  const versionId = version.versionId ?? head.versionId;
  const read = await deps.destination.download(key, versionId, deps.signal);
  const { bytes, sha256 } = await hashStream(read.body);
  if (bytes !== m.archive.size || sha256 !== m.archive.sha256) {
    throw new OperationFailedError(
      `the server-side copy ${key} does not match the manifest (${bytes} bytes, sha256 ${sha256}; the manifest records ${m.archive.size} bytes, sha256 ${m.archive.sha256})`,
    );
  }
  deps.logger.info(`server-side copy read back: ${bytes} bytes, sha256 ${sha256}`);
  return { versionId, etag: head.etag };
}

async function putManifest(store: ObjectStore, key: string, manifest: Manifest): Promise<ObjectVersion> {
  try {
    return await store.putJson(key, manifest);
  } catch (err) {
    // a manifest written whose answer was lost must not outlive its archive
    await store.deleteKeys([key]).catch(() => undefined);
    throw err;
  }
}

/** A failed copy leaves nothing behind: no open multipart upload, no archive object. */
async function removePartial(store: ObjectStore, key: string, logger: Logger): Promise<void> {
  try {
    const aborted = await store.abortIncompleteUploads(key);
    if (aborted) logger.info(`aborted ${aborted} unfinished multipart upload(s) of ${key}`);
    if (await store.head(key)) {
      await store.deleteKeys([key]);
      logger.info(`deleted the partial copy ${key}`);
    }
  } catch (err) {
    logger.warning(`could not clean up ${key} after the failure: ${errorMessage(err)}`);
  }
}

/**
 * Moves the destination's latest.json to the copied snapshot when it is newer (by the storage's
 * clock, snapshot-time.ts) than the one named there (move-latest.ts: refused when another run
 * moves it at the same moment or moved it since this run began).
 */
async function publishLatest(
  store: ObjectStore,
  layout: TargetLayout,
  copied: { manifest: Manifest; version: ObjectVersion },
  pre: { latest: StoredLatest | undefined; now: () => Date },
  logger: Logger,
): Promise<{ moved: boolean; note: string }> {
  const id = copied.manifest.snapshotId;
  const seenAtStart = pre.latest;
  const copiedAt = { id, time: snapshotTime(id, pre.now()) };
  if (
    seenAtStart &&
    !isNewer(copiedAt, { id: seenAtStart.pointer.snapshotId, time: latestTime(seenAtStart) })
  ) {
    const note =
      seenAtStart.pointer.snapshotId === id
        ? `latest.json already names ${id}`
        : `latest.json stays at the newer ${seenAtStart.pointer.snapshotId}`;
    logger.info(note);
    return { moved: false, note };
  }
  await moveLatest(store, layout, {
    manifest: copied.manifest,
    manifestVersionId: copied.version.versionId ?? null,
    seenAtStart,
    run: 'copy',
    now: pre.now,
    logger,
    // found out only when latest.json moves: a re-run that finds everything in place writes nothing
    conditionalWrites: await detectConditionalWrites(store, layout.conditionalWriteProbeKey, logger),
  });
  const note = `latest.json now names ${id}`;
  logger.info(note);
  return { moved: true, note };
}
