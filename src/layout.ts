/**
 * Where a target's objects live in the bucket (DESIGN.md, "Storage layout"):
 *   {prefix}/{target}/latest.json
 *   {prefix}/{target}/snapshots/{id}/archive.tar.{gz|zst}[.age]
 *   {prefix}/{target}/snapshots/{id}/manifest.json
 *   {prefix}/{target}/snapshots/{id}/verification.json
 */
export type Compression = 'zstd' | 'gzip' | 'none';

export const ARCHIVE_EXTENSIONS: Record<Compression, string> = {
  zstd: 'tar.zst',
  gzip: 'tar.gz',
  none: 'tar',
};

export class TargetLayout {
  readonly root: string;

  constructor(
    prefix: string,
    readonly target: string,
  ) {
    this.root = prefix ? `${prefix}/${target}` : target;
  }

  get latestKey(): string {
    return `${this.root}/latest.json`;
  }

  get snapshotsPrefix(): string {
    return `${this.root}/snapshots/`;
  }

  snapshotPrefix(id: string): string {
    return `${this.snapshotsPrefix}${id}/`;
  }

  archiveKey(id: string, compression: Compression, encrypted = false): string {
    return `${this.snapshotPrefix(id)}archive.${ARCHIVE_EXTENSIONS[compression]}${encrypted ? '.age' : ''}`;
  }

  manifestKey(id: string): string {
    return `${this.snapshotPrefix(id)}manifest.json`;
  }

  verificationKey(id: string): string {
    return `${this.snapshotPrefix(id)}verification.json`;
  }
}
