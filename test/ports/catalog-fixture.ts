import type { TargetLayout } from '../../src/catalog/layout.js';
import { MANIFEST_SCHEMA_VERSION, type Manifest, type SnapshotStatus } from '../../src/catalog/manifest.js';
import { snapshotIdTime } from '../../src/catalog/snapshot-id.js';
import { noise, sha256 } from './backup-fixture.js';
import type { MemoryStore } from './memory-store.js';

export interface HandSnapshot {
  status?: SnapshotStatus;
  /** The stored archive bytes; default 1 KiB of noise seeded by the id. */
  archive?: Buffer;
  /** More objects in the folder (a verification.json, debris). */
  extra?: Record<string, string>;
}

/**
 * Writes one snapshot folder as a tool following the layout would (archive, then a schema-valid
 * manifest that describes it), without the fault hook; returns the manifest.
 */
export function putSnapshot(
  store: MemoryStore,
  layout: TargetLayout,
  id: string,
  s: HandSnapshot = {},
): Manifest {
  const time = snapshotIdTime(id);
  if (!time) throw new Error(`putSnapshot: ${id} is not a snapshot id`);
  const archive = s.archive ?? noise(1024, [...id].reduce((n, c) => n * 31 + c.charCodeAt(0), 7) >>> 0);
  const key = layout.archiveKey(id, 'gzip');
  const version = store.putBytes(key, archive, 'application/gzip');
  const manifest: Manifest = {
    schema: MANIFEST_SCHEMA_VERSION,
    snapshotId: id,
    target: layout.target,
    status: s.status ?? 'ok',
    ...(s.status === 'suspect' ? { statusReason: 'the new archive is much smaller (hand-made)' } : {}),
    created: time.toISOString(),
    completed: time.toISOString(),
    durationSeconds: 1,
    source: { kind: 'local', path: '/data' },
    tools: { lifeboat: 'hand-made' },
    compression: 'gzip',
    archive: {
      key,
      versionId: version.versionId ?? null,
      etag: version.etag ?? null,
      size: archive.length,
      sha256: sha256(archive),
    },
    entries: 1,
    uncompressedBytes: 1024,
    warnings: [],
    previous: null,
  };
  for (const [name, body] of Object.entries(s.extra ?? {})) {
    store.putBytes(`${layout.snapshotPrefix(id)}${name}`, body, 'application/json');
  }
  store.putBytes(layout.manifestKey(id), `${JSON.stringify(manifest, null, 2)}\n`, 'application/json');
  return manifest;
}
