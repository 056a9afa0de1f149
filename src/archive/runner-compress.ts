import type { Transform, TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { EnvironmentError } from '../util/errors.js';
import { HashCounter } from './hash-counter.js';

/**
 * Compression on the runner: `compression: auto` on a machine without zstd sends plain tar over
 * the link and lifeboat compresses it here with Node's zlib zstd, so the machine (often one shared
 * CPU that the app also needs) spends nothing on compression (bench/NOTES.md, "The slim Fly
 * machine"). The stored archive is an ordinary zstd frame, the same format `zstd -3` writes on a
 * machine: level 3 with a content checksum, so that every later read (verify, restore, `zstd -t`)
 * checks it end to end. zlib runs the compression on its thread pool, beside the main thread's
 * hashing, walking and upload.
 */

/** The level `zstd -3` on a machine uses (remote-script.ts COMPRESSORS.zstd). */
export const RUNNER_ZSTD_LEVEL = 3;

/** Whether this Node.js can compress zstd (its zlib has zstd from 23.8, backported to 22.15). */
export function runnerCanZstd(): boolean {
  return typeof zlib.createZstdCompress === 'function';
}

/** A streaming zstd compressor; a Node.js without zstd is an environment fault, named with its fix. */
export function createRunnerZstd(): Transform {
  if (!runnerCanZstd()) {
    throw new EnvironmentError(
      `compressing on the runner needs Node.js >= 22.15 (this is ${process.version} at ${process.execPath}, whose zlib has no zstd): ` +
        'run the action on node24, or install Node.js 24 (https://nodejs.org/en/download) and run lifeboat with it',
    );
  }
  return zlib.createZstdCompress({
    // output chunks of 256 KiB: fewer, larger chunks for the hash and the upload's parts
    chunkSize: 1 << 18,
    params: {
      [zlib.constants.ZSTD_c_compressionLevel]: RUNNER_ZSTD_LEVEL,
      [zlib.constants.ZSTD_c_checksumFlag]: 1,
    },
  });
}

/**
 * What the stage gathers before it writes to zstd: each write is a round trip to zlib's thread
 * pool and back (about 100 µs of the main thread's CPU here), and the pipe delivers 64 KiB at a
 * time; 1 MiB writes cut the main thread's share of the compression about in half (bench/NOTES.md,
 * "The backup's main thread"). zstd's output does not depend on how its input is cut.
 */
export const ZSTD_WRITE_BATCH = 1 << 20;

/** Batch buffers: one being filled while the other is compressed; reused, so no new memory per batch. */
const BATCH_BUFFERS = 2;

/**
 * The stage between the archive tap and the upload when the runner may compress: it passes the
 * bytes on unchanged until `compress()` is called (before the first byte, when the stream's header
 * says the machine sent plain tar), and from then on compresses them with zstd. Either way it
 * hashes and counts what it passes on: the bytes that are stored (or encrypted, then stored).
 *
 * The plain bytes are copied into one of BATCH_BUFFERS buffers of ZSTD_WRITE_BATCH bytes; a full
 * one is written to zstd and comes back once zstd has compressed it (zstd keeps no reference to
 * its input after a write's callback). With both buffers at zstd, the stage waits: that is its
 * back-pressure.
 *
 * The compressed stream is one zstd frame, always: zstd is ended only once every write has been
 * compressed. Node's zstd compresses a write still queued when end() is called as the frame's
 * end, and then ends a second, empty frame (13 bytes more; nodejs/node#66078), so the stored
 * bytes depended on timing.
 */
export class RunnerCompressStage extends HashCounter {
  private zstd: Transform | undefined;
  /** Batch buffers not at zstd; `filling` is the one being filled, `filled` bytes of it so far. */
  private free: Buffer[] = [];
  private allocated = 0;
  private filling: Buffer | undefined;
  private filled = 0;
  /** Writes zstd has not compressed yet. */
  private unwritten = 0;
  /** Runs when a batch buffer comes back from zstd (the stage was waiting for one, or for the last). */
  private onReturn: (() => void) | undefined;

  constructor() {
    super({ highWaterMark: 1 << 20 });
  }

  /** From now on, compress with zstd (call it before any byte has passed). */
  compress(): void {
    if (this.bytes > 0) throw new Error('internal: runner compression chosen after bytes passed');
    const zstd = createRunnerZstd();
    zstd.on('data', (chunk: Buffer) => {
      this.count(chunk);
      // the upload is slower than the compressor: hold the compressor until it asks for more
      if (!this.push(chunk)) zstd.pause();
    });
    zstd.on('error', (err: Error) => this.destroy(err));
    this.zstd = zstd;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    const zstd = this.zstd;
    if (!zstd) {
      this.count(chunk);
      return callback(null, chunk);
    }
    let at = 0;
    const copy = (): void => {
      while (at < chunk.length) {
        if (!this.filling) {
          this.filling =
            this.free.pop() ??
            (this.allocated < BATCH_BUFFERS
              ? (this.allocated++, Buffer.allocUnsafe(ZSTD_WRITE_BATCH))
              : undefined);
          if (!this.filling) {
            // both buffers are at zstd: go on when one comes back
            this.onReturn = copy;
            return;
          }
        }
        const n = chunk.copy(this.filling, this.filled, at);
        at += n;
        this.filled += n;
        if (this.filled === ZSTD_WRITE_BATCH) this.writeFilling(zstd);
      }
      callback();
    };
    copy();
  }

  /** Hands the buffer being filled to zstd; it is free again once zstd has compressed it. */
  private writeFilling(zstd: Transform): void {
    const buffer = this.filling!;
    const bytes = this.filled;
    this.filling = undefined;
    this.filled = 0;
    this.unwritten++;
    // a failure reaches the stage through zstd's 'error'; the write's return value is not the
    // back-pressure here, the two buffers are
    zstd.write(buffer.subarray(0, bytes), () => {
      this.unwritten--;
      this.free.push(buffer);
      const next = this.onReturn;
      this.onReturn = undefined;
      next?.();
    });
  }

  override _flush(callback: TransformCallback): void {
    const zstd = this.zstd;
    if (!zstd) return callback();
    zstd.once('end', () => callback());
    if (this.filled > 0) this.writeFilling(zstd);
    // end() only after the last write was compressed: it then ends the one frame (see above)
    const endWhenWritten = (): void => {
      if (this.unwritten === 0) zstd.end();
      else this.onReturn = endWhenWritten;
    };
    endWhenWritten();
  }
  override _read(size: number): void {
    this.zstd?.resume();
    super._read(size);
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    this.zstd?.destroy();
    callback(err);
  }
}
