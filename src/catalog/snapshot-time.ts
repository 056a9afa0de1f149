import { snapshotIdTime } from './snapshot-id.js';

/**
 * When a snapshot was taken, by the storage's clock: the only time lifeboat orders snapshots by
 * ("newest", latest.json's moves, retention periods, ages).
 *
 * A snapshot id is the start of its run by the storage's clock (storage/server-clock.ts), so it is
 * the time. But an id made by a runner whose clock was ahead (lifeboat 0.1.0 took the runner's)
 * names a time the storage had not reached, and such a snapshot would look newer than every later
 * one for as long as the clock was ahead. So a snapshot's time is its id's, but never later than
 * when the storage stored what describes it (its manifest's LastModified, latest.json's for the
 * snapshot it names): no snapshot is newer than the moment it was written, and no age is negative.
 */
export function snapshotTime(id: string, storedAt?: Date): Date {
  const claimed = snapshotIdTime(id);
  if (!claimed) throw new Error(`internal: ${id} is not a snapshot id`);
  return storedAt && storedAt.getTime() < claimed.getTime() ? new Date(storedAt) : claimed;
}

export interface Dated {
  id: string;
  time: Date;
}

/** Newest first: by time, then (labels of one second) by id, greatest first. */
export function byNewest(a: Dated, b: Dated): number {
  return b.time.getTime() - a.time.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export function newestFirst<T extends Dated>(list: readonly T[]): T[] {
  return [...list].sort(byNewest);
}

/** a was taken after b (a later time, or the same second and a greater id). */
export function isNewer(a: Dated, b: Dated): boolean {
  return byNewest(a, b) < 0;
}

/**
 * A snapshot's age in seconds by the storage's clock: from `created` (its run's start), but never
 * from later than when the storage stored what describes it (`storedAt`: the manifest's or
 * latest.json's LastModified), so that a time written by a clock that was ahead does not make a
 * stale snapshot look fresh. Undefined when the time is still in the future of `now`: such an age
 * cannot be judged, and is never "0 s old".
 */
export function snapshotAge(created: string, storedAt: Date | undefined, now: Date): number | undefined {
  const claimed = Date.parse(created);
  const time = storedAt && storedAt.getTime() < claimed ? storedAt.getTime() : claimed;
  if (!Number.isFinite(time)) return undefined;
  const seconds = (now.getTime() - time) / 1000;
  return seconds < 0 ? undefined : seconds;
}
