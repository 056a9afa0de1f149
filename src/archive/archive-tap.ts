import type { TransformCallback, Writable } from 'node:stream';
import { HashCounter } from './hash-counter.js';

/**
 * The point every archive byte passes on its way to storage: it hashes and counts them (as a
 * HashCounter), hands a copy to a side consumer (the inspector) with back-pressure from both
 * sides, and holds the end of the stream until `beforeEnd` has judged the whole run. When
 * beforeEnd throws, the stream errors instead of ending, so the upload is aborted rather than
 * completed. Its sha256 can be read only once every byte has passed. With `hash: false` it only
 * counts: a later stage hashes what is stored (the runner compresses after it, runner-compress.ts).
 */
export class ArchiveTap extends HashCounter {
  private side: Writable | undefined;
  private ended = false;

  private readonly hashes: boolean;

  constructor(
    private readonly beforeEnd: () => Promise<void>,
    options: { hash?: boolean } = {},
  ) {
    super({ highWaterMark: 1 << 20 });
    this.hashes = options.hash ?? true;
  }

  /**
   * Feeds a copy of every following byte to `side`; when `sideResult` fails (a damaged archive),
   * the tap fails at once instead of waiting for a drain that will never come.
   */
  attachSide(side: Writable, sideResult: Promise<unknown>): void {
    this.side = side;
    sideResult.catch((err: unknown) => this.destroy(err as Error));
  }

  override get sha256(): string {
    if (!this.ended) throw new Error('internal: sha256 read before the stream ended');
    if (!this.hashes) throw new Error('internal: sha256 read of a tap that does not hash');
    return super.sha256;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    if (this.hashes) this.count(chunk);
    else this.bytes += chunk.length;
    if (!this.side || this.side.write(chunk)) return callback(null, chunk);
    this.side.once('drain', () => callback(null, chunk));
  }

  override _flush(callback: TransformCallback): void {
    this.ended = true;
    this.side?.end();
    this.beforeEnd().then(
      () => callback(),
      (err: unknown) => callback(err as Error),
    );
  }
}
