import { constants } from 'node:fs';
import { chmod, link, lchown, lstat, lutimes, mkdir, open, symlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { TarHeader } from '../archive/archive-inspector.js';
import { resolveInside, safeEntryPath } from './entry-path.js';

/** A member that would write outside the holding directory, or that is not a plain file, folder or link. */
export class UnsafeEntryError extends Error {
  override readonly name = 'UnsafeEntryError';
}

/** Permission bits kept on restore: setuid and setgid are dropped in a holding directory. */
const MODE_MASK = 0o1777;

/** What an accepted member writes. */
export type MemberKind = 'file' | 'directory' | 'symlink' | 'link';

/** A member the rules accept: its path relative to the root, what it writes, with which mode. */
export interface AcceptedMember {
  path: string;
  kind: MemberKind;
  /** The permission bits to restore: setuid and setgid are already dropped. */
  mode: number;
  /** A hardlink's target, relative to the root: a file an earlier member wrote. */
  linkTarget?: string;
}

/**
 * The member rules, one archive at a time, for every restore target: this extractor, and the filter
 * in front of a machine's tar (member-filter.ts). Refused: absolute names, "..", a name given twice,
 * any member whose path passes through a symlink or a non-folder an earlier member wrote, symlinks
 * and hardlinks that resolve outside the root, hardlinks to anything but a file written before,
 * device nodes, FIFOs and every other special type. Setuid and setgid bits are dropped.
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
      if (kind === 'symlink') return { refused: throughSymlink(parents[i]!) };
      if (kind === 'file' || kind === 'link') return { refused: notAFolder(parents[i]!) };
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
    const mode = (header.mode ?? 0o644) & MODE_MASK;
    if (header.type !== 'directory' && (rel === '' || isParent)) {
      return { refused: 'a folder of that name was already written' };
    }
    switch (header.type) {
      case 'directory':
        return { path: rel, kind: 'directory', mode };
      case 'file':
      case 'contiguous-file':
        return { path: rel, kind: 'file', mode };
      case 'symlink': {
        const target = header.linkname ?? '';
        if (resolveInside(target, rel) === undefined) {
          return { refused: `it is a symlink to ${JSON.stringify(target)}, outside the holding directory` };
        }
        return { path: rel, kind: 'symlink', mode };
      }
      case 'link': {
        const target = resolveInside(safeLinkName(header.linkname ?? ''), undefined);
        if (target === undefined || target === '') {
          return {
            refused: `it is a hardlink to ${JSON.stringify(header.linkname)}, outside the holding directory`,
          };
        }
        if (this.seen.get(target) !== 'file') {
          return {
            refused: `it is a hardlink to ${JSON.stringify(header.linkname)}, which is not a file extracted before it`,
          };
        }
        return { path: rel, kind: 'link', mode, linkTarget: target };
      }
      default:
        return {
          refused: `it is a ${header.type ?? 'special file'}; only files, folders and links are restored`,
        };
    }
  }
}

const throughSymlink = (part: string) => `its path passes through the symlink ${JSON.stringify(part)}`;
const notAFolder = (part: string) => `its parent ${JSON.stringify(part)} is not a folder`;

/**
 * Writes tar members into a holding directory and nowhere else, by the member rules (MemberRules).
 * Files are created with O_EXCL|O_NOFOLLOW, so nothing that exists is ever overwritten or followed,
 * and every parent is checked on disk as well: a real folder inside the root.
 */
export class SafeExtractor {
  /** Relative paths written, with their type. */
  readonly written = new Map<string, MemberKind>();
  private readonly rules = new MemberRules();
  private readonly dirTimes: { path: string; mode: number; mtime?: Date }[] = [];
  private readonly asRoot = process.getuid?.() === 0;

  constructor(private readonly root: string) {}

  readonly handle = async (header: TarHeader, stream: Readable): Promise<void> => {
    const refuse = (why: string): never => {
      stream.resume();
      throw new UnsafeEntryError(`archive member ${JSON.stringify(header.name)} was refused: ${why}`);
    };
    const member = this.rules.judge(header);
    if ('refused' in member) return refuse(member.refused);
    const { path: rel, mode } = member;
    if (rel !== '') await this.checkParents(rel, refuse);
    const dest = rel === '' ? this.root : join(this.root, rel);
    switch (member.kind) {
      case 'directory': {
        if (rel !== '') {
          const existing = await lstat(dest).catch(() => undefined);
          if (existing && !existing.isDirectory())
            return refuse('a non-folder of that name was already written');
          if (!existing) await mkdir(dest, { mode: 0o700 });
          this.written.set(rel, 'directory');
        }
        this.dirTimes.push({ path: dest, mode, mtime: header.mtime });
        await drainEntry(stream);
        return;
      }
      case 'file': {
        const fh = await open(
          dest,
          constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
          0o600,
        );
        try {
          // tar-stream's member streams are streamx streams: read them by iteration
          for await (const chunk of stream) await fh.write(chunk as Buffer);
          await fh.chmod(mode);
          if (this.asRoot) await fh.chown(header.uid ?? 0, header.gid ?? 0);
        } finally {
          await fh.close();
        }
        if (header.mtime) await utimes(dest, header.mtime, header.mtime);
        this.written.set(rel, 'file');
        return;
      }
      case 'symlink': {
        await symlink(header.linkname ?? '', dest);
        if (this.asRoot) await lchown(dest, header.uid ?? 0, header.gid ?? 0);
        if (header.mtime) await lutimes(dest, header.mtime, header.mtime);
        this.written.set(rel, 'symlink');
        await drainEntry(stream);
        return;
      }
      case 'link': {
        await link(join(this.root, member.linkTarget ?? ''), dest);
        this.written.set(rel, 'link');
        await drainEntry(stream);
        return;
      }
    }
  };

  /** Folder modes and times last: writing their contents changed them. */
  async finish(): Promise<void> {
    for (const d of [...this.dirTimes].reverse()) {
      await chmod(d.path, d.mode);
      if (d.mtime) await utimes(d.path, d.mtime, d.mtime);
    }
  }

  /** Every parent must be a real folder inside the root (created when the archive did not list it). */
  private async checkParents(rel: string, refuse: (why: string) => never): Promise<void> {
    const parts = rel.split('/').slice(0, -1);
    let current = this.root;
    for (const part of parts) {
      current = join(current, part);
      const st = await lstat(current).catch(() => undefined);
      if (!st) {
        await mkdir(current, { mode: 0o755 });
        continue;
      }
      if (st.isSymbolicLink()) refuse(throughSymlink(part));
      if (!st.isDirectory()) refuse(notAFolder(part));
    }
  }
}

/** Hardlink names are archive paths ("./a/b"): reduce them like member names. */
function safeLinkName(name: string): string {
  const safe = safeEntryPath(name);
  return 'path' in safe ? safe.path : '/';
}

async function drainEntry(stream: Readable): Promise<void> {
  stream.resume();
  await new Promise<void>((resolve, reject) => {
    stream.once('end', resolve);
    stream.once('error', reject);
  });
}
