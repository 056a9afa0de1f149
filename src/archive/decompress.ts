import { PassThrough, type Transform } from 'node:stream';
import zlib from 'node:zlib';
import type { Compression } from '../catalog/layout.js';
import { EnvironmentError } from '../util/errors.js';

/**
 * What a decompressor may hold decompressed before its reader takes it: it decompresses (in the
 * thread pool) while the walk handles the bytes before, instead of waiting for each 128 KiB to be
 * taken (the stream default of 64 KiB is less than one chunk). See bench/NOTES.md.
 */
const READ_AHEAD = { chunkSize: 1 << 17, readableHighWaterMark: 1 << 21 };

/** A streaming decompressor for an archive's compression (zstd needs Node >= 22.15, as on node24 runners). */
export function createDecompressor(compression: Compression): Transform {
  switch (compression) {
    case 'gzip':
      return zlib.createGunzip(READ_AHEAD);
    case 'zstd': {
      if (typeof zlib.createZstdDecompress !== 'function') {
        // the runtime lacks a feature: an environment fault, never a verdict about the archive
        throw new EnvironmentError(
          `zstd archives need Node.js >= 22.15 (this is ${process.version} at ${process.execPath}, whose zlib has no zstd): ` +
            `run the action on node24, or install Node.js 24 (https://nodejs.org/en/download) and run lifeboat with it`,
        );
      }
      return zlib.createZstdDecompress(READ_AHEAD);
    }
    case 'none':
      return new PassThrough();
  }
}
