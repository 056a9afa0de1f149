import { findIndex, readIndexEntries } from '../catalog/index-reader.js';
import type { TargetLayout } from '../catalog/layout.js';
import type { Manifest } from '../catalog/manifest.js';
import type { IndexEntry } from '../catalog/snapshot-index.js';
import { safeEntryPath } from '../restore/entry-path.js';
import type { ObjectStore } from '../storage/object-store.js';
import { errorMessage } from '../util/errors.js';
import { globMatch } from '../util/glob.js';
import type { Logger } from '../util/logger.js';

/**
 * verify's required-paths judged from the snapshot's index, before the archive is downloaded.
 *
 * Invariant: the index can make a verification fail early only by proving what the archive lacks,
 * never make one pass. A glob counts as missing only once the whole index was read and matched the
 * sha256, size and line count recorded for it (index-reader.ts: the index written from this very
 * archive's stream); an index that is absent, unreadable or not the recorded one answers nothing
 * and the archive walk judges as before. When every glob is in the index the archive walk still
 * judges them all (the archive, not the index, is what a restore gives back). dump asks the same
 * index which members have the path it is given (membersAtPath), under the same invariant.
 */

/** The member name as required-paths globs see it (the archive walk and the index alike); undefined for none. */
export function requiredPathOf(name: string): string | undefined {
  const safe = safeEntryPath(name);
  return 'path' in safe && safe.path !== '' ? safe.path : undefined;
}

export const matchesRequired = (path: string, pattern: string) => globMatch(path, pattern, { dot: true });

export interface IndexAnswer {
  /** Each glob, and whether a member of the index matches it. */
  required: { pattern: string; matched: boolean }[];
}

/**
 * Walks a whole, proven index with `visit` (see the invariant): true once the walk ended, the
 * index proven; true as well when `visit` returned true to stop early (it has its answer);
 * undefined when the index cannot say (absent, unreadable, not the recorded one), logged with
 * `why` as the reason the archive is read instead. An abort is thrown, never taken for "no answer".
 */
async function walkProvenIndex(
  store: ObjectStore,
  layout: TargetLayout,
  m: Manifest,
  o: { identity?: string; signal?: AbortSignal; logger: Logger },
  why: string,
  visit: (e: IndexEntry) => boolean | void,
): Promise<true | undefined> {
  const found = await findIndex(store, layout, m).catch(() => undefined);
  if (!found?.found) return undefined;
  try {
    for await (const e of readIndexEntries(store, found.index, o)) if (visit(e) === true) return true;
  } catch (err) {
    if (o.signal?.aborted) throw err;
    o.logger.info(`${why}: the index did not answer (${errorMessage(err)})`);
    return undefined;
  }
  return true;
}

/**
 * The required-paths globs against the index: an answer only when some glob matches no member of a
 * whole, proven index (see the invariant); undefined when every glob matched or the index cannot say.
 */
export async function requiredPathsMissingFromIndex(
  store: ObjectStore,
  layout: TargetLayout,
  m: Manifest,
  patterns: string[],
  o: { identity?: string; signal?: AbortSignal; logger: Logger },
): Promise<IndexAnswer | undefined> {
  if (patterns.length === 0) return undefined;
  const required = patterns.map((pattern) => ({ pattern, matched: false }));
  let open = required.length;
  const walked = await walkProvenIndex(
    store,
    layout,
    m,
    o,
    'required-paths are judged from the archive',
    (e) => {
      const path = requiredPathOf(e.path);
      if (path === undefined) return;
      for (const r of required) {
        if (!r.matched && matchesRequired(path, r.pattern)) {
          r.matched = true;
          open--;
        }
      }
      // every glob is there: the archive walk proves them, the rest of the index is not needed
      return open === 0;
    },
  );
  return walked && open > 0 ? { required } : undefined;
}

/** A member of the index at the path asked for: its name bytes, its type, and a link's target. */
export interface MemberAtPath {
  name: Buffer;
  type: IndexEntry['type'];
  link?: string;
}

/**
 * Every member of a whole, proven index whose path (as globs see it) is `path`: [] proves the
 * snapshot holds no such member, more than one that names not UTF-8 read the same; undefined when
 * the index cannot say (absent, unreadable, not the recorded one).
 */
export async function membersAtPath(
  store: ObjectStore,
  layout: TargetLayout,
  m: Manifest,
  path: string,
  o: { identity?: string; signal?: AbortSignal; logger: Logger },
): Promise<MemberAtPath[] | undefined> {
  const members: MemberAtPath[] = [];
  const walked = await walkProvenIndex(store, layout, m, o, 'the archive is read to find the path', (e) => {
    if (requiredPathOf(e.path) !== path) return;
    members.push({
      name: e.pathBytes,
      type: e.type,
      ...(e.linkBytes ? { link: e.linkBytes.toString('utf8') } : {}),
    });
  });
  return walked ? members : undefined;
}
