import { randomUUID } from 'node:crypto';
import { OperationFailedError } from '../util/errors.js';
import type { TargetLayout } from './layout.js';
import type { Logger } from '../util/logger.js';
import { latestFor, type Manifest } from './manifest.js';
import type { StoredLatest } from './listing.js';
import { claimKey, releaseClaim } from '../storage/key-claim.js';
import type { ObjectStore } from '../storage/object-store.js';

/**
 * A claim older than this (by the server's clock) belongs to a run that died while moving
 * latest.json: moving it takes three requests, so ten minutes is far past any live run.
 */
export const ABANDONED_MOVE_MS = 10 * 60_000;

export interface LatestMove {
  manifest: Manifest;
  manifestVersionId: string | null;
  /** latest.json as the run read it when it began (undefined: there was none). */
  seenAtStart: StoredLatest | undefined;
  /** What the run did with the snapshot, for the messages. */
  run: 'backup' | 'copy';
  now: () => Date;
  logger: Logger;
}

/**
 * Moves latest.json to a stored, good snapshot: the last write of a run. Two runs of one target
 * that finish together both saw the same latest.json, and reading it again before writing is not
 * enough (both read, then both write). So each run first claims the move away from the snapshot
 * it saw (`successor.json` in that snapshot's folder, ordered by its versions): one holds the
 * claim and moves latest.json, the other fails without writing it. The holder still refuses when
 * latest.json changed since its run began (a run that finished before the contest).
 */
export async function moveLatest(store: ObjectStore, layout: TargetLayout, move: LatestMove): Promise<void> {
  const id = move.manifest.snapshotId;
  const previous = move.seenAtStart?.pointer.snapshotId;
  const notMoved = `snapshot ${id} was ${move.run === 'backup' ? 'stored' : 'copied'} but latest was not moved and nothing was pruned`;
  const fix = `Give the workflow a concurrency group per target so that two runs of one target never overlap.`;

  const claim = await claimKey(
    store,
    layout.successorKey(previous),
    { successor: id, previous: previous ?? null, claimedBy: randomUUID(), claimed: move.now().toISOString() },
    ABANDONED_MOVE_MS,
  );
  try {
    if (!claim.held) {
      const other = claim.holder
        ? await store
            .getJson<{ successor?: unknown }>(claim.key, claim.holder.versionId)
            .then((held) =>
              typeof held?.value.successor === 'string' ? ` to snapshot ${held.value.successor}` : '',
            )
            .catch(() => '')
        : '';
      const at = claim.holder?.lastModified;
      const when = at
        ? `, at ${at.toISOString()}; a claim counts as abandoned ${ABANDONED_MOVE_MS / 60_000} minutes after`
        : '';
      throw new OperationFailedError(
        `another backup or copy of target ${layout.target} is moving latest.json${other} at the same moment ` +
          `(it claimed ${claim.key} first${when}): ${notMoved}. ${fix}`,
      );
    }
    const current = await store.getJson<{ snapshotId?: unknown }>(layout.latestKey);
    const seen = move.seenAtStart?.version;
    const moved = current
      ? !seen || current.versionId !== seen.versionId || current.etag !== seen.etag
      : Boolean(seen);
    if (moved) {
      const names = current ? ` (it now names ${String(current.value.snapshotId)})` : ' (it was deleted)';
      throw new OperationFailedError(
        `latest.json of target ${layout.target} at ${store.description} changed while this ${move.run} ran${names}: ` +
          `${notMoved}. ${fix}`,
      );
    }
    await store.putJson(
      layout.latestKey,
      latestFor(move.manifest, layout.manifestKey(id), move.manifestVersionId, move.now()),
    );
  } finally {
    await releaseClaim(store, claim.key, move.logger);
  }
}
