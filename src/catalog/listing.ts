import type { TargetLayout } from './layout.js';
import { parseLatest, parseManifest, type LatestPointer, type Manifest } from './manifest.js';
import { isSnapshotId, snapshotIdTime } from './snapshot-id.js';
import type { ObjectStore, ObjectVersion } from '../storage/object-store.js';
import { errorMessage } from '../util/errors.js';

export type SnapshotState = 'ok' | 'suspect' | 'incomplete' | 'unreadable';

export interface CatalogEntry {
  id: string;
  time: Date;
  state: SnapshotState;
  manifest?: Manifest;
  manifestVersion?: ObjectVersion;
  problem?: string;
}

/** latest.json as read, with the version that was read (to notice when it moves). */
export interface StoredLatest {
  pointer: LatestPointer;
  version: ObjectVersion;
}

/** Reads a target's latest pointer; undefined when the target has none yet. */
export async function readLatest(
  store: ObjectStore,
  layout: TargetLayout,
): Promise<StoredLatest | undefined> {
  const stored = await store.getJson<unknown>(layout.latestKey);
  if (!stored) return undefined;
  return {
    pointer: parseLatest(stored.value, `${store.description}/${layout.latestKey}`),
    version: { versionId: stored.versionId, etag: stored.etag },
  };
}

export async function readManifest(
  store: ObjectStore,
  layout: TargetLayout,
  id: string,
  versionId?: string,
): Promise<{ manifest: Manifest; version: ObjectVersion } | undefined> {
  const key = layout.manifestKey(id);
  const stored = await store.getJson<unknown>(key, versionId);
  if (!stored) return undefined;
  return {
    manifest: parseManifest(stored.value, `${store.description}/${key}`),
    version: { versionId: stored.versionId, etag: stored.etag },
  };
}

/**
 * Every snapshot folder of a target with its state, newest first. A folder without a manifest is
 * "incomplete" (a backup that failed or is still running) and one whose manifest does not parse is
 * "unreadable": neither is ever treated as a good backup.
 */
export async function listSnapshots(store: ObjectStore, layout: TargetLayout): Promise<CatalogEntry[]> {
  const ids = (await store.listFolders(layout.snapshotsPrefix)).filter(isSnapshotId);
  const entries: CatalogEntry[] = [];
  for (const id of ids) {
    const time = snapshotIdTime(id) as Date;
    try {
      const read = await readManifest(store, layout, id);
      if (!read) entries.push({ id, time, state: 'incomplete', problem: 'no manifest.json' });
      else
        entries.push({
          id,
          time,
          state: read.manifest.status,
          manifest: read.manifest,
          manifestVersion: read.version,
        });
    } catch (err) {
      entries.push({ id, time, state: 'unreadable', problem: errorMessage(err) });
    }
  }
  return entries.sort((a, b) => b.time.getTime() - a.time.getTime() || (a.id < b.id ? 1 : -1));
}
