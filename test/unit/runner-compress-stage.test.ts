import { createHash, randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  createRunnerZstd,
  RunnerCompressStage,
  ZSTD_WRITE_BATCH,
} from '../../src/archive/runner-compress.js';
import { hasZstd } from '../ports/scripted-source.js';

// The runner's zstd stage (src/archive/runner-compress.ts) must store the same bytes for the same
// tar however its input was cut and whatever the timing: one zstd frame, as `zstd -3` writes.
// Node's zstd ended a write still queued at end() as the frame's end and then wrote a second,
// empty frame (nodejs/node#66078): the stored archive was 13 bytes longer in some runs (seen in
// bench/main-thread.ts runs of the 0.25 GiB fixture: 180546426 or 180546439 bytes). Node 24 only.

/** Compressible and incompressible bytes, as a volume has. */
const plain = Buffer.concat([
  Buffer.from('INFO request ok bytes seconds region\n'.repeat(40_000)),
  randomBytes(600_000),
  Buffer.alloc(300_000),
]);

/** The reference: every byte in one write, compressed before the end is asked for. */
async function reference(bytes: Buffer): Promise<Buffer> {
  const zstd = createRunnerZstd();
  const out: Buffer[] = [];
  zstd.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((resolve) => zstd.once('end', resolve));
  await new Promise<void>((resolve) => zstd.write(bytes, () => resolve()));
  zstd.end();
  await ended;
  return Buffer.concat(out);
}

/** What the stage passes on when fed `chunks`, all written at once (nothing waits between them). */
async function throughStage(chunks: Buffer[]): Promise<{ out: Buffer; stage: RunnerCompressStage }> {
  const stage = new RunnerCompressStage();
  stage.compress();
  const out: Buffer[] = [];
  const sink = new Writable({
    write(c: Buffer, _e, cb) {
      out.push(c);
      cb();
    },
  });
  await pipeline(Readable.from(chunks), stage, sink);
  return { out: Buffer.concat(out), stage };
}

/** The bytes of the first zstd frame of `bytes` (Node's decoder stops at the end of a frame). */
function firstFrameLength(bytes: Buffer): number {
  const decoded = zlib.zstdDecompressSync(bytes, { info: true }) as unknown as {
    engine: { bytesWritten: number };
  };
  return decoded.engine.bytesWritten;
}

describe.skipIf(!hasZstd)('the runner zstd stage', () => {
  it('small writes queued at the end still give one frame, the bytes of one write', async () => {
    const ref = await reference(plain);
    // the tail of a stream: small chunks that reach zstd together, just before its end
    const small = [plain.subarray(0, -5000), plain.subarray(-5000, -1000), plain.subarray(-1000)];
    for (let round = 0; round < 5; round++) {
      const { out, stage } = await throughStage(small);
      expect(out.length).toBe(ref.length);
      expect(out.equals(ref)).toBe(true);
      expect(stage.bytes).toBe(ref.length);
      expect(stage.sha256).toBe(createHash('sha256').update(ref).digest('hex'));
    }
    // one frame: nothing follows the first one
    expect(firstFrameLength(ref)).toBe(ref.length);
    expect(zlib.zstdDecompressSync(ref).equals(plain)).toBe(true);
  });

  it('the same bytes however the input was cut: pipe-sized chunks, odd sizes, one byte', async () => {
    const ref = await reference(plain);
    const cut = (sizes: number[]) => {
      const chunks: Buffer[] = [];
      for (let at = 0, i = 0; at < plain.length; i++) {
        const n = sizes[i % sizes.length]!;
        chunks.push(plain.subarray(at, at + n));
        at += n;
      }
      return chunks;
    };
    for (const sizes of [[65_536], [1, 7, 65_536, 300_001], [ZSTD_WRITE_BATCH + 1], [plain.length]]) {
      const { out } = await throughStage(cut(sizes));
      expect(out.equals(ref)).toBe(true);
    }
  });
});
