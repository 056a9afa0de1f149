import type { TargetLayout } from '../catalog/layout.js';
import { readLatest, readManifest } from '../catalog/listing.js';
import type { SourceDescription } from '../catalog/manifest.js';
import type { SourceIdentity } from '../sources/archive-source.js';
import type { ObjectStore } from '../storage/object-store.js';
import { ConfigurationError } from '../util/errors.js';
import { shellArg } from '../util/shell.js';

/** What a person recognises a source by: the app, the host or the directory, and the path. */
export function describeSource(s: SourceIdentity & { path: string }): string {
  if (s.kind === 'fly') return `Fly app ${s.app ?? '?'} at ${s.path}`;
  if (s.kind === 'ssh') return `host ${s.host ?? '?'} at ${s.path}`;
  return `the local directory ${s.path}`;
}

const sameSource = (a: SourceIdentity & { path: string }, b: SourceDescription) =>
  a.kind === b.kind &&
  (a.app ?? '') === (b.app ?? '') &&
  (a.host ?? '') === (b.host ?? '') &&
  a.path === b.path;

/**
 * A target lifeboat chose (no --target: the app, the host, the directory's name) only takes a
 * snapshot of the source its snapshots are of: when latest.json's manifest names another source
 * (two folders called `data`, two volumes of one app), the backup is refused before anything is
 * read, so one target never mixes two sources (its size guard and retention would compare them).
 * A --target the person gave is theirs to choose and is not checked.
 */
export async function refuseForeignTarget(
  store: ObjectStore,
  layout: TargetLayout,
  source: SourceIdentity & { path: string },
): Promise<void> {
  const latest = await readLatest(store, layout);
  if (!latest) return;
  const stored = await readManifest(store, layout, latest.pointer.snapshotId);
  if (!stored || sameSource(source, stored.manifest.source)) return;
  const target = layout.target;
  throw new ConfigurationError(
    `target ${target} (chosen because --target was not given) holds snapshots of ${describeSource(stored.manifest.source)} ` +
      `(latest ${latest.pointer.snapshotId}), and this backup is of ${describeSource(source)}: nothing was backed up. ` +
      `Give this source its own target (--target ${shellArg(`${target}-2`)}), or --target ${shellArg(target)} to add it to that one on purpose.`,
  );
}
