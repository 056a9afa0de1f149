import { ConfigurationError } from '../util/errors.js';
import { isSnapshotId, requireSnapshotId } from './snapshot-id.js';

/**
 * Where a target's objects live in the bucket (DESIGN.md, "Storage layout"):
 *   {prefix}/{target}/latest.json
 *   {prefix}/{target}/snapshots/{id}/archive.tar.{gz|zst}[.age]
 *   {prefix}/{target}/snapshots/{id}/manifest.json
 *   {prefix}/{target}/snapshots/{id}/verification.json
 *   {prefix}/{target}/snapshots/{id}/index.jsonl.gz[.age]  one line per archive member (snapshot-index.ts)
 *   {prefix}/{target}/snapshots/{id}/index.json        names an index written after the snapshot
 * and, only while a run holds them (see key-claim.ts):
 *   {prefix}/{target}/snapshots/{id}/claim.json        a run claiming the snapshot id
 *   {prefix}/{target}/snapshots/{id}/successor.json    a run claiming the move of latest.json away from {id}
 *   {prefix}/{target}/first-snapshot.json              the same, while the target has no latest.json
 *   (the last two only on stores without conditional writes: elsewhere latest.json's own If-Match
 *   is the claim, move-latest.ts)
 * and, for a moment at the start of a run that writes (storage/conditional-writes.ts):
 *   {prefix}/{target}/conditional-write-probe.json     whether the store honours If-None-Match/If-Match
 *
 * Every key below snapshots/ is built from a snapshot id that passed the grammar of
 * snapshot-id.ts: an id read from the bucket that is not one is refused here, before any request.
 */
export type Compression = 'zstd' | 'gzip' | 'none';

export const ARCHIVE_EXTENSIONS: Record<Compression, string> = {
  zstd: 'tar.zst',
  gzip: 'tar.gz',
  none: 'tar',
};

/** The Content-Type an archive is stored with: its compression's, or opaque bytes once age-encrypted. */
const ARCHIVE_CONTENT_TYPES: Record<Compression, string> = {
  zstd: 'application/zstd',
  gzip: 'application/gzip',
  none: 'application/x-tar',
};

export function archiveContentType(compression: Compression, encrypted: boolean): string {
  return encrypted ? 'application/octet-stream' : ARCHIVE_CONTENT_TYPES[compression];
}

/**
 * The snapshot folder (`…/<target>/snapshots/<id>`) that a slash-separated path runs through, if
 * any: a target's root or a prefix there would be deleted by that target's retention.
 */
export function snapshotFolderIn(
  path: string,
): { folder: string; target: string; snapshotId: string; parent: string } | undefined {
  const segments = path.split('/');
  const at = segments.findIndex((s, i) => s === 'snapshots' && i > 0 && isSnapshotId(segments[i + 1] ?? ''));
  if (at < 1) return undefined;
  return {
    folder: segments.slice(0, at + 2).join('/'),
    target: segments[at - 1]!,
    snapshotId: segments[at + 1]!,
    parent: segments.slice(0, at - 1).join('/'),
  };
}

export class TargetLayout {
  readonly root: string;

  constructor(
    prefix: string,
    readonly target: string,
  ) {
    this.root = prefix ? `${prefix}/${target}` : target;
    // a root inside another target's snapshot folder (a snapshot-id-shaped target under a prefix
    // ending in snapshots/): that target's retention would delete it (attacker, 2026-12-03)
    const inside = snapshotFolderIn(this.root);
    if (inside) {
      throw new ConfigurationError(
        `Target ${JSON.stringify(target)} under prefix ${JSON.stringify(prefix)} lies inside ${inside.folder}/, ` +
          `the folder of snapshot ${inside.snapshotId} of target ${inside.target}, which that target's retention deletes with everything in it. ` +
          'Give this target a prefix and a name of its own.',
      );
    }
  }

  get latestKey(): string {
    return `${this.root}/latest.json`;
  }

  get snapshotsPrefix(): string {
    return `${this.root}/snapshots/`;
  }

  snapshotPrefix(id: string): string {
    return `${this.snapshotsPrefix}${requireSnapshotId(id, `a key of target ${this.target}`)}/`;
  }

  get conditionalWriteProbeKey(): string {
    return `${this.root}/conditional-write-probe.json`;
  }

  archiveKey(id: string, compression: Compression, encrypted = false): string {
    return `${this.snapshotPrefix(id)}archive.${ARCHIVE_EXTENSIONS[compression]}${encrypted ? '.age' : ''}`;
  }

  manifestKey(id: string): string {
    return `${this.snapshotPrefix(id)}manifest.json`;
  }

  claimKey(id: string): string {
    return `${this.snapshotPrefix(id)}claim.json`;
  }

  /** The key runs claim before they move latest.json away from snapshot `previous`. */
  successorKey(previous: string | undefined): string {
    return previous ? `${this.snapshotPrefix(previous)}successor.json` : `${this.root}/first-snapshot.json`;
  }

  indexKey(id: string, encrypted = false): string {
    return `${this.snapshotPrefix(id)}index.jsonl.gz${encrypted ? '.age' : ''}`;
  }

  indexPointerKey(id: string): string {
    return `${this.snapshotPrefix(id)}index.json`;
  }

  verificationKey(id: string): string {
    return `${this.snapshotPrefix(id)}verification.json`;
  }
}
