import { isUtf8 } from 'node:buffer';
import { displayPath, entryKey, shownPath, type IndexEntry, type IndexEntryType } from './snapshot-index.js';

/**
 * What changed between two snapshots, from their indexes (restic diff's categories): a path only
 * in the newer is added, only in the older removed, in both with other content (sha256 or size),
 * mode, type, link target or owner changed. A side without content hashes (a machine's live tree,
 * listed without reading a file: restore/live-listing.ts) is compared by size and mtime (whole
 * seconds, as tar keeps them), and a side without a symlink's target leaves targets uncompared.
 * The older index is held as one small record a path
 * (the tar order of the two need not agree); the newer is streamed. Changes come largest first:
 * by how many bytes they add or take away.
 */

export type ChangeAspect = 'content' | 'mode' | 'type' | 'link' | 'owner';

export interface PathState {
  type: IndexEntryType;
  size: number;
  mode: number;
}

export interface PathChange {
  path: string;
  /** The name's bytes when they are not UTF-8 (`path` is then their UTF-8 reading), as ls --json gives them. */
  pathBase64?: string;
  kind: 'added' | 'removed' | 'changed';
  /** For a changed path: what changed. */
  aspects: ChangeAspect[];
  before?: PathState;
  after?: PathState;
  /** Bytes added (positive) or taken away (negative). */
  sizeDelta: number;
}

export interface IndexDiff {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** Regular files of the older snapshot, and of those how many are gone. */
  olderFiles: number;
  removedFiles: number;
  bytesAdded: number;
  bytesRemoved: number;
  /** Every change, largest first. */
  changes: PathChange[];
}

interface Held {
  path: string;
  pathBase64: string | undefined;
  type: IndexEntryType;
  size: number;
  mode: number;
  owner: string;
  mtimeSeconds: number;
  sha256?: string;
  link?: string;
}

function held(e: IndexEntry): Held {
  // every field set (undefined where absent), not spread: one shape for every record of the map
  return {
    path: displayPath(e),
    pathBase64: isUtf8(e.pathBytes) ? undefined : e.pathBytes.toString('base64'),
    type: e.type,
    size: e.size,
    mode: e.mode,
    owner: `${e.uid}:${e.gid}`,
    mtimeSeconds: Math.floor(e.mtime.getTime() / 1000),
    sha256: e.sha256,
    link: e.linkBytes?.toString('latin1'),
  };
}

const isFile = (t: IndexEntryType) => t === 'file' || t === 'contiguous-file';
const state = (h: Held): PathState => ({ type: h.type, size: h.size, mode: h.mode });

/** By sha256 where both sides have one, else by size and mtime. */
function sameContent(a: Held, b: Held): boolean {
  if (a.size !== b.size) return false;
  return a.sha256 !== undefined && b.sha256 !== undefined
    ? a.sha256 === b.sha256
    : a.mtimeSeconds === b.mtimeSeconds;
}

function aspectsOf(a: Held, b: Held): ChangeAspect[] {
  const out: ChangeAspect[] = [];
  if (a.type !== b.type) out.push('type');
  else if (isFile(a.type) && !sameContent(a, b)) out.push('content');
  if ((a.mode & 0o7777) !== (b.mode & 0o7777)) out.push('mode');
  if (a.link !== b.link && a.link !== undefined && b.link !== undefined) out.push('link');
  if (a.owner !== b.owner) out.push('owner');
  return out;
}

/** Entries one at a time, or in batches (readIndexBatches): a batch is taken without an await per entry. */
export type IndexEntries = AsyncIterable<IndexEntry | IndexEntry[]>;

async function* each(entries: IndexEntries): AsyncGenerator<IndexEntry[]> {
  for await (const item of entries) yield Array.isArray(item) ? item : [item];
}

export async function diffIndexes(older: IndexEntries, newer: IndexEntries): Promise<IndexDiff> {
  const before = new Map<string, Held>();
  let olderFiles = 0;
  for await (const batch of each(older)) {
    for (const e of batch) {
      before.set(entryKey(e), held(e));
      if (isFile(e.type)) olderFiles++;
    }
  }
  const d: IndexDiff = {
    added: 0,
    removed: 0,
    changed: 0,
    unchanged: 0,
    olderFiles,
    removedFiles: 0,
    bytesAdded: 0,
    bytesRemoved: 0,
    changes: [],
  };
  for await (const batch of each(newer)) {
    for (const e of batch) {
      const key = entryKey(e);
      const now = held(e);
      const was = before.get(key);
      before.delete(key);
      if (!was) {
        d.added++;
        d.changes.push({
          ...named(now),
          kind: 'added',
          aspects: [],
          after: state(now),
          sizeDelta: now.size,
        });
        continue;
      }
      const aspects = aspectsOf(was, now);
      if (aspects.length === 0) {
        d.unchanged++;
        continue;
      }
      d.changed++;
      d.changes.push({
        ...named(now),
        kind: 'changed',
        aspects,
        before: state(was),
        after: state(now),
        sizeDelta: now.size - was.size,
      });
    }
  }
  for (const was of before.values()) {
    d.removed++;
    if (isFile(was.type)) d.removedFiles++;
    d.changes.push({
      ...named(was),
      kind: 'removed',
      aspects: [],
      before: state(was),
      sizeDelta: -was.size,
    });
  }
  for (const c of d.changes) {
    if (c.sizeDelta > 0) d.bytesAdded += c.sizeDelta;
    else d.bytesRemoved -= c.sizeDelta;
  }
  d.changes.sort((a, b) => Math.abs(b.sizeDelta) - Math.abs(a.sizeDelta) || (a.path < b.path ? -1 : 1));
  return d;
}

/** The name fields of a change: path, and pathBase64 only for a name that is not UTF-8. */
function named(h: Held): Pick<PathChange, 'path' | 'pathBase64'> {
  return h.pathBase64 === undefined ? { path: h.path } : { path: h.path, pathBase64: h.pathBase64 };
}

/** One line a change: `+ path`, `- path`, `M path (content, mode)`, with the size it added or took away. */
export function describeChange(c: PathChange, formatBytes: (n: number) => string): string {
  const sign = c.kind === 'added' ? '+' : c.kind === 'removed' ? '-' : 'M';
  const size =
    c.sizeDelta === 0 ? '' : ` ${c.sizeDelta > 0 ? '+' : '-'}${formatBytes(Math.abs(c.sizeDelta))}`;
  const what = c.kind === 'changed' ? ` (${c.aspects.join(', ')})` : '';
  const name = c.pathBase64 === undefined ? Buffer.from(c.path) : Buffer.from(c.pathBase64, 'base64');
  return `${sign} ${shownPath(name)}${what}${size}`;
}

/** The counts line of a diff, as `lifeboat diff` and the restore plan print it. */
export function describeCounts(d: IndexDiff, formatBytes: (n: number) => string): string {
  return `${d.added} added, ${d.removed} removed, ${d.changed} changed, ${d.unchanged} unchanged (+${formatBytes(d.bytesAdded)}, -${formatBytes(d.bytesRemoved)})`;
}
