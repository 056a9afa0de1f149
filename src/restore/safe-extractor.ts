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

/**
 * Writes tar members into a holding directory and nowhere else. Refused: absolute names, "..",
 * symlinks or hardlinks that resolve outside the directory, any member whose path passes through
 * a symlink, device nodes and FIFOs, and a second member with the same name. Files are created
 * with O_EXCL|O_NOFOLLOW, so nothing that exists is ever overwritten or followed.
 */
export class SafeExtractor {
  /** Relative paths written, with their type. */
  readonly written = new Map<string, 'file' | 'directory' | 'symlink' | 'link'>();
  private readonly dirTimes: { path: string; mode: number; mtime?: Date }[] = [];
  private readonly asRoot = process.getuid?.() === 0;

  constructor(private readonly root: string) {}

  readonly handle = async (header: TarHeader, stream: Readable): Promise<void> => {
    const refuse = (why: string): never => {
      stream.resume();
      throw new UnsafeEntryError(`archive member ${JSON.stringify(header.name)} was refused: ${why}`);
    };
    const safe = safeEntryPath(header.name);
    if ('refused' in safe) return refuse(safe.refused);
    const rel = safe.path;
    if (rel !== '' && this.written.has(rel)) return refuse('the archive holds it twice');
    if (rel !== '') await this.checkParents(rel, refuse);
    const dest = rel === '' ? this.root : join(this.root, rel);
    const mode = (header.mode ?? 0o644) & MODE_MASK;
    switch (header.type) {
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
      case 'file':
      case 'contiguous-file': {
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
        const target = header.linkname ?? '';
        if (resolveInside(target, rel) === undefined) {
          return refuse(`it is a symlink to ${JSON.stringify(target)}, outside the holding directory`);
        }
        await symlink(target, dest);
        if (this.asRoot) await lchown(dest, header.uid ?? 0, header.gid ?? 0);
        if (header.mtime) await lutimes(dest, header.mtime, header.mtime);
        this.written.set(rel, 'symlink');
        await drainEntry(stream);
        return;
      }
      case 'link': {
        const target = resolveInside(safeLinkName(header.linkname ?? ''), undefined);
        if (target === undefined || target === '') {
          return refuse(
            `it is a hardlink to ${JSON.stringify(header.linkname)}, outside the holding directory`,
          );
        }
        if (this.written.get(target) !== 'file') {
          return refuse(
            `it is a hardlink to ${JSON.stringify(header.linkname)}, which is not a file extracted before it`,
          );
        }
        await link(join(this.root, target), dest);
        this.written.set(rel, 'link');
        await drainEntry(stream);
        return;
      }
      default:
        return refuse(`it is a ${header.type ?? 'special file'}; only files, folders and links are restored`);
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
      if (st.isSymbolicLink()) refuse(`its path passes through the symlink ${JSON.stringify(part)}`);
      if (!st.isDirectory()) refuse(`its parent ${JSON.stringify(part)} is not a folder`);
    }
  }
}

/** Hardlink names are archive paths ("./a/b"): reduce them like member names. */
function safeLinkName(name: string): string {
  const safe = safeEntryPath(name);
  return 'path' in safe ? safe.path : '/';
}

/**
 * Reads a member's data to its end. A member destroyed without an error (the walk stopped) ends
 * the wait too: a walk that stopped is then idle, and its clean-up can begin.
 */
export async function drainEntry(stream: Readable): Promise<void> {
  stream.resume();
  await new Promise<void>((resolve, reject) => {
    let ended = false;
    stream.once('end', () => {
      ended = true;
      resolve();
    });
    stream.once('error', reject);
    stream.once('close', () => {
      if (!ended) reject(new Error('the member was closed before its end'));
    });
  });
}
