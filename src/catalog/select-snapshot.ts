import { ConfigurationError } from '../util/errors.js';
import type { TargetLayout } from './layout.js';
import type { Manifest } from './manifest.js';
import { listSnapshots, readLatest, readManifest } from './listing.js';
import { isSnapshotId } from './snapshot-id.js';
import type { ObjectStore } from '../storage/object-store.js';
import { words } from '../util/vocabulary.js';

export type SnapshotSelector =
  { kind: 'latest' } | { kind: 'id'; id: string } | { kind: 'before'; time: Date };

/** `latest` | a snapshot id | `before:<ISO-8601 time>`. */
export function parseSnapshotSelector(input: string, value: string): SnapshotSelector {
  const v = value.trim();
  if (v === '' || v === 'latest') return { kind: 'latest' };
  if (v.startsWith('before:')) {
    const text = v.slice('before:'.length);
    // a time of day without a zone is UTC, as snapshot ids and every time lifeboat prints are:
    // Date reads "2026-12-03T08:45" in the machine's zone (a date alone it reads as UTC)
    const time = new Date(hasTimeWithoutZone(text) ? `${text}Z` : text);
    if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(time.getTime())) {
      throw new ConfigurationError(
        `${words().subject(input)} is ${JSON.stringify(v.slice(0, 60))}: after "before:" give an ISO-8601 time such as 2026-11-20T00:00:00Z.`,
      );
    }
    return { kind: 'before', time };
  }
  if (isSnapshotId(v)) return { kind: 'id', id: v };
  throw new ConfigurationError(
    `${words().subject(input)} is ${JSON.stringify(v.slice(0, 60))}: give "latest", a snapshot id such as 20261123T020000Z, or before:<ISO-8601 time>.`,
  );
}

/** "2026-12-03T08:45[:00[.000]]" with no "Z" or "+01:00" after it. */
function hasTimeWithoutZone(text: string): boolean {
  const t = text.indexOf('T');
  if (t < 0) return false;
  const time = text.slice(t + 1);
  return !/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(time);
}

export interface SelectedSnapshot {
  manifest: Manifest;
  /** How it was chosen, for messages. */
  how: string;
  /** When the storage stored the manifest (its LastModified): ages are judged by it (snapshot-time.ts). */
  storedAt?: Date;
}

/** Finds the snapshot a selector names; a missing or not-good snapshot is one clear error. */
export async function selectSnapshot(
  store: ObjectStore,
  layout: TargetLayout,
  selector: SnapshotSelector,
): Promise<SelectedSnapshot> {
  const where = `${store.description}/${layout.root}`;
  if (selector.kind === 'latest') {
    const latest = await readLatest(store, layout);
    if (!latest) {
      throw new ConfigurationError(
        `Target ${layout.target} has no latest.json at ${where}: no good backup has been made yet, or target/prefix are wrong.`,
      );
    }
    const read = await readManifest(
      store,
      layout,
      latest.pointer.snapshotId,
      latest.pointer.manifestVersionId ?? undefined,
    );
    if (!read) {
      throw new Error(
        `latest.json names snapshot ${latest.pointer.snapshotId}, but its manifest is missing at ${where}.`,
      );
    }
    return { manifest: read.manifest, how: 'latest', ...storedAt(read.lastModified) };
  }
  if (selector.kind === 'id') {
    const read = await readManifest(store, layout, selector.id);
    if (!read) {
      throw new ConfigurationError(
        `Snapshot ${selector.id} of target ${layout.target} has no manifest at ${where}: it does not exist or did not complete.`,
      );
    }
    return { manifest: read.manifest, how: `id ${selector.id}`, ...storedAt(read.lastModified) };
  }
  const entries = await listSnapshots(store, layout);
  const match = entries.find(
    (e) => e.state === 'ok' && e.manifest && new Date(e.manifest.created).getTime() < selector.time.getTime(),
  );
  if (!match?.manifest) {
    throw new ConfigurationError(
      `Target ${layout.target} has no good snapshot created before ${selector.time.toISOString()} at ${where}.`,
    );
  }
  return {
    manifest: match.manifest,
    how: `newest good snapshot before ${selector.time.toISOString()}`,
    ...storedAt(match.storedAt),
  };
}

function storedAt(at: Date | undefined): { storedAt?: Date } {
  return at ? { storedAt: at } : {};
}
