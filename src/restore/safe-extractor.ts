import { isUtf8 } from 'node:buffer';
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  futimesSync,
  lchownSync,
  linkSync,
  lstatSync,
  lutimesSync,
  mkdirSync,
  openSync,
  readFileSync,
  symlinkSync,
  writeSync,
} from 'node:fs';
import type { Readable } from 'node:stream';
import {
  linkTargetBytes,
  memberNameBytes,
  refusedMember,
  typeRefusal,
  UnsafeEntryError,
  type TarHeader,
} from '../archive/member-header.js';
import { memberEnd } from '../archive/member-end.js';
import { memberSegments, segmentsKey } from './entry-path.js';
import { FolderHandles, mkfifoIn, pathIn, type Folder } from './folder-handles.js';

export { UnsafeEntryError } from '../archive/member-header.js';

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

/** Created exclusively, never through a symlink: anything already of that name fails with EEXIST. */
const CREATE_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

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
 *
 * The system calls are synchronous (folder-handles.ts says why): a member's data arrives as
 * events of its stream and each chunk is written as it comes; only the wait for the next chunk
 * and the making of a FIFO yield to the event loop.
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
      if (isUtf8(bytes)) out.set(bytes.toString('utf8'), type);
    }
    return out;
  }

  readonly handle = async (header: TarHeader, stream: Readable): Promise<void> => {
    try {
      await this.write(header, stream);
    } catch (err) {
      // the walk stops here: let go of every folder it held
      stream.resume();
      this.release();
      throw err;
    }
  };

  private async write(header: TarHeader, stream: Readable): Promise<void> {
    const named = memberSegments(memberNameBytes(header));
    if ('refused' in named) return refuse(header, named.refused);
    const typeRefused = typeRefusal(header);
    if (typeRefused) return refuse(header, typeRefused);
    // only files have data; every other member's (empty) stream is done with here
    if (header.type !== 'file' && header.type !== 'contiguous-file') await drainEntry(stream);
    const { segments } = named;
    const key = segmentsKey(segments);
    const mode = (header.mode ?? 0o644) & MODE_MASK;
    // the owner is restored as root only; a member's own fields, not an object per member
    const uid = this.asRoot ? (header.uid ?? 0) : undefined;
    const gid = this.asRoot ? (header.gid ?? 0) : undefined;
    this.handles ??= FolderHandles.open(this.root);
    if (segments.length === 0) {
      if (header.type !== 'directory') return refuse(header, 'it names the holding directory itself');
      this.folderAttributes.push({ segments, mode, mtime: header.mtime, uid, gid });
      return;
    }
    if (this.members.has(key)) return refuse(header, 'the archive holds it twice');
    const parent = this.handles.folder(segments.slice(0, -1), true);
    if ('refused' in parent) return refuse(header, parent.refused);
    const name = segments[segments.length - 1]!;
    const dest = pathIn(parent, name);

    switch (header.type) {
      case 'directory': {
        const existing = lstatSync(dest, { throwIfNoEntry: false });
        if (existing && !existing.isDirectory())
          return refuse(header, 'a non-folder of that name was already written');
        if (!existing) mkdirSync(dest, { mode: 0o700 });
        this.members.set(key, 'directory');
        this.folderAttributes.push({ segments, mode, mtime: header.mtime, uid, gid });
        return;
      }
      case 'file':
      case 'contiguous-file': {
        // made with its own mode where the umask keeps it whole: no one else reaches the holding
        // directory (mode 0700 until finish), and an fd opened to create a file writes whatever its mode
        const keeps = umaskKeeps(mode);
        const fd = exclusive(header, () => openSync(dest, CREATE_FILE, keeps ? mode : 0o600));
        try {
          await writeData(fd, stream);
          settle(fd, mode, uid, gid, header.mtime, keeps ? mode : undefined, parent);
        } finally {
          closeSync(fd);
        }
        this.members.set(key, 'file');
        return;
      }
      case 'symlink': {
        // a symlink is data: restored verbatim, wherever it points; nothing is ever written through one
        const target = linkTargetBytes(header);
        if (target.length === 0) return refuse(header, 'it is a symlink with an empty target');
        if (target.includes(0)) return refuse(header, 'its symlink target contains a NUL byte');
        exclusive(header, () => symlinkSync(target, dest));
        if (uid !== undefined) lchownSync(dest, uid, gid!);
        if (header.mtime) lutimesSync(dest, header.mtime, header.mtime);
        this.members.set(key, 'symlink');
        return;
      }
      case 'link': {
        const target = memberSegments(linkTargetBytes(header));
        const outside = () =>
          refuse(
            header,
            `it is a hardlink to ${JSON.stringify(header.linkname)}, outside the holding directory`,
          );
        if ('refused' in target || target.segments.length === 0) return outside();
        const targetType = this.members.get(segmentsKey(target.segments));
        if (targetType === undefined || targetType === 'directory') {
          return refuse(
            header,
            `it is a hardlink to ${JSON.stringify(header.linkname)}, which is not a file extracted before it`,
          );
        }
        const linked = this.handles.besideChain(target.segments.slice(0, -1), (from) =>
          exclusive(header, () => linkSync(pathIn(from, target.segments[target.segments.length - 1]!), dest)),
        );
        if (linked && typeof linked === 'object' && 'refused' in linked)
          return refuse(header, linked.refused);
        this.members.set(key, 'link');
        return;
      }
      case 'fifo': {
        await mkfifoIn(parent, name).catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'EEXIST') refuse(header, 'a folder of that name was already written');
          throw err;
        });
        // O_NONBLOCK: opening a FIFO to read does not wait for a writer
        const fifo = openSync(dest, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
        try {
          settle(fifo, mode, uid, gid, header.mtime);
        } finally {
          closeSync(fifo);
        }
        this.members.set(key, 'fifo');
        return;
      }
      default:
        return refuse(header, `it is a ${header.type}; only files, folders, links and FIFOs are restored`);
    }
  }

  /** Folder modes, owners and times last, children before parents: writing their contents changed them. */
  async finish(): Promise<void> {
    try {
      for (const d of [...this.folderAttributes].reverse()) {
        const handles = (this.handles ??= FolderHandles.open(this.root));
        const folder = handles.folder(d.segments, false);
        if ('refused' in folder) throw new UnsafeEntryError(`a restored folder changed: ${folder.refused}`);
        settle(folder.fd, d.mode, d.uid, d.gid, d.mtime);
      }
    } finally {
      this.release();
    }
  }

  private release(): void {
    const handles = this.handles;
    this.handles = undefined;
    handles?.close();
  }
}

/**
 * Writes a member's data into `fd` as its chunks arrive; settles at the member's end, or with the
 * first error (of the write or of the stream). The caller resumes a stream it gave up on.
 */
function writeData(fd: number, stream: Readable): Promise<void> {
  // one promise and four plain listeners per file (memberEnd's `once` wrappers and second promise
  // cost more than the write of a small file's data: bench/NOTES.md); the stream is this member's
  // alone and is dropped at its end, so nothing is removed
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    let ended = false;
    stream.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at);
      } catch (err) {
        failed = true;
        stream.pause();
        reject(err as Error);
      }
    });
    stream.on('end', () => {
      ended = true;
      resolve();
    });
    stream.on('error', reject);
    // a member destroyed without an error (the walk stopped) is not whole
    stream.on('close', () => {
      if (!ended) reject(new Error('the member was closed before its end'));
    });
  });
}

/** Stops the walk at `header`: the member is refused, for `why`. */
function refuse(header: TarHeader, why: string): never {
  throw refusedMember(header, why);
}

/** Runs a creation that fails with EEXIST when anything has the name (open O_EXCL, symlink, link). */
function exclusive<T>(header: TarHeader, create: () => T): T {
  try {
    return create();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      refuse(header, 'a folder of that name was already written');
    throw err;
  }
}

/**
 * The umask of this process, read once from /proc/self/status (process.umask() can only read it
 * by setting it); undefined where it cannot be read, and then every mode is set by fchmod.
 */
let umask: number | null | undefined;
function processUmask(): number | undefined {
  if (umask === undefined) {
    umask = null;
    try {
      for (const line of readFileSync('/proc/self/status', 'latin1').split('\n')) {
        const [field, value] = line.split(':');
        if (field === 'Umask' && value !== undefined) umask = Number.parseInt(value.trim(), 8);
      }
    } catch {
      // no /proc: fchmod every time
    }
  }
  return umask ?? undefined;
}

/**
 * Whether a file can be created with its own mode: the umask leaves every bit of it (it then needs
 * no fchmod); otherwise it is created 0600 and settle() sets its mode.
 */
function umaskKeeps(mode: number): boolean {
  const mask = processUmask();
  return mask !== undefined && mode <= 0o777 && (mode & mask) === 0;
}

/** The set-group-ID bit of a folder's mode (node's fs.constants has no name for it). */
const S_ISGID = 0o2000;

/** The process's effective ids: a file it creates gets its uid, and its gid unless the folder is setgid. */
const EFFECTIVE = { uid: process.geteuid?.() ?? -1, gid: process.getegid?.() ?? -1 };

/** The group a file created in `folder` gets (fstat of the folder once: a setgid folder gives its own). */
function newGid(folder: Folder): number {
  if (folder.newGid === undefined) {
    const st = fstatSync(folder.fd);
    folder.newGid = st.mode & S_ISGID ? st.gid : EFFECTIVE.gid;
  }
  return folder.newGid;
}

/**
 * Gives a member its mode, owner (uid undefined: not restored) and mtime through the handle it was
 * created with, never by path. For a file this restore just created in `createdIn`: `createdMode`
 * is the mode it has from its creation (undefined: not known), and its owner is the one a file
 * created there gets (this process's uid, the folder's group rule); what already matches is not
 * set again.
 */
function settle(
  fd: number,
  mode: number,
  uid: number | undefined,
  gid: number | undefined,
  mtime: Date | undefined,
  createdMode?: number,
  createdIn?: Folder,
): void {
  // the owner first: a change of owner may clear mode bits, never the reverse
  const chown =
    uid !== undefined && (createdIn === undefined || uid !== EFFECTIVE.uid || gid !== newGid(createdIn));
  if (chown) fchownSync(fd, uid, gid!);
  if (chown || createdIn === undefined || mode !== createdMode) fchmodSync(fd, mode);
  if (mtime) futimesSync(fd, mtime, mtime);
}

/**
 * Reads a member's data to its end. A member destroyed without an error (the walk stopped) ends
 * the wait too: a walk that stopped is then idle, and its clean-up can begin.
 */
export async function drainEntry(stream: Readable): Promise<void> {
  stream.resume();
  await memberEnd(stream);
}
