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
 * The stage between the archive tap and the upload when the runner may compress: it passes the
 * bytes on unchanged until `compress()` is called (before the first byte, when the stream's header
 * says the machine sent plain tar), and from then on compresses them with zstd. Either way it
 * hashes and counts what it passes on: the bytes that are stored (or encrypted, then stored).
 */
export class RunnerCompressStage extends HashCounter {
  private zstd: Transform | undefined;

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
    if (this.zstd.write(chunk)) return callback();
    this.zstd.once('drain', () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (!this.zstd) return callback();
    this.zstd.once('end', () => callback());
    this.zstd.end();
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
