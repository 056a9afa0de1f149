import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback, type Writable } from 'node:stream';

/**
 * The point every archive byte passes on its way to storage: it hashes and counts them, hands a
 * copy to a side consumer (the inspector) with back-pressure from both sides, and holds the end of
 * the stream until `beforeEnd` has judged the whole run. When beforeEnd throws, the stream errors
 * instead of ending, so the upload is aborted rather than completed.
 */
export class ArchiveTap extends Transform {
  bytes = 0;
  private readonly hash: Hash = createHash('sha256');
  private digest: string | undefined;

  private side: Writable | undefined;

  constructor(private readonly beforeEnd: () => Promise<void>) {
    super({ highWaterMark: 1 << 20 });
  }

  /**
   * Feeds a copy of every following byte to `side`; when `sideResult` fails (a damaged archive),
   * the tap fails at once instead of waiting for a drain that will never come.
   */
  attachSide(side: Writable, sideResult: Promise<unknown>): void {
    this.side = side;
    sideResult.catch((err: unknown) => this.destroy(err as Error));
  }

  get sha256(): string {
    if (!this.digest) throw new Error('internal: sha256 read before the stream ended');
    return this.digest;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.side || this.side.write(chunk)) return callback(null, chunk);
    this.side.once('drain', () => callback(null, chunk));
  }

  override _flush(callback: TransformCallback): void {
    this.digest = this.hash.digest('hex');
    this.side?.end();
    this.beforeEnd().then(
      () => callback(),
      (err: unknown) => callback(err as Error),
    );
  }
}
