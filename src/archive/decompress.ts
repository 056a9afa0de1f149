import { PassThrough, type Transform } from 'node:stream';
import zlib from 'node:zlib';
import type { Compression } from '../catalog/layout.js';
import { EnvironmentError } from '../util/errors.js';

/** A streaming decompressor for an archive's compression (zstd needs Node >= 22.15, as on node24 runners). */
export function createDecompressor(compression: Compression): Transform {
  switch (compression) {
    case 'gzip':
      return zlib.createGunzip({ chunkSize: 1 << 17 });
    case 'zstd': {
      if (typeof zlib.createZstdDecompress !== 'function') {
        // the runtime lacks a feature: an environment fault, never a verdict about the archive
        throw new EnvironmentError(
          `zstd archives need Node.js >= 22.15 (this is ${process.version} at ${process.execPath}, whose zlib has no zstd): ` +
            `run the action on node24, or install Node.js 24 (https://nodejs.org/en/download) and run lifeboat with it`,
        );
      }
      return zlib.createZstdDecompress({ chunkSize: 1 << 17 });
    }
    case 'none':
      return new PassThrough();
  }
}
