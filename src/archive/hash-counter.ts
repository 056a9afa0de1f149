import { createHash } from 'node:crypto';
import {
  Transform,
  Writable,
  type TransformCallback,
  type TransformOptions,
  type Readable,
} from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * The one way lifeboat hashes a stream: sha256 and a byte count of what passes through, passed on
 * unchanged. Subclasses that do more with each chunk (archive-tap.ts) call `count` for it.
 */
export class HashCounter extends Transform {
  bytes = 0;
  private readonly hash = createHash('sha256');
  private digest: string | undefined;

  constructor(options?: TransformOptions) {
    super(options);
  }

  /** Adds a chunk to the hash and the count: every chunk that passes, exactly once. */
  protected count(chunk: Buffer): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    this.count(chunk);
    callback(null, chunk);
  }

  /** The sha256 of what passed so far; reading it ends the hash. */
  get sha256(): string {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }
}

/** Reads a stream to its end and returns its sha256 and size (the bytes are discarded). */
export async function hashStream(body: Readable): Promise<{ bytes: number; sha256: string }> {
  const counter = new HashCounter();
  const discard = new Writable({ write: (_chunk, _enc, done) => done() });
  await pipeline(body, counter, discard);
  return { bytes: counter.bytes, sha256: counter.sha256 };
}
