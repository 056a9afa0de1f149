import { constants, fchmod, fchown, futimes } from 'node:fs';
import { lchown, link, lstat, lutimes, mkdir, open, symlink, type FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Readable } from 'node:stream';
import {
  linkTargetBytes,
  memberNameBytes,
  refusedMember,
  typeRefusal,
  UnsafeEntryError,
  type TarHeader,
} from '../archive/member-header.js';
import { memberSegments, segmentsKey } from './entry-path.js';
import { FolderHandles, mkfifoIn, pathIn } from './folder-handles.js';

export { UnsafeEntryError } from '../archive/member-header.js';

const fchmodFd = promisify(fchmod);
const fchownFd = promisify(fchown);
const futimesFd = promisify(futimes);

/** Permission bits kept on restore: setuid and setgid are dropped in a holding directory. */
const MODE_MASK = 0o1777;

type Written = 'file' | 'directory' | 'symlink' | 'link' | 'fifo';

/** The mode, owner and mtime a member gets; for folders, by finish() once everything inside is written. */
interface FolderAttributes {
  segments: Buffer[];
  mode: number;
  uid?: number;
  gid?: number;
  mtime?: Date;
}

/**
 * Writes tar members into a holding directory and nowhere else, byte for byte: names are the
 * stored bytes, folders are reached one name at a time through open folder handles (so depth is
 * no limit), and a symlink is data, restored with whatever target it has.
 *
 * Refused: absolute names, "..", NUL; any member whose path passes through a symlink or a
 * non-folder, judged on disk at the moment of the write (so no chain of links leads a write
 * anywhere); hard links to anything but a non-folder this restore wrote; device nodes; a second
 * member with the same name. Files, links and FIFOs are created exclusively (O_EXCL, link(2),
 * mknod(2)) and opened with O_NOFOLLOW, so nothing that exists is ever overwritten or followed.
 */
export class SafeExtractor {
  /** Every member written, by its byte-exact key (segmentsKey), with its type. */
  private readonly members = new Map<string, Written>();
  private readonly folderAttributes: FolderAttributes[] = [];
  private readonly asRoot = process.getuid?.() === 0;
  private handles: FolderHandles | undefined;

  constructor(private readonly root: string) {}

  /** Relative paths written (those whose names are UTF-8, as strings), with their type. */
  get written(): Map<string, Written> {
    const out = new Map<string, Written>();
    for (const [key, type] of this.members) {
      const bytes = Buffer.from(key, 'latin1');
      const text = bytes.toString('utf8');
      if (Buffer.from(text, 'utf8').equals(bytes)) out.set(text, type);
    }
    return out;
  }

  readonly handle = async (header: TarHeader, stream: Readable): Promise<void> => {
    try {
      await this.write(header, stream);
    } catch (err) {
      // the walk stops here: let go of every folder it held
      stream.resume();
      await this.release();
      throw err;
    }
  };

  private async write(header: TarHeader, stream: Readable): Promise<void> {
    const refuse = (why: string): never => {
      throw refusedMember(header, why);
    };
    const named = memberSegments(memberNameBytes(header));
    if ('refused' in named) return refuse(named.refused);
    const typeRefused = typeRefusal(header);
    if (typeRefused) return refuse(typeRefused);
    // only files have data; every other member's (empty) stream is done with here
    if (header.type !== 'file' && header.type !== 'contiguous-file') await drainEntry(stream);
    const { segments } = named;
    const key = segmentsKey(segments);
    const mode = (header.mode ?? 0o644) & MODE_MASK;
    const owner = this.asRoot ? { uid: header.uid ?? 0, gid: header.gid ?? 0 } : {};
    this.handles ??= await FolderHandles.open(this.root);
    if (segments.length === 0) {
      if (header.type !== 'directory') return refuse('it names the holding directory itself');
      this.folderAttributes.push({ segments, mode, mtime: header.mtime, ...owner });
      return;
    }
    if (this.members.has(key)) return refuse('the archive holds it twice');
    const parent = await this.handles.folder(segments.slice(0, -1), true);
    if ('refused' in parent) return refuse(parent.refused);
    const name = segments[segments.length - 1]!;
    const dest = pathIn(parent, name);
    // created only where nothing has the name yet (open O_EXCL, symlink, link, mknod all say EEXIST)
    const exclusive = <T>(create: () => Promise<T>): Promise<T> =>
      create().catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EEXIST') refuse('a folder of that name was already written');
        throw err;
      });

    switch (header.type) {
      case 'directory': {
        const existing = await lstat(dest).catch(() => undefined);
        if (existing && !existing.isDirectory())
          return refuse('a non-folder of that name was already written');
        if (!existing) await mkdir(dest, { mode: 0o700 });
        this.members.set(key, 'directory');
        this.folderAttributes.push({ segments, mode, mtime: header.mtime, ...owner });
        return;
      }
      case 'file':
      case 'contiguous-file': {
        const fh = await exclusive(() =>
          open(dest, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600),
        );
        await settle(fh, { mode, mtime: header.mtime, ...owner }, async (file) => {
          // tar-stream's member streams are streamx streams: read them by iteration
          for await (const chunk of stream) await file.write(chunk as Buffer);
        });
        this.members.set(key, 'file');
        return;
      }
      case 'symlink': {
        // a symlink is data: restored verbatim, wherever it points; nothing is ever written through one
        const target = linkTargetBytes(header);
        if (target.length === 0) return refuse('it is a symlink with an empty target');
        if (target.includes(0)) return refuse('its symlink target contains a NUL byte');
        await exclusive(() => symlink(target, dest));
        if (owner.uid !== undefined) await lchown(dest, owner.uid, owner.gid!);
        if (header.mtime) await lutimes(dest, header.mtime, header.mtime);
        this.members.set(key, 'symlink');
        return;
      }
      case 'link': {
        const target = memberSegments(linkTargetBytes(header));
        const outside = () =>
          refuse(`it is a hardlink to ${JSON.stringify(header.linkname)}, outside the holding directory`);
        if ('refused' in target || target.segments.length === 0) return outside();
        const targetType = this.members.get(segmentsKey(target.segments));
        if (targetType === undefined || targetType === 'directory') {
          return refuse(
            `it is a hardlink to ${JSON.stringify(header.linkname)}, which is not a file extracted before it`,
          );
        }
        const linked = await this.handles.besideChain(target.segments.slice(0, -1), (from) =>
          exclusive(() => link(pathIn(from, target.segments[target.segments.length - 1]!), dest)),
        );
        if (linked && typeof linked === 'object' && 'refused' in linked) return refuse(linked.refused);
        this.members.set(key, 'link');
        return;
      }
      case 'fifo': {
        await exclusive(() => mkfifoIn(parent, name));
        // O_NONBLOCK: opening a FIFO to read does not wait for a writer
        const fifo = await open(dest, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
        await settle(fifo, { mode, mtime: header.mtime, ...owner });
        this.members.set(key, 'fifo');
        return;
      }
      default:
        return refuse(`it is a ${header.type}; only files, folders, links and FIFOs are restored`);
    }
  }

  /** Folder modes, owners and times last, children before parents: writing their contents changed them. */
  async finish(): Promise<void> {
    try {
      for (const d of [...this.folderAttributes].reverse()) {
        const handles = (this.handles ??= await FolderHandles.open(this.root));
        const folder = await handles.folder(d.segments, false);
        if ('refused' in folder) throw new UnsafeEntryError(`a restored folder changed: ${folder.refused}`);
        if (d.uid !== undefined) await fchownFd(folder.fd, d.uid, d.gid!);
        await fchmodFd(folder.fd, d.mode);
        if (d.mtime) await futimesFd(folder.fd, d.mtime, d.mtime);
      }
    } finally {
      await this.release();
    }
  }

  private async release(): Promise<void> {
    const handles = this.handles;
    this.handles = undefined;
    await handles?.close();
  }
}

/**
 * Fills (`write`) and then gives the member its mode, owner and mtime through the handle it was
 * created with, never by path, and closes it.
 */
async function settle(
  fh: FileHandle,
  a: Omit<FolderAttributes, 'segments'>,
  write?: (fh: FileHandle) => Promise<void>,
): Promise<void> {
  try {
    await write?.(fh);
    await fh.chmod(a.mode);
    if (a.uid !== undefined) await fh.chown(a.uid, a.gid!);
    if (a.mtime) await fh.utimes(a.mtime, a.mtime);
  } finally {
    await fh.close();
  }
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
