import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ManualClock, MINUTE, SECOND } from '../ports/clock.js';
import { PreconditionFailedError } from '../../src/storage/object-store.js';
import { MemoryStore, s3Error } from '../ports/memory-store.js';
import { objectStoreContract } from '../ports/store-contract.js';

// the fake the engine's unit tests stand on: the same contract as S3ObjectStore on Ceph
// (test/integration/object-store-contract.test.ts), then what only the fake offers
objectStoreContract('MemoryStore', async (versioning) => {
  const store = new MemoryStore({ versioning });
  return { store, setVersioning: async (status) => store.setVersioning(status) };
});

const options = { contentType: 'application/gzip', partSizeBytes: 8 * 1024 * 1024, queueSize: 4 };

describe('MemoryStore', () => {
  it('LastModified is the server clock; IsLatest and delete markers as ListObjectVersions shows them', async () => {
    const clock = new ManualClock('2026-11-23T02:00:00Z');
    const store = new MemoryStore({ clock: clock.now });
    const v1 = await store.putJson('k', 1);
    clock.advance(SECOND);
    await store.deleteKeys(['k']);
    clock.advance(SECOND);
    const v3 = await store.putJson('k', 3);
    expect(
      store
        .versionsOf('k')
        .map((v) => [v.versionId, v.isLatest, v.deleteMarker, v.lastModified.toISOString()]),
    ).toEqual([
      [v3.versionId, true, false, '2026-11-23T02:00:02.000Z'],
      ['v000002', false, true, '2026-11-23T02:00:01.000Z'],
      [v1.versionId, false, false, '2026-11-23T02:00:00.000Z'],
    ]);
    expect((await store.head('k'))?.lastModified).toEqual(new Date('2026-11-23T02:00:02Z'));
    // a version that is a delete marker cannot be read (S3: 405)
    await expect(store.getJson('k', 'v000002')).rejects.toThrow(/MethodNotAllowed \(HTTP 405\)/);
  });

  it('copies bytes in and out: no caller can change what is stored', async () => {
    const store = new MemoryStore();
    const chunk = Buffer.from('original');
    await store.uploadStream('k', Readable.from([chunk]), options);
    chunk.write('CHANGED!');
    const out = store.bytes('k')!;
    out.write('CHANGED!');
    const download = await store.download('k');
    const read: Buffer[] = [];
    for await (const c of download.body as AsyncIterable<Buffer>) read.push(c);
    read[0]!.write('CHANGED!');
    expect(store.bytes('k')!.toString()).toBe('original');
  });

  it('an upload of more than one part has the multipart ETag and is open until it completes', async () => {
    let openAtCompletion: Record<string, number> = {};
    const store = new MemoryStore({
      fault: ({ operation }) => {
        if (operation === 'CompleteUpload') openAtCompletion = store.openUploads();
      },
    });
    const part = Buffer.alloc(options.partSizeBytes, 1);
    const stored = await store.uploadStream('big', Readable.from([part, Buffer.alloc(10, 2)]), options);
    expect(openAtCompletion).toEqual({ big: 1 });
    expect(store.openUploads()).toEqual({});
    expect(stored.etag).toMatch(/^"[0-9a-f]{32}-2"$/);
    store.beginUpload('big');
    expect(await store.abortIncompleteUploads('big')).toBe(1);
    expect(store.openUploads()).toEqual({});
  });

  it('conditional writes: Ceph Pacific answers unless enforced; enforced, a mismatch is a PreconditionFailedError', async () => {
    // Ceph Pacific (FACTS.md): If-None-Match: * on an existing key is accepted, If-Match always 412
    const lax = new MemoryStore();
    const kept = await lax.putJson('k', 1, { ifNoneMatch: '*' });
    await expect(lax.putJson('k', 2, { ifNoneMatch: '*' })).resolves.toBeDefined();
    await expect(lax.putJson('k', 3, { ifMatch: kept.etag! })).rejects.toThrow(PreconditionFailedError);

    const strict = new MemoryStore({ conditionalWrites: true });
    const first = await strict.putJson('k', 1, { ifNoneMatch: '*' });
    await expect(strict.putJson('k', 2, { ifNoneMatch: '*' })).rejects.toThrow(
      new PreconditionFailedError(
        'PutObject k on s3://memory with If-None-Match: * was refused (PreconditionFailed, HTTP 412): nothing was written.',
      ),
    );
    await expect(strict.putJson('k', 2, { ifMatch: '"0000"' })).rejects.toThrow(
      /with If-Match: "0000" was refused \(PreconditionFailed, HTTP 412\)/,
    );
    const second = await strict.putJson('k', 2, { ifMatch: first.etag! });
    expect(strict.json('k')).toBe(2);
    await expect(strict.putJson('gone', 1, { ifMatch: second.etag! })).rejects.toThrow(
      /was refused \(NoSuchKey, HTTP 404\)/,
    );
    // a delete marker is no current object: If-None-Match: * writes again
    await strict.deleteKeys(['k']);
    await expect(strict.putJson('k', 3, { ifNoneMatch: '*' })).resolves.toBeDefined();
  });

  it('serverTime is the server clock; a download carries the LastModified of its version', async () => {
    const clock = new ManualClock('2026-11-23T02:00:00Z');
    const store = new MemoryStore({ clock: clock.now });
    await store.putJson('k', 1);
    clock.advance(MINUTE);
    expect(await store.serverTime()).toEqual(new Date('2026-11-23T02:01:00Z'));
    const got = await store.download('k');
    got.body.destroy();
    expect(got.lastModified).toEqual(new Date('2026-11-23T02:00:00Z'));
    expect((await store.head('k', got.versionId))?.lastModified).toEqual(new Date('2026-11-23T02:00:00Z'));
  });

  it('the fault hook sees every call first; its errors are explained as S3ObjectStore explains them', async () => {
    const store = new MemoryStore({
      fault: ({ operation, key }) => {
        if (operation === 'PutObject' && key.endsWith('latest.json'))
          throw s3Error('ServiceUnavailable', 503, 'busy');
        if (operation === 'HeadBucket') throw s3Error('NoSuchBucket', 404);
      },
    });
    await expect(store.putJson('t/latest.json', {})).rejects.toThrow(
      'PutObject t/latest.json on s3://memory failed: ServiceUnavailable (HTTP 503): busy',
    );
    await expect(store.checkAccess()).rejects.toThrow(
      /^The bucket s3:\/\/memory does not exist \(HeadBucket\)/,
    );
    expect(store.keys()).toEqual([]);
    expect(store.calls.map((c) => c.operation)).toEqual(['PutObject', 'HeadBucket']);
  });

  it('a body fault cuts a download after some bytes', async () => {
    const store = new MemoryStore();
    store.putBytes('k', Buffer.alloc(200_000, 3));
    store.fault = () => ({ failAfterBytes: 70_000 });
    const { body, size } = await store.download('k');
    expect(size).toBe(200_000);
    let read = 0;
    await expect(
      (async () => {
        for await (const c of body as AsyncIterable<Buffer>) read += c.length;
      })(),
    ).rejects.toThrow(/socket hang up/);
    expect(read).toBe(70_000);
  });

  it('an aborted upload fails with the signal reason and stores nothing', async () => {
    const store = new MemoryStore();
    const controller = new AbortController();
    async function* body() {
      yield Buffer.from('a');
      controller.abort(new Error('cancelled'));
      yield Buffer.from('b');
    }
    await expect(
      store.uploadStream('k', Readable.from(body()), { ...options, signal: controller.signal }),
    ).rejects.toThrow('cancelled');
    expect(store.keys()).toEqual([]);
  });

  it('a server-side copy takes the pinned source version', async () => {
    const source = new MemoryStore();
    const destination = new MemoryStore();
    const v1 = source.putBytes('a', 'first');
    source.putBytes('a', 'second');
    const copy = destination.serverSideCopyFrom(source);
    const out = await copy({ bucket: 'src', key: 'a', versionId: v1.versionId! }, 'b');
    expect(destination.bytes('b')?.toString()).toBe('first');
    expect(out.versionId).toBe(destination.versionsOf('b')[0]!.versionId);
    await expect(copy({ bucket: 'src', key: 'missing', versionId: null }, 'c')).rejects.toThrow(
      'CopyObject src/missing -> c on s3://memory failed: NoSuchKey (HTTP 404): The specified key does not exist.',
    );
  });

  it('versioning, once enabled, can be suspended but not disabled', () => {
    const store = new MemoryStore();
    expect(() => store.setVersioning('Disabled')).toThrow(/only be suspended/);
  });
});
