import { describe, expect, it } from 'vitest';
import { readLatest, type StoredLatest } from '../../src/catalog/listing.js';
import type { LatestPointer, Manifest } from '../../src/catalog/manifest.js';
import { moveLatest, type LatestMove } from '../../src/catalog/move-latest.js';
import { schemaErrors } from '../../src/catalog/schemas.js';
import { OperationFailedError } from '../../src/util/errors.js';
import { LAYOUT } from '../ports/backup-fixture.js';
import { putSnapshot } from '../ports/catalog-fixture.js';
import { ManualClock, MINUTE, SECOND } from '../ports/clock.js';
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
  conditionalWrites = false,
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
    conditionalWrites,
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
    // the claim, latest.json, then the release: a record naming the claim, and a delete marker
    expect(b.store.writes('lifeboat/app/')).toEqual([
      'PutObject first-snapshot.json',
      'PutObject latest.json',
      'PutObject first-snapshot.json',
      'DeleteObject first-snapshot.json',
    ]);
    const [marker, record, claim] = b.store.versionsOf(`${LAYOUT.root}/first-snapshot.json`);
    expect(marker!.deleteMarker).toBe(true);
    expect(b.store.json(`${LAYOUT.root}/first-snapshot.json`, record!.versionId)).toEqual({
      released: claim!.versionId,
    });
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
        `(it claimed ${successorOf(FIRST)} first, at 2026-11-21T02:25:00.000Z; a claim counts as abandoned 30 seconds after): ` +
        `snapshot ${B} was copied but latest was not moved and nothing was pruned. ` +
        'Give the workflow a concurrency group per target so that two runs of one target never overlap.',
    );
    // one new version of latest.json, naming the winner
    const after = b.store.versionsOf(LAYOUT.latestKey);
    expect(after).toHaveLength(before.length + 1);
    expect(latestId(b.store)).toBe(A);
    // both claims were written and released (a record and a delete marker each); the winner's
    // is the older of the two claims
    const entries = b.store.versionsOf(successorOf(FIRST));
    expect(entries.filter((v) => v.deleteMarker)).toHaveLength(2);
    const docs = entries
      .filter((v) => !v.deleteMarker)
      .map((v) => ({
        id: v.versionId,
        doc: b.store.json<Record<string, unknown>>(successorOf(FIRST), v.versionId)!,
      }));
    const claims = docs.filter((d) => !('released' in d.doc));
    expect(claims).toHaveLength(2);
    expect(claims[1]!.doc).toMatchObject({ successor: A, previous: FIRST });
    expect(
      docs
        .filter((d) => 'released' in d.doc)
        .map((d) => d.doc.released)
        .sort(),
    ).toEqual(claims.map((c) => c.id).sort());
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
    b.clock.advance(MINUTE); // A's claim is released: B holds the claim, then checks
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

  it('a claim left by a run that died holding it counts for thirty seconds (server time), then not', async () => {
    const died = async (secondsAgo: number) => {
      const b = await withLatest();
      // a run that wrote its claim and died: never released
      b.store.putBytes(
        successorOf(FIRST),
        JSON.stringify({ successor: '20261121T015000Z' }),
        'application/json',
      );
      b.clock.advance(secondsAgo * SECOND);
      return b;
    };
    const recent = await died(20);
    await expect(move(recent, A, recent.seen).moving).rejects.toThrow(
      `is moving latest.json to snapshot 20261121T015000Z at the same moment (it claimed ${successorOf(FIRST)} first, at 2026-11-21T02:25:00.000Z; a claim counts as abandoned 30 seconds after)`,
    );
    expect(latestId(recent.store)).toBe(FIRST);
    const old = await died(31);
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

  // was a bug: a move that failed after winning its claim (here: a 503 on the PUT of latest.json)
  // blocked every later move from the same latest.json for ten minutes: releaseClaim only deleted
  // the claim (a delete marker, which listVersions leaves out), so the released claim counted as
  // a live holder. A release now writes a release record that names the claim's version.
  it('a move right after a failed one goes through', async () => {
    const b = await withLatest();
    b.store.fault = ({ operation, key }) => {
      if (operation === 'PutObject' && key === LAYOUT.latestKey) throw s3Error('ServiceUnavailable', 503);
    };
    await expect(move(b, A, b.seen).moving).rejects.toThrow(/ServiceUnavailable \(HTTP 503\)/);
    b.store.fault = undefined;
    expect(b.store.keys()).not.toContain(successorOf(FIRST)); // released
    b.clock.advance(SECOND);
    await move(b, B, b.seen).moving;
    expect(latestId(b.store)).toBe(B);
  });

  it('latest.json never moves to a snapshot older than the one it names (by the storage clock)', async () => {
    const b = await withLatest();
    await move(b, B, b.seen).moving;
    const seen = (await readLatest(b.store, LAYOUT))!;
    b.clock.advance(MINUTE);
    // A is older than B (an earlier id): refused, whatever the claim says
    await expect(move(b, A, seen).moving).rejects.toThrow(
      `latest.json of target app names snapshot ${B}, taken at 2026-11-21T02:00:05.000Z by the storage's clock, ` +
        `not before snapshot ${A}: latest.json never moves back, so snapshot ${A} was stored but latest was not moved and nothing was pruned.`,
    );
    expect(latestId(b.store)).toBe(B);
    // the same with conditional writes
    const c = await withLatest({ conditionalWrites: true });
    await move(c, B, c.seen, 'backup', true).moving;
    await expect(move(c, A, (await readLatest(c.store, LAYOUT))!, 'backup', true).moving).rejects.toThrow(
      /latest\.json never moves back/,
    );
    expect(latestId(c.store)).toBe(B);
  });

  it('a latest.json naming a future id (a runner clock that was ahead) is not "newer" than a later snapshot', async () => {
    const b = bucket();
    // written at 02:10 (server time) by a run whose clock was a day ahead
    const future = '20261122T021000Z';
    b.manifests[future] = putSnapshot(b.store, LAYOUT, future);
    await move(b, future, undefined).moving;
    b.clock.advance(MINUTE);
    const later = '20261121T021100Z';
    b.manifests[later] = putSnapshot(b.store, LAYOUT, later);
    await move(b, later, (await readLatest(b.store, LAYOUT))!).moving;
    expect(latestId(b.store)).toBe(later);
  });

  it('a holder that took longer than MOVE_BUDGET_MS since its claim does not write latest.json', async () => {
    const b = await withLatest();
    b.store.fault = ({ operation, key }) => {
      // the store answers the re-read of latest.json 11 s after the claim
      if (operation === 'HeadObject' && key === LAYOUT.latestKey) b.clock.advance(11 * SECOND);
    };
    await expect(move(b, A, b.seen).moving).rejects.toThrow(
      /^the move of latest.json of target app took 11 s since its claim, longer than the 10 s a claim is trusted \(after 30 s another run may take it over\)/,
    );
    b.store.fault = undefined;
    expect(latestId(b.store)).toBe(FIRST);
    expect(b.store.keys()).not.toContain(successorOf(FIRST));
  });
});

// where the store honours conditional writes, latest.json is written with If-Match on the version
// the run saw: no claim
describe('moveLatest (conditional writes)', () => {
  it('the first move uses If-None-Match, later ones If-Match; no claim is written', async () => {
    const b = bucket({ conditionalWrites: true });
    await move(b, FIRST, undefined, 'backup', true).moving;
    b.clock.advance(MINUTE);
    await move(b, A, (await readLatest(b.store, LAYOUT))!, 'backup', true).moving;
    expect(latestId(b.store)).toBe(A);
    expect(b.store.writes('lifeboat/app/')).toEqual(['PutObject latest.json', 'PutObject latest.json']);
  });

  it('of two contenders that saw the same latest.json, exactly one moves it; the other says what it names now', async () => {
    const b = await withLatest({ conditionalWrites: true });
    const outcomes = await Promise.allSettled([
      move(b, A, b.seen, 'backup', true).moving,
      move(b, B, b.seen, 'copy', true).moving,
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const winner = outcomes[0]!.status === 'fulfilled' ? A : B;
    const lost = (outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason as Error;
    expect(lost).toBeInstanceOf(OperationFailedError);
    expect(lost.message).toMatch(
      new RegExp(
        `^latest\\.json of target app at s3://memory changed while this (backup|copy) ran \\(it now names ${winner}\\): `,
      ),
    );
    expect(latestId(b.store)).toBe(winner);
  });

  it('a move right after a failed one goes through', async () => {
    const b = await withLatest({ conditionalWrites: true });
    b.store.fault = ({ operation, key }) => {
      if (operation === 'PutObject' && key === LAYOUT.latestKey) throw s3Error('ServiceUnavailable', 503);
    };
    await expect(move(b, A, b.seen, 'backup', true).moving).rejects.toThrow(
      /ServiceUnavailable \(HTTP 503\)/,
    );
    b.store.fault = undefined;
    await move(b, B, b.seen, 'backup', true).moving;
    expect(latestId(b.store)).toBe(B);
  });
});
