import { describe, expect, it } from 'vitest';
import {
  listSnapshots,
  MAX_LATEST_BYTES,
  MAX_MANIFEST_BYTES,
  readLatest,
  readManifest,
} from '../../src/catalog/listing.js';
import { latestFor, type Manifest } from '../../src/catalog/manifest.js';
import { NotASnapshotIdError } from '../../src/catalog/snapshot-id.js';
import { DocumentTooLargeError } from '../../src/storage/bounded-json.js';
import { LAYOUT } from '../ports/backup-fixture.js';
import { putSnapshot } from '../ports/catalog-fixture.js';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore, s3Error } from '../ports/memory-store.js';

// the catalog as the engine reads it: listSnapshots, readLatest, readManifest over the memory store
function bucket() {
  const clock = new ManualClock('2026-11-24T00:00:00Z');
  return { clock, store: new MemoryStore({ clock: clock.now }) };
}

describe('listSnapshots', () => {
  it('every snapshot folder with its state, newest first; other folders are not snapshots', async () => {
    const { store } = bucket();
    putSnapshot(store, LAYOUT, '20261120T020000Z');
    putSnapshot(store, LAYOUT, '20261121T020000Z', { status: 'suspect' });
    // an archive without a manifest: a backup that failed or is still running
    store.putBytes(LAYOUT.archiveKey('20261122T020000Z', 'gzip'), 'partial');
    // a run that has only claimed its id so far
    store.putBytes(LAYOUT.claimKey('20261122T030000Z'), '{}');
    // a manifest that is not JSON, and one that is JSON but not a manifest
    store.putBytes(LAYOUT.manifestKey('20261123T020000Z'), 'not json at all');
    store.putBytes(LAYOUT.manifestKey('20261123T030000Z'), JSON.stringify({ schema: 1, snapshotId: 'x' }));
    // labelled ids of one second sort by id, newest (greatest) first
    putSnapshot(store, LAYOUT, '20261123T040000Z-a');
    putSnapshot(store, LAYOUT, '20261123T040000Z-b');
    // not snapshot ids: ignored
    store.putBytes(`${LAYOUT.snapshotsPrefix}tmp/manifest.json`, '{}');
    store.putBytes(`${LAYOUT.snapshotsPrefix}2026-11-20/manifest.json`, '{}');

    const entries = await listSnapshots(store, LAYOUT);
    expect(entries.map((e) => [e.id, e.state])).toEqual([
      ['20261123T040000Z-b', 'ok'],
      ['20261123T040000Z-a', 'ok'],
      ['20261123T030000Z', 'unreadable'],
      ['20261123T020000Z', 'unreadable'],
      ['20261122T030000Z', 'incomplete'],
      ['20261122T020000Z', 'incomplete'],
      ['20261121T020000Z', 'suspect'],
      ['20261120T020000Z', 'ok'],
    ]);
    const byId = Object.fromEntries(entries.map((e) => [e.id, e]));
    expect(byId['20261122T020000Z']!.problem).toBe('no manifest.json');
    expect(byId['20261123T020000Z']!.problem).toBe(
      's3://memory/lifeboat/app/snapshots/20261123T020000Z/manifest.json is not valid JSON: it was not written by lifeboat or is damaged.',
    );
    expect(byId['20261123T030000Z']!.problem).toMatch(
      /^s3:\/\/memory\/lifeboat\/app\/snapshots\/20261123T030000Z\/manifest.json is not a valid lifeboat manifest: /,
    );
    const ok = byId['20261120T020000Z']!;
    expect(ok.time).toEqual(new Date('2026-11-20T02:00:00Z'));
    expect(ok.manifest?.snapshotId).toBe('20261120T020000Z');
    const [current] = store.versionsOf(LAYOUT.manifestKey('20261120T020000Z'));
    expect(ok.manifestVersion).toEqual({ versionId: current!.versionId, etag: current!.etag });
  });

  it('a folder whose objects are all deleted is gone; an empty target lists nothing', async () => {
    const { store } = bucket();
    expect(await listSnapshots(store, LAYOUT)).toEqual([]);
    putSnapshot(store, LAYOUT, '20261120T020000Z');
    await store.deleteKeys(store.keys(LAYOUT.snapshotPrefix('20261120T020000Z')));
    expect(await listSnapshots(store, LAYOUT)).toEqual([]);
  });

  it('a manifest that cannot be read is "unreadable" and the listing goes on', async () => {
    const { store } = bucket();
    putSnapshot(store, LAYOUT, '20261120T020000Z');
    putSnapshot(store, LAYOUT, '20261121T020000Z');
    store.fault = ({ operation, key }) => {
      if (operation === 'GetObject' && key === LAYOUT.manifestKey('20261121T020000Z')) {
        throw s3Error('InternalError', 500, 'We encountered an internal error.');
      }
    };
    const entries = await listSnapshots(store, LAYOUT);
    expect(entries.map((e) => [e.id, e.state, e.problem])).toEqual([
      [
        '20261121T020000Z',
        'unreadable',
        's3://memory/lifeboat/app/snapshots/20261121T020000Z/manifest.json cannot be read: GetObject lifeboat/app/snapshots/20261121T020000Z/manifest.json on s3://memory failed: InternalError (HTTP 500): We encountered an internal error.',
      ],
      ['20261120T020000Z', 'ok', undefined],
    ]);
  });
});

describe('readLatest and readManifest', () => {
  it('readLatest: undefined without latest.json; the pointer and the version that was read', async () => {
    const { clock, store } = bucket();
    expect(await readLatest(store, LAYOUT)).toBeUndefined();
    const m = putSnapshot(store, LAYOUT, '20261120T020000Z');
    const pointer = latestFor(m, LAYOUT.manifestKey(m.snapshotId), null, clock.now());
    const written = await store.putJson(LAYOUT.latestKey, pointer);
    expect(await readLatest(store, LAYOUT)).toEqual({ pointer, version: written, lastModified: clock.now() });
    expect(written.versionId).toBe(store.versionsOf(LAYOUT.latestKey)[0]!.versionId);
  });

  it('readLatest refuses a latest.json that is not a pointer, naming where it is', async () => {
    const { store } = bucket();
    store.putBytes(LAYOUT.latestKey, JSON.stringify({ snapshotId: '20261120T020000Z' }));
    await expect(readLatest(store, LAYOUT)).rejects.toThrow(
      /^s3:\/\/memory\/lifeboat\/app\/latest.json is not a valid lifeboat latest pointer: /,
    );
  });

  it('readManifest: the current version, an older one by id, undefined once deleted', async () => {
    const { store } = bucket();
    const first = putSnapshot(store, LAYOUT, '20261120T020000Z');
    const [v1] = store.versionsOf(LAYOUT.manifestKey(first.snapshotId));
    putSnapshot(store, LAYOUT, '20261120T020000Z', { status: 'suspect' });
    expect((await readManifest(store, LAYOUT, first.snapshotId))?.manifest.status).toBe('suspect');
    const old = await readManifest(store, LAYOUT, first.snapshotId, v1!.versionId);
    expect(old).toEqual({
      manifest: first,
      version: { versionId: v1!.versionId, etag: v1!.etag },
      lastModified: v1!.lastModified,
    });
    await store.deleteKeys([LAYOUT.manifestKey(first.snapshotId)]);
    expect(await readManifest(store, LAYOUT, first.snapshotId)).toBeUndefined();
    // the version stays readable below the delete marker
    expect((await readManifest(store, LAYOUT, first.snapshotId, v1!.versionId))?.manifest).toEqual(first);
    expect(await readManifest(store, LAYOUT, '20261121T020000Z')).toBeUndefined();
  });
});

describe('nothing read from the bucket is trusted unchecked', () => {
  // was a bug: latest.json naming `../../x` made a backup write claim keys outside the target's folder
  it('a latest.json whose snapshotId is not a snapshot id is refused before any key is built from it', async () => {
    const { clock, store } = bucket();
    const m = putSnapshot(store, LAYOUT, '20261120T020000Z');
    const pointer = latestFor(m, LAYOUT.manifestKey(m.snapshotId), null, clock.now());
    store.putBytes(LAYOUT.latestKey, JSON.stringify({ ...pointer, snapshotId: '../../x' }));
    const calls = store.calls.length;
    await expect(readLatest(store, LAYOUT)).rejects.toThrow(
      new NotASnapshotIdError(
        's3://memory/lifeboat/app/latest.json names snapshot "../../x", which is not a snapshot id (such as 20261123T020000Z): it is not trusted and no key was built from it.',
      ),
    );
    // only latest.json itself was read
    expect(store.calls.slice(calls).every((c) => c.key === LAYOUT.latestKey)).toBe(true);
    // and no key is built from such an id anywhere
    expect(() => LAYOUT.claimKey('../../x')).toThrow(NotASnapshotIdError);
    expect(() => LAYOUT.successorKey('20261120T020000Z/../../../y')).toThrow(NotASnapshotIdError);
  });

  it('a 100 MB manifest or latest.json is refused unread, with one error naming it', async () => {
    const { store } = bucket();
    putSnapshot(store, LAYOUT, '20261120T020000Z');
    store.putBytes(LAYOUT.manifestKey('20261120T020000Z'), Buffer.alloc(100 * 1024 * 1024, 0x20));
    const gets = () => store.calls.filter((c) => c.operation === 'GetObject').length;
    const before = gets();
    await expect(readManifest(store, LAYOUT, '20261120T020000Z')).rejects.toThrow(
      new DocumentTooLargeError(
        `s3://memory/${LAYOUT.manifestKey('20261120T020000Z')} is 104857600 bytes, more than the ${MAX_MANIFEST_BYTES} allowed for it: it was not read.`,
      ),
    );
    expect(gets()).toBe(before); // refused on its HEAD: the body was never requested
    expect((await listSnapshots(store, LAYOUT))[0]).toMatchObject({ state: 'unreadable' });
    store.putBytes(LAYOUT.latestKey, Buffer.alloc(MAX_LATEST_BYTES + 1, 0x20));
    await expect(readLatest(store, LAYOUT)).rejects.toThrow(
      /latest.json is 65537 bytes, more than the 65536 allowed/,
    );
  });

  it('a manifest that names another snapshot, another archive key or another compression is not trusted', async () => {
    const { store } = bucket();
    const id = '20261120T020000Z';
    const m = putSnapshot(store, LAYOUT, id);
    const lie = (change: Partial<Manifest>) =>
      store.putBytes(LAYOUT.manifestKey(id), JSON.stringify({ ...m, ...change }), 'application/json');
    lie({ snapshotId: '20261121T020000Z' });
    await expect(readManifest(store, LAYOUT, id)).rejects.toThrow(
      `s3://memory/${LAYOUT.manifestKey(id)} is the manifest of snapshot 20261121T020000Z, not of ${id} whose folder holds it: it is not trusted.`,
    );
    lie({ archive: { ...m.archive, key: 'lifeboat/other/snapshots/20261120T020000Z/archive.tar.gz' } });
    await expect(readManifest(store, LAYOUT, id)).rejects.toThrow(
      `s3://memory/${LAYOUT.manifestKey(id)} names the archive "lifeboat/other/snapshots/20261120T020000Z/archive.tar.gz", not ${LAYOUT.archiveKey(id, 'gzip')} (the gzip archive of its own folder): it is not trusted.`,
    );
    lie({ compression: 'zstd' });
    await expect(readManifest(store, LAYOUT, id)).rejects.toThrow(
      /names the archive .*archive\.tar\.gz", not .*archive\.tar\.zst \(the zstd archive of its own folder\)/,
    );
    expect((await listSnapshots(store, LAYOUT)).map((e) => e.state)).toEqual(['unreadable']);
  });

  it("a snapshot's time is its id's, but never later than when the storage stored its manifest", async () => {
    const { store } = bucket(); // the storage's clock: 2026-11-24T00:00Z
    putSnapshot(store, LAYOUT, '20261123T020000Z');
    putSnapshot(store, LAYOUT, '20261125T020000Z'); // an id a day ahead of the storage
    const entries = await listSnapshots(store, LAYOUT);
    expect(entries.map((e) => [e.id, e.time.toISOString()])).toEqual([
      ['20261125T020000Z', '2026-11-24T00:00:00.000Z'],
      ['20261123T020000Z', '2026-11-23T02:00:00.000Z'],
    ]);
  });
});
