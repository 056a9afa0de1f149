import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ConfigurationError, EnvironmentError, OperationFailedError, errorMessage } from '../util/errors.js';
import type { ProcessOutcome } from '../util/process.js';
import { archiveContentType, type Compression, type TargetLayout } from '../catalog/layout.js';
import type { Logger } from '../util/logger.js';
import { startProgress } from '../util/progress.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import { judgeSourceRun } from './judge-run.js';
import { howToAdd, machineOf, missingTool } from './machine-needs.js';
import { ChangedMembers } from './changed-members.js';
import { LeftOutMembers } from './left-out.js';
import type { ObjectStore } from '../storage/object-store.js';
import { largestObjectFor, MAX_PARTS, partSizeFor, UPLOAD_QUEUE_SIZE } from '../storage/part-size.js';
import { formatBytes } from '../util/format.js';
import { ArchiveDamagedError, ArchiveInspector, type ArchiveContents } from './archive-inspector.js';
import { ArchiveTap } from './archive-tap.js';
import { UnsafeEntryError } from './member-header.js';
import { FrameDecoder } from './stream-frame.js';
import { HashCounter } from './hash-counter.js';
import { encryptingStream } from '../crypto/age-stream.js';
import type { IndexObject } from '../catalog/manifest.js';
import { IndexWriter } from './index-writer.js';
import { RunnerCompressStage } from './runner-compress.js';
import { watchSourceIdle } from './source-idle-watch.js';
import { words } from '../util/vocabulary.js';

/** Where the stored archive was compressed: by the machine's own tool, or by lifeboat on the runner. */
export type CompressedOn = 'source' | 'runner';

export interface StreamedArchive extends ArchiveContents {
  /** The stored archive's compression. */
  compression: Compression;
  compressedOn: CompressedOn;
  key: string;
  versionId: string | null;
  etag: string | null;
  size: number;
  sha256: string;
  warnings: string[];
  /** With encryption: the archive before it was encrypted. */
  plaintext?: { size: number; sha256: string };
  /** Server-side encryption the storage reports for the object. */
  serverSideEncryption?: { sse: string; kmsKeyId?: string };
  /** The index written in the same pass (with writeIndex). */
  index?: IndexObject;
}

export interface StreamOptions {
  source: ArchiveSource;
  script: string;
  /** For messages: the path being archived. */
  path: string;
  store: ObjectStore;
  layout: TargetLayout;
  snapshotId: string;
  logger: Logger;
  signal?: AbortSignal;
  progressIntervalMs: number;
  /** age X25519 recipients: when given, the archive is encrypted after compression, in the same pass. */
  encryptionRecipients?: string[];
  /** Write the snapshot's index (index-writer.ts) from the same walk, uploaded beside the archive. */
  writeIndex?: boolean;
  /**
   * The archive script's `auto` lets the machine send plain tar when it has no zstd
   * (remote-script.ts): a stream whose header says `none` is then compressed here with zstd and
   * stored as zstd. Never set for an explicit `compression: none`.
   */
  runnerCompresses?: boolean;
  /**
   * The source's idle timeout: once the stream's header arrived, a source that sends no byte for
   * this long while lifeboat is ready to read (source-idle-watch.ts) is stopped and the backup
   * fails as an environment fault. 0 or absent: no timeout.
   */
  sourceIdleTimeoutMs?: number;
}

/**
 * One pass, nothing staged: the source's framed stream -> sha256 and byte count -> inline
 * decompress-and-walk -> S3 multipart upload with a bounded queue. The upload is completed only
 * after the source's statuses, its exit and the archive's structure have all been judged good;
 * otherwise it is aborted and no object appears.
 *
 * When the runner compresses (runnerCompresses and a plain-tar stream), the inspector walks the
 * plain tar before the compressor (no decompression: the cheaper side, with every refusal and the
 * index's per-file sha256 as on any stream), and the sha256 and size are those of the compressor's
 * output, the bytes stored:
 *   decoder -> tap (walk; held end) -> zstd -> sha256 and count -> [age -> sha256 and count] -> upload
 */
export async function streamArchiveToStore(o: StreamOptions): Promise<StreamedArchive> {
  const encrypted = Boolean(o.encryptionRecipients?.length);
  const indexWriter = o.writeIndex ? await IndexWriter.prepare(o.store, o.encryptionRecipients) : undefined;
  const leftOut = new LeftOutMembers();
  const changed = new ChangedMembers();
  const proc = o.source.start(o.script, {
    signal: o.signal,
    onStderrLine: (line) => {
      o.logger.info(`[${o.source.label}] ${line}`);
      leftOut.note(line);
      changed.note(line);
    },
  });
  // a source that could not start at all (no sh, no flyctl) explains everything that follows: an
  // output that ended empty, a frame that never came
  let notStarted: EnvironmentError | undefined;
  proc.done.catch((e: unknown) => {
    if (e instanceof EnvironmentError) notStarted = e;
  });
  let inspector: ArchiveInspector | undefined;
  let warnings: string[] = [];
  let contents: ArchiveContents | undefined;
  let resolveHeader!: (c: Compression) => void;
  const header = new Promise<Compression>((resolve) => (resolveHeader = resolve));
  // only a stream the runner may compress has this stage; it hashes what is stored instead of the tap
  const runnerStage = o.runnerCompresses ? new RunnerCompressStage() : undefined;
  let compressedOn = 'source' as CompressedOn;

  // armed at the header: the pre-command and du run before it (remote-script.ts); stopped when
  // the source exits, so that one which closed its output and lingers is stopped too
  let stalled: EnvironmentError | undefined;
  let failStalled!: (err: EnvironmentError) => void;
  const stalledRun = new Promise<never>((_, reject) => (failStalled = reject));
  stalledRun.catch(() => undefined);
  const idleWatch = watchSourceIdle(proc.stdout, {
    idleMs: o.sourceIdleTimeoutMs ?? 0,
    onIdle: (quietMs) => {
      stalled = sourceStalled(o, quietMs, proc.stdout.readableEnded);
      // stop the source first (flyctl, ssh, tar): its end must not read as a cut stream
      proc.kill('SIGTERM');
      proc.stdout.destroy(stalled);
      // an output that had ended is not failed by destroy(): the held end waits on the exit
      failStalled(stalled);
    },
  });
  const stopWatch = () => idleWatch.stop();
  proc.done.then(stopWatch, stopWatch);
  const decoder = new FrameDecoder((sent) => {
    idleWatch.arm();
    // decided before the first archive byte: the header comes first
    let stored = sent;
    if (runnerStage && sent === 'none') {
      runnerStage.compress();
      stored = 'zstd';
      compressedOn = 'runner';
    }
    inspector = new ArchiveInspector(sent, indexWriter ? { onEntry: indexWriter.onEntry } : {});
    indexWriter?.upload(o.layout.indexKey(o.snapshotId, encrypted), o.signal);
    tap.attachSide(inspector.input, inspector.result);
    resolveHeader(stored);
  });
  const tap = new ArchiveTap(
    async () => {
      // a source that closed its output and never exits is stalled (the watch fires), not waited for
      const outcome = await Promise.race([proc.done, stalledRun]);
      warnings = [
        ...judgeSourceRun(
          o.source.label,
          o.path,
          decoder.trailer,
          outcome,
          undefined,
          decoder.compression,
          changed.described(),
        ).warnings,
        ...leftOut.warnings(),
        // the backup is whole without du; only its largest possible size was a guess
        ...(decoder.sourceHasNoDu
          ? [
              `${missingTool('du', machineOf(o.source.label))} The parts were ${formatBytes(partSize)}, ` +
                `so the archive could be at most ${formatBytes(largestObjectFor(partSize))}.`,
            ]
          : []),
      ];
      contents = await (inspector as ArchiveInspector).result;
    },
    { hash: !runnerStage },
  );
  const body = new PassThrough({ highWaterMark: 1 << 20 });
  // the upload stops reading at its first failure (storage/part-upload.ts): leaving its for-await loop
  // destroys the body with an AbortError, the source then dies of a broken pipe, and the upload's
  // failure is the one to report
  let uploaderGaveUp = false;
  body.once('close', () => {
    uploaderGaveUp = !body.readableEnded && (body.errored === null || body.errored.name === 'AbortError');
  });
  let pipelineError: unknown;
  const cipherTap = new HashCounter();
  // the archive as stored before any encryption: the tap's bytes, or the runner's compressed ones
  const plain: HashCounter = runnerStage ?? tap;
  const stages = [
    decoder,
    tap,
    ...(runnerStage ? [runnerStage] : []),
    ...(encrypted ? [await encryptingStream(o.encryptionRecipients ?? []), cipherTap] : []),
  ];
  const flowing = pipeline([proc.stdout, ...stages, body]);
  flowing.catch((err: unknown) => (pipelineError = err));
  const stored = encrypted ? cipherTap : plain;
  const progress = startProgress(o.logger, 'streamed', () => stored.bytes, o.progressIntervalMs);
  let key: string | undefined;
  let partSize = 0;
  let uploading: Promise<unknown> | undefined;
  let uploadError: unknown;

  try {
    const compression = await Promise.race([
      header,
      flowing.then(() => {
        throw new Error('the stream ended before its header');
      }),
    ]);
    key = o.layout.archiveKey(o.snapshotId, compression, encrypted);
    // sized before the first byte, from the space the source reported in use
    partSize = partSizeFor(decoder.sourceUsedBytes);
    if (compressedOn === 'runner') {
      o.logger.info(
        `${machineOf(o.source.label)} has no zstd: it sends plain tar, which lifeboat compresses with zstd here on the runner ` +
          `(compression auto; on a slow link, compression gzip compresses on the machine instead). To compress there, ${howToAdd('zstd')}`,
      );
    }
    o.logger.info(
      `uploading in parts of ${formatBytes(partSize)} (${decoder.sourceHasNoDu ? `${machineOf(o.source.label)} has no du: the space in use at ${o.path} is unknown` : `${machineOf(o.source.label)}'s du reports ${formatBytes(decoder.sourceUsedBytes)} in use at ${o.path}`})`,
    );
    const upload = o.store.uploadStream(key, body, {
      contentType: archiveContentType(compression, encrypted),
      partSizeBytes: partSize,
      queueSize: UPLOAD_QUEUE_SIZE,
      signal: o.signal,
    });
    uploading = upload.catch((err: unknown) => {
      // a failed upload stops reading: fail the pipeline instead of letting it wait forever
      uploadError = err;
      body.destroy(err as Error);
    });
    // the pipeline's verdict first: a failed source explains a failed upload, not the reverse
    await flowing;
    const object = await upload;
    // completed after the archive, so a failure of either leaves neither (the catch below)
    const index = indexWriter ? await indexWriter.finish() : undefined;
    const c = contents as ArchiveContents | undefined;
    if (!c) throw new Error('internal: the archive was stored without being inspected');
    return {
      compression,
      compressedOn,
      key,
      versionId: object.versionId ?? null,
      etag: object.etag ?? null,
      size: stored.bytes,
      sha256: stored.sha256,
      entries: c.entries,
      uncompressedBytes: c.uncompressedBytes,
      warnings,
      ...(encrypted ? { plaintext: { size: plain.bytes, sha256: plain.sha256 } } : {}),
      ...(index ? { index } : {}),
      ...(object.serverSideEncryption
        ? {
            serverSideEncryption: {
              sse: object.serverSideEncryption,
              ...(object.sseKmsKeyId ? { kmsKeyId: object.sseKmsKeyId } : {}),
            },
          }
        : {}),
    };
  } catch (err) {
    idleWatch.stop();
    // never end the upload's body normally here: an ended body would complete a partial object
    body.destroy(new Error('backup aborted'));
    const outcome = await settleWithin(proc.done, 2000);
    // a stalled source was sent SIGTERM already: one that ignores it is killed
    if (!outcome) proc.kill(stalled ? 'SIGKILL' : 'SIGTERM');
    await uploading;
    if (key) await removeStray(o, key);
    if (indexWriter) {
      await indexWriter.abandon();
      if (indexWriter.key) await removeStray(o, indexWriter.key);
    }
    if (o.signal?.aborted) {
      throw new OperationFailedError(
        'the backup was cancelled: the upload was aborted and nothing was published',
      );
    }
    if (uploadError && partSize > 0 && stored.bytes > largestObjectFor(partSize)) {
      const reported = decoder.sourceUsedBytes
        ? `${machineOf(o.source.label)}'s du reported ${formatBytes(decoder.sourceUsedBytes)} in use at ${o.path}, and the ` +
          'archive is larger than twice that (sparse files, or other filesystems mounted below the path?)'
        : `${machineOf(o.source.label)} could not tell how much is in use at ${o.path} (no du there)`;
      throw new OperationFailedError(
        `the archive grew past ${formatBytes(largestObjectFor(partSize))}, the most ${MAX_PARTS} parts of ` +
          `${formatBytes(partSize)} can hold: ${reported}. Nothing was published; back up a path on one ` +
          'filesystem, exclude the sparse files, or make du available where the data lives.',
      );
    }
    // the stall explains the upload that lost its body, and the source's exit by our SIGTERM
    if (stalled) throw stalled;
    // the upload's own failure, unless it failed only because the pipeline stopped feeding it
    if (uploadError && (pipelineError === undefined || pipelineError === uploadError || uploaderGaveUp)) {
      throw uploadError;
    }
    // the index's own upload failed: the walk stopped for it, not for the archive
    if (indexWriter?.storeFailure) throw indexWriter.storeFailure;
    throw explainStreamFailure(o, outcome, decoder, notStarted ?? err);
  } finally {
    idleWatch.stop();
    progress.stop();
  }
}

/**
 * The source sent nothing while lifeboat was ready: the machine or the link hangs. An environment
 * fault (exit 3), no verdict on the archive: nothing of it was judged, and nothing was published.
 */
function sourceStalled(o: StreamOptions, quietMs: number, outputEnded: boolean): EnvironmentError {
  const w = words();
  const seconds = (n: number) => `${Number((n / 1000).toFixed(1))} s`;
  const timeout = `${w.name('source-idle-timeout')} ${seconds(o.sourceIdleTimeoutMs ?? 0)}`;
  return new EnvironmentError(
    (outputEnded
      ? `${o.source.label} closed its output but did not exit for ${seconds(quietMs)} (${timeout}): ` +
        'the connection hangs after the remote command ended (a link or an agent that does not close it). '
      : `${o.source.label} sent no byte for ${seconds(quietMs)} while lifeboat was ready to read ` +
        `(${timeout}; the upload was not holding it back): ` +
        'the machine or the link is stalled (a hung machine, a tar frozen on a dead network filesystem, a ' +
        'half-open connection). ') +
      `lifeboat stopped ${o.source.label}, aborted the upload and published nothing; ` +
      'the previous snapshots and latest.json are unchanged. ' +
      (outputEnded
        ? `Run the backup again; if this repeats, update ${o.source.label} and check the connection to the machine, ` +
          `or raise ${w.option('source-idle-timeout')} (0 turns it off).`
        : `Check that the machine is up and ${o.path} is readable there, then run the backup again; if the machine is ` +
          `only slow, raise ${w.option('source-idle-timeout')} (0 turns it off).`),
  );
}

async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A failed run must leave no object behind: the key is unique to this run's snapshot id. */
async function removeStray(o: StreamOptions, key: string): Promise<void> {
  try {
    await o.store.abortIncompleteUploads(key);
    if (await o.store.head(key)) await o.store.deleteKeys([key]);
  } catch (err) {
    o.logger.warning(`could not clean up ${key} after the failure: ${errorMessage(err)}`);
  }
}

/**
 * The most specific explanation of a failed stream: the remote statuses when the trailer arrived,
 * then a damaged archive, then the source's own exit, then whatever stopped the pipeline.
 */
function explainStreamFailure(
  o: StreamOptions,
  outcome: ProcessOutcome | undefined,
  decoder: FrameDecoder,
  err: unknown,
): Error {
  if (
    err instanceof OperationFailedError ||
    err instanceof ConfigurationError ||
    err instanceof EnvironmentError
  )
    return err;
  if (err instanceof UnsafeEntryError) {
    // a member no restore writes (a device node): storing it as good would promise a restore that fails
    return new OperationFailedError(
      `the archive from ${o.source.label} holds a member that no restore writes (${err.message}); nothing was published. ` +
        'Leave it out with exclude, or remove it from the volume.',
    );
  }
  const judge = () => {
    if (!outcome) return undefined;
    try {
      judgeSourceRun(o.source.label, o.path, decoder.trailer, outcome, err as Error, decoder.compression);
    } catch (judged) {
      return judged as Error;
    }
    return undefined;
  };
  if (decoder.trailer) {
    const judged = judge();
    if (judged) return judged;
  }
  if (err instanceof ArchiveDamagedError) {
    return new OperationFailedError(
      `the archive from ${o.source.label} is not a complete, valid archive (${err.message}); nothing was published.`,
    );
  }
  return (
    judge() ?? new OperationFailedError(`the backup failed and nothing was published: ${errorMessage(err)}`)
  );
}
