import { PassThrough, Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tarStream from 'tar-stream';
import type { Compression } from '../catalog/layout.js';
import { EnvironmentError } from '../util/errors.js';
import { createDecompressor } from './decompress.js';
import {
  refusedMember,
  typeRefusal,
  UnsafeEntryError,
  withNameBytes,
  type TarHeader,
} from './member-header.js';

export type { TarHeader } from './member-header.js';

export interface ArchiveContents {
  entries: number;
  /** Size of the decompressed tar stream. */
  uncompressedBytes: number;
}

/** The bytes are not a complete, valid archive of the expected compression. */
export class ArchiveDamagedError extends Error {
  override readonly name = 'ArchiveDamagedError';
}

/** The archive went past a limit (entries or bytes): refused before it could fill the disk. */
export class ArchiveLimitError extends Error {
  override readonly name = 'ArchiveLimitError';
}

/** Handles one member; must consume `stream` (the member's data) before resolving. */
export type EntryHandler = (header: TarHeader, stream: Readable) => Promise<void>;

export interface InspectorOptions {
  onEntry?: EntryHandler;
  maxEntries?: number;
  maxUncompressedBytes?: number;
}

const TAR_BLOCK = 512;
const END_OF_ARCHIVE = 2 * TAR_BLOCK;

/** Counts the decompressed tar bytes, enforces the byte limit and keeps the last 1 KiB. */
class TarByteCounter extends Transform {
  bytes = 0;
  last: Buffer = Buffer.alloc(0);

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      return callback(new ArchiveLimitError(`it decompresses to more than ${this.maxBytes} bytes`));
    }
    this.last =
      chunk.length >= END_OF_ARCHIVE
        ? Buffer.from(chunk.subarray(chunk.length - END_OF_ARCHIVE))
        : Buffer.concat([this.last, chunk]).subarray(-END_OF_ARCHIVE);
    callback(null, chunk);
  }
}

async function drain(_header: TarHeader, stream: Readable): Promise<void> {
  stream.resume();
  await new Promise<void>((resolve, reject) => {
    stream.once('end', resolve);
    stream.once('error', reject);
  });
}

/**
 * Decompresses and walks a tar archive as it flows: it proves the bytes are a complete archive
 * (the decompressor reached its end, every member was whole, the two zero blocks that end a tar
 * are present) and counts members and bytes. A member of a kind no restore recreates (a device
 * node) fails the walk with UnsafeEntryError: a backup never stores as good what a restore
 * refuses. Each other member goes to `onEntry` (by default drained, so nothing is written), its
 * name and link target carried as the stored bytes. Write the archive bytes into `input`;
 * `result` settles when the walk is over.
 */
export class ArchiveInspector {
  readonly input: PassThrough;
  readonly result: Promise<ArchiveContents>;

  constructor(compression: Compression, options: InspectorOptions = {}) {
    this.input = new PassThrough({ highWaterMark: 1 << 20 });
    const counter = new TarByteCounter(options.maxUncompressedBytes ?? Number.MAX_SAFE_INTEGER);
    // latin1: one char per byte, so withNameBytes gets the stored name bytes back exactly
    const extract = tarStream.extract({ filenameEncoding: 'latin1' } as Parameters<
      typeof tarStream.extract
    >[0]);
    const onEntry = options.onEntry ?? drain;
    const maxEntries = options.maxEntries ?? Number.MAX_SAFE_INTEGER;
    let entries = 0;
    extract.on('entry', (raw, stream, next) => {
      // when the walk stops (a limit, a refused member, a broken download), tar-stream destroys
      // the member in flight with that error; it reaches the caller through `result`, and must
      // not also escape as an unhandled 'error' event of a member no one is reading any more
      stream.on('error', () => undefined);
      entries++;
      if (entries > maxEntries) {
        extract.destroy(new ArchiveLimitError(`it has more than ${maxEntries} entries`));
        return;
      }
      const header = withNameBytes(raw);
      const refused = typeRefusal(header);
      if (refused) {
        extract.destroy(refusedMember(header, refused));
        return;
      }
      onEntry(header, stream as unknown as Readable).then(
        () => next(),
        (err: unknown) => extract.destroy(err as Error),
      );
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
        // a refused member or a fault of this machine (a missing tool) is not damage to the archive
        if (
          err instanceof ArchiveLimitError ||
          err instanceof UnsafeEntryError ||
          err instanceof EnvironmentError
        )
          throw err;
        throw new ArchiveDamagedError((err as Error).message, { cause: err });
      },
    );
    // the caller awaits result; keep an early failure from being reported as unhandled meanwhile
    this.result.catch(() => undefined);
  }
}
