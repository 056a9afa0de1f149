import { PassThrough, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tarStream from 'tar-stream';
import type { Compression } from '../layout.js';
import { createDecompressor } from './decompress.js';

export interface ArchiveContents {
  entries: number;
  /** Size of the decompressed tar stream. */
  uncompressedBytes: number;
}

/** The bytes are not a complete, valid archive of the expected compression. */
export class ArchiveDamagedError extends Error {
  override readonly name = 'ArchiveDamagedError';
}

const TAR_BLOCK = 512;
const END_OF_ARCHIVE = 2 * TAR_BLOCK;

/** Counts the decompressed tar bytes and keeps the last 1 KiB to check the end-of-archive blocks. */
class TarByteCounter extends Transform {
  bytes = 0;
  last: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.last =
      chunk.length >= END_OF_ARCHIVE
        ? Buffer.from(chunk.subarray(chunk.length - END_OF_ARCHIVE))
        : Buffer.concat([this.last, chunk]).subarray(-END_OF_ARCHIVE);
    callback(null, chunk);
  }
}

/**
 * Decompresses and walks a tar archive as it flows, without writing anything: it proves the
 * bytes are a complete archive (the decompressor reached its end, every member was whole, the
 * two zero blocks that end a tar are present) and counts members and bytes.
 * Write the archive bytes into `input`; `result` settles when the walk is over.
 */
export class ArchiveInspector {
  readonly input: PassThrough;
  readonly result: Promise<ArchiveContents>;

  constructor(compression: Compression) {
    this.input = new PassThrough({ highWaterMark: 1 << 20 });
    const counter = new TarByteCounter();
    const extract = tarStream.extract();
    let entries = 0;
    extract.on('entry', (_header, stream, next) => {
      entries++;
      stream.on('end', next);
      stream.resume();
    });
    this.result = pipeline(this.input, createDecompressor(compression), counter, extract).then(
      () => {
        if (
          counter.bytes < END_OF_ARCHIVE ||
          counter.bytes % TAR_BLOCK !== 0 ||
          counter.last.some((b) => b !== 0)
        ) {
          throw new ArchiveDamagedError('it has no end-of-archive blocks: tar did not finish writing it');
        }
        return { entries, uncompressedBytes: counter.bytes };
      },
      (err: unknown) => {
        throw new ArchiveDamagedError((err as Error).message);
      },
    );
    // the caller awaits result; keep an early failure from being reported as unhandled meanwhile
    this.result.catch(() => undefined);
  }
}
