import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { indexPointerFor } from '../catalog/index-reader.js';
import type { TargetLayout } from '../catalog/layout.js';
import type { IndexObject, Manifest } from '../catalog/manifest.js';
import { encodeIndexLine, type IndexEntryType } from '../catalog/snapshot-index.js';
import { encryptingStream } from '../crypto/age-stream.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { EntryHandler, TarHeader } from './archive-inspector.js';
import { HashCounter } from './hash-counter.js';
import { memberEnd } from './member-end.js';
import { linkTargetBytes, memberNameBytes } from './member-header.js';

/** The index is small (about 100 bytes a member before gzip): S3's smallest part, one at a time. */
const INDEX_PART_SIZE = 5 * 1024 * 1024;

/**
 * Lines go to gzip in batches of about this many characters: gzip compresses each write in the
 * thread pool, and one round trip per 100-byte line cost more than the whole walk (200,000 small
 * files: 20 CPU-s instead of 4, see bench/NOTES.md).
 */
const LINE_BATCH = 64 * 1024;

/**
 * Writes a snapshot's index while the archive is walked: `onEntry` is the inspector's handler
 * (it hashes each regular file's content as it passes and writes one line), the lines go through
 * gzip (and age) straight into a multipart upload. Memory is bounded: a write that the upload
 * cannot take yet holds the walk until it can (back-pressure), and nothing is staged on disk.
 * The object is completed only by `finish`, after the archive was judged good; `abort` leaves no
 * object behind (the upload is aborted).
 */
export class IndexWriter {
  entries = 0;
  private readonly lines = new PassThrough({ highWaterMark: 1 << 16 });
  private readonly stored = new HashCounter();
  private readonly body = new PassThrough();
  /** Lines not yet written to gzip (at most LINE_BATCH characters; flushed by finish). */
  private pending: string[] = [];
  private pendingChars = 0;
  private flowing!: Promise<void>;
  private uploading: Promise<{ versionId?: string; etag?: string }> | undefined;
  private failure: Error | undefined;
  /** The key being uploaded (set by upload). */
  key = '';
  /** Why the index's own upload or encoding failed (the store, not the archive); undefined while it has not. */
  storeFailure: Error | undefined;

  private constructor(
    private readonly store: ObjectStore,
    private readonly encrypted: boolean,
  ) {}

  /** A writer whose lines are gzipped (and, with recipients, age-encrypted for them); nothing is uploaded yet. */
  static async prepare(store: ObjectStore, recipients: string[] | undefined): Promise<IndexWriter> {
    const w = new IndexWriter(store, Boolean(recipients?.length));
    const gzip = zlib.createGzip();
    w.flowing = w.encrypted
      ? pipeline(w.lines, gzip, await encryptingStream(recipients ?? []), w.stored, w.body)
      : pipeline(w.lines, gzip, w.stored, w.body);
    w.flowing.catch((err: unknown) => w.fail(err as Error, true));
    return w;
  }

  /** Starts the upload of `key` (its request goes out once a part is full or the index ends). */
  upload(key: string, signal?: AbortSignal): void {
    this.key = key;
    this.uploading = this.store.uploadStream(key, this.body, {
      contentType: this.encrypted ? 'application/octet-stream' : 'application/gzip',
      partSizeBytes: INDEX_PART_SIZE,
      queueSize: 1,
      // a signal aborts the index's multipart upload at once, as the archive's (object-store.ts)
      ...(signal ? { signal } : {}),
    });
    this.uploading.catch((err: unknown) => this.fail(err as Error, true));
  }

  private fail(err: Error, ofStore = false): void {
    if (ofStore && !this.failure) this.storeFailure = err;
    this.failure ??= err;
    this.lines.destroy(err);
  }

  /** The inspector's handler when nothing else reads the members: hashes each as it is drained. */
  readonly onEntry: EntryHandler = async (header, stream) => {
    const type = header.type as IndexEntryType;
    const hash = type === 'file' || type === 'contiguous-file' ? createHash('sha256') : undefined;
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      hash?.update(chunk);
      size += chunk.length;
    });
    await memberEnd(stream);
    if (this.failure) throw this.failure;
    await this.write(header, type, hash ? { size, sha256: hash.digest('hex') } : undefined);
  };

  /**
   * `handler` with the index written beside it: the member's bytes pass through a hash on their
   * way to it, and its line is written once the handler is done with them.
   */
  wrap(handler: EntryHandler): EntryHandler {
    return async (header: TarHeader, stream: Readable) => {
      const type = header.type as IndexEntryType;
      const hash = type === 'file' || type === 'contiguous-file' ? createHash('sha256') : undefined;
      let size = 0;
      const hashed = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash?.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      stream.once('error', (err) => hashed.destroy(err));
      await handler(header, stream.pipe(hashed));
      if (this.failure) throw this.failure;
      await this.write(header, type, hash ? { size, sha256: hash.digest('hex') } : undefined);
    };
  }

  private async write(
    header: TarHeader,
    type: IndexEntryType,
    content: { size: number; sha256: string } | undefined,
  ): Promise<void> {
    const mtime = header.mtime && !Number.isNaN(header.mtime.getTime()) ? header.mtime : new Date(0);
    const link = type === 'symlink' || type === 'link' ? linkTargetBytes(header) : undefined;
    const line = encodeIndexLine({
      pathBytes: memberNameBytes(header),
      path: header.name,
      type,
      size: content?.size ?? 0,
      mode: header.mode ?? 0,
      uid: header.uid ?? 0,
      gid: header.gid ?? 0,
      mtime,
      ...(link ? { linkBytes: link } : {}),
      ...(content ? { sha256: content.sha256 } : {}),
    });
    this.entries++;
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= LINE_BATCH) await this.flushLines();
  }

  /** Writes the pending lines to gzip as one chunk; waits while gzip cannot take more (back-pressure). */
  private async flushLines(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    if (!this.lines.write(text)) await drainedOrClosed(this.lines);
    if (this.failure) throw this.failure;
  }

  /** Ends the index and completes its upload; what the manifest records of it. */
  async finish(): Promise<IndexObject> {
    if (!this.uploading) throw new Error('internal: the index was finished before its upload started');
    await this.flushLines();
    this.lines.end();
    await this.flowing;
    const object = await this.uploading;
    return {
      key: this.key,
      versionId: object.versionId ?? null,
      etag: object.etag ?? null,
      size: this.stored.bytes,
      sha256: this.stored.sha256,
      entries: this.entries,
      compression: 'gzip',
      ...(this.encrypted ? { encrypted: true } : {}),
    };
  }

  /**
   * Stops the index: the upload's body fails, so it is never completed. What an upload left is
   * the caller's to remove (stream-to-store.ts, index-snapshot.ts); verify, which may not delete
   * (its IAM policy has no s3:DeleteObject), leaves it to the upload's own abort.
   */
  async abandon(): Promise<void> {
    this.fail(new Error('the index was abandoned'));
    await this.uploading?.catch(() => undefined);
  }
}

/**
 * Settles when `stream` can take more ('drain') or will take nothing more ('close'), rejects with
 * its error; every listener is removed again (a wait per batch must not leave one behind).
 */
function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (err?: unknown) => {
      stream.off('drain', onDrain);
      stream.off('close', onDrain);
      stream.off('error', settle);
      if (err) reject(err as Error);
      else resolve();
    };
    const onDrain = () => settle();
    stream.on('drain', onDrain);
    stream.on('close', onDrain);
    stream.on('error', settle);
  });
}

/** A writer for snapshot `m`'s index, encrypted for the archive's recipients when it is encrypted. */
export async function startIndex(
  store: ObjectStore,
  layout: TargetLayout,
  m: Manifest,
): Promise<IndexWriter> {
  const recipients = m.encryption?.recipients;
  const writer = await IndexWriter.prepare(store, recipients);
  writer.upload(layout.indexKey(m.snapshotId, Boolean(recipients?.length)));
  return writer;
}

/** Completes the index of an archive read whole, and names it in index.json (index-reader.ts). */
export async function publishIndex(
  store: ObjectStore,
  layout: TargetLayout,
  m: Manifest,
  writer: IndexWriter,
  now: Date,
): Promise<{ index: IndexObject; pointerKey: string }> {
  const index = await writer.finish();
  const pointerKey = layout.indexPointerKey(m.snapshotId);
  await store.putJson(pointerKey, indexPointerFor(m, index, now));
  return { index, pointerKey };
}
