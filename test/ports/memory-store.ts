import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import {
  preconditionFailure,
  type DownloadedObject,
  type KeyVersion,
  type ObjectHead,
  type ObjectStore,
  type ObjectVersion,
  type PutConditions,
  type StoredJson,
  type StoredObject,
  type UploadOptions,
  type VersioningStatus,
} from '../../src/storage/object-store.js';
import type { ServerSideCopy } from '../../src/storage/server-side-copy.js';
import { explainBodyError, explainS3Error } from '../../src/storage/s3-errors.js';

/**
 * An in-memory bucket behind the ObjectStore port, with the semantics lifeboat relies on from S3:
 *
 * - Every key holds its versions in the order they were stored, newest first, as
 *   ListObjectVersions reports them. The newest entry is the current one (IsLatest).
 * - Versioning Enabled: each write and each delete adds an entry with a fresh version id; a delete
 *   adds a delete marker (even for a key that does not exist), which hides the key from GET, HEAD
 *   and listings but keeps every older version. Suspended: writes and deletes replace the one
 *   "null" entry and put it on top; versions stored before the suspension stay. Disabled (and
 *   Unsupported, a provider without versioning): one "null" version per key, deleted for good.
 * - What a client sees of the version id is what AWS answers: the id when versioning is enabled,
 *   "null" while it is suspended, none at all without versioning.
 * - LastModified and serverTime() are the server's: they come from the injectable clock, never
 *   from the caller.
 * - Bytes are copied on the way in and on the way out: no caller can alter a stored object.
 * - Conditional writes (If-None-Match: *, If-Match) are enforced only with `conditionalWrites`,
 *   as on AWS, R2 and MinIO; without it the store answers them as Ceph Pacific does
 *   (FACTS.md): If-None-Match: * is ignored, If-Match is refused with 412 whatever the ETag.
 * - Every operation first calls the fault hook (which may throw an S3-shaped error, see s3Error)
 *   and then yields to the event loop, so that concurrent contenders interleave; failures reach
 *   the caller explained exactly as S3ObjectStore explains them.
 */

export type StoreOperation =
  | 'HeadBucket'
  | 'GetBucketVersioning'
  | 'HeadObject'
  | 'GetObject'
  | 'PutObject'
  /** An upload starts: called before the first byte of the body is read. */
  | 'Upload'
  /** An upload's body was read to its end: called before the object appears. */
  | 'CompleteUpload'
  | 'ListObjectsV2'
  | 'ListObjectVersions'
  | 'DeleteObject'
  | 'ListMultipartUploads'
  | 'CopyObject';

export interface OperationCall {
  operation: StoreOperation;
  /** The key (or, for listings, the prefix) the operation is about. */
  key: string;
  versionId?: string;
}

/**
 * A GetObject whose body fails after this many bytes (a connection cut mid-download), or whose
 * byte at `alterByteAt` arrives changed (a bit flipped on the way; the stored bytes stay).
 */
export type BodyFault = { failAfterBytes: number; error?: Error } | { alterByteAt: number };

/** Called before every operation; it may throw, wait, or cut a download's body short. */
export type FaultHook = (call: OperationCall) => void | BodyFault | Promise<void | BodyFault>;

export interface MemoryStoreOptions {
  /** As S3ObjectStore describes its bucket in messages; default `s3://memory`. */
  description?: string;
  /** Default Enabled. */
  versioning?: VersioningStatus;
  /** The server's clock, for LastModified; default the real one. */
  clock?: () => Date;
  /** Enforce If-None-Match / If-Match on putJson (a 412 on mismatch); default false (Ceph Pacific's answers). */
  conditionalWrites?: boolean;
  fault?: FaultHook;
  /** What HEAD reports as applied server-side encryption, when anything. */
  serverSideEncryption?: { sse: string; kmsKeyId?: string };
}

/** One entry of a key's history, as ListObjectVersions reports it (delete markers included). */
export interface VersionEntry {
  key: string;
  versionId: string;
  isLatest: boolean;
  deleteMarker: boolean;
  lastModified: Date;
  size: number;
  etag: string;
  contentType?: string;
  metadata?: Record<string, string>;
}

interface Entry {
  versionId: string;
  deleteMarker: boolean;
  body: Buffer;
  etag: string;
  lastModified: Date;
  contentType?: string;
  metadata?: Record<string, string>;
}

/** An error shaped like the AWS SDK's (name = code, $metadata.httpStatusCode), for fault hooks. */
export function s3Error(code: string, status: number, message = `${code} (simulated)`): Error {
  const err = new Error(message) as Error & { $metadata: { httpStatusCode: number }; $fault: string };
  err.name = code;
  err.$metadata = { httpStatusCode: status };
  err.$fault = status >= 500 ? 'server' : 'client';
  return err;
}

const NULL_VERSION = 'null';
const noSuchKey = () => s3Error('NoSuchKey', 404, 'The specified key does not exist.');
const DOWNLOAD_CHUNK = 64 * 1024;

const md5 = (b: Buffer) => createHash('md5').update(b).digest();

/** S3's ETag: the MD5 of the bytes, or for a multipart upload the MD5 of the parts' MD5s and "-N". */
function etagOf(body: Buffer, partSize?: number): string {
  if (!partSize || body.length <= partSize) return `"${md5(body).toString('hex')}"`;
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length; at += partSize) parts.push(md5(body.subarray(at, at + partSize)));
  return `"${md5(Buffer.concat(parts)).toString('hex')}-${parts.length}"`;
}

/** S3 lists keys in the binary order of their UTF-8 bytes. */
function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export class MemoryStore implements ObjectStore {
  readonly description: string;
  /** Every operation, in the order it was asked for (before its fault hook ran). */
  readonly calls: OperationCall[] = [];
  fault: FaultHook | undefined;
  private status: VersioningStatus;
  private readonly clock: () => Date;
  private readonly conditional: boolean;
  private readonly sse: MemoryStoreOptions['serverSideEncryption'];
  /** key -> its entries, newest first. */
  private readonly objects = new Map<string, Entry[]>();
  /** key -> multipart uploads begun and neither completed nor aborted. */
  private readonly uploads = new Map<string, number>();
  private nextVersion = 1;

  constructor(options: MemoryStoreOptions = {}) {
    this.description = options.description ?? 's3://memory';
    this.status = options.versioning ?? 'Enabled';
    this.clock = options.clock ?? (() => new Date());
    this.conditional = options.conditionalWrites ?? false;
    this.fault = options.fault;
    this.sse = options.serverSideEncryption;
  }

  // ---- the port ----

  async checkAccess(): Promise<void> {
    await this.call({ operation: 'HeadBucket', key: '' }, 'HeadBucket');
  }

  async versioning(): Promise<VersioningStatus> {
    await this.call({ operation: 'GetBucketVersioning', key: '' }, 'GetBucketVersioning');
    return this.status;
  }

  async head(key: string, versionId?: string): Promise<ObjectHead | undefined> {
    await this.call({ operation: 'HeadObject', key, versionId }, `HeadObject ${key}`);
    const e = this.read(key, versionId, `HeadObject ${key}`);
    if (!e) return undefined;
    return {
      size: e.body.length,
      ...this.visible(e),
      lastModified: new Date(e.lastModified),
      ...this.sseFields(),
    };
  }

  async getJson<T>(key: string, versionId?: string): Promise<StoredJson<T> | undefined> {
    await this.call({ operation: 'GetObject', key, versionId }, `GetObject ${key}`);
    const e = this.read(key, versionId, `GetObject ${key}`);
    if (!e) return undefined;
    try {
      return { value: JSON.parse(e.body.toString('utf8')) as T, ...this.visible(e) };
    } catch {
      throw new Error(
        `${this.description}/${key} is not valid JSON: it was not written by lifeboat or is damaged.`,
      );
    }
  }

  async putJson(key: string, value: unknown, conditions: PutConditions = {}): Promise<ObjectVersion> {
    const operation = `PutObject ${key}`;
    await this.call({ operation: 'PutObject', key }, operation);
    this.checkConditions(key, conditions, operation);
    const body = Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
    return this.visible(this.store(key, body, { contentType: 'application/json' }));
  }

  async uploadStream(key: string, body: Readable, options: UploadOptions): Promise<StoredObject> {
    const operation = `upload of ${key}`;
    let multipart = false;
    try {
      await this.enter({ operation: 'Upload', key });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of body as AsyncIterable<Buffer>) {
        if (options.signal?.aborted) break;
        chunks.push(Buffer.from(chunk));
        size += chunk.length;
        if (!multipart && size > options.partSizeBytes) {
          // more than one part: the upload (part-upload.ts) is a multipart upload, open until completed
          multipart = true;
          this.uploads.set(key, (this.uploads.get(key) ?? 0) + 1);
        }
      }
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('upload aborted');
      await this.enter({ operation: 'CompleteUpload', key });
      const stored = this.store(key, Buffer.concat(chunks), {
        contentType: options.contentType,
        partSize: options.partSizeBytes,
        ...(options.metadata ? { metadata: { ...options.metadata } } : {}),
      });
      return {
        ...this.visible(stored),
        ...this.sseFields(),
      };
    } catch (err) {
      body.destroy();
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('upload aborted');
      throw explainS3Error(err, operation, this.description);
    } finally {
      // as part-upload.ts: a failed multipart upload is aborted
      if (multipart) this.closeUpload(key);
    }
  }

  async download(key: string, versionId?: string, signal?: AbortSignal): Promise<DownloadedObject> {
    const bodyFault = await this.call({ operation: 'GetObject', key, versionId }, `GetObject ${key}`);
    const e = this.read(key, versionId, `GetObject ${key}`);
    if (!e) {
      throw new Error(
        `${this.description}/${key}${versionId ? ` (version ${versionId})` : ''} does not exist: the snapshot is incomplete or was deleted.`,
        { cause: noSuchKey() },
      );
    }
    const raw = Readable.from(chunksOf(Buffer.from(e.body), bodyFault ?? undefined), {
      objectMode: false,
    });
    // as S3ObjectStore: a transport error of the body is explained (explainBodyError), never raw
    const body = new PassThrough();
    raw.once('error', (err) => body.destroy(explainBodyError(err, this.description, key)));
    body.once('close', () => raw.destroy());
    raw.pipe(body);
    if (signal) {
      const onAbort = () =>
        body.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      body.once('close', () => signal.removeEventListener('abort', onAbort));
    }
    return { body, size: e.body.length, ...this.visible(e), lastModified: new Date(e.lastModified) };
  }

  async listFolders(prefix: string): Promise<string[]> {
    await this.call({ operation: 'ListObjectsV2', key: prefix }, `ListObjectsV2 ${prefix}`);
    const folders = new Set<string>();
    for (const key of this.currentKeys(prefix)) {
      const slash = key.indexOf('/', prefix.length);
      if (slash >= 0) folders.add(key.slice(prefix.length, slash));
    }
    return [...folders].sort((a, b) => byUtf8(`${a}/`, `${b}/`));
  }

  async listKeys(prefix: string): Promise<string[]> {
    await this.call({ operation: 'ListObjectsV2', key: prefix }, `ListObjectsV2 ${prefix}`);
    return this.currentKeys(prefix);
  }

  async listVersions(key: string): Promise<KeyVersion[]> {
    await this.call({ operation: 'ListObjectVersions', key }, `ListObjectVersions ${key}`);
    return (this.objects.get(key) ?? [])
      .filter((e) => !e.deleteMarker)
      .map((e) => ({ versionId: e.versionId, lastModified: new Date(e.lastModified) }));
  }

  async deleteKeys(keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.call({ operation: 'DeleteObject', key }, `DeleteObject ${key}`);
      this.remove(key);
    }
  }

  async abortIncompleteUploads(key: string): Promise<number> {
    // as S3ObjectStore: its failures are not explained
    await this.enter({ operation: 'ListMultipartUploads', key });
    const open = this.uploads.get(key) ?? 0;
    this.uploads.delete(key);
    return open;
  }

  async serverTime(): Promise<Date> {
    await this.call({ operation: 'HeadBucket', key: '' }, 'HeadBucket');
    return new Date(this.clock());
  }

  // ---- for tests: the bucket as the provider sees it ----

  setVersioning(status: VersioningStatus): void {
    if (status === 'Disabled' && this.status !== 'Disabled') {
      throw new Error('a bucket whose versioning was ever enabled can only be suspended, not disabled');
    }
    this.status = status;
  }

  /** Every entry of one key, newest first, delete markers included. */
  versionsOf(key: string): VersionEntry[] {
    return (this.objects.get(key) ?? []).map((e, i) => ({
      key,
      versionId: e.versionId,
      isLatest: i === 0,
      deleteMarker: e.deleteMarker,
      lastModified: new Date(e.lastModified),
      size: e.body.length,
      etag: e.etag,
      ...(e.contentType ? { contentType: e.contentType } : {}),
      ...(e.metadata ? { metadata: { ...e.metadata } } : {}),
    }));
  }

  /** ListObjectVersions of a prefix: keys in order, each key's entries newest first. */
  allVersions(prefix = ''): VersionEntry[] {
    return [...this.objects.keys()]
      .filter((k) => k.startsWith(prefix))
      .sort(byUtf8)
      .flatMap((k) => this.versionsOf(k));
  }

  /**
   * The calls that change the bucket, in order, as "<operation> <key>" (an upload appears once,
   * as CompleteUpload, when its object appears), optionally only those below a prefix.
   */
  writes(prefix = ''): string[] {
    const changing = new Set<StoreOperation>(['PutObject', 'CompleteUpload', 'DeleteObject', 'CopyObject']);
    return this.calls
      .filter((c) => changing.has(c.operation) && c.key.startsWith(prefix))
      .map((c) => `${c.operation} ${c.key.slice(prefix.length)}`);
  }

  /** The keys a listing shows (current objects, not hidden by a delete marker), in S3's order. */
  keys(prefix = ''): string[] {
    return this.currentKeys(prefix);
  }

  /** A copy of the bytes of a key's current object, or of one version; undefined when absent. */
  bytes(key: string, versionId?: string): Buffer | undefined {
    const e = this.entry(key, versionId);
    return e && !e.deleteMarker ? Buffer.from(e.body) : undefined;
  }

  /** Parses a key's current object (or one version) as JSON; undefined when absent. */
  json<T = Record<string, unknown>>(key: string, versionId?: string): T | undefined {
    const b = this.bytes(key, versionId);
    return b ? (JSON.parse(b.toString('utf8')) as T) : undefined;
  }

  /** A write by something other than lifeboat (another tool, debris): no fault hook, no call log. */
  putBytes(key: string, bytes: Buffer | string, contentType = 'application/octet-stream'): ObjectVersion {
    return this.visible(this.store(key, Buffer.from(bytes), { contentType }));
  }

  /** DeleteObject with a VersionId, by another tool: that version is gone for good (no delete marker). */
  deleteVersion(key: string, versionId: string): void {
    const history = (this.objects.get(key) ?? []).filter((e) => e.versionId !== versionId);
    if (history.length) this.objects.set(key, history);
    else this.objects.delete(key);
  }

  /** Changes the stored bytes of a version in place, keeping its ETag and id (bit rot at the provider). */
  tamper(key: string, versionId: string | undefined, change: (bytes: Buffer) => Buffer): void {
    const e = this.entry(key, versionId);
    if (!e || e.deleteMarker) throw new Error(`tamper: ${key} ${versionId ?? ''} is not stored`);
    e.body = Buffer.from(change(Buffer.from(e.body)));
  }

  /** Multipart uploads begun and neither completed nor aborted, per key. */
  openUploads(): Record<string, number> {
    return Object.fromEntries(this.uploads);
  }

  /** Leaves a multipart upload open on a key (a run that died mid-upload). */
  beginUpload(key: string): void {
    this.uploads.set(key, (this.uploads.get(key) ?? 0) + 1);
  }

  /**
   * CopyObject into this bucket from `source` (another memory bucket at the same provider), the
   * source version pinned, as serverSideCopier does; the copy keeps the source's content type.
   */
  serverSideCopyFrom(source: MemoryStore): ServerSideCopy {
    return async (from, toKey) => {
      const operation = `CopyObject ${from.bucket}/${from.key} -> ${toKey}`;
      await this.call({ operation: 'CopyObject', key: toKey }, operation);
      const e = source.entry(from.key, from.versionId ?? undefined);
      if (!e || e.deleteMarker) throw explainS3Error(noSuchKey(), operation, this.description);
      const copied = this.store(toKey, Buffer.from(e.body), {
        ...(e.contentType ? { contentType: e.contentType } : {}),
        ...(e.metadata ? { metadata: { ...e.metadata } } : {}),
      });
      copied.etag = e.etag;
      return this.visible(copied);
    };
  }

  // ---- inside ----

  /**
   * Logs the call, runs the fault hook, yields. A failure of the hook is explained as
   * S3ObjectStore explains the SDK's errors of the same operation.
   */
  private async call(call: OperationCall, operation: string): Promise<BodyFault | void> {
    try {
      return await this.enter(call);
    } catch (err) {
      throw explainS3Error(err, operation, this.description);
    }
  }

  /** Logs the call, runs the fault hook (its failure passes unexplained), yields. */
  private async enter(call: OperationCall): Promise<BodyFault | void> {
    this.calls.push(call);
    const bodyFault = await this.fault?.(call);
    await yieldTurn();
    return bodyFault;
  }

  /**
   * AWS's answers: a 412 when the condition does not hold, a 404 for If-Match on no object. Without
   * conditional writes, Ceph Pacific's: If-None-Match is ignored and If-Match always fails.
   */
  private checkConditions(key: string, c: PutConditions, operation: string): void {
    const e = this.current(key);
    const precondition = () =>
      s3Error('PreconditionFailed', 412, 'At least one of the pre-conditions you specified did not hold');
    const failed = !this.conditional
      ? c.ifMatch !== undefined
        ? precondition()
        : undefined
      : (c.ifNoneMatch === '*' && e) || (c.ifMatch !== undefined && e && e.etag !== c.ifMatch)
        ? precondition()
        : c.ifMatch !== undefined && !e
          ? noSuchKey()
          : undefined;
    if (failed) {
      throw (
        preconditionFailure(failed, c, operation, this.description) ??
        explainS3Error(failed, operation, this.description)
      );
    }
  }

  /** What HEAD (and so an upload's answer) reports of server-side encryption. */
  private sseFields(): { serverSideEncryption?: string; sseKmsKeyId?: string } {
    if (!this.sse) return {};
    return {
      serverSideEncryption: this.sse.sse,
      ...(this.sse.kmsKeyId ? { sseKmsKeyId: this.sse.kmsKeyId } : {}),
    };
  }

  private versioned(): boolean {
    return this.status === 'Enabled' || this.status === 'Suspended';
  }

  /** The version id a client is told: AWS sends none without versioning. */
  private visible(e: Entry): ObjectVersion {
    return {
      ...(this.status === 'Disabled' || this.status === 'Unsupported' ? {} : { versionId: e.versionId }),
      etag: e.etag,
    };
  }

  /** One version of a key (a delete marker too), or without an id the current object. */
  private entry(key: string, versionId: string | undefined): Entry | undefined {
    return versionId ? this.objects.get(key)?.find((x) => x.versionId === versionId) : this.current(key);
  }

  private current(key: string): Entry | undefined {
    const e = this.objects.get(key)?.[0];
    return e && !e.deleteMarker ? e : undefined;
  }

  /** The entry a GET reads: undefined for "not found" (NoSuchKey / NoSuchVersion). */
  private read(key: string, versionId: string | undefined, operation: string): Entry | undefined {
    const e = this.entry(key, versionId);
    if (e?.deleteMarker) {
      // S3 answers a GET of a delete marker's version with 405
      throw explainS3Error(
        s3Error('MethodNotAllowed', 405, 'The specified method is not allowed against this resource.'),
        operation,
        this.description,
      );
    }
    return e;
  }

  private currentKeys(prefix: string): string[] {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix) && this.current(k)).sort(byUtf8);
  }

  private newEntry(deleteMarker: boolean, body: Buffer, etag: string): Entry {
    const versionId =
      this.status === 'Enabled' ? `v${String(this.nextVersion++).padStart(6, '0')}` : NULL_VERSION;
    return { versionId, deleteMarker, body, etag, lastModified: new Date(this.clock()) };
  }

  /** Puts an entry on top of the key's history; a "null" entry replaces the earlier "null" one. */
  private push(key: string, e: Entry): void {
    const history = this.versioned() ? (this.objects.get(key) ?? []) : [];
    const kept = e.versionId === NULL_VERSION ? history.filter((x) => x.versionId !== NULL_VERSION) : history;
    this.objects.set(key, [e, ...kept]);
  }

  private store(
    key: string,
    body: Buffer,
    o: { contentType?: string; partSize?: number; metadata?: Record<string, string> },
  ): Entry {
    const e = this.newEntry(false, body, etagOf(body, o.partSize));
    if (o.contentType) e.contentType = o.contentType;
    if (o.metadata) e.metadata = o.metadata;
    this.push(key, e);
    return e;
  }

  private remove(key: string): void {
    if (!this.versioned()) {
      this.objects.delete(key);
      return;
    }
    this.push(key, this.newEntry(true, Buffer.alloc(0), ''));
  }

  private closeUpload(key: string): void {
    const open = (this.uploads.get(key) ?? 1) - 1;
    if (open > 0) this.uploads.set(key, open);
    else this.uploads.delete(key);
  }
}

/** Lets every other pending operation run first: concurrent callers interleave as over a network. */
function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function* chunksOf(bytes: Buffer, fault: BodyFault | undefined): Generator<Buffer> {
  const cut = fault && 'failAfterBytes' in fault ? fault : undefined;
  if (fault && 'alterByteAt' in fault) {
    bytes = Buffer.from(bytes);
    bytes.writeUInt8(bytes.readUInt8(fault.alterByteAt) ^ 0x01, fault.alterByteAt);
  }
  const end = cut ? Math.min(cut.failAfterBytes, bytes.length) : bytes.length;
  for (let at = 0; at < end; at += DOWNLOAD_CHUNK)
    yield bytes.subarray(at, Math.min(at + DOWNLOAD_CHUNK, end));
  if (cut) throw cut.error ?? new Error('socket hang up (simulated: the download was cut)');
}
