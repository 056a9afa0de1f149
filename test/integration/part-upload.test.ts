import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../src/storage/object-store.js';
import { createS3Client } from '../../src/storage/s3-client.js';
import { createBucket, getBytes, location, openMultipartUploads } from '../helpers/s3.js';

const MIB = 1024 * 1024;

/** A store whose client records the body of every UploadPart and PutObject it sends. */
function recordingStore(bucket: string) {
  const client = createS3Client(location(bucket));
  const bodies: { command: string; body: Uint8Array }[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const body = (args.input as { Body?: unknown }).Body;
      if (body instanceof Uint8Array) bodies.push({ command: context.commandName ?? '', body });
      return next(args);
    },
    { step: 'initialize', name: 'testRecordBodies' },
  );
  return { store: new S3ObjectStore(location(bucket), client), bodies };
}

/** `total` bytes of a pattern in the pipe's 64 KiB chunks (the last one shorter). */
function patterned(total: number): { bytes: Buffer; body: Readable } {
  const bytes = Buffer.alloc(total);
  for (let i = 0; i < total; i++) bytes[i] = (i * 7919 + (i >> 16)) % 251;
  const chunks: Buffer[] = [];
  for (let at = 0; at < total; at += 64 * 1024) chunks.push(Buffer.from(bytes.subarray(at, at + 64 * 1024)));
  return { bytes, body: Readable.from(chunks) };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('an upload in parts (storage/part-upload.ts) on Ceph RGW', () => {
  it('stores exactly the bytes streamed, in full parts and a shorter last one, carried by the same few buffers', async () => {
    const bucket = await createBucket();
    const { store, bodies } = recordingStore(bucket);
    const partSize = 5 * MIB;
    const { bytes, body } = patterned(9 * partSize + 123_457);
    const stored = await store.uploadStream('p/archive.tar.zst', body, {
      contentType: 'application/zstd',
      partSizeBytes: partSize,
      queueSize: 2,
    });
    expect(stored.etag).toMatch(/-10"$/);
    expect(sha(await getBytes(bucket, 'p/archive.tar.zst'))).toBe(sha(bytes));
    const parts = bodies.filter((b) => b.command === 'UploadPartCommand');
    expect(parts.map((p) => p.body.length)).toEqual([...Array<number>(9).fill(partSize), 123_457]);
    // every part is a view of one of queueSize + 1 reused buffers, never a new concatenation
    expect(new Set(parts.map((p) => p.body.buffer)).size).toBeLessThanOrEqual(3);
    expect(await openMultipartUploads(bucket)).toEqual([]);
  });

  it('a stream of exactly one part is one PutObject; an empty stream an empty object', async () => {
    const bucket = await createBucket();
    const { store, bodies } = recordingStore(bucket);
    const partSize = 5 * MIB;
    const { bytes, body } = patterned(partSize);
    const options = { contentType: 'application/zstd', partSizeBytes: partSize, queueSize: 2 };
    await store.uploadStream('p/one', body, options);
    await store.uploadStream('p/empty', Readable.from([]), options);
    expect(bodies.map((b) => [b.command, b.body.length])).toEqual([
      ['PutObjectCommand', partSize],
      ['PutObjectCommand', 0],
    ]);
    expect(sha(await getBytes(bucket, 'p/one'))).toBe(sha(bytes));
    expect((await getBytes(bucket, 'p/empty')).length).toBe(0);
  });
});
