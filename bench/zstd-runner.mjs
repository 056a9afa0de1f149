// Runner-side compression: plain tar on stdin, Node 24 zlib zstd level 3 with a content checksum,
// written in 1 MiB batches as the product's stage does (src/archive/runner-compress.ts,
// ZSTD_WRITE_BATCH), compressed bytes counted and dropped (the alternative to compressing on the
// machine). Prints the compressed size. Each write to zlib is a round trip to its thread pool: fed
// one pipe read at a time (tar's 10 KiB records on a quiet machine), this row cost 2.5x the zstd
// CLI's CPU (bench/NOTES.md, "Node's zstd against the CLI").
import { constants, createZstdCompress } from 'node:zlib';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const BATCH = 1 << 20;
let n = 0;
async function* batches(input) {
  let buffer = Buffer.allocUnsafe(BATCH);
  let filled = 0;
  for await (const chunk of input) {
    for (let at = 0; at < chunk.length;) {
      const k = chunk.copy(buffer, filled, at);
      at += k;
      filled += k;
      if (filled === BATCH) {
        yield buffer;
        buffer = Buffer.allocUnsafe(BATCH);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield buffer.subarray(0, filled);
}
await pipeline(
  process.stdin,
  batches,
  createZstdCompress({
    chunkSize: 1 << 18,
    params: {
      [constants.ZSTD_c_compressionLevel]: Number(process.env.ZSTD_LEVEL ?? 3),
      [constants.ZSTD_c_checksumFlag]: 1,
    },
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
