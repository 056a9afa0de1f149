import { describe, expect, it } from 'vitest';
import { listSnapshots, readLatest, readManifest } from '../../src/catalog/listing.js';
import { latestFor } from '../../src/catalog/manifest.js';
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
        'GetObject lifeboat/app/snapshots/20261121T020000Z/manifest.json on s3://memory failed: InternalError (HTTP 500): We encountered an internal error.',
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
    expect(await readLatest(store, LAYOUT)).toEqual({ pointer, version: written });
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
    expect(old).toEqual({ manifest: first, version: { versionId: v1!.versionId, etag: v1!.etag } });
    await store.deleteKeys([LAYOUT.manifestKey(first.snapshotId)]);
    expect(await readManifest(store, LAYOUT, first.snapshotId)).toBeUndefined();
    // the version stays readable below the delete marker
    expect((await readManifest(store, LAYOUT, first.snapshotId, v1!.versionId))?.manifest).toEqual(first);
    expect(await readManifest(store, LAYOUT, '20261121T020000Z')).toBeUndefined();
  });
});
