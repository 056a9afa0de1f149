import type { Logger } from '../util/logger.js';
import { errorMessage } from '../util/errors.js';
import { readBoundedDocument } from './bounded-json.js';
import { PreconditionFailedError, type KeyVersion, type ObjectStore } from './object-store.js';

/**
 * A claim on a key: of the runs that claim one key at once, exactly one holds it. S3 has no lock;
 * a claim is made one of two ways, chosen once per run for the store (conditional-writes.ts):
 *
 * - **conditional** (AWS S3, R2, MinIO, newer Ceph): the claim is a PutObject with
 *   If-None-Match: *, which the store grants to one contender only. The holder releases it by
 *   deleting the key; a loser has nothing to release. A claim whose LastModified is more than
 *   `abandonedAfterMs` before the server's time now belongs to a run that died holding it: it is
 *   taken over with If-Match on its ETag, which again only one contender can do.
 * - **versions** (Ceph RGW Pacific honours neither header): in a versioned bucket every reader
 *   sees the versions of one key in the same order, so each contender writes a version and lists
 *   them, and the contender that wrote the oldest live version holds the claim. Releasing writes a
 *   release record (`{"released": <the claim's version id>}`) and then deletes the key; a version
 *   named by a release record is not live, so a released claim never blocks the next run. A
 *   version more than `abandonedAfterMs` older than the contender's own (both times are the
 *   server's) is a claim of a run that died, and does not count either. In an unversioned (or
 *   suspended) bucket there is nothing to order: the claim is granted, and only the workflow's
 *   concurrency group keeps runs apart.
 *
 * Every claim, held or lost, is released (releaseClaim) on every path that can release it.
 */
export interface KeyClaim {
  key: string;
  /** True when this contender holds the claim. */
  held: boolean;
  how: 'conditional' | 'versions';
  /** The version this contender wrote (undefined in an unversioned bucket, or when it lost a conditional claim). */
  versionId?: string;
  /** Who holds the claim when this contender lost it (undefined when it could not tell). */
  holder?: KeyVersion;
}

/** A claim document is a few hundred bytes; anything larger at a claim key is not one. */
export const MAX_CLAIM_BYTES = 16 * 1024;

export async function claimKey(
  store: ObjectStore,
  key: string,
  value: unknown,
  abandonedAfterMs = Number.POSITIVE_INFINITY,
  conditionalWrites = false,
): Promise<KeyClaim> {
  return conditionalWrites
    ? claimConditionally(store, key, value, abandonedAfterMs)
    : claimByVersions(store, key, value, abandonedAfterMs);
}

/** Ends a claim, held or lost (see KeyClaim). A failure is a warning: the claim then ages out. */
export async function releaseClaim(store: ObjectStore, claim: KeyClaim, logger: Logger): Promise<void> {
  try {
    await endClaim(store, claim);
  } catch (err) {
    logger.warning(`could not remove ${claim.key}: ${errorMessage(err)}`);
  }
}

/** releaseClaim, whose failure is thrown (for a caller that must say what is left). */
export async function endClaim(store: ObjectStore, claim: KeyClaim): Promise<void> {
  if (claim.how === 'conditional') {
    // only the holder's object is at the key; a loser deleting it would end the holder's claim
    if (claim.held) await store.deleteKeys([claim.key]);
    return;
  }
  if (claim.versionId && claim.versionId !== 'null') {
    await store.putJson(claim.key, releaseRecord(claim.versionId));
  }
  await store.deleteKeys([claim.key]);
}

async function claimConditionally(
  store: ObjectStore,
  key: string,
  value: unknown,
  abandonedAfterMs: number,
): Promise<KeyClaim> {
  const granted = async (write: Promise<{ versionId?: string }>): Promise<KeyClaim | undefined> => {
    try {
      const mine = await write;
      return {
        key,
        held: true,
        how: 'conditional',
        ...(mine.versionId ? { versionId: mine.versionId } : {}),
      };
    } catch (err) {
      if (err instanceof PreconditionFailedError) return undefined;
      throw err;
    }
  };
  // twice: a holder that released between the refused write and the HEAD leaves the key free
  for (let attempt = 0; attempt < 2; attempt++) {
    const claim = await granted(store.putJson(key, value, { ifNoneMatch: '*' }));
    if (claim) return claim;
    const head = await store.head(key);
    if (!head) continue;
    const holder: KeyVersion = {
      versionId: head.versionId ?? 'null',
      ...(head.lastModified ? { lastModified: head.lastModified } : {}),
    };
    if (Number.isFinite(abandonedAfterMs) && head.lastModified && head.etag) {
      const age = (await store.serverTime()).getTime() - head.lastModified.getTime();
      if (age > abandonedAfterMs) {
        const takenOver = await granted(store.putJson(key, value, { ifMatch: head.etag }));
        if (takenOver) return takenOver;
      }
    }
    return { key, held: false, how: 'conditional', holder };
  }
  return { key, held: false, how: 'conditional' };
}

async function claimByVersions(
  store: ObjectStore,
  key: string,
  value: unknown,
  abandonedAfterMs: number,
): Promise<KeyClaim> {
  const mine = await store.putJson(key, value);
  // no version id, or the "null" version of a bucket whose versioning is suspended: no order
  if (!mine.versionId || mine.versionId === 'null') return { key, held: true, how: 'versions' };
  const lost = (holder?: KeyVersion): KeyClaim => ({
    key,
    held: false,
    how: 'versions',
    versionId: mine.versionId,
    ...(holder ? { holder } : {}),
  });
  const versions = await store.listVersions(key);
  const at = versions.findIndex((v) => v.versionId === mine.versionId);
  // not listed right after it was written: the order cannot be judged, so the claim is not held
  if (at < 0) return lost();
  const since = (versions[at]!.lastModified?.getTime() ?? 0) - abandonedAfterMs;
  const recent = (v: KeyVersion) => (v.lastModified?.getTime() ?? 0) >= since;
  const older = versions.slice(at + 1).filter(recent);
  if (older.length === 0) return { key, held: true, how: 'versions', versionId: mine.versionId };
  // release records are versions too, newer or older than this one: read every other recent version
  const records = new Set<string>();
  const released = new Set<string>();
  for (const v of versions.filter((x, i) => i !== at && recent(x))) {
    const of = releasedBy(await readClaimVersion(store, key, v.versionId));
    if (of) {
      records.add(v.versionId);
      released.add(of);
    }
  }
  const live = older.filter((v) => !records.has(v.versionId) && !released.has(v.versionId));
  const holder = live[live.length - 1];
  return holder ? lost(holder) : { key, held: true, how: 'versions', versionId: mine.versionId };
}

function releaseRecord(versionId: string): { released: string } {
  return { released: versionId };
}

/** The claim version a release record names; undefined for a claim (or anything else). */
function releasedBy(doc: unknown): string | undefined {
  const released = (doc as { released?: unknown } | undefined)?.released;
  return typeof released === 'string' ? released : undefined;
}

/** One version's document; a version that cannot be read counts as a live claim (undefined). */
async function readClaimVersion(store: ObjectStore, key: string, versionId: string): Promise<unknown> {
  try {
    return (await readBoundedDocument(store, key, MAX_CLAIM_BYTES, versionId))?.value;
  } catch {
    return undefined;
  }
}
