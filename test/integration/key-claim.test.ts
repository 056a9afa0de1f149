import { describe, expect, it } from 'vitest';
import { detectConditionalWrites } from '../../src/storage/conditional-writes.js';
import { claimKey, releaseClaim } from '../../src/storage/key-claim.js';
import { silentLogger } from '../../src/util/logger.js';
import { S3ObjectStore } from '../../src/storage/object-store.js';
import { PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { createBucket, listVersions, location, testClient } from '../helpers/s3.js';

// claimKey against the test Ceph: the order of a key's versions is the server's, not ours
describe('claimKey (against Ceph RGW)', () => {
  // (LastModified is when a PUT began; of two concurrent PUTs the earlier one may be stored
  // second, so an order by LastModified let two contenders hold one claim)
  it.each([1, 2, 3, 4, 5])(
    'of eight contenders writing one key at once, exactly one holds it and every other names that one (round %i)',
    async () => {
      const bucket = await createBucket();
      const store = new S3ObjectStore(location(bucket));
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) => claimKey(store, 't/first-snapshot.json', { contender: i })),
      );
      const held = claims.filter((c) => c.held);
      expect(held).toHaveLength(1);
      const winner = held[0]!.versionId!;
      expect(winner).toMatch(/\S/);
      for (const c of claims.filter((x) => !x.held)) expect(c.holder?.versionId).toBe(winner);
      // the winner wrote the oldest of the eight versions: the last the server lists (newest first)
      const { versions } = await listVersions(bucket, 't/first-snapshot.json');
      expect(versions).toHaveLength(8);
      expect(versions[versions.length - 1]!.VersionId).toBe(winner);
    },
  );

  it('a version older than abandonedAfterMs (server time) does not count; a live one does', async () => {
    const store = new S3ObjectStore(location(await createBucket()));
    const dead = await claimKey(store, 'k.json', { run: 'died holding it' });
    expect(dead.held).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    const strict = await claimKey(store, 'k.json', { run: 'next' }, Number.POSITIVE_INFINITY);
    expect(strict.held).toBe(false);
    expect(strict.holder?.versionId).toBe(dead.versionId);
    // with a 1 s threshold the dead run's version is abandoned; strict's (younger, live) one holds
    const next = await claimKey(store, 'k.json', { run: 'after' }, 1000);
    expect(next.held).toBe(false);
    expect(next.holder?.versionId).toBe(strict.versionId);
    await new Promise((r) => setTimeout(r, 1500));
    const later = await claimKey(store, 'k.json', { run: 'later' }, 1000);
    expect(later.held).toBe(true);
  });

  it('an unversioned or suspended bucket has no order to judge: every claim is granted', async () => {
    const store = new S3ObjectStore(location(await createBucket({ versioned: false })));
    const a = await claimKey(store, 'k.json', { run: 'a' });
    const b = await claimKey(store, 'k.json', { run: 'b' });
    expect([a.held, b.held]).toEqual([true, true]);
    expect(a.versionId).toBeUndefined();
    // suspended after a version was stored: Ceph answers new writes without a version id (AWS
    // names them "null", which claimKey treats the same)
    const bucket = await createBucket();
    const suspended = new S3ObjectStore(location(bucket));
    const old = await claimKey(suspended, 'k.json', { run: 'before suspension' });
    expect(old.held).toBe(true);
    await testClient().send(
      new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Suspended' } }),
    );
    const c = await claimKey(suspended, 'k.json', { run: 'c' });
    const d = await claimKey(suspended, 'k.json', { run: 'd' });
    expect([c.held, d.held]).toEqual([true, true]);
  });

  it('Ceph Pacific honours no conditional writes: detected, the probe removed, and the claims go by versions', async () => {
    const store = new S3ObjectStore(location(await createBucket()));
    expect(await detectConditionalWrites(store, 'probe.json', silentLogger)).toBe(false);
    expect(await store.listKeys('')).toEqual([]);
  });

  it('a released claim no longer counts: the next contender holds it at once (its release record on Ceph)', async () => {
    const store = new S3ObjectStore(location(await createBucket()));
    const a = await claimKey(store, 'k.json', { run: 'a' }, 30_000);
    expect(a.held).toBe(true);
    await releaseClaim(store, a, silentLogger);
    const b = await claimKey(store, 'k.json', { run: 'b' }, 30_000);
    expect(b.held).toBe(true);
    const c = await claimKey(store, 'k.json', { run: 'c' }, 30_000);
    expect(c).toMatchObject({ held: false, holder: { versionId: b.versionId } });
  });
});
