import { PassThrough, type Transform } from 'node:stream';
import zlib from 'node:zlib';
import type { Compression } from '../catalog/layout.js';

/** A streaming decompressor for an archive's compression (zstd needs Node >= 22.15, as on node24 runners). */
export function createDecompressor(compression: Compression): Transform {
  switch (compression) {
    case 'gzip':
      return zlib.createGunzip({ chunkSize: 1 << 17 });
    case 'zstd': {
      if (typeof zlib.createZstdDecompress !== 'function') {
        throw new Error(
          `zstd archives need Node.js >= 22.15 (this is ${process.version}): run the action on node24`,
        );
      }
      return zlib.createZstdDecompress({ chunkSize: 1 << 17 });
    }
    case 'none':
      return new PassThrough();
  }
}
