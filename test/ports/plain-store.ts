// A tiny ObjectStore over a Map, for unit tests of the catalog and the jobs above it: every key
// holds only its current version (a fresh versionId per write), and one key can be made to fail
// its reads. Not a model of S3's version ordering or conditional writes.
import { Readable } from 'node:stream';
import type {
  DownloadedObject,
  KeyVersion,
  ObjectHead,
  ObjectStore,
  ObjectVersion,
  StoredJson,
  StoredObject,
  UploadOptions,
  VersioningStatus,
} from '../../src/storage/object-store.js';

export interface PlainObject {
  body: Buffer;
  versionId: string;
  contentType: string;
}

/** Version ids are unique across stores, as two buckets' are. */
let written = 0;

export class PlainStore implements ObjectStore {
  readonly objects = new Map<string, PlainObject>();
  /** Keys whose head and download fail with this message. */
  readonly failing = new Map<string, string>();

  /** `clock` is the server's (serverTime, LastModified); default the real one. */
  constructor(
    readonly description = 'plain://bucket',
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Stores bytes (or a value as JSON) under key as a new current version. */
  put(key: string, body: Buffer | string | object, contentType = 'application/json'): ObjectVersion {
    const bytes = Buffer.isBuffer(body)
      ? body
      : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const versionId = `v${++written}`;
    this.objects.set(key, { body: bytes, versionId, contentType });
    return { versionId, etag: `"${versionId}"` };
  }

  json(key: string): unknown {
    const o = this.objects.get(key);
    return o ? (JSON.parse(o.body.toString('utf8')) as unknown) : undefined;
  }

  private read(key: string): PlainObject | undefined {
    const problem = this.failing.get(key);
    if (problem) throw new Error(problem);
    return this.objects.get(key);
  }

  async checkAccess(): Promise<void> {}

  async serverTime(): Promise<Date> {
    return this.clock();
  }

  async versioning(): Promise<VersioningStatus> {
    return 'Enabled';
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    const o = this.read(key);
    return (
      o && {
        size: o.body.length,
        versionId: o.versionId,
        etag: `"${o.versionId}"`,
        lastModified: this.clock(),
      }
    );
  }

  async getJson<T>(key: string): Promise<StoredJson<T> | undefined> {
    const o = this.read(key);
    if (!o) return undefined;
    return {
      value: JSON.parse(o.body.toString('utf8')) as T,
      versionId: o.versionId,
      etag: `"${o.versionId}"`,
    };
  }

  async putJson(key: string, value: unknown): Promise<ObjectVersion> {
    return this.put(key, JSON.stringify(value, null, 2));
  }

  async uploadStream(key: string, body: Readable, options: UploadOptions): Promise<StoredObject> {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
    return this.put(key, Buffer.concat(chunks), options.contentType);
  }

  async download(key: string): Promise<DownloadedObject> {
    const o = this.read(key);
    if (!o) throw new Error(`${this.description}/${key} does not exist`);
    return {
      body: Readable.from([o.body]),
      size: o.body.length,
      versionId: o.versionId,
      etag: `"${o.versionId}"`,
    };
  }

  async listFolders(prefix: string): Promise<string[]> {
    const folders = new Set<string>();
    for (const key of this.objects.keys()) {
      const rest = key.startsWith(prefix) ? key.slice(prefix.length) : '';
      if (rest.includes('/')) folders.add(rest.slice(0, rest.indexOf('/')));
    }
    return [...folders].sort();
  }

  async listKeys(prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  async listVersions(key: string): Promise<KeyVersion[]> {
    const o = this.objects.get(key);
    return o ? [{ versionId: o.versionId, lastModified: new Date() }] : [];
  }

  async deleteKeys(keys: string[]): Promise<void> {
    for (const key of keys) this.objects.delete(key);
  }

  async abortIncompleteUploads(): Promise<number> {
    return 0;
  }
}
