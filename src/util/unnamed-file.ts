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

/** An O_TMPFILE inode in `folder` (EOPNOTSUPP where its file system has none). */
function openTmpfile(folder: string): number {
  return openSync(folder, O_TMPFILE | constants.O_RDWR, 0o600);
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
 * - Made with O_TMPFILE (never named) in the first of `folders` where that works (the kernel and
 *   file system support it, the folder is writable and has room); list a tmpfs such as /dev/shm
 *   first to keep the bytes in memory. Where none does, the file is created with O_EXCL in a fresh
 *   0700 folder in the last of `folders` and unlinked in the next system call.
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
  // any folder may fail (no O_TMPFILE there, not writable, full): the next is tried, the last error thrown
  const attempts = [
    ...folders.map((f) => () => openTmpfile(f)),
    () => openUnlinked(folders[folders.length - 1]!),
  ];
  let handle: number | undefined;
  let failure: unknown;
  for (const attempt of attempts) {
    let fd: number | undefined;
    try {
      fd = attempt();
      writeAll(fd, Buffer.from(text, 'utf8'));
      handle = fd;
      break;
    } catch (err) {
      if (fd !== undefined) closeSync(fd);
      failure = err;
    }
  }
  if (handle === undefined) throw failure;
  const fd = handle;
  let open = true;
  return {
    path: `${procFd}/${fd}`,
    close: () => {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
