// Runner-side compression: plain tar on stdin, Node 24 zlib zstd level 3, compressed bytes counted
// and dropped (the alternative to compressing on the machine). Prints the compressed size.
import { constants, createZstdCompress } from 'node:zlib';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
let n = 0;
await pipeline(
  process.stdin,
  createZstdCompress({
    params: { [constants.ZSTD_c_compressionLevel]: Number(process.env.ZSTD_LEVEL ?? 3) },
  }),
  new Writable({
    highWaterMark: 1 << 20,
    write(chunk, _e, cb) {
      n += chunk.length;
      cb();
    },
  }),
);
process.stdout.write(`${n}\n`);
