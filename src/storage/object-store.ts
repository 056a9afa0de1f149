import { words } from '../util/vocabulary.js';
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { uploadInParts, type PartRequests } from './part-upload.js';
import { MAX_PARTS } from './part-size.js';
import { ConfigurationError, EnvironmentError } from '../util/errors.js';
import { onInterrupt } from '../util/interrupt-cleanup.js';
import { createS3Client, describeLocation, sseParams, storeTimeouts, type S3Location } from './s3-client.js';
import {
  explainBodyError,
  explainS3Error,
  isNotFound,
  isStall,
  s3ErrorCode,
  s3Status,
  storeStalledMessage,
} from './s3-errors.js';

/**
 * What a request may take in all once the store was found stalled (see S3ObjectStore.send): a
 * third of the idle timeout (10 s of the shipped 30 s).
 */
const afterStallMs = () => Math.ceil(storeTimeouts().idleMs / 3);

export interface ObjectVersion {
  versionId?: string;
  etag?: string;
}

export interface StoredObject extends ObjectVersion {
  serverSideEncryption?: string;
  sseKmsKeyId?: string;
}

export interface StoredJson<T> extends ObjectVersion {
  value: T;
}

export interface ObjectHead extends ObjectVersion {
  size: number;
  lastModified?: Date;
  /** What the server reports it applied (x-amz-server-side-encryption), when anything. */
  serverSideEncryption?: string;
  sseKmsKeyId?: string;
}

export interface UploadOptions {
  contentType: string;
  partSizeBytes: number;
  queueSize: number;
  signal?: AbortSignal;
  metadata?: Record<string, string>;
}

/** One stored version of a key, as ListObjectVersions reports it (delete markers left out). */
export interface KeyVersion {
  versionId: string;
  lastModified?: Date;
}

export interface DownloadedObject extends ObjectVersion {
  body: Readable;
  size: number;
  /** When the server stored this version (its clock, not the runner's). */
  lastModified?: Date;
}

/**
 * Conditions of a PutObject. AWS S3 (since 2024), R2, MinIO and newer Ceph honour them; Ceph
 * Pacific accepts If-None-Match: * on an existing key and answers If-Match with 412 even for the
 * current ETag (storage/conditional-writes.ts finds out which, once per run).
 */
export interface PutConditions {
  /** `*`: write only when the key has no current object. */
  ifNoneMatch?: '*';
  /** Write only when the current object has this ETag. */
  ifMatch?: string;
}

/**
 * A conditional PutObject whose condition did not hold: HTTP 412, 409 ConditionalRequestConflict
 * (a concurrent conditional write of the key won) or, for If-Match on a key without an object,
 * 404. Nothing was written.
 */
export class PreconditionFailedError extends Error {
  override readonly name = 'PreconditionFailedError';
}

/** The PreconditionFailedError a conditional put's failure is, or undefined when it is another failure. */
export function preconditionFailure(
  err: unknown,
  conditions: PutConditions | undefined,
  operation: string,
  where: string,
): PreconditionFailedError | undefined {
  if (!conditions || (conditions.ifNoneMatch === undefined && conditions.ifMatch === undefined))
    return undefined;
  const status = s3Status(err);
  const code = s3ErrorCode(err);
  const failed =
    status === 412 ||
    code === 'PreconditionFailed' ||
    code === 'ConditionalRequestConflict' ||
    (conditions.ifMatch !== undefined && (status === 404 || code === 'NoSuchKey'));
  if (!failed) return undefined;
  const condition = conditions.ifNoneMatch ? 'If-None-Match: *' : `If-Match: ${conditions.ifMatch}`;
  return new PreconditionFailedError(
    `${operation} on ${where} with ${condition} was refused (${code}${status ? `, HTTP ${status}` : ''}): nothing was written.`,
  );
}

export type VersioningStatus = 'Enabled' | 'Suspended' | 'Disabled' | 'Unsupported';

/** The operations lifeboat performs on a bucket; everything above this speaks in keys. */
export interface ObjectStore {
  readonly description: string;
  /** The bucket's own name, for the commands a message suggests (a store without one leaves it out). */
  readonly bucket?: string;
  checkAccess(): Promise<void>;
  versioning(): Promise<VersioningStatus>;
  /** The current object, or one version of it; undefined when there is none. */
  head(key: string, versionId?: string): Promise<ObjectHead | undefined>;
  getJson<T>(key: string, versionId?: string): Promise<StoredJson<T> | undefined>;
  /** With conditions, a condition that does not hold throws PreconditionFailedError. */
  putJson(key: string, value: unknown, conditions?: PutConditions): Promise<ObjectVersion>;
  uploadStream(key: string, body: Readable, options: UploadOptions): Promise<StoredObject>;
  download(key: string, versionId?: string, signal?: AbortSignal): Promise<DownloadedObject>;
  /** Names of the "folders" directly below prefix (which must end in "/"). */
  listFolders(prefix: string): Promise<string[]>;
  listKeys(prefix: string): Promise<string[]>;
  /** The versions of one key in the order they were stored, newest first (one "null" version in an unversioned bucket). */
  listVersions(key: string): Promise<KeyVersion[]>;
  deleteKeys(keys: string[]): Promise<void>;
  /** Aborts every unfinished multipart upload of this key. Returns how many it aborted. */
  abortIncompleteUploads(key: string): Promise<number>;
  /**
   * The storage's clock now, as the server states it in its answer to a request made for it (the
   * Date header). Order, age and retention are judged by this clock, never by the runner's.
   */
  serverTime(): Promise<Date>;
}

export class S3ObjectStore implements ObjectStore {
  readonly description: string;
  private readonly client: S3Client;
  readonly bucket: string;
  private readonly sse: ReturnType<typeof sseParams>;

  constructor(location: S3Location, client?: S3Client) {
    this.bucket = location.bucket;
    this.sse = sseParams(location.serverSideEncryption);
    this.description = describeLocation(location);
    this.client = client ?? createS3Client(location);
  }

  /** Set once a request found the store stalled (s3-client.ts STORE_TIMEOUTS): see send. */
  private stalled = false;

  /**
   * Every request goes through here. Once one request found the store stalled, the run is
   * failing: each later request (aborting the upload, releasing a claim) gets afterStallMs() in
   * all, so a dead store ends the run in about two minutes, not two minutes per clean-up step.
   */
  private send<T>(
    request: (options: { abortSignal?: AbortSignal }) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    if (!this.stalled) return request(signal ? { abortSignal: signal } : {});
    const deadline = AbortSignal.timeout(afterStallMs());
    return request({ abortSignal: signal ? AbortSignal.any([signal, deadline]) : deadline });
  }

  private fail(err: unknown, operation: string): Error {
    if (this.stalled && s3ErrorCode(err) === 'AbortError') {
      return new EnvironmentError(storeStalledMessage(this.description, operation, false));
    }
    const explained = explainS3Error(err, operation, this.description);
    if (isStall(err)) this.stalled = true;
    return explained;
  }

  async checkAccess(): Promise<void> {
    try {
      await this.send((o) => this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), o));
    } catch (err) {
      if (s3Status(err) === 404 || isNotFound(err)) {
        throw new ConfigurationError(
          `The bucket ${this.description} does not exist: create it (with versioning enabled) or fix ${words().name('bucket')}, ${words().name('endpoint')} and ${words().name('region')}.`,
        );
      }
      throw this.fail(err, 'HeadBucket');
    }
  }

  async versioning(): Promise<VersioningStatus> {
    try {
      const out = await this.send((o) =>
        this.client.send(new GetBucketVersioningCommand({ Bucket: this.bucket }), o),
      );
      if (out.Status === 'Enabled' || out.Status === 'Suspended') return out.Status;
      return 'Disabled';
    } catch (err) {
      // some providers (Cloudflare R2) have no object versioning and answer NotImplemented
      if (s3ErrorCode(err) === 'NotImplemented' || s3Status(err) === 501) return 'Unsupported';
      throw this.fail(err, 'GetBucketVersioning');
    }
  }

  async head(key: string, versionId?: string): Promise<ObjectHead | undefined> {
    try {
      const out = await this.send((o) =>
        this.client.send(
          new HeadObjectCommand({
            Bucket: this.bucket,
            Key: key,
            ...(versionId ? { VersionId: versionId } : {}),
          }),
          o,
        ),
      );
      return {
        size: out.ContentLength ?? 0,
        versionId: out.VersionId,
        etag: out.ETag,
        lastModified: out.LastModified,
        ...(out.ServerSideEncryption ? { serverSideEncryption: out.ServerSideEncryption } : {}),
        ...(out.SSEKMSKeyId ? { sseKmsKeyId: out.SSEKMSKeyId } : {}),
      };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw this.fail(err, `HeadObject ${key}`);
    }
  }

  async getJson<T>(key: string, versionId?: string): Promise<StoredJson<T> | undefined> {
    let text: string;
    let out;
    try {
      out = await this.send((o) =>
        this.client.send(
          new GetObjectCommand({
            Bucket: this.bucket,
            Key: key,
            ...(versionId ? { VersionId: versionId } : {}),
          }),
          o,
        ),
      );
      text = (await out.Body?.transformToString('utf8')) ?? '';
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw this.fail(err, `GetObject ${key}`);
    }
    try {
      return { value: JSON.parse(text) as T, versionId: out.VersionId, etag: out.ETag };
    } catch {
      throw new Error(
        `${this.description}/${key} is not valid JSON: it was not written by lifeboat or is damaged.`,
      );
    }
  }

  async putJson(key: string, value: unknown, conditions?: PutConditions): Promise<ObjectVersion> {
    const body = Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
    const operation = `PutObject ${key}`;
    try {
      const out = await this.send((o) =>
        this.client.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: key,
            Body: body,
            ContentType: 'application/json',
            ...this.sse,
            // every S3 flavour checks Content-MD5, unlike the newer checksum headers
            ContentMD5: createHash('md5').update(body).digest('base64'),
            ...(conditions?.ifNoneMatch ? { IfNoneMatch: conditions.ifNoneMatch } : {}),
            ...(conditions?.ifMatch ? { IfMatch: conditions.ifMatch } : {}),
          }),
          o,
        ),
      );
      return { versionId: out.VersionId, etag: out.ETag };
    } catch (err) {
      throw preconditionFailure(err, conditions, operation, this.description) ?? this.fail(err, operation);
    }
  }

  async uploadStream(key: string, body: Readable, options: UploadOptions): Promise<StoredObject> {
    const cut = new AbortController();
    let created: Promise<string | undefined> = Promise.resolve(undefined);
    const requests = this.partRequests(key, options, cut.signal, (id) => (created = id));
    // on a signal, at once: the parts in flight are cut (they would hold the link the abort
    // needs) and the multipart upload is aborted by its id, without waiting for the run to unwind
    const abort = onInterrupt(options.signal, `the multipart upload of ${key}`, async () => {
      cut.abort();
      const uploadId = await created.catch(() => undefined);
      if (!uploadId) return;
      try {
        await this.send((o) =>
          this.client.send(
            new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }),
            o,
          ),
        );
      } catch (err) {
        if (s3ErrorCode(err) !== 'NoSuchUpload')
          throw explainS3Error(err, `AbortMultipartUpload ${key}`, this.description);
      }
    });
    try {
      const out = await uploadInParts(requests, body, {
        partSize: options.partSizeBytes,
        queueSize: options.queueSize,
        maxParts: MAX_PARTS,
        cut,
      });
      abort.cancel();
      // Ceph RGW answers CompleteMultipartUpload with an empty ETag (and may omit the version):
      // HeadObject has both.
      const head = await this.head(key);
      return {
        versionId: out.versionId ?? head?.versionId,
        etag: head?.etag ?? out.etag,
        ...(head?.serverSideEncryption ? { serverSideEncryption: head.serverSideEncryption } : {}),
        ...(head?.sseKmsKeyId ? { sseKmsKeyId: head.sseKmsKeyId } : {}),
      };
    } catch (err) {
      if (options.signal?.aborted) {
        // the signal's clean-up aborts the upload; the edge names it if it could not
        await abort.run().catch(() => undefined);
        throw options.signal.reason ?? new Error('upload aborted');
      }
      abort.cancel();
      // explained first: a stalled store then bounds the clean-up below (see send)
      const failure = this.fail(err, `upload of ${key}`);
      // leave no half-written multipart upload behind, whatever the upload did on its way out
      await this.abortIncompleteUploads(key).catch(() => 0);
      throw failure;
    }
  }

  /**
   * The requests of one object's upload in parts (part-upload.ts). The multipart upload is
   * created without the cut signal, so its id is known even when a signal comes while it is being
   * created (`onCreate` gets it as soon as the request is sent), and none is created once cut.
   */
  private partRequests(
    key: string,
    options: UploadOptions,
    cut: AbortSignal,
    onCreate: (uploadId: Promise<string | undefined>) => void,
  ): PartRequests {
    const params = {
      Bucket: this.bucket,
      Key: key,
      ContentType: options.contentType,
      ...this.sse,
      ...(options.metadata ? { Metadata: options.metadata } : {}),
    };
    const target = { Bucket: this.bucket, Key: key };
    return {
      put: async (body, abortSignal) => {
        const out = await this.client.send(new PutObjectCommand({ ...params, Body: body }), { abortSignal });
        return { versionId: out.VersionId, etag: out.ETag };
      },
      create: async () => {
        if (cut.aborted) throw Object.assign(new Error('Upload aborted.'), { name: 'AbortError' });
        const out = this.client.send(new CreateMultipartUploadCommand(params));
        const id = out.then((o) => o.UploadId);
        // read only by a signal's clean-up: a create that fails (NoSuchBucket) is the upload's error, not an unhandled one
        id.catch(() => undefined);
        onCreate(id);
        const { UploadId } = await out;
        if (!UploadId) throw new Error(`CreateMultipartUpload ${key} answered without an UploadId`);
        return UploadId;
      },
      part: async (uploadId, partNumber, body, abortSignal) => {
        const out = await this.client.send(
          new UploadPartCommand({ ...target, UploadId: uploadId, PartNumber: partNumber, Body: body }),
          { abortSignal },
        );
        if (!out.ETag) throw new Error(`UploadPart ${partNumber} of ${key} answered without an ETag`);
        return out.ETag;
      },
      complete: async (uploadId, parts, abortSignal) => {
        const out = await this.client.send(
          new CompleteMultipartUploadCommand({
            ...target,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts },
          }),
          { abortSignal },
        );
        return { versionId: out.VersionId, etag: out.ETag };
      },
      abort: async (uploadId) => {
        await this.client.send(new AbortMultipartUploadCommand({ ...target, UploadId: uploadId }));
      },
    };
  }

  async download(key: string, versionId?: string, signal?: AbortSignal): Promise<DownloadedObject> {
    try {
      const out = await this.send(
        (o) =>
          this.client.send(
            new GetObjectCommand({
              Bucket: this.bucket,
              Key: key,
              ...(versionId ? { VersionId: versionId } : {}),
            }),
            o,
          ),
        signal,
      );
      return {
        body: this.explainedBody(out.Body as Readable, key),
        size: out.ContentLength ?? 0,
        versionId: out.VersionId,
        etag: out.ETag,
        ...(out.LastModified ? { lastModified: out.LastModified } : {}),
      };
    } catch (err) {
      if (isNotFound(err)) {
        throw new Error(
          `${this.description}/${key}${versionId ? ` (version ${versionId})` : ''} does not exist: the snapshot is incomplete or was deleted.`,
          { cause: err },
        );
      }
      throw this.fail(err, `GetObject ${key}`);
    }
  }

  /** The body with its transport errors explained (explainBodyError): they name the store, never the archive. */
  private explainedBody(body: Readable, key: string): Readable {
    const out = new PassThrough();
    body.once('error', (err) => out.destroy(explainBodyError(err, this.description, key)));
    // a consumer that stops reading (a refused archive, a signal) releases the connection
    out.once('close', () => body.destroy());
    return body.pipe(out);
  }

  async listFolders(prefix: string): Promise<string[]> {
    const folders: string[] = [];
    let token: string | undefined;
    try {
      do {
        const out = await this.send((o) =>
          this.client.send(
            new ListObjectsV2Command({
              Bucket: this.bucket,
              Prefix: prefix,
              Delimiter: '/',
              ContinuationToken: token,
            }),
            o,
          ),
        );
        for (const p of out.CommonPrefixes ?? []) {
          if (p.Prefix) folders.push(p.Prefix.slice(prefix.length).replace(/\/$/, ''));
        }
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
    } catch (err) {
      throw this.fail(err, `ListObjectsV2 ${prefix}`);
    }
    return folders;
  }

  async listKeys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const out = await this.send((o) =>
          this.client.send(
            new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
            o,
          ),
        );
        for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
    } catch (err) {
      throw this.fail(err, `ListObjectsV2 ${prefix}`);
    }
    return keys;
  }

  async listVersions(key: string): Promise<KeyVersion[]> {
    try {
      const out = await this.send((o) =>
        this.client.send(new ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: key }), o),
      );
      // the server lists a key's versions in the order they were stored, newest first. That order
      // is the one to trust: LastModified is when a PUT began, and of two concurrent PUTs the one
      // that began first may be stored second (seen on Ceph RGW)
      return (out.Versions ?? [])
        .filter((v) => v.Key === key && v.VersionId)
        .map((v) => ({
          versionId: v.VersionId as string,
          ...(v.LastModified ? { lastModified: v.LastModified } : {}),
        }));
    } catch (err) {
      throw this.fail(err, `ListObjectVersions ${key}`);
    }
  }

  async deleteKeys(keys: string[]): Promise<void> {
    // one DeleteObject per key: DeleteObjects needs Content-MD5 on some providers and a snapshot
    // holds only a few objects
    for (const key of keys) {
      try {
        await this.send((o) =>
          this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }), o),
        );
      } catch (err) {
        throw this.fail(err, `DeleteObject ${key}`);
      }
    }
  }

  async serverTime(): Promise<Date> {
    const command = new HeadBucketCommand({ Bucket: this.bucket });
    let date: string | undefined;
    // the answer's Date header, read as it is deserialized (the SDK's output does not carry it)
    command.middlewareStack.add(
      (next) => async (args) => {
        const out = await next(args);
        date = (out.response as { headers?: Record<string, string | undefined> }).headers?.['date'];
        return out;
      },
      { step: 'deserialize', name: 'lifeboatServerDate' },
    );
    try {
      await this.send((o) => this.client.send(command, o));
    } catch (err) {
      throw this.fail(err, 'HeadBucket');
    }
    const time = date ? new Date(date) : undefined;
    if (!time || Number.isNaN(time.getTime())) {
      throw new Error(
        `${this.description} sent no valid Date header (${JSON.stringify(date ?? null)}): the storage's clock cannot be read.`,
      );
    }
    return time;
  }

  async abortIncompleteUploads(key: string): Promise<number> {
    let aborted = 0;
    const out = await this.send((o) =>
      this.client.send(new ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: key }), o),
    );
    for (const u of out.Uploads ?? []) {
      if (u.Key !== key || !u.UploadId) continue;
      await this.send((o) =>
        this.client.send(
          new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: u.UploadId }),
          o,
        ),
      );
      aborted++;
    }
    return aborted;
  }
}
