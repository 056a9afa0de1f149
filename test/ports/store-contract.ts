import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectConditionalWrites } from '../../src/storage/conditional-writes.js';
import {
  PreconditionFailedError,
  type ObjectStore,
  type VersioningStatus,
} from '../../src/storage/object-store.js';
import { silentLogger } from '../../src/util/logger.js';

/**
 * What lifeboat relies on from a bucket, as one suite that runs against every backing of the
 * ObjectStore port: the memory store (test/unit/memory-store.test.ts) and S3ObjectStore on Ceph RGW
 * (test/integration/object-store-contract.test.ts). Where the memory store models a rule, the
 * real server must agree, or the unit tests over it prove nothing.
 */
export interface ContractBucket {
  store: ObjectStore;
  /** Changes the bucket's versioning (Enabled -> Suspended) as its owner would. */
  setVersioning(status: 'Enabled' | 'Suspended'): Promise<void>;
}

export type MakeBucket = (versioning: 'Enabled' | 'Disabled') => Promise<ContractBucket>;

const md5Etag = (b: Buffer) => `"${createHash('md5').update(b).digest('hex')}"`;
const jsonBytes = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8');

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

const upload = (store: ObjectStore, key: string, body: Readable) =>
  store.uploadStream(key, body, {
    contentType: 'application/gzip',
    partSizeBytes: 8 * 1024 * 1024,
    queueSize: 4,
  });

export function objectStoreContract(name: string, make: MakeBucket): void {
  describe(`ObjectStore contract: ${name}`, () => {
    it('a versioned bucket keeps every version of a key, newest first, readable by id', async () => {
      const { store } = await make('Enabled');
      expect(await store.versioning()).toBe<VersioningStatus>('Enabled');
      const puts = [];
      for (const n of [1, 2, 3]) puts.push(await store.putJson('t/k.json', { n }));
      expect(puts.every((p) => typeof p.versionId === 'string' && p.versionId !== 'null')).toBe(true);
      expect(new Set(puts.map((p) => p.versionId)).size).toBe(3);
      expect(puts[2]!.etag).toBe(md5Etag(jsonBytes({ n: 3 })));
      const listed = await store.listVersions('t/k.json');
      expect(listed.map((v) => v.versionId)).toEqual(puts.map((p) => p.versionId).reverse());
      expect(listed.every((v) => v.lastModified instanceof Date)).toBe(true);
      expect(await store.getJson('t/k.json')).toEqual({ value: { n: 3 }, ...puts[2] });
      expect((await store.getJson('t/k.json', puts[0]!.versionId))?.value).toEqual({ n: 1 });
      const head = await store.head('t/k.json');
      expect(head).toMatchObject({ size: jsonBytes({ n: 3 }).length, versionId: puts[2]!.versionId });
      // a key that only shares the prefix is not one of its versions
      await store.putJson('t/k.json.bak', { other: true });
      expect(await store.listVersions('t/k.json')).toHaveLength(3);
    });

    it('a delete hides the key but keeps its versions; deleting a missing key succeeds', async () => {
      const { store } = await make('Enabled');
      const v1 = await store.putJson('t/a/1.json', { a: 1 });
      await store.putJson('t/a/2.json', { a: 2 });
      await store.deleteKeys(['t/a/1.json', 't/never-written.json']);
      expect(await store.getJson('t/a/1.json')).toBeUndefined();
      expect(await store.head('t/a/1.json')).toBeUndefined();
      expect(await store.listKeys('t/')).toEqual(['t/a/2.json']);
      expect((await store.listVersions('t/a/1.json')).map((v) => v.versionId)).toEqual([v1.versionId]);
      expect((await store.getJson('t/a/1.json', v1.versionId))?.value).toEqual({ a: 1 });
      await expect(store.download('t/a/1.json')).rejects.toThrow(
        `${store.description}/t/a/1.json does not exist: the snapshot is incomplete or was deleted.`,
      );
      // written again: a new current version on top of the delete marker
      const v3 = await store.putJson('t/a/1.json', { a: 3 });
      expect((await store.listVersions('t/a/1.json')).map((v) => v.versionId)).toEqual([
        v3.versionId,
        v1.versionId,
      ]);
    });

    it('listFolders names the folders directly below a prefix; listKeys every current key, in order', async () => {
      const { store } = await make('Enabled');
      for (const k of ['s/b/1', 's/a/2', 's/a/1', 's/c/x/1', 's/top', 'other/a/1', 's/gone/1']) {
        await store.putJson(k, {});
      }
      await store.deleteKeys(['s/gone/1']);
      expect(await store.listFolders('s/')).toEqual(['a', 'b', 'c']);
      expect(await store.listKeys('s/')).toEqual(['s/a/1', 's/a/2', 's/b/1', 's/c/x/1', 's/top']);
      expect(await store.listKeys('s/a/')).toEqual(['s/a/1', 's/a/2']);
      expect(await store.listFolders('none/')).toEqual([]);
    });

    it('an upload stores exactly the bytes streamed; a download gives them back with the version', async () => {
      const { store } = await make('Enabled');
      const bytes = Buffer.alloc(300_000);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
      const stored = await upload(
        store,
        'u/archive.tar.gz',
        Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
      );
      expect(stored.versionId).toEqual((await store.head('u/archive.tar.gz'))?.versionId);
      expect(stored.etag).toBe(md5Etag(bytes));
      const got = await store.download('u/archive.tar.gz');
      expect(got.size).toBe(bytes.length);
      expect(got.versionId).toBe(stored.versionId);
      expect((await readAll(got.body)).equals(bytes)).toBe(true);
      expect(await store.abortIncompleteUploads('u/archive.tar.gz')).toBe(0);
    });

    it('an upload whose body fails stores nothing and leaves no open upload', async () => {
      const { store } = await make('Enabled');
      const body = new PassThrough();
      body.write(Buffer.alloc(1000, 1));
      setTimeout(() => body.destroy(new Error('backup aborted')), 20);
      await expect(upload(store, 'u/failed.tar.gz', body)).rejects.toThrow(/upload of u\/failed.tar.gz/);
      expect(await store.head('u/failed.tar.gz')).toBeUndefined();
      expect(await store.abortIncompleteUploads('u/failed.tar.gz')).toBe(0);
    });

    it('an object that is not JSON is named as such', async () => {
      const { store } = await make('Enabled');
      await upload(store, 'j/not.json', Readable.from([Buffer.from('{ not json')]));
      await expect(store.getJson('j/not.json')).rejects.toThrow(
        `${store.description}/j/not.json is not valid JSON: it was not written by lifeboat or is damaged.`,
      );
    });

    it('without versioning a key has one "null" version, which a delete removes', async () => {
      const { store } = await make('Disabled');
      expect(await store.versioning()).toBe('Disabled');
      const put = await store.putJson('n/k.json', { n: 1 });
      expect(put.versionId).toBeUndefined();
      await store.putJson('n/k.json', { n: 2 });
      expect((await store.listVersions('n/k.json')).map((v) => v.versionId)).toEqual(['null']);
      expect((await store.getJson('n/k.json'))?.value).toEqual({ n: 2 });
      await store.deleteKeys(['n/k.json']);
      expect(await store.listVersions('n/k.json')).toEqual([]);
    });

    it('suspended versioning: new writes replace one "null" version on top; older versions stay', async () => {
      const bucket = await make('Enabled');
      const { store } = bucket;
      const old = await store.putJson('s/k.json', { n: 1 });
      await bucket.setVersioning('Suspended');
      expect(await store.versioning()).toBe('Suspended');
      const a = await store.putJson('s/k.json', { n: 2 });
      // AWS answers "null", Ceph RGW no version id at all (key-claim.ts treats both alike)
      expect([undefined, 'null']).toContain(a.versionId);
      await store.putJson('s/k.json', { n: 3 });
      expect((await store.listVersions('s/k.json')).map((v) => v.versionId)).toEqual(['null', old.versionId]);
      expect((await store.getJson('s/k.json'))?.value).toEqual({ n: 3 });
      expect((await store.getJson('s/k.json', old.versionId))?.value).toEqual({ n: 1 });
    });

    it("serverTime is the server's clock; a version's HEAD and download carry when it was stored", async () => {
      const { store } = await make('Enabled');
      const before = Date.now();
      const put = await store.putJson('c/k.json', { n: 1 });
      await store.putJson('c/k.json', { n: 2 });
      const server = (await store.serverTime()).getTime();
      // the test's server runs beside this machine: the same clock, give or take the Date header's whole seconds
      expect(Math.abs(server - Date.now())).toBeLessThan(5_000);
      const head = await store.head('c/k.json', put.versionId);
      expect(head).toMatchObject({ versionId: put.versionId, size: jsonBytes({ n: 1 }).length });
      expect(head!.lastModified!.getTime()).toBeGreaterThanOrEqual(before - 2_000);
      const got = await store.download('c/k.json', put.versionId);
      expect((await readAll(got.body)).equals(jsonBytes({ n: 1 }))).toBe(true);
      expect(got.lastModified?.getTime()).toBe(head!.lastModified!.getTime());
      expect(await store.head('c/k.json', 'no-such-version')).toBeUndefined();
    });

    it('conditional writes are honoured exactly when detectConditionalWrites says so', async () => {
      const { store } = await make('Enabled');
      const honoured = await detectConditionalWrites(store, 'p/probe.json', silentLogger);
      expect(await store.listKeys('p/')).toEqual([]);
      const first = await store.putJson('p/k.json', { n: 1 });
      const again = store.putJson('p/k.json', { n: 2 }, { ifNoneMatch: '*' });
      if (honoured) {
        await expect(again).rejects.toThrow(PreconditionFailedError);
        await store.putJson('p/k.json', { n: 3 }, { ifMatch: first.etag! });
        expect((await store.getJson('p/k.json'))?.value).toEqual({ n: 3 });
      } else {
        await again.catch(() => undefined);
      }
    });
  });
}
