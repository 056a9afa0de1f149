import { randomUUID } from 'node:crypto';
import { OperationFailedError } from '../util/errors.js';
import type { TargetLayout } from './layout.js';
import type { Logger } from '../util/logger.js';
import { latestFor, type Manifest } from './manifest.js';
import { latestTime, readLatest, type StoredLatest } from './listing.js';
import { isNewer, snapshotTime } from './snapshot-time.js';
import { claimKey, MAX_CLAIM_BYTES, releaseClaim, type KeyClaim } from '../storage/key-claim.js';
import { readBoundedDocument } from '../storage/bounded-json.js';
import { PreconditionFailedError, type ObjectStore } from '../storage/object-store.js';

/**
 * A claim on the move older than this (by the server's clock) belongs to a run that died while
 * moving latest.json: a move is a handful of requests, so after this long no live run still holds
 * it (MOVE_BUDGET_MS), and a run killed mid-move blocks a retry for no longer than this.
 */
export const ABANDONED_MOVE_MS = 30_000;

/** A holder writes latest.json only this soon after it claimed the move, well inside ABANDONED_MOVE_MS. */
export const MOVE_BUDGET_MS = 10_000;

export interface LatestMove {
  manifest: Manifest;
  manifestVersionId: string | null;
  /** latest.json as the run read it when it began (undefined: there was none). */
  seenAtStart: StoredLatest | undefined;
  /** What the run did with the snapshot, for the messages. */
  run: 'backup' | 'copy';
  /** The storage's clock (storage/server-clock.ts). */
  now: () => Date;
  logger: Logger;
  /** The store honours If-None-Match / If-Match (storage/conditional-writes.ts). */
  conditionalWrites: boolean;
}

/**
 * Moves latest.json to a stored, good snapshot: the last write of a run. Invariants, whatever
 * runs overlap:
 *
 * - latest.json moves only from the version the run read when it began: a run that finished in
 *   between (or a deletion) makes this run fail without writing it;
 * - of two runs that saw the same latest.json and finish together, exactly one moves it (reading
 *   it again before writing is not enough: both read, then both write);
 * - latest.json never moves to a snapshot older (by the storage's clock) than the one it names.
 *
 * Where the store honours conditional writes, the write itself is the test: If-Match on the ETag
 * the run saw (If-None-Match: * when there was none). Elsewhere each run first claims the move away
 * from the snapshot it saw (`successor.json` in that snapshot's folder, key-claim.ts): one holds
 * the claim, re-reads latest.json and writes it within MOVE_BUDGET_MS; the others fail without
 * writing it. The claim is released on every path.
 */
export async function moveLatest(store: ObjectStore, layout: TargetLayout, move: LatestMove): Promise<void> {
  const id = move.manifest.snapshotId;
  const seen = move.seenAtStart;
  const notMoved = `snapshot ${id} was ${move.run === 'backup' ? 'stored' : 'copied'} but latest was not moved and nothing was pruned`;
  const fix = `Give the workflow a concurrency group per target so that two runs of one target never overlap.`;
  const pointer = () => latestFor(move.manifest, layout.manifestKey(id), move.manifestVersionId, move.now());
  const changed = (current: StoredLatest | undefined) =>
    new OperationFailedError(
      `latest.json of target ${layout.target} at ${store.description} changed while this ${move.run} ran` +
        `${current ? ` (it now names ${current.pointer.snapshotId})` : ' (it was deleted)'}: ${notMoved}. ${fix}`,
    );
  const refuseOlder = (current: StoredLatest | undefined) => {
    if (!current) return;
    const named = { id: current.pointer.snapshotId, time: latestTime(current) };
    if (isNewer({ id, time: snapshotTime(id, move.now()) }, named)) return;
    throw new OperationFailedError(
      `latest.json of target ${layout.target} names snapshot ${named.id}, taken at ${named.time.toISOString()} by the storage's clock, ` +
        `not before snapshot ${id}: latest.json never moves back, so ${notMoved}.`,
    );
  };

  if (move.conditionalWrites && (!seen || seen.version.etag)) {
    refuseOlder(seen);
    try {
      await store.putJson(
        layout.latestKey,
        pointer(),
        seen?.version.etag ? { ifMatch: seen.version.etag } : { ifNoneMatch: '*' },
      );
    } catch (err) {
      if (!(err instanceof PreconditionFailedError)) throw err;
      throw changed(await readLatest(store, layout).catch(() => undefined));
    }
    return;
  }

  const claimedAt = move.now().getTime();
  const claim = await claimKey(
    store,
    layout.successorKey(seen?.pointer.snapshotId),
    {
      successor: id,
      previous: seen?.pointer.snapshotId ?? null,
      claimedBy: randomUUID(),
      claimed: new Date(claimedAt).toISOString(),
    },
    ABANDONED_MOVE_MS,
  );
  try {
    if (!claim.held) {
      throw new OperationFailedError(
        `another backup or copy of target ${layout.target} is moving latest.json${await heldFor(store, claim)} at the same moment ` +
          `(it claimed ${claim.key} first${claimedWhen(claim)}): ${notMoved}. ${fix}`,
      );
    }
    const current = await readLatest(store, layout);
    const moved = current
      ? !seen ||
        current.version.versionId !== seen.version.versionId ||
        current.version.etag !== seen.version.etag
      : Boolean(seen);
    if (moved) throw changed(current);
    refuseOlder(current);
    const spent = move.now().getTime() - claimedAt;
    if (spent > MOVE_BUDGET_MS) {
      throw new OperationFailedError(
        `the move of latest.json of target ${layout.target} took ${Math.round(spent / 1000)} s since its claim, longer than the ` +
          `${MOVE_BUDGET_MS / 1000} s a claim is trusted (after ${ABANDONED_MOVE_MS / 1000} s another run may take it over): ` +
          `${notMoved}. The store is slow: run again.`,
      );
    }
    await store.putJson(layout.latestKey, pointer());
  } finally {
    await releaseClaim(store, claim, move.logger);
  }
}

/** " to snapshot X" of the claim that won, when it can be read. */
async function heldFor(store: ObjectStore, claim: KeyClaim): Promise<string> {
  if (!claim.holder) return '';
  const held = await readBoundedDocument(store, claim.key, MAX_CLAIM_BYTES, claim.holder.versionId).catch(
    () => undefined,
  );
  const successor = (held?.value as { successor?: unknown } | undefined)?.successor;
  return typeof successor === 'string' ? ` to snapshot ${successor}` : '';
}

function claimedWhen(claim: KeyClaim): string {
  const at = claim.holder?.lastModified;
  return at
    ? `, at ${at.toISOString()}; a claim counts as abandoned ${ABANDONED_MOVE_MS / 1000} seconds after`
    : '';
}
