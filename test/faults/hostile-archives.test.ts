import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tarStream from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { putHandMadeSnapshot } from '../helpers/hand-made-snapshot.js';
import { verify } from '../helpers/lifeboat-runs.js';
import { createBucket } from '../helpers/s3.js';

/** Bytes written under a directory (files only), to prove what a refused archive left on disk. */
function bytesUnder(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  }
  return total;
}

/** A tar of `count` empty files, made with tar-stream. */
async function manyEntries(count: number): Promise<Buffer> {
  const pack = tarStream.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => {
    chunks.push(c as Buffer);
  });
  const done = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  for (let i = 0; i < count; i++) pack.entry({ name: `./d${i % 100}/f${i}` }, '');
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

describe('hostile archives for verify-restore: bounded by what the manifest records', () => {
  it("a decompression bomb (a few hundred KiB of gzip, 256 MiB of tar) — refused as soon as it passes the manifest's byte count; the holding directory is removed", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-bomb-'));
    execFileSync('sh', [
      '-c',
      'head -c 268435456 /dev/zero > "$1/zeros" && tar -c -f "$1/bomb.tar" -C "$1" zeros',
      'bomb',
      dir,
    ]);
    const tar = execFileSync('cat', [join(dir, 'bomb.tar')], { maxBuffer: 1 << 29 });
    const stored = gzipSync(tar, { level: 9 });
    expect(stored.length).toBeLessThan(1 << 20);
    const bucket = await createBucket();
    // the manifest claims 1 MiB of tar: the walk stops as soon as it goes past that
    await putHandMadeSnapshot({
      bucket,
      target: 'my-app',
      id: '20261120T000000Z',
      tar: Buffer.alloc(0),
      stored,
      compression: 'gzip',
      claims: { entries: 1, uncompressedBytes: 1 << 20 },
    });
    const holding = join(mkdtempSync(join(tmpdir(), 'lb-bomb-h-')), 'h');
    const run = await verify(bucket, { 'holding-dir': holding });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain(
      'the archive goes beyond what the manifest records (1 entries, 1048576 bytes)',
    );
    expect(run.errors[0]).toContain('decompresses to more than 1048576 bytes');
    // the refused archive left nothing: the holding directory is removed
    expect(bytesUnder(holding)).toBe(0);
    expect(existsSync(holding)).toBe(false);
  });

  it("200,000 tiny entries — refused past the manifest's entry count; walked in stream mode in seconds when the manifest records them", async () => {
    const tar = await manyEntries(200_000);
    const bucket = await createBucket();
    await putHandMadeSnapshot({
      bucket,
      target: 'lying',
      id: '20261120T000000Z',
      tar,
      stored: gzipSync(tar),
      compression: 'gzip',
      claims: { entries: 1000 },
    });
    const holding = join(mkdtempSync(join(tmpdir(), 'lb-many-h-')), 'h');
    const lying = await verify(bucket, { target: 'lying', 'holding-dir': holding });
    expect(lying.code).toBe(1);
    expect(lying.errors[0]).toContain('it has more than 1000 entries');
    expect(existsSync(holding)).toBe(false);

    await putHandMadeSnapshot({
      bucket,
      target: 'honest',
      id: '20261120T000000Z',
      tar,
      stored: gzipSync(tar),
      compression: 'gzip',
    });
    const started = Date.now();
    const honest = await verify(bucket, { target: 'honest', mode: 'stream' });
    expect(honest.code, honest.log).toBe(0);
    expect(honest.outputs.entries).toBe('200000');
    console.log(`stream-mode walk of 200,000 entries: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // its speed is the benchmark's to measure; here only that it ends, also on a loaded machine
  }, 400_000);
});
