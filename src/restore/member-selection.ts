import { Readable } from 'node:stream';
import { refusedMember, type TarHeader } from '../archive/member-header.js';
import type { EntryHandler } from '../archive/archive-inspector.js';
import { ConfigurationError } from '../util/errors.js';
import { checkGlob, globMatch } from '../util/glob.js';
import { safeEntryPath } from './entry-path.js';
import { drainEntry } from './safe-extractor.js';

/**
 * restore --include / --exclude: which members of an archive a restore writes. Every member is
 * still read, hashed and counted (the archive is verified whole, in its one pass); only the
 * selected ones reach the extractor or the machine's tar.
 *
 * Patterns are minimatch globs (dot files included) on a member's path relative to the volume root
 * ("./uploads/a.png" is "uploads/a.png"), anchored there: `uploads/**` (the folder and what it
 * holds), `db.sqlite3`, `**\/*.png` for any depth. A leading "/" or "./" and a trailing "/" are dropped. As in restic, a pattern that
 * matches a folder matches everything in it. A member is selected when some include matches it
 * (every member, without includes) and no exclude does. A name that is not UTF-8 is matched by its
 * UTF-8 reading, each invalid byte read as U+FFFD: wildcards match it, a literal cannot name it.
 */
export class MemberSelection {
  readonly include: string[];
  readonly exclude: string[];

  constructor(include: readonly string[], exclude: readonly string[]) {
    this.include = include.map((g) => checkGlob('include', normalisePattern(g)));
    this.exclude = exclude.map((g) => checkGlob('exclude', normalisePattern(g)));
  }

  /**
   * Whether the pattern matches `path` or one of the folders it is in. As in restic, a trailing
   * "/**" also matches the folder itself ("uploads/**" is the folder uploads and what it holds).
   */
  private static matches(pattern: string, path: string): boolean {
    const folder = pattern.endsWith('/**') ? pattern.slice(0, -3) : undefined;
    return folderChain(path).some(
      (p) =>
        globMatch(p, pattern, { dot: true }) || (folder !== undefined && globMatch(p, folder, { dot: true })),
    );
  }

  /** The include patterns (their indexes) that match `path`. */
  includesOf(path: string): number[] {
    return this.include.flatMap((g, i) => (MemberSelection.matches(g, path) ? [i] : []));
  }

  /** Whether a restore writes the member at `path` (relative, not the root). */
  selects(path: string, includes = this.includesOf(path)): boolean {
    if (path === '') return false;
    if (this.include.length > 0 && includes.length === 0) return false;
    return !this.exclude.some((g) => MemberSelection.matches(g, path));
  }

  /** A new pass over one archive (its own matches, folders and roots). */
  pass(): SelectionPass {
    return new SelectionPass(this);
  }
}

/** "./a/", "/a" and "a" are the same pattern: the member paths it is matched with have no such marks. */
function normalisePattern(pattern: string): string {
  let p = pattern.trim();
  while (p.startsWith('./')) p = p.slice(2);
  while (p.startsWith('/')) p = p.slice(1);
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

/** "a/b/c" -> ["a", "a/b", "a/b/c"]. */
function folderChain(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** The folder `path` is in ('' for the root). */
function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** At most this many roots are remembered (a machine's swap names each one in its script). */
export const MAX_ROOTS = 100;

/**
 * One pass of a selection over an archive, in front of what writes its members (the SafeExtractor,
 * the machine's member filter, or nothing in a verification walk). Invariants:
 * - only selected members are handed on, and the volume root (its mode and time);
 * - the folders a selected member is in are handed on first, with their own header from the
 *   archive (mode, owner, time), so a restored file sits in folders like the ones it was in; the
 *   unselected folders kept for this are only those on the path of the latest member (tar writes a
 *   folder's contents after it), so memory stays bounded by the depth;
 * - every member's name is judged as a walk of the whole archive judges it: an unsafe name refuses
 *   the archive even when it is not selected;
 * - a selected hard link whose target was not handed on stops the pass with a ConfigurationError
 *   that names both: the target's bytes came earlier in the one stream and were not kept.
 */
export class SelectionPass {
  /** The include patterns that matched a member. */
  private readonly matched = new Set<number>();
  /** Unselected folders on the path of the latest member: handed on when a selected member is inside one. */
  private readonly pending = new Map<string, TarHeader>();
  /** The non-folders handed on (UTF-8 paths), for hard links. */
  private readonly handedOn = new Set<string>();
  private readonly rootList: string[] = [];
  private tooManyRoots = false;
  /** How many members were selected. */
  selected = 0;

  constructor(private readonly selection: MemberSelection) {}

  /**
   * The selected members whose folder is not selected (in archive order): what a machine's swap
   * replaces. Undefined when there were more than MAX_ROOTS.
   */
  get roots(): string[] | undefined {
    return this.tooManyRoots ? undefined : [...this.rootList];
  }

  /** The include patterns (as given, normalised) that matched no member of the archive. */
  unmatched(): string[] {
    return this.selection.include.filter((_, i) => !this.matched.has(i));
  }

  /** An EntryHandler that hands the selected members (and their folders) on to `next`. */
  handler(next: EntryHandler): EntryHandler {
    return async (header, stream) => {
      const safe = safeEntryPath(header.name);
      if ('refused' in safe) {
        stream.resume();
        throw refusedMember(header, safe.refused);
      }
      const path = safe.path;
      if (path === '') return next(header, stream);
      this.keepPendingOnPathOf(path);
      const includes = this.selection.includesOf(path);
      for (const i of includes) this.matched.add(i);
      if (!this.selection.selects(path, includes)) {
        if (header.type === 'directory') this.pending.set(path, header);
        return drainEntry(stream);
      }
      if (header.type === 'link') this.checkLinkTarget(header, path);
      for (const folder of folderChain(parentOf(path))) {
        const pendingHeader = this.pending.get(folder);
        if (!pendingHeader) continue;
        this.pending.delete(folder);
        await next(pendingHeader, Readable.from([]));
      }
      if (!this.selection.selects(parentOf(path))) this.addRoot(path);
      if (header.type !== 'directory') this.handedOn.add(path);
      this.selected++;
      return next(header, stream);
    };
  }

  private keepPendingOnPathOf(path: string): void {
    for (const folder of this.pending.keys()) {
      if (!path.startsWith(`${folder}/`)) this.pending.delete(folder);
    }
  }

  private checkLinkTarget(header: TarHeader, path: string): void {
    const target = safeEntryPath(header.linkname ?? '');
    // an unsafe target is the extractor's to refuse, in its words
    if ('refused' in target || this.handedOn.has(target.path)) return;
    throw new ConfigurationError(
      `${JSON.stringify(path)} is a hard link to ${JSON.stringify(target.path)}, which --include/--exclude leave out: ` +
        `the restore reads the archive once, and the bytes of ${JSON.stringify(target.path)} came before the link. ` +
        `Select both (add --include ${shellQuoted(target.path)}) and restore again. Nothing was restored.`,
    );
  }

  private addRoot(path: string): void {
    if (this.rootList.length >= MAX_ROOTS) this.tooManyRoots = true;
    else this.rootList.push(path);
  }
}

/** A path as a person pastes it into a shell. */
function shellQuoted(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Why a selective restore wrote nothing although each include matched: the excludes left nothing. */
export function nothingSelectedMessage(selection: MemberSelection, snapshotId: string): string {
  const flags = [
    ...selection.include.map((g) => `--include ${shellQuoted(g)}`),
    ...selection.exclude.map((g) => `--exclude ${shellQuoted(g)}`),
  ].join(' ');
  return (
    `${flags} select no member of snapshot ${snapshotId}: the excludes leave out everything the includes match, ` +
    'so nothing was restored. Narrow the excludes.'
  );
}

/** Why a selective restore wrote nothing: the include patterns that matched no member. */
export function noMatchMessage(unmatched: string[], snapshotId: string): string {
  const names = unmatched.map((g) => `--include ${shellQuoted(g)}`).join(', ');
  return (
    `${names} matched nothing in snapshot ${snapshotId}: nothing was restored. Patterns are globs on ` +
    `the path inside the volume, without its mount point (uploads/**, not /data/uploads/**; ` +
    `**/*.png at any depth).`
  );
}
