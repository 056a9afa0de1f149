import { EnvironmentError } from '../util/errors.js';
import { formatDuration } from '../util/format.js';
import type { ObjectStore } from './object-store.js';

/** A runner clock further than this from the storage's is refused by every run that writes. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** The storage's clock as a run reads it (see storageClock). */
export interface StorageClock {
  /** The storage's time now: the runner's clock plus offsetMs. */
  now: () => Date;
  /** The storage's clock minus the runner's, measured once. */
  offsetMs: number;
}

/**
 * The clock a run that writes to a bucket goes by: snapshot ids, claims, latest.json's "newest",
 * retention periods and ages are all judged by the storage's time, so that runners with different
 * clocks (a self-hosted runner, a cron beside the scheduled workflow) agree on the order of what
 * they write. It is the runner's clock corrected by the offset to the server's Date header,
 * measured once per run. A runner clock off by more than MAX_CLOCK_SKEW_MS is one clear
 * EnvironmentError before any data moves: the SDK silently corrects its own signing clock, so no
 * request would fail and nothing else would notice.
 */
export async function storageClock(
  store: ObjectStore,
  runner: () => Date = () => new Date(),
): Promise<StorageClock> {
  const before = runner().getTime();
  const server = (await store.serverTime()).getTime();
  const after = runner().getTime();
  // the Date header is whole seconds, stamped while the request was answered
  const offsetMs = server - Math.round((before + after) / 2);
  if (Math.abs(offsetMs) > MAX_CLOCK_SKEW_MS) {
    const off = `${formatDuration(Math.abs(offsetMs) / 1000)} ${offsetMs > 0 ? 'behind' : 'ahead of'}`;
    throw new EnvironmentError(
      `This machine's clock is ${off} the storage's (${store.description} says ${new Date(server).toISOString()}, ` +
        `this machine ${new Date(after).toISOString()}): lifeboat orders snapshots by the storage's time and refuses ` +
        `to write with a clock more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes off. Nothing was written. ` +
        `Set the clock right (NTP: timedatectl set-ntp true) and run again.`,
    );
  }
  return { now: () => new Date(runner().getTime() + offsetMs), offsetMs };
}
