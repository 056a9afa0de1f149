import {
  closeSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * Linux's O_TMPFILE as open(2) takes it (__O_TMPFILE | O_DIRECTORY; the same value on x86-64 and
 * arm64). Node's fs.constants does not export it.
 */
const O_TMPFILE = 0o20000000 | constants.O_DIRECTORY;

/** A file with no name in any folder, alive while this process holds its descriptor. */
export interface UnnamedFile {
  /** The path another process of this user opens to read it: /proc/<this pid>/fd/<descriptor>. */
  readonly path: string;
  /** Closes the descriptor: the kernel frees the file. Safe to call twice. */
  close(): void;
}

/** Writes all of `bytes` at the descriptor's offset (writeSync may write less than asked). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
}

/** An O_TMPFILE inode in `folder`, or undefined where the file system or kernel has none. */
function openTmpfile(folder: string): number | undefined {
  try {
    return openSync(folder, O_TMPFILE | constants.O_RDWR, 0o600);
  } catch (err) {
    // EOPNOTSUPP: a file system without it; EISDIR: a kernel older than 3.11; ENOENT: no such folder
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EOPNOTSUPP' || code === 'EISDIR' || code === 'ENOENT' || code === 'EINVAL')
      return undefined;
    throw err;
  }
}

/** A 0600 file made with O_EXCL in a fresh 0700 folder and unlinked at once, with its folder. */
function openUnlinked(folder: string): number {
  const dir = mkdtempSync(join(folder, 'lifeboat-secret-'));
  try {
    const file = join(dir, 'f');
    const fd = openSync(file, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL, 0o600);
    unlinkSync(file);
    return fd;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Secret text (an SSH private key) in a file that no folder names, so that no kill of this process
 * or of its children can leave it on disk: the kernel frees the file when the last descriptor
 * closes, which a SIGKILL does too.
 *
 * - Made with O_TMPFILE (never named) in the first of `folders` that supports it; list a tmpfs
 *   such as /dev/shm first to keep the bytes in memory. Where none does, the file is created with
 *   O_EXCL in a fresh 0700 folder and unlinked in the next system call.
 * - Another process of this user reads it through /proc/<pid>/fd/<n>: open(2) of that link opens
 *   the same inode afresh at offset 0, so a reader may open it any number of times (OpenSSH opens
 *   an IdentityFile more than once, known_hosts twice). A descriptor inherited by the child
 *   (/dev/fd/3) does not work for OpenSSH: ssh closes every descriptor above 2 as it starts
 *   (measured with OpenSSH 9.2: 'Load key "/dev/fd/3": No such device or address').
 * - Returns undefined where this process has no /proc/<pid>/fd (not Linux): the caller decides.
 */
export function openUnnamedFile(text: string, folders: readonly string[]): UnnamedFile | undefined {
  const procFd = `/proc/${process.pid}/fd`;
  if (!existsSync(procFd)) return undefined;
  let fd: number | undefined;
  for (const folder of folders) {
    fd = openTmpfile(folder);
    if (fd !== undefined) break;
  }
  const handle = fd ?? openUnlinked(folders[folders.length - 1]!);
  try {
    writeAll(handle, Buffer.from(text, 'utf8'));
  } catch (err) {
    closeSync(handle);
    throw err;
  }
  let open = true;
  return {
    path: `${procFd}/${handle}`,
    close: () => {
      if (open) closeSync(handle);
      open = false;
    },
  };
}
