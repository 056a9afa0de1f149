import { describe, expect, it } from 'vitest';
import { claimKey, releaseClaim } from '../../src/storage/key-claim.js';
import { ManualClock, SECOND } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';
import { RecordingLogger } from '../ports/recording-logger.js';

// the twin of test/integration/key-claim.test.ts over the memory store, whose versions are in the
// order they were stored and whose server clock the test moves
describe('claimKey (over ordered versions)', () => {
  it.each([1, 2, 3])(
    'of eight contenders writing one key at once, exactly one holds it and every other names that one (round %i)',
    async () => {
      const store = new MemoryStore();
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) => claimKey(store, 't/first-snapshot.json', { contender: i })),
      );
      const held = claims.filter((c) => c.held);
      expect(held).toHaveLength(1);
      const winner = held[0]!.versionId!;
      for (const c of claims.filter((x) => !x.held)) expect(c.holder?.versionId).toBe(winner);
      // the winner wrote the oldest of the eight versions: the last one listed (newest first)
      const versions = store.versionsOf('t/first-snapshot.json');
      expect(versions).toHaveLength(8);
      expect(versions[versions.length - 1]!.versionId).toBe(winner);
    },
  );

  it('the order is the order of storing, not of LastModified (a PUT that began first may land second)', async () => {
    // the server stamps the second write with an earlier time than the first
    const times = [new Date('2026-11-23T02:00:01Z'), new Date('2026-11-23T02:00:00Z')];
    const store = new MemoryStore({ clock: () => times.shift() ?? new Date('2026-11-23T02:00:02Z') });
    const first = await claimKey(store, 'k.json', { run: 'stored first' });
    const second = await claimKey(store, 'k.json', { run: 'stored second' });
    expect([first.held, second.held]).toEqual([true, false]);
    expect(second.holder?.versionId).toBe(first.versionId);
  });

  it('a version older than abandonedAfterMs (server time) does not count; a live one does', async () => {
    const clock = new ManualClock();
    const store = new MemoryStore({ clock: clock.now });
    const dead = await claimKey(store, 'k.json', { run: 'died holding it' });
    expect(dead.held).toBe(true);
    clock.advance(1.5 * SECOND);
    const strict = await claimKey(store, 'k.json', { run: 'next' }, Number.POSITIVE_INFINITY);
    expect(strict.held).toBe(false);
    expect(strict.holder).toEqual({
      versionId: dead.versionId,
      lastModified: new Date('2026-11-23T02:00:00Z'),
    });
    // with a 1 s threshold the dead run's version is abandoned; strict's (younger, live) one holds
    const next = await claimKey(store, 'k.json', { run: 'after' }, SECOND);
    expect(next.held).toBe(false);
    expect(next.holder?.versionId).toBe(strict.versionId);
    clock.advance(1.5 * SECOND);
    expect((await claimKey(store, 'k.json', { run: 'later' }, SECOND)).held).toBe(true);
  });

  // a release was only a delete marker, which listVersions leaves out: a released claim counted as
  // live until it aged out, and the run after a failed one was refused for ten minutes
  it('a released claim (a release record, then a delete marker) no longer counts: the next contender holds it', async () => {
    const store = new MemoryStore();
    const a = await claimKey(store, 'k.json', { run: 'a' });
    await releaseClaim(store, a, new RecordingLogger());
    expect(store.keys()).toEqual([]);
    // the claim, the record naming it, the delete marker
    expect(store.versionsOf('k.json').map((v) => v.deleteMarker)).toEqual([true, false, false]);
    expect(store.json('k.json', store.versionsOf('k.json')[1]!.versionId)).toEqual({ released: a.versionId });
    const b = await claimKey(store, 'k.json', { run: 'b' });
    expect(b).toMatchObject({ held: true, how: 'versions' });
    // b is not released: c finds b, not a, holding it
    const c = await claimKey(store, 'k.json', { run: 'c' });
    expect(c).toMatchObject({ held: false, holder: { versionId: b.versionId } });
  });

  it('a lost claim is released too, and never counts for the next contender', async () => {
    const store = new MemoryStore();
    const [a, b] = await Promise.all([
      claimKey(store, 'k.json', { run: 'a' }),
      claimKey(store, 'k.json', { run: 'b' }),
    ]);
    const [winner, loser] = a.held ? [a, b] : [b, a];
    expect([winner.held, loser.held]).toEqual([true, false]);
    await releaseClaim(store, loser, new RecordingLogger());
    // the winner still holds it
    expect((await claimKey(store, 'k.json', { run: 'c' })).holder?.versionId).toBe(winner.versionId);
    await releaseClaim(store, winner, new RecordingLogger());
    expect((await claimKey(store, 'k.json', { run: 'd' })).held).toBe(false); // c is live
  });

  it('an unversioned or suspended bucket has no order to judge: every claim is granted', async () => {
    const unversioned = new MemoryStore({ versioning: 'Disabled' });
    const a = await claimKey(unversioned, 'k.json', { run: 'a' });
    const b = await claimKey(unversioned, 'k.json', { run: 'b' });
    expect([a.held, b.held]).toEqual([true, true]);
    expect(a.versionId).toBeUndefined();
    // suspended after a version was stored: new writes are the "null" version
    const suspended = new MemoryStore();
    expect((await claimKey(suspended, 'k.json', { run: 'before suspension' })).held).toBe(true);
    suspended.setVersioning('Suspended');
    const c = await claimKey(suspended, 'k.json', { run: 'c' });
    const d = await claimKey(suspended, 'k.json', { run: 'd' });
    expect([c.held, d.held]).toEqual([true, true]);
    expect(suspended.versionsOf('k.json').map((v) => v.versionId)).toEqual(['null', 'v000001']);
  });
});

// the same claims where the store honours If-None-Match / If-Match (AWS S3, R2, MinIO)
describe('claimKey (conditional writes)', () => {
  const conditional = (clock = new ManualClock()) => ({
    clock,
    store: new MemoryStore({ clock: clock.now, conditionalWrites: true }),
  });

  it.each([1, 2, 3])(
    'of eight contenders at once, exactly one holds it; every other names it (round %i)',
    async () => {
      const { store } = conditional();
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          claimKey(store, 't/first-snapshot.json', { contender: i }, Number.POSITIVE_INFINITY, true),
        ),
      );
      const held = claims.filter((c) => c.held);
      expect(held).toHaveLength(1);
      expect(held[0]!.how).toBe('conditional');
      for (const c of claims.filter((x) => !x.held)) expect(c.holder?.versionId).toBe(held[0]!.versionId);
      // one version only: the refused writes stored nothing
      expect(store.versionsOf('t/first-snapshot.json')).toHaveLength(1);
    },
  );

  it("the holder's release frees the key; a loser's release leaves the holder's claim alone", async () => {
    const { store } = conditional();
    const a = await claimKey(store, 'k.json', { run: 'a' }, Number.POSITIVE_INFINITY, true);
    const b = await claimKey(store, 'k.json', { run: 'b' }, Number.POSITIVE_INFINITY, true);
    expect([a.held, b.held]).toEqual([true, false]);
    await releaseClaim(store, b, new RecordingLogger());
    expect(store.json('k.json')).toEqual({ run: 'a' });
    await releaseClaim(store, a, new RecordingLogger());
    expect(store.keys()).toEqual([]);
    expect((await claimKey(store, 'k.json', { run: 'c' }, Number.POSITIVE_INFINITY, true)).held).toBe(true);
  });

  it('a claim older than abandonedAfterMs (server time) is taken over by exactly one contender', async () => {
    const { clock, store } = conditional();
    const dead = await claimKey(store, 'k.json', { run: 'died holding it' }, SECOND, true);
    expect(dead.held).toBe(true);
    expect((await claimKey(store, 'k.json', { run: 'too soon' }, SECOND, true)).held).toBe(false);
    clock.advance(1.5 * SECOND);
    const claims = await Promise.all(
      Array.from({ length: 4 }, (_, i) => claimKey(store, 'k.json', { run: i }, SECOND, true)),
    );
    expect(claims.filter((c) => c.held)).toHaveLength(1);
    expect(store.versionsOf('k.json')).toHaveLength(2);
  });
});
