import { linkTargetBytes, typeRefusal, type TarHeader } from '../archive/member-header.js';
import { safeEntryPath } from './entry-path.js';

/** What an accepted member writes. */
export type MemberKind = 'file' | 'directory' | 'symlink' | 'link' | 'fifo';

/** A member the rules accept: its path relative to the root, what it writes, with which mode. */
export interface AcceptedMember {
  path: string;
  kind: MemberKind;
  /** The permission bits to restore: setuid and setgid are already dropped. */
  mode: number;
  /** A hardlink's target, relative to the root: a non-folder an earlier member wrote. */
  linkTarget?: string;
}

/** Permission bits kept on restore: setuid and setgid are dropped. */
const MODE_MASK = 0o1777;

/**
 * The safe extractor's rules (safe-extractor.ts), judged on this side of the wire, one archive at a
 * time, for a restore whose writes a machine's tar makes (member-filter.ts). The same refusals as the
 * extractor: absolute names, "..", NUL, a name given twice, any member whose path passes through a
 * symlink or a non-folder an earlier member wrote, hardlinks to anything but a non-folder written
 * before, device nodes and every other special type. A symlink is data, restored with whatever
 * target it has: nothing is ever written through one. Setuid and setgid bits are dropped.
 */
export class MemberRules {
  /** What the accepted members wrote, and the folders their paths imply ('parent'). */
  private readonly seen = new Map<string, MemberKind | 'parent'>();

  /** Judges the next member of the archive; an accepted one is remembered for the next judgements. */
  judge(header: TarHeader): AcceptedMember | { refused: string } {
    const safe = safeEntryPath(header.name);
    if ('refused' in safe) return safe;
    const rel = safe.path;
    const previous = this.seen.get(rel);
    if (rel !== '' && previous !== undefined && previous !== 'parent') {
      return { refused: 'the archive holds it twice' };
    }
    const parents = rel === '' ? [] : rel.split('/').slice(0, -1);
    for (let i = 0; i < parents.length; i++) {
      const kind = this.seen.get(parents.slice(0, i + 1).join('/'));
      if (kind === 'symlink')
        return { refused: `its path passes through the symlink ${JSON.stringify(parents[i])}` };
      if (kind !== undefined && kind !== 'directory' && kind !== 'parent') {
        return { refused: `its parent ${JSON.stringify(parents[i])} is not a folder` };
      }
    }
    const accepted = this.accept(header, rel, previous === 'parent');
    if ('refused' in accepted) return accepted;
    for (let i = 0; i < parents.length; i++) {
      const prefix = parents.slice(0, i + 1).join('/');
      if (!this.seen.has(prefix)) this.seen.set(prefix, 'parent');
    }
    if (rel !== '') this.seen.set(rel, accepted.kind);
    return accepted;
  }

  private accept(header: TarHeader, rel: string, isParent: boolean): AcceptedMember | { refused: string } {
    const typeRefused = typeRefusal(header);
    if (typeRefused) return { refused: typeRefused };
    const mode = (header.mode ?? 0o644) & MODE_MASK;
    if (header.type !== 'directory' && (rel === '' || isParent)) {
      return { refused: 'a folder of that name was already written' };
    }
    switch (header.type) {
      case 'directory':
        return { path: rel, kind: 'directory', mode };
      case 'symlink': {
        const target = linkTargetBytes(header);
        if (target.length === 0) return { refused: 'it is a symlink with an empty target' };
        if (target.includes(0)) return { refused: 'its symlink target contains a NUL byte' };
        return { path: rel, kind: 'symlink', mode };
      }
      case 'link': {
        const target = safeEntryPath(header.linkname ?? '');
        const outside = {
          refused: `it is a hardlink to ${JSON.stringify(header.linkname)}, outside the holding directory`,
        };
        if ('refused' in target || target.path === '') return outside;
        const kind = this.seen.get(target.path);
        if (kind === undefined || kind === 'directory' || kind === 'parent') {
          return {
            refused: `it is a hardlink to ${JSON.stringify(header.linkname)}, which is not a file extracted before it`,
          };
        }
        return { path: rel, kind: 'link', mode, linkTarget: target.path };
      }
      case 'fifo':
        return { path: rel, kind: 'fifo', mode };
      default:
        // 'file' and 'contiguous-file' (typeRefusal lets only restored kinds through)
        return { path: rel, kind: 'file', mode };
    }
  }
}
