import { describe, expect, it } from 'vitest';
import { listSnapshots } from '../../src/catalog/listing.js';
import { latestFor, type Manifest } from '../../src/catalog/manifest.js';
import { executePrune, planPrune, planTargetPrune } from '../../src/catalog/prune.js';
import { keepLast, LAYOUT, NO_RETENTION } from '../ports/backup-fixture.js';
import { putSnapshot } from '../ports/catalog-fixture.js';
import { HOUR, ManualClock } from '../ports/clock.js';
import { MemoryStore, s3Error, type MemoryStoreOptions } from '../ports/memory-store.js';
import { RecordingLogger } from '../ports/recording-logger.js';

// planPrune decides over the catalog as listSnapshots reads it; executePrune deletes folders

/** Good snapshots on four days, a suspect one, a failed one and an unreadable one between them. */
function catalog(o: MemoryStoreOptions = {}) {
  const clock = new ManualClock('2026-11-24T12:00:00Z');
  const store = new MemoryStore({ clock: clock.now, ...o });
  const good = ['20261120T020000Z', '20261121T020000Z', '20261122T020000Z', '20261123T020000Z'];
  for (const id of good)
    putSnapshot(store, LAYOUT, id, { extra: { 'verification.json': '{"verified":true}' } });
  putSnapshot(store, LAYOUT, '20261120T120000Z', { status: 'suspect' });
  store.putBytes(LAYOUT.archiveKey('20261121T120000Z', 'gzip'), 'cut short');
  store.putBytes(LAYOUT.manifestKey('20261122T120000Z'), 'garbage');
  // the newest folder is suspect: it must neither count nor shield anything
  putSnapshot(store, LAYOUT, '20261124T020000Z', { status: 'suspect' });
  return { clock, store, good };
}

describe('planPrune', () => {
  it('counts and removes good snapshots only: suspect, incomplete and unreadable folders stay', async () => {
    const { store, good } = catalog();
    const plan = planPrune(await listSnapshots(store, LAYOUT), keepLast(2));
    expect(plan.keep).toEqual([
      { id: good[3], reasons: ['last'] },
      { id: good[2], reasons: ['last'] },
    ]);
    expect(plan.remove.map((e) => e.id)).toEqual([good[1], good[0]]);
  });

  it('an empty policy keeps everything', async () => {
    const { store } = catalog();
    const plan = planPrune(await listSnapshots(store, LAYOUT), NO_RETENTION);
    expect(plan.remove).toEqual([]);
    expect(plan.keep.every((k) => k.reasons.join() === 'policy is empty')).toBe(true);
  });

  it('nothing of the newest good second is removed, whatever the policy says', async () => {
    const store = new MemoryStore();
    for (const id of ['20261123T020000Z-a', '20261123T020000Z-b', '20261122T020000Z'])
      putSnapshot(store, LAYOUT, id);
    const plan = planPrune(await listSnapshots(store, LAYOUT), keepLast(1));
    // keep-last 1 keeps -b; -a started in the same second as the newest and is kept too
    expect(plan.keep.map((k) => k.id)).toEqual(['20261123T020000Z-b']);
    expect(plan.remove.map((e) => e.id)).toEqual(['20261122T020000Z']);
  });

  it('without any good snapshot nothing is removed', async () => {
    const store = new MemoryStore();
    putSnapshot(store, LAYOUT, '20261120T020000Z', { status: 'suspect' });
    store.putBytes(LAYOUT.archiveKey('20261121T020000Z', 'gzip'), 'cut short');
    expect(planPrune(await listSnapshots(store, LAYOUT), keepLast(1))).toEqual({
      keep: [],
      remove: [],
      spared: [],
    });
  });
});

describe('executePrune', () => {
  it('deletes each folder whole, the manifest first; the versions stay below delete markers', async () => {
    const { store, good } = catalog();
    const logger = new RecordingLogger();
    const plan = planPrune(await listSnapshots(store, LAYOUT), keepLast(2));
    expect(await executePrune(store, LAYOUT, plan, logger)).toEqual([good[1], good[0]]);
    expect(logger.lines).toEqual([`pruned snapshot ${good[1]}`, `pruned snapshot ${good[0]}`]);
    for (const id of [good[1]!, good[0]!]) {
      const folder = LAYOUT.snapshotPrefix(id);
      expect(store.writes(folder)).toEqual([
        'DeleteObject manifest.json',
        'DeleteObject archive.tar.gz',
        'DeleteObject verification.json',
      ]);
      expect(store.keys(folder)).toEqual([]);
      for (const v of store.allVersions(folder).filter((x) => x.isLatest)) expect(v.deleteMarker).toBe(true);
      expect(store.allVersions(folder).filter((x) => !x.deleteMarker)).toHaveLength(3);
    }
    expect((await listSnapshots(store, LAYOUT)).map((e) => [e.id, e.state])).toEqual([
      ['20261124T020000Z', 'suspect'],
      [good[3], 'ok'],
      ['20261122T120000Z', 'unreadable'],
      [good[2], 'ok'],
      ['20261121T120000Z', 'incomplete'],
      ['20261120T120000Z', 'suspect'],
    ]);
  });

  it('in an unversioned bucket the deleted objects are gone for good', async () => {
    const { store, good } = catalog({ versioning: 'Disabled' });
    const plan = planPrune(await listSnapshots(store, LAYOUT), keepLast(3));
    await executePrune(store, LAYOUT, plan, new RecordingLogger());
    expect(store.allVersions(LAYOUT.snapshotPrefix(good[0]!))).toEqual([]);
  });

  it('a deletion cut short after the manifest leaves an incomplete folder, never a good one', async () => {
    const { store, good } = catalog();
    store.fault = ({ operation, key }) => {
      if (operation === 'DeleteObject' && key.endsWith('archive.tar.gz'))
        throw s3Error('ServiceUnavailable', 503, 'busy');
    };
    const plan = planPrune(await listSnapshots(store, LAYOUT), keepLast(3));
    await expect(executePrune(store, LAYOUT, plan, new RecordingLogger())).rejects.toThrow(
      `DeleteObject ${LAYOUT.archiveKey(good[0]!, 'gzip')} on s3://memory failed: ServiceUnavailable (HTTP 503): busy`,
    );
    store.fault = undefined;
    const after = await listSnapshots(store, LAYOUT);
    expect(after.find((e) => e.id === good[0])).toMatchObject({
      state: 'incomplete',
      problem: 'no manifest.json',
    });
    // and a later retention run counts it neither as kept nor as removable
    const next = planPrune(after, keepLast(1));
    expect([...next.keep.map((k) => k.id), ...next.remove.map((e) => e.id)]).not.toContain(good[0]);
  });
});

/** latest.json naming `id`, written as moveLatest would. */
async function pointLatestAt(store: MemoryStore, id: string, clock: ManualClock) {
  const m = store.json<Manifest>(LAYOUT.manifestKey(id))!;
  await store.putJson(LAYOUT.latestKey, latestFor(m, LAYOUT.manifestKey(id), null, clock.now()));
}

describe('planTargetPrune: the guard of every deletion', () => {
  // was a bug: a run killed after its manifest and before moving latest.json left a good snapshot
  // newer than latest; `prune --keep-last 1` then kept that one and deleted the one latest named
  it('never removes the snapshot latest.json names, nor anything newer (a run killed before moving latest)', async () => {
    const { clock, store, good } = catalog();
    await pointLatestAt(store, good[1]!, clock); // good[2] and good[3]: runs that died before the move
    const plan = await planTargetPrune(store, LAYOUT, keepLast(1));
    expect(plan.remove.map((e) => e.id)).toEqual([good[0]]);
    expect(plan.spared).toEqual([
      { id: good[2], reason: `newer than ${good[1]}, which latest.json names` },
      { id: good[1], reason: 'latest.json names it' },
    ]);
    await executePrune(store, LAYOUT, plan, new RecordingLogger());
    expect(store.keys(LAYOUT.snapshotPrefix(good[1]!))).toHaveLength(3);
  });

  it.each([
    [
      'missing',
      async (store: MemoryStore, clock: ManualClock) => {
        await pointLatestAt(store, '20261123T020000Z', clock);
        await store.deleteKeys(store.keys(LAYOUT.snapshotPrefix('20261123T020000Z')));
      },
      'latest.json names snapshot 20261123T020000Z, which is missing: nothing is pruned until it names a good snapshot',
    ],
    [
      'suspect',
      async (store: MemoryStore, clock: ManualClock) => {
        await pointLatestAt(store, '20261124T020000Z', clock);
      },
      'latest.json names snapshot 20261124T020000Z, which is suspect: nothing is pruned until it names a good snapshot',
    ],
    [
      'unreadable',
      async (store: MemoryStore) => {
        store.putBytes(LAYOUT.latestKey, '{"snapshotId": "../../x"}');
      },
      /^latest.json cannot be read \(s3:\/\/memory\/lifeboat\/app\/latest.json is not a valid lifeboat latest pointer: .*\): nothing is pruned until it can$/,
    ],
  ])('a latest.json that names a %s snapshot: nothing at all is removed', async (_kind, setUp, reason) => {
    const { clock, store } = catalog();
    await setUp(store, clock);
    const plan = await planTargetPrune(store, LAYOUT, keepLast(1));
    expect(plan.remove).toEqual([]);
    expect(plan.spared.length).toBeGreaterThan(0);
    for (const s of plan.spared) expect(s.reason).toMatch(reason);
  });

  it('a suspect snapshot goes after 14 days (storage time), once latest.json names a newer one', async () => {
    const clock = new ManualClock('2026-11-01T02:00:00Z');
    const store = new MemoryStore({ clock: clock.now });
    putSnapshot(store, LAYOUT, '20261101T020000Z', { status: 'suspect' }); // stored 2026-11-01
    clock.set('2026-11-10T02:00:00Z');
    putSnapshot(store, LAYOUT, '20261110T020000Z');
    putSnapshot(store, LAYOUT, '20261110T030000Z', { status: 'suspect' }); // newer than latest
    await pointLatestAt(store, '20261110T020000Z', clock);
    clock.set('2026-11-14T02:00:00Z');
    expect((await planTargetPrune(store, LAYOUT, keepLast(5))).remove).toEqual([]); // 13 days
    clock.set('2026-11-30T02:00:00Z');
    const plan = await planTargetPrune(store, LAYOUT, keepLast(5));
    expect(plan.remove.map((e) => [e.id, e.reason])).toEqual([
      ['20261101T020000Z', 'suspect, stored 29d ago (suspect snapshots are kept 14 days)'],
    ]);
    // an empty policy removes nothing, suspect or not
    expect((await planTargetPrune(store, LAYOUT, NO_RETENTION)).remove).toEqual([]);
  });

  it('a folder without a manifest goes once its newest object is 24 h old (storage time); unreadable ones stay', async () => {
    const clock = new ManualClock('2026-11-20T02:00:00Z');
    const store = new MemoryStore({ clock: clock.now });
    putSnapshot(store, LAYOUT, '20261120T020000Z');
    await pointLatestAt(store, '20261120T020000Z', clock);
    // a run killed while uploading (its claim), one killed after its archive, a verification
    // written after prune removed its snapshot, a manifest that is not one
    store.putBytes(LAYOUT.claimKey('20261120T030000Z'), '{}');
    store.putBytes(LAYOUT.claimKey('20261120T040000Z'), '{}');
    clock.advance(HOUR);
    store.putBytes(LAYOUT.archiveKey('20261120T040000Z', 'gzip'), 'archive');
    store.putBytes(LAYOUT.verificationKey('20261120T050000Z'), '{}');
    store.putBytes(LAYOUT.manifestKey('20261120T060000Z'), 'not json');
    clock.set('2026-11-21T02:30:00Z'); // the claims are 24.5 h old, the rest 23.5 h
    expect((await planTargetPrune(store, LAYOUT, keepLast(3))).remove.map((e) => e.id)).toEqual([
      '20261120T030000Z',
    ]);
    clock.advance(HOUR);
    const plan = await planTargetPrune(store, LAYOUT, keepLast(3));
    expect(plan.remove.map((e) => [e.id, e.reason])).toEqual([
      [
        '20261120T050000Z',
        'no manifest, and its newest object is 24.5h old: the leftover of a run that ended',
      ],
      [
        '20261120T040000Z',
        'no manifest, and its newest object is 24.5h old: the leftover of a run that ended',
      ],
      [
        '20261120T030000Z',
        'no manifest, and its newest object is 25.5h old: the leftover of a run that ended',
      ],
    ]);
    const logger = new RecordingLogger();
    await executePrune(store, LAYOUT, plan, logger);
    expect((await listSnapshots(store, LAYOUT)).map((e) => [e.id, e.state])).toEqual([
      ['20261120T060000Z', 'unreadable'],
      ['20261120T020000Z', 'ok'],
    ]);
    // no manifest was deleted where there was none: no stray delete markers
    expect(store.versionsOf(LAYOUT.manifestKey('20261120T030000Z'))).toEqual([]);
  });
});
