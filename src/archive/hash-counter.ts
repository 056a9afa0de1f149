import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Hashes (sha256) and counts the bytes that pass through it. */
export class HashCounter extends Transform {
  bytes = 0;
  private readonly hash = createHash('sha256');
  private digest: string | undefined;

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  /** The sha256 of what passed so far; reading it ends the hash. */
  get sha256(): string {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }
}
