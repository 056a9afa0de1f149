import type { Logger } from '../util/logger.js';
import type { KeyVersion, ObjectStore } from './object-store.js';

/**
 * A claim on a key through its versions. S3 has no lock and Ceph RGW (Pacific) does not honour
 * If-Match/If-None-Match on PutObject, but in a versioned bucket every reader sees the versions
 * of one key in the same order. So each contender writes a version of the key and lists them:
 * the contender that wrote the oldest live version holds the claim, every other one lost it.
 *
 * A version older than `abandonedAfterMs` before the contender's own (both times are the
 * server's) is an abandoned claim — a run that died while holding it, or an earlier, finished
 * contest — and does not count. In an unversioned (or suspended) bucket there is nothing to
 * order: the claim is granted, and only the workflow's concurrency group keeps runs apart.
 */
export interface KeyClaim {
  key: string;
  /** True when this contender holds the claim. */
  held: boolean;
  /** The version this contender wrote (undefined in an unversioned bucket). */
  versionId?: string;
  /** Who holds the claim when this contender lost it (undefined when it could not tell). */
  holder?: KeyVersion;
}

export async function claimKey(
  store: ObjectStore,
  key: string,
  value: unknown,
  abandonedAfterMs = Number.POSITIVE_INFINITY,
): Promise<KeyClaim> {
  const mine = await store.putJson(key, value);
  // no version id, or the "null" version of a bucket whose versioning is suspended: no order
  if (!mine.versionId || mine.versionId === 'null') return { key, held: true };
  const versions = await store.listVersions(key);
  const at = versions.findIndex((v) => v.versionId === mine.versionId);
  // not listed right after it was written: the order cannot be judged, so the claim is not held
  if (at < 0) return { key, held: false, versionId: mine.versionId };
  const since = (versions[at]!.lastModified?.getTime() ?? 0) - abandonedAfterMs;
  const older = versions.slice(at + 1).filter((v) => (v.lastModified?.getTime() ?? 0) >= since);
  const holder = older[older.length - 1];
  return holder
    ? { key, held: false, versionId: mine.versionId, holder }
    : { key, held: true, versionId: mine.versionId };
}

/**
 * Ends a claim, held or lost: deletes the key (in a versioned bucket only a delete marker, so the
 * versions still order later contenders). A failure is a warning: the claim ages out.
 */
export async function releaseClaim(store: ObjectStore, key: string, logger: Logger): Promise<void> {
  await store.deleteKeys([key]).catch((err: unknown) => {
    logger.warning(`could not remove ${key}: ${(err as Error).message}`);
  });
}
