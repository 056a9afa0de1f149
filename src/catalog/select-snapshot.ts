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
      // latest.json deleted (a delete marker) while good snapshots stay: name them, never "none yet"
      const good = (await listSnapshots(store, layout)).filter((e) => e.state === 'ok');
      throw new ConfigurationError(
        good[0]
          ? `Target ${layout.target} has no latest.json at ${where} (deleted, or a delete marker on it), but ${good.length} good snapshot${good.length === 1 ? ' is' : 's are'} listed, ` +
              `the newest ${good[0].id}: ${words().set('snapshot', good[0].id)} (\`lifeboat snapshots\` lists them). The next good backup writes latest.json again.`
          : `Target ${layout.target} has no latest.json at ${where}: no good backup has been made yet, or target/prefix are wrong.`,
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
    const read = await manifestOf(store, layout, selector.id);
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

/**
 * The manifest of snapshot `id`: its current version, or, when that is gone (a delete marker on
 * manifest.json: `aws s3 rm`), the version latest.json names when it names this snapshot. restore
 * and dump pin the id latest.json named and read it again: the delete marker made them refuse a
 * snapshot verify had just proven (attacker, 2026-12-03).
 */
async function manifestOf(
  store: ObjectStore,
  layout: TargetLayout,
  id: string,
): Promise<Awaited<ReturnType<typeof readManifest>>> {
  const current = await readManifest(store, layout, id);
  if (current) return current;
  const latest = await readLatest(store, layout).catch(() => undefined);
  const version = latest?.pointer.snapshotId === id ? latest.pointer.manifestVersionId : null;
  return version ? readManifest(store, layout, id, version) : undefined;
}

function storedAt(at: Date | undefined): { storedAt?: Date } {
  return at ? { storedAt: at } : {};
}
