import { linkTargetBytes, memberNameBytes, typeRefusal, type TarHeader } from '../archive/member-header.js';
import { memberSegments, segmentsKey } from './entry-path.js';

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
 *
 * Names are judged as bytes (entry-path.ts), as the extractor judges them: two Latin-1 names whose
 * UTF-8 readings are one string are two members, never "held twice". `path` is the UTF-8 reading.
 */
export class MemberRules {
  /** What the accepted members wrote, and the folders their paths imply ('parent'), by byte key. */
  private readonly seen = new Map<string, MemberKind | 'parent'>();

  /** Judges the next member of the archive; an accepted one is remembered for the next judgements. */
  judge(header: TarHeader): AcceptedMember | { refused: string } {
    const named = memberSegments(memberNameBytes(header));
    if ('refused' in named) return named;
    const { segments } = named;
    const key = segmentsKey(segments);
    const rel = segments.map((s) => s.toString('utf8')).join('/');
    const previous = this.seen.get(key);
    if (key !== '' && previous !== undefined && previous !== 'parent') {
      return { refused: 'the archive holds it twice' };
    }
    const parents = segments.slice(0, -1);
    for (let i = 0; i < parents.length; i++) {
      const kind = this.seen.get(segmentsKey(parents.slice(0, i + 1)));
      const shown = JSON.stringify(parents[i]!.toString('utf8'));
      if (kind === 'symlink') return { refused: `its path passes through the symlink ${shown}` };
      if (kind !== undefined && kind !== 'directory' && kind !== 'parent') {
        return { refused: `its parent ${shown} is not a folder` };
      }
    }
    const accepted = this.accept(header, rel, key, previous === 'parent');
    if ('refused' in accepted) return accepted;
    for (let i = 0; i < parents.length; i++) {
      const prefix = segmentsKey(parents.slice(0, i + 1));
      if (!this.seen.has(prefix)) this.seen.set(prefix, 'parent');
    }
    if (key !== '') this.seen.set(key, accepted.kind);
    return accepted;
  }

  private accept(
    header: TarHeader,
    rel: string,
    key: string,
    isParent: boolean,
  ): AcceptedMember | { refused: string } {
    const typeRefused = typeRefusal(header);
    if (typeRefused) return { refused: typeRefused };
    const mode = (header.mode ?? 0o644) & MODE_MASK;
    if (header.type !== 'directory' && (key === '' || isParent)) {
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
        const target = memberSegments(linkTargetBytes(header));
        const outside = {
          refused: `it is a hardlink to ${JSON.stringify(header.linkname)}, outside the holding directory`,
        };
        if ('refused' in target || target.segments.length === 0) return outside;
        const kind = this.seen.get(segmentsKey(target.segments));
        if (kind === undefined || kind === 'directory' || kind === 'parent') {
          return {
            refused: `it is a hardlink to ${JSON.stringify(header.linkname)}, which is not a file extracted before it`,
          };
        }
        const linkTarget = target.segments.map((s) => s.toString('utf8')).join('/');
        return { path: rel, kind: 'link', mode, linkTarget };
      }
      case 'fifo':
        return { path: rel, kind: 'fifo', mode };
      default:
        // 'file' and 'contiguous-file' (typeRefusal lets only restored kinds through)
        return { path: rel, kind: 'file', mode };
    }
  }
}
