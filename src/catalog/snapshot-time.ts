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
