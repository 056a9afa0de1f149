import type { TargetLayout } from './layout.js';
import { parseLatest, parseManifest, type LatestPointer, type Manifest } from './manifest.js';
import { isSnapshotId } from './snapshot-id.js';
import { newestFirst, snapshotTime } from './snapshot-time.js';
import { readBoundedDocument } from '../storage/bounded-json.js';
import type { ObjectStore, ObjectVersion } from '../storage/object-store.js';
import { errorMessage } from '../util/errors.js';

/**
 * The most bytes of latest.json and of a manifest lifeboat reads: both are small documents (a
 * manifest of a large volume is a few kilobytes), so a larger object is refused unread, with one
 * error naming it, instead of being held in memory.
 */
export const MAX_LATEST_BYTES = 64 * 1024;
export const MAX_MANIFEST_BYTES = 1024 * 1024;

export type SnapshotState = 'ok' | 'suspect' | 'incomplete' | 'unreadable';

export interface CatalogEntry {
  id: string;
  /** When the snapshot was taken, by the storage's clock (snapshot-time.ts). */
  time: Date;
  state: SnapshotState;
  manifest?: Manifest;
  manifestVersion?: ObjectVersion;
  /** When the storage stored the manifest (its LastModified). */
  storedAt?: Date;
  problem?: string;
}

/** latest.json as read, with the version that was read (to notice when it moves). */
export interface StoredLatest {
  pointer: LatestPointer;
  version: ObjectVersion;
  /** When the storage stored this latest.json (its LastModified). */
  lastModified?: Date;
}

/** When the snapshot latest.json names was taken, by the storage's clock. */
export function latestTime(latest: StoredLatest): Date {
  return snapshotTime(latest.pointer.snapshotId, latest.lastModified);
}

/**
 * Reads a target's latest pointer (bounded); undefined when the target has none yet. A pointer
 * that is not valid, or that names something other than a snapshot id, is one error naming it.
 */
export async function readLatest(
  store: ObjectStore,
  layout: TargetLayout,
): Promise<StoredLatest | undefined> {
  const stored = await readBoundedDocument(store, layout.latestKey, MAX_LATEST_BYTES);
  if (!stored) return undefined;
  return {
    pointer: parseLatest(stored.value, `${store.description}/${layout.latestKey}`),
    version: { versionId: stored.versionId, etag: stored.etag },
    ...(stored.lastModified ? { lastModified: stored.lastModified } : {}),
  };
}

/**
 * Reads the manifest of snapshot `id` (bounded; the current version or one by id). It must be the
 * manifest of that snapshot and name the archive its folder holds: a manifest that names another
 * id or an archive key elsewhere in the bucket (another target's, or with another compression
 * than it records) is not trusted, and is one error naming it.
 */
export async function readManifest(
  store: ObjectStore,
  layout: TargetLayout,
  id: string,
  versionId?: string,
): Promise<{ manifest: Manifest; version: ObjectVersion; lastModified?: Date } | undefined> {
  const key = layout.manifestKey(id);
  const stored = await readBoundedDocument(store, key, MAX_MANIFEST_BYTES, versionId);
  if (!stored) return undefined;
  const where = `${store.description}/${key}`;
  const manifest = parseManifest(stored.value, where);
  if (manifest.snapshotId !== id) {
    throw new Error(
      `${where} is the manifest of snapshot ${manifest.snapshotId}, not of ${id} whose folder holds it: it is not trusted.`,
    );
  }
  const archiveKey = layout.archiveKey(id, manifest.compression, manifest.encryption !== undefined);
  if (manifest.archive.key !== archiveKey) {
    throw new Error(
      `${where} names the archive ${JSON.stringify(manifest.archive.key.slice(0, 200))}, not ${archiveKey} ` +
        `(the ${manifest.compression}${manifest.encryption ? ', age-encrypted' : ''} archive of its own folder): it is not trusted.`,
    );
  }
  return {
    manifest,
    version: { versionId: stored.versionId, etag: stored.etag },
    ...(stored.lastModified ? { lastModified: stored.lastModified } : {}),
  };
}

/**
 * Every snapshot folder of a target with its state, newest first (by the storage's clock). A
 * folder without a manifest is "incomplete" (a backup that failed or is still running) and one
 * whose manifest cannot be read or trusted is "unreadable": neither is ever treated as a good
 * backup. Folders whose names are not snapshot ids are not snapshots and are left out.
 */
export async function listSnapshots(store: ObjectStore, layout: TargetLayout): Promise<CatalogEntry[]> {
  const ids = (await store.listFolders(layout.snapshotsPrefix)).filter(isSnapshotId);
  const entries: CatalogEntry[] = [];
  for (const id of ids) {
    try {
      const read = await readManifest(store, layout, id);
      if (!read)
        entries.push({ id, time: snapshotTime(id), state: 'incomplete', problem: 'no manifest.json' });
      else
        entries.push({
          id,
          time: snapshotTime(id, read.lastModified),
          state: read.manifest.status,
          manifest: read.manifest,
          manifestVersion: read.version,
          ...(read.lastModified ? { storedAt: read.lastModified } : {}),
        });
    } catch (err) {
      entries.push({ id, time: snapshotTime(id), state: 'unreadable', problem: errorMessage(err) });
    }
  }
  return newestFirst(entries);
}
