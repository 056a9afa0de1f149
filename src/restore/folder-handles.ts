import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  unlinkSync,
} from 'node:fs';
import { quotedName } from '../archive/member-header.js';
import { EnvironmentError } from '../util/errors.js';

/*
 * Every call here is synchronous: a restore of many small files is a few system calls per member,
 * and each asynchronous call is a round trip through the thread pool that costs more than the
 * call itself (200,000 files: 173 s with fs/promises, see bench/NOTES.md). Each call is one short
 * system call on an open folder; the event loop waits no longer than that.
 */

/** Opens a folder and nothing else: a symlink in its place fails (ELOOP), so does a non-folder (ENOTDIR). */
const FOLDER_FLAGS = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW;

/**
 * Linux names one entry of an open folder N as "/proc/self/fd/N/name": the kernel resolves the
 * open folder itself, then one name, which is what openat(2) does (Node has no openat). Where
 * there is no /proc, a folder is named by its full path instead (the same checks, within
 * PATH_MAX).
 */
const PROC_FD = '/proc/self/fd';
let procFd: boolean | undefined;

/** An open folder below the restore's root. */
export interface Folder {
  fd: number;
  /** The path that names this folder to the kernel: "/proc/self/fd/N", or its full path. */
  base: Buffer;
  /** `base` and a slash: what pathIn puts before a name (made once per folder, not per member). */
  prefix: Buffer;
  /** The group a file created in it gets (safe-extractor.ts's newOwner, read once). */
  newGid?: number;
}

export type Refusal = { refused: string };

/** `name` inside `folder`: a short prefix and one name, however deep the folder is. */
export function pathIn(folder: Folder, name: Buffer): Buffer {
  return Buffer.concat([folder.prefix, name], folder.prefix.length + name.length);
}

function folderOf(fd: number, path: Buffer): Folder {
  procFd ??= existsSync(PROC_FD);
  const base = procFd ? Buffer.from(`${PROC_FD}/${fd}`) : path;
  return { fd, base, prefix: Buffer.concat([base, Buffer.from('/')]) };
}

/**
 * Opens the folder `name` inside `parent`, creating it (mode 0755) when it is missing and
 * `create` says so. A symlink or a non-folder in its place is refused, judged by what is on disk
 * at this moment, not by what the archive said before.
 */
function openChild(parent: Folder, name: Buffer, create: boolean): Folder | Refusal {
  const path = pathIn(parent, name);
  for (let attempt = 0; ; attempt++) {
    try {
      return folderOf(openSync(path, FOLDER_FLAGS), path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Linux answers ENOTDIR for a symlink opened with O_DIRECTORY|O_NOFOLLOW, others ELOOP
      if (code === 'ELOOP' || code === 'ENOTDIR') {
        const isLink = code === 'ELOOP' || lstatSync(path).isSymbolicLink();
        return {
          refused: isLink
            ? `its path passes through the symlink ${quotedName(name)}`
            : `its parent ${quotedName(name)} is not a folder`,
        };
      }
      if (code !== 'ENOENT' || !create || attempt > 0) throw err;
      try {
        mkdirSync(path, { mode: 0o755 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
  }
}

/**
 * The folders of a restore, reached from its root one name at a time through open folder handles
 * (openat-style), never through a path string the kernel would resolve whole: a symlink on the way
 * is refused at the moment of each write, wherever it leads, and no path is longer than a short
 * prefix and one name, so trees deeper than PATH_MAX restore. The chain of folders opened for
 * the last member stays open: the next one is usually in the same folder.
 */
export class FolderHandles {
  private readonly chain: { name: Buffer; folder: Folder }[] = [];

  private constructor(readonly root: Folder) {}

  static open(root: string): FolderHandles {
    const path = Buffer.from(root);
    return new FolderHandles(folderOf(openSync(path, FOLDER_FLAGS), path));
  }

  /** The folder at `segments` below the root (the root for none), or why a step on the way is refused. */
  folder(segments: Buffer[], create: boolean): Folder | Refusal {
    let kept = 0;
    while (
      kept < this.chain.length &&
      kept < segments.length &&
      this.chain[kept]!.name.equals(segments[kept]!)
    )
      kept++;
    this.closeFrom(kept);
    for (let i = kept; i < segments.length; i++) {
      const parent = i === 0 ? this.root : this.chain[i - 1]!.folder;
      const child = openChild(parent, segments[i]!, create);
      if ('refused' in child) return child;
      this.chain.push({ name: segments[i]!, folder: child });
    }
    return segments.length === 0 ? this.root : this.chain[segments.length - 1]!.folder;
  }

  /**
   * Runs `act` with a second folder open beside the chain (a hard link's target folder), walked
   * from the root the same way and closed afterwards.
   */
  besideChain<T>(segments: Buffer[], act: (folder: Folder) => T): T | Refusal {
    const opened: Folder[] = [];
    try {
      let current = this.root;
      for (const name of segments) {
        const child = openChild(current, name, false);
        if ('refused' in child) return child;
        opened.push(child);
        current = child;
      }
      return act(current);
    } finally {
      for (const f of opened) closeSync(f.fd);
    }
  }

  private closeFrom(index: number): void {
    while (this.chain.length > index) closeSync(this.chain.pop()!.folder.fd);
  }

  /** Closes every folder, the root last. */
  close(): void {
    this.closeFrom(0);
    closeSync(this.root.fd);
  }
}

/**
 * Makes the FIFO `name` inside `folder`; EEXIST when anything has that name. Node cannot make a
 * FIFO: mkfifo(1) makes one under a random ASCII name, reaching the folder as its own fd 3 (the
 * folder this restore holds open, at any depth), and link(2) gives it its name bytes, failing
 * rather than replacing anything.
 */
export async function mkfifoIn(folder: Folder, name: Buffer): Promise<void> {
  const temp = Buffer.from(`.lifeboat-fifo-${randomBytes(8).toString('hex')}`);
  const viaFd = procFd === true;
  const arg = viaFd ? `${PROC_FD}/3/${temp.toString()}` : pathIn(folder, temp).toString();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('mkfifo', ['-m', '600', arg], {
      stdio: ['ignore', 'ignore', 'pipe', viaFd ? folder.fd : 'ignore'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new EnvironmentError(
              'mkfifo is not installed on this machine: restoring a FIFO needs it (coreutils or busybox)',
            )
          : err,
      ),
    );
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`mkfifo failed: ${stderr.trim() || `exit status ${code}`}`)),
    );
  });
  try {
    linkSync(pathIn(folder, temp), pathIn(folder, name));
  } finally {
    unlinkSync(pathIn(folder, temp));
  }
}
