import type { Compression } from './layout.js';
import { schemaErrors } from './schemas.js';
import { requireSnapshotId } from './snapshot-id.js';

export const MANIFEST_SCHEMA_VERSION = 1;

export type SnapshotStatus = 'ok' | 'suspect';

export interface SourceDescription {
  kind: 'fly' | 'local' | 'ssh';
  app?: string;
  machine?: string | null;
  host?: string;
  path: string;
  excludes?: string[];
  preCommand?: boolean;
}

export interface PreviousSnapshot {
  snapshotId: string;
  size: number;
  entries: number;
  sizeRatio: number | null;
  entriesRatio: number | null;
}

/** schema/manifest.schema.json describes this document for other tools. */
export interface Manifest {
  schema: typeof MANIFEST_SCHEMA_VERSION;
  snapshotId: string;
  target: string;
  status: SnapshotStatus;
  statusReason?: string;
  created: string;
  completed: string;
  durationSeconds: number;
  source: SourceDescription;
  tools: { lifeboat: string; flyctl?: string; ssh?: string };
  compression: Compression;
  /** Present when lifeboat compressed the archive on the runner (auto, a machine without zstd). */
  compressedOn?: 'runner';
  archive: {
    key: string;
    versionId: string | null;
    etag: string | null;
    size: number;
    sha256: string;
    /** Server-side encryption as the storage reported it for the object. */
    serverSideEncryption?: { sse: string; kmsKeyId?: string };
  };
  entries: number;
  uncompressedBytes: number;
  warnings: string[];
  previous: PreviousSnapshot | null;
  /** Present when the stored archive is age-encrypted; archive.sha256 is then of the ciphertext. */
  encryption?: { format: 'age'; recipients: string[]; plaintextSize: number; plaintextSha256: string };
  /** Present when copy-snapshot copied this snapshot from another bucket; `archive` is then the copy. */
  copiedFrom?: CopiedFrom;
  /** The snapshot's index, written in the same pass (snapshot-index.ts); absent in older snapshots. */
  index?: IndexObject;
}

/** A stored index object: one gzip JSON line per archive member, age-encrypted when the archive is. */
export interface IndexObject {
  key: string;
  versionId: string | null;
  etag?: string | null;
  /** Bytes stored. */
  size: number;
  /** Of the stored bytes (the ciphertext when encrypted). */
  sha256: string;
  /** Lines: one per archive member. */
  entries: number;
  compression: 'gzip';
  encrypted?: boolean;
}

/** Where a copied snapshot's bytes came from: the source archive that was copied, hashed on the way. */
export interface CopiedFrom {
  endpoint: string;
  bucket: string;
  key: string;
  versionId: string | null;
  manifestKey: string;
  copiedAt: string;
}

/** schema/latest.schema.json describes this document. */
export interface LatestPointer {
  schema: typeof MANIFEST_SCHEMA_VERSION;
  target: string;
  snapshotId: string;
  manifestKey: string;
  manifestVersionId: string | null;
  archiveKey: string;
  archiveVersionId: string | null;
  sha256: string;
  size: number;
  created: string;
  updated: string;
}

/** A manifest valid against its schema, whose snapshotId is a snapshot id; or one Error saying why not. */
export function parseManifest(value: unknown, where: string): Manifest {
  const errors = schemaErrors('manifest', value);
  if (errors.length > 0) {
    throw new Error(`${where} is not a valid lifeboat manifest: ${errors.slice(0, 3).join('; ')}`);
  }
  const m = value as Manifest;
  requireSnapshotId(m.snapshotId, where);
  return m;
}

/** A latest pointer valid against its schema, whose snapshotId is a snapshot id; or one Error saying why not. */
export function parseLatest(value: unknown, where: string): LatestPointer {
  const errors = schemaErrors('latest', value);
  if (errors.length > 0) {
    throw new Error(`${where} is not a valid lifeboat latest pointer: ${errors.slice(0, 3).join('; ')}`);
  }
  const pointer = value as LatestPointer;
  requireSnapshotId(pointer.snapshotId, where);
  return pointer;
}

export function latestFor(
  manifest: Manifest,
  manifestKey: string,
  manifestVersionId: string | null,
  now: Date,
): LatestPointer {
  return {
    schema: MANIFEST_SCHEMA_VERSION,
    target: manifest.target,
    snapshotId: manifest.snapshotId,
    manifestKey,
    manifestVersionId,
    archiveKey: manifest.archive.key,
    archiveVersionId: manifest.archive.versionId,
    sha256: manifest.archive.sha256,
    size: manifest.archive.size,
    created: manifest.created,
    updated: now.toISOString(),
  };
}
