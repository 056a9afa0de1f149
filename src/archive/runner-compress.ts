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
 * time; 1 MiB writes halve the main thread's share of the compression (bench/NOTES.md, "The
 * backup's main thread"). zstd's output does not depend on how its input is cut.
 */
export const ZSTD_WRITE_BATCH = 1 << 20;

/**
 * The stage between the archive tap and the upload when the runner may compress: it passes the
 * bytes on unchanged until `compress()` is called (before the first byte, when the stream's header
 * says the machine sent plain tar), and from then on compresses them with zstd. Either way it
 * hashes and counts what it passes on: the bytes that are stored (or encrypted, then stored).
 *
 * The compressed stream is one zstd frame, always: zstd is ended only once every write has been
 * compressed. Node's zstd compresses a write still queued when end() is called as the frame's
 * end, and then ends a second, empty frame (13 bytes more; nodejs/node#66078), so the stored
 * bytes depended on timing.
 */
export class RunnerCompressStage extends HashCounter {
  private zstd: Transform | undefined;
  /** Plain bytes not yet written to zstd (fewer than ZSTD_WRITE_BATCH). */
  private batch: Buffer[] = [];
  private batchBytes = 0;
  /** Writes zstd has not compressed yet; `whenWritten` runs when the last of them is. */
  private unwritten = 0;
  private whenWritten: (() => void) | undefined;

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
    if (!this.zstd) {
      this.count(chunk);
      return callback(null, chunk);
    }
    this.batch.push(chunk);
    this.batchBytes += chunk.length;
    if (this.batchBytes < ZSTD_WRITE_BATCH) return callback();
    if (this.writeBatch(this.zstd)) return callback();
    this.zstd.once('drain', () => callback());
  }

  /** Writes the gathered bytes to zstd as one chunk; false when zstd asks to wait for 'drain'. */
  private writeBatch(zstd: Transform): boolean {
    const chunk = this.batch.length === 1 ? this.batch[0]! : Buffer.concat(this.batch, this.batchBytes);
    this.batch = [];
    this.batchBytes = 0;
    this.unwritten++;
    // called once zstd has compressed the chunk (a failure reaches the stage through 'error')
    return zstd.write(chunk, () => {
      if (--this.unwritten === 0) this.whenWritten?.();
    });
  }

  override _flush(callback: TransformCallback): void {
    const zstd = this.zstd;
    if (!zstd) return callback();
    zstd.once('end', () => callback());
    if (this.batchBytes > 0) this.writeBatch(zstd);
    // end() only after the last write was compressed: it then ends the one frame (see above)
    if (this.unwritten === 0) zstd.end();
    else this.whenWritten = () => zstd.end();
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
