import { describe, expect, it } from 'vitest';
import { readLatest, type StoredLatest } from '../../src/catalog/listing.js';
import type { LatestPointer, Manifest } from '../../src/catalog/manifest.js';
import { moveLatest, type LatestMove } from '../../src/catalog/move-latest.js';
import { schemaErrors } from '../../src/catalog/schemas.js';
import { OperationFailedError } from '../../src/util/errors.js';
import { LAYOUT } from '../ports/backup-fixture.js';
import { putSnapshot } from '../ports/catalog-fixture.js';
import { ManualClock, MINUTE } from '../ports/clock.js';
import { MemoryStore, s3Error, type MemoryStoreOptions } from '../ports/memory-store.js';
import { RecordingLogger } from '../ports/recording-logger.js';

// moveLatest over the memory store: the claim on the move is ordered by the versions of
// successor.json (first-snapshot.json while the target has no latest.json)
const FIRST = '20261120T020000Z';
const A = '20261121T020000Z';
const B = '20261121T020005Z';

function bucket(o: MemoryStoreOptions = {}) {
  const clock = new ManualClock('2026-11-21T02:10:00Z');
  const store = new MemoryStore({ clock: clock.now, ...o });
  const manifests = Object.fromEntries([FIRST, A, B].map((id) => [id, putSnapshot(store, LAYOUT, id)]));
  return { clock, store, manifests };
}

function move(
  b: ReturnType<typeof bucket>,
  id: string,
  seenAtStart: StoredLatest | undefined,
  run: LatestMove['run'] = 'backup',
) {
  const logger = new RecordingLogger();
  const manifest: Manifest = b.manifests[id]!;
  const manifestVersionId = b.store.versionsOf(LAYOUT.manifestKey(id))[0]!.versionId;
  const moving = moveLatest(b.store, LAYOUT, {
    manifest,
    manifestVersionId,
    seenAtStart,
    run,
    now: b.clock.now,
    logger,
  });
  return { moving, logger };
}

/** A bucket whose latest.json names FIRST, and that pointer as a run reads it when it begins. */
async function withLatest(o: MemoryStoreOptions = {}) {
  const b = bucket(o);
  await move(b, FIRST, undefined).moving;
  b.clock.advance(15 * MINUTE); // the first move's claim is long abandoned
  return { ...b, seen: (await readLatest(b.store, LAYOUT))! };
}

const latestId = (store: MemoryStore) => store.json<LatestPointer>(LAYOUT.latestKey)?.snapshotId;
const successorOf = (id: string) => `${LAYOUT.snapshotPrefix(id)}successor.json`;

describe('moveLatest', () => {
  it('writes the pointer to the manifest version it was given, claiming the first move', async () => {
    const b = bucket();
    await move(b, FIRST, undefined).moving;
    const pointer = b.store.json<LatestPointer>(LAYOUT.latestKey)!;
    const m = b.manifests[FIRST]!;
    expect(pointer).toEqual({
      schema: 1,
      target: 'app',
      snapshotId: FIRST,
      manifestKey: LAYOUT.manifestKey(FIRST),
      manifestVersionId: b.store.versionsOf(LAYOUT.manifestKey(FIRST))[0]!.versionId,
      archiveKey: m.archive.key,
      archiveVersionId: m.archive.versionId,
      sha256: m.archive.sha256,
      size: m.archive.size,
      created: m.created,
      updated: '2026-11-21T02:10:00.000Z',
    });
    expect(schemaErrors('latest', pointer)).toEqual([]);
    expect(b.store.writes('lifeboat/app/')).toEqual([
      'PutObject first-snapshot.json',
      'PutObject latest.json',
      'DeleteObject first-snapshot.json',
    ]);
  });

  it('of two contenders that saw the same latest.json, exactly one moves it; the other names it', async () => {
    const b = await withLatest();
    const before = b.store.versionsOf(LAYOUT.latestKey);
    const [a, bb] = [move(b, A, b.seen), move(b, B, b.seen, 'copy')];
    const outcomes = await Promise.allSettled([a.moving, bb.moving]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    const lost = (outcomes[1] as PromiseRejectedResult).reason as Error;
    expect(lost).toBeInstanceOf(OperationFailedError);
    expect(lost.message).toBe(
      `another backup or copy of target app is moving latest.json to snapshot ${A} at the same moment ` +
        `(it claimed ${successorOf(FIRST)} first, at 2026-11-21T02:25:00.000Z; a claim counts as abandoned 10 minutes after): ` +
        `snapshot ${B} was copied but latest was not moved and nothing was pruned. ` +
        'Give the workflow a concurrency group per target so that two runs of one target never overlap.',
    );
    // one new version of latest.json, naming the winner
    const after = b.store.versionsOf(LAYOUT.latestKey);
    expect(after).toHaveLength(before.length + 1);
    expect(latestId(b.store)).toBe(A);
    // both claims were written and released; the winner's is the older of the two versions
    const claims = b.store.versionsOf(successorOf(FIRST));
    expect(claims.map((v) => v.deleteMarker)).toEqual([true, true, false, false]);
    expect(b.store.json(successorOf(FIRST), claims[3]!.versionId)).toMatchObject({
      successor: A,
      previous: FIRST,
    });
  });

  it('of eight contenders for the first move, exactly one writes latest.json', async () => {
    const b = bucket();
    const ids = Array.from({ length: 8 }, (_, i) => `20261121T02000${i}Z`);
    for (const id of ids) b.manifests[id] = putSnapshot(b.store, LAYOUT, id);
    const outcomes = await Promise.allSettled(ids.map((id) => move(b, id, undefined).moving));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(b.store.versionsOf(LAYOUT.latestKey)).toHaveLength(1);
    const winner = ids[outcomes.findIndex((o) => o.status === 'fulfilled')]!;
    expect(latestId(b.store)).toBe(winner);
    for (const o of outcomes.filter((x) => x.status === 'rejected')) {
      expect(((o as PromiseRejectedResult).reason as Error).message).toContain(
        `is moving latest.json to snapshot ${winner} at the same moment`,
      );
    }
  });

  it('a holder that finds latest.json moved since its run began refuses to write it', async () => {
    const b = await withLatest();
    await move(b, A, b.seen).moving;
    b.clock.advance(11 * MINUTE); // A's claim has aged out: B holds the claim, then checks
    await expect(move(b, B, b.seen).moving).rejects.toThrow(
      new OperationFailedError(
        `latest.json of target app at s3://memory changed while this backup ran (it now names ${A}): ` +
          `snapshot ${B} was stored but latest was not moved and nothing was pruned. ` +
          'Give the workflow a concurrency group per target so that two runs of one target never overlap.',
      ),
    );
    expect(latestId(b.store)).toBe(A);
  });

  it('a latest.json deleted since the run began is not written again', async () => {
    const b = await withLatest();
    await b.store.deleteKeys([LAYOUT.latestKey]);
    await expect(move(b, A, b.seen).moving).rejects.toThrow(
      /changed while this backup ran \(it was deleted\)/,
    );
    expect(b.store.keys()).not.toContain(LAYOUT.latestKey);
  });

  it('a claim left by a run that died holding it counts for ten minutes (server time), then not', async () => {
    const died = async (minutesAgo: number) => {
      const b = await withLatest();
      // a run that wrote its claim and died: never released
      b.store.putBytes(
        successorOf(FIRST),
        JSON.stringify({ successor: '20261121T015000Z' }),
        'application/json',
      );
      b.clock.advance(minutesAgo * MINUTE);
      return b;
    };
    const recent = await died(5);
    await expect(move(recent, A, recent.seen).moving).rejects.toThrow(
      `is moving latest.json to snapshot 20261121T015000Z at the same moment (it claimed ${successorOf(FIRST)} first, at 2026-11-21T02:25:00.000Z; a claim counts as abandoned 10 minutes after)`,
    );
    expect(latestId(recent.store)).toBe(FIRST);
    const old = await died(11);
    await move(old, A, old.seen).moving;
    expect(latestId(old.store)).toBe(A);
  });

  it('a claim it cannot release is a warning, not a failure', async () => {
    const b = await withLatest();
    b.store.fault = ({ operation }) => {
      if (operation === 'DeleteObject') throw s3Error('AccessDenied', 403, 'Access Denied');
    };
    const { moving, logger } = move(b, A, b.seen);
    await moving;
    expect(latestId(b.store)).toBe(A);
    expect(logger.warnings).toEqual([
      `could not remove ${successorOf(FIRST)}: Access denied during DeleteObject ${successorOf(FIRST)} on s3://memory: the credentials need permission for it (see the IAM policy in the action's README).`,
    ]);
  });

  it('in an unversioned bucket nothing orders the claims: both contenders write latest.json', async () => {
    // only the workflow's concurrency group keeps such runs apart (key-claim.ts)
    const b = await withLatest({ versioning: 'Disabled' });
    const outcomes = await Promise.allSettled([move(b, A, b.seen).moving, move(b, B, b.seen).moving]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(latestId(b.store)).toBe(B);
  });

  // BUG: a move that failed after winning its claim (here: a 503 on the PUT of latest.json) blocks
  // every later move from the same latest.json for ten minutes. Cause: releaseClaim deletes the
  // claim, which in a versioned bucket only adds a delete marker; ObjectStore.listVersions leaves
  // delete markers out, so claimKey cannot tell the released claim from a live holder and counts
  // it until ABANDONED_MOVE_MS has passed. The message then blames a run that is not running.
  it.fails('a move a minute after a failed one goes through', async () => {
    const b = await withLatest();
    b.store.fault = ({ operation, key }) => {
      if (operation === 'PutObject' && key === LAYOUT.latestKey) throw s3Error('ServiceUnavailable', 503);
    };
    await expect(move(b, A, b.seen).moving).rejects.toThrow(/ServiceUnavailable \(HTTP 503\)/);
    b.store.fault = undefined;
    expect(b.store.keys()).not.toContain(successorOf(FIRST)); // released
    b.clock.advance(MINUTE);
    await move(b, B, b.seen).moving;
    expect(latestId(b.store)).toBe(B);
  });
});
