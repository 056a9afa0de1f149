import { diffIndexes, type IndexDiff } from '../catalog/index-diff.js';
import { findIndex, readIndexEntries } from '../catalog/index-reader.js';
import type { TargetLayout } from '../catalog/layout.js';
import type { Manifest } from '../catalog/manifest.js';
import { displayPath, type IndexEntry } from '../catalog/snapshot-index.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import { ConfigurationError, errorMessage } from '../util/errors.js';
import { words } from '../util/vocabulary.js';
import { LiveListingError, listLiveTree } from './live-listing.js';
import {
  MAX_ROOTS,
  noMatchMessage,
  nothingSelectedMessage,
  type MemberSelection,
} from './member-selection.js';
import { isVolumeData } from './volume-contents.js';

/**
 * What a machine restore's swap would change, for its plan: the machine's live tree now
 * (live-listing.ts) against the snapshot's index, by the diff `lifeboat diff` uses
 * (index-diff.ts; the live tree is the older side, the snapshot the newer: "added" is what the
 * swap brings back, "removed" what it moves aside). Only what the swap touches is compared: the
 * volume's data (not its root, lost+found or lifeboat's folders), and with --include/--exclude
 * the selected members of the snapshot against the live paths at and below their roots.
 *
 * Invariant: never a failure of the plan. A snapshot without an index, an index that cannot be
 * read, or a machine that cannot list its tree give a note that says so (and how to make an
 * index), and the plan goes on without the diff.
 */

export type PlanDiff = { kind: 'diff'; diff: IndexDiff } | { kind: 'none'; note: string };

export interface PlanDiffOptions {
  store: ObjectStore;
  layout: TargetLayout;
  manifest: Manifest;
  source: ArchiveSource;
  path: string;
  members?: MemberSelection;
  decryptionIdentity?: string;
  signal?: AbortSignal;
}

/** The path below the volume's root ('' for the root itself). */
const relative = (e: IndexEntry) => {
  const p = displayPath(e);
  return p === '.' ? '' : p;
};

/** The swap's business: data below the root (volume-contents.ts). */
const isData = (rel: string) => rel !== '' && isVolumeData(rel.split('/')[0]!);

const parentOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

async function* filtered(
  entries: AsyncIterable<IndexEntry>,
  keep: (rel: string) => boolean,
): AsyncGenerator<IndexEntry> {
  for await (const e of entries) if (keep(relative(e))) yield e;
}

export async function planDiff(o: PlanDiffOptions): Promise<PlanDiff> {
  const m = o.manifest;
  const found = await findIndex(o.store, o.layout, m);
  if (!found.found) {
    return { kind: 'none', note: `no diff with the live tree: ${found.reason}` };
  }
  if (found.index.encrypted && !o.decryptionIdentity) {
    return {
      kind: 'none',
      note: `no diff with the live tree: the index is age-encrypted, and no identity was given (to see it, ${words().secret('decryption-identity', 'AGE_IDENTITY')})`,
    };
  }
  const snapshot = () =>
    readIndexEntries(o.store, found.index, {
      ...(o.decryptionIdentity ? { identity: o.decryptionIdentity } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });
  try {
    let keepSnapshot = isData;
    let keepLive = isData;
    const members = o.members;
    if (members) {
      // the roots the swap replaces: selected members whose folder is not selected
      const roots = new Set<string>();
      const matched = new Set<number>();
      let selected = 0;
      for await (const e of snapshot()) {
        const rel = relative(e);
        const includes = members.includesOf(rel);
        for (const i of includes) matched.add(i);
        if (isData(rel) && members.selects(rel, includes)) selected++;
        if (isData(rel) && members.selects(rel, includes) && !members.selects(parentOf(rel))) roots.add(rel);
        if (roots.size > MAX_ROOTS) {
          return {
            kind: 'none',
            note: `no diff with the live tree: --include/--exclude select more than ${MAX_ROOTS} separate paths`,
          };
        }
      }
      // the plan a person reviews must fail as --apply would: an include that names nothing (a
      // typo) showed an empty diff and "to do it" (newcomer, 2026-12-03)
      const unmatched = members.include.filter((_, i) => !matched.has(i));
      if (unmatched.length > 0) throw new SelectionError(noMatchMessage(unmatched, m.snapshotId));
      if (selected === 0) throw new SelectionError(nothingSelectedMessage(members, m.snapshotId));
      const underRoot = (rel: string) => {
        for (let p = rel; p !== ''; p = parentOf(p)) if (roots.has(p)) return true;
        return false;
      };
      keepSnapshot = (rel) => isData(rel) && members.selects(rel);
      keepLive = (rel) => isData(rel) && underRoot(rel);
    }
    const diff = await diffIndexes(
      filtered(listLiveTree(o.source, o.path, o.signal), keepLive),
      filtered(snapshot(), keepSnapshot),
    );
    return { kind: 'diff', diff };
  } catch (err) {
    if (o.signal?.aborted || err instanceof SelectionError) throw err;
    const what =
      err instanceof LiveListingError ? 'the live tree could not be listed' : 'the index could not be read';
    return { kind: 'none', note: `no diff with the live tree: ${what} (${errorMessage(err)})` };
  }
}

/** The selection names nothing the index lists: the person's mistake, exit 2, as --apply says it. */
class SelectionError extends ConfigurationError {}
