import { statfs } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import { EnvironmentError } from './errors.js';

/**
 * The error codes of this machine's operating system that say the machine failed (its disks, its
 * limits, its programs), never the data lifeboat was handling, with what each means and what
 * fixes it. A code is looked up here and nowhere else; an error whose code is in this table is an
 * environment fault wherever it arises (the archive it was reading is not judged by it).
 */
interface RunnerFault {
  /** Matches only errors of this system call (a prefix: "spawn" for a program that is missing). */
  syscall?: string;
  /** What happened, said of the path the error is about (`at`: " at /tmp/x" or ""). */
  cause(at: string, path: string | undefined, err: SystemError): string | Promise<string>;
  /** What a person does about it. */
  fix: string;
  /** A fault of room (space, inodes, quota): the caller's word on how much it needs is added. */
  room?: true;
}

const RUNNER_FAULTS: Readonly<Record<string, readonly RunnerFault[]>> = {
  ENOSPC: [
    {
      cause: fullFileSystem,
      fix: 'free space (or inodes) on that file system, or choose a directory on a larger one',
      room: true,
    },
  ],
  EDQUOT: [
    {
      cause: (at) => `the disk quota of this user is used up${at}`,
      fix: 'free space within the quota or raise it',
      room: true,
    },
  ],
  EMFILE: [
    {
      cause: () => 'this process has as many files open as its limit allows',
      fix: 'raise the limit (ulimit -n 65536)',
    },
  ],
  ENFILE: [
    {
      cause: () => 'this machine has as many files open as it allows',
      fix: 'stop what holds them or raise fs.file-max',
    },
  ],
  ENAMETOOLONG: [
    {
      cause: (at) => `a path is longer than this machine allows${at}`,
      fix: 'choose a directory with a shorter path',
    },
  ],
  EROFS: [{ cause: (at) => `the file system is read-only${at}`, fix: 'choose a writable directory' }],
  EIO: [
    {
      cause: (at) => `the disk reported an input/output error${at}`,
      fix: 'check the disk (dmesg)',
    },
  ],
  ENOMEM: [{ cause: () => 'this machine ran out of memory', fix: 'free memory' }],
  EACCES: [
    {
      cause: (at) => `permission denied${at}`,
      fix: 'run as a user that may write there, or choose a directory that user owns',
    },
  ],
  EPERM: [
    {
      cause: (at) => `the operation is not permitted${at}`,
      fix: 'run as a user that may do it (root keeps owners), or choose a directory that user owns',
    },
  ],
  ENOENT: [
    {
      syscall: 'spawn',
      // spawn names the program, not a path
      cause: (_at, _path, e) =>
        typeof e.path === 'string'
          ? `the program ${e.path} is not installed`
          : 'a program lifeboat runs is not installed',
      fix: 'install it or put it on PATH',
    },
    {
      cause: (at) => `a file or folder lifeboat was using was removed by something else${at}`,
      fix: 'keep temp-directory cleaners away from it',
    },
  ],
};

interface SystemError {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
  /** symlink(2), link(2), rename(2): the path being made (`path` is the link's target). */
  dest?: unknown;
}

/** The absolute path a system error is about: what was being made, else the path it names. */
function pathOf(e: SystemError): string | undefined {
  const path = typeof e.dest === 'string' ? e.dest : e.path;
  // a path through an open folder handle (/proc/self/fd/N/..., as the safe extractor writes) names
  // no place a person can look at, and its handle is closed by now: the caller's place is named instead
  if (typeof path !== 'string' || !isAbsolute(path) || path.startsWith('/proc/self/fd/')) return undefined;
  return path;
}

function faultOf(err: unknown): RunnerFault | undefined {
  const e = (err ?? {}) as SystemError;
  if (typeof e.code !== 'string' || !Object.hasOwn(RUNNER_FAULTS, e.code)) return undefined;
  const syscall = typeof e.syscall === 'string' ? e.syscall : '';
  return RUNNER_FAULTS[e.code]!.find((f) => f.syscall === undefined || syscall.startsWith(f.syscall));
}

/** Whether an error is one of this machine's failures (RUNNER_FAULTS). */
export function isRunnerFault(err: unknown): boolean {
  return faultOf(err) !== undefined;
}

/** What the job knows of where and how much it writes, to explain a fault of its machine. */
export interface RunnerFaultContext {
  /** How much room the job needs, said for a fault of room ("the snapshot needs 1.2 GiB in 5,000 entries"). */
  needs?: string;
  /** The directory it writes into: named and examined when the error names no path (a write(2)). */
  place?: string;
}

/**
 * The EnvironmentError a person reads for a runner fault: what lifeboat was doing, what happened
 * (for a full file system, whether space or inodes ran out), the code, and the fix.
 */
export async function explainRunnerFault(
  err: unknown,
  doing: string,
  { needs = '', place }: RunnerFaultContext = {},
): Promise<EnvironmentError> {
  const fault = faultOf(err);
  const e = err as SystemError;
  const path = pathOf(e) ?? place;
  if (!fault) return new EnvironmentError(`${doing} failed: ${String(err)}`, { cause: err });
  const cause = await fault.cause(path ? ` at ${path}` : '', path, e);
  return new EnvironmentError(
    `${doing} failed on this machine, not because of the data: ${String(e.code)}, ${cause}. ` +
      `${fault.room && needs ? `${capitalized(needs)}: ${fault.fix}` : capitalized(fault.fix)}, then run again.`,
    { cause: err },
  );
}

/** ENOSPC means no free blocks or no free inodes: statfs says which (tmpfs nr_inodes, ext4 -N). */
async function fullFileSystem(at: string, path: string | undefined): Promise<string> {
  const fs = path ? await statfsNear(path) : undefined;
  if (fs && fs.ffree === 0 && fs.files > 0)
    return `the file system${at} has no free inodes left (df -i): it holds as many files as it can`;
  return `the file system${at} has no free space left (df -h)`;
}

/** statfs of a path, or of the nearest folder above it that exists (a file that was never created). */
async function statfsNear(path: string): Promise<{ ffree: number; files: number } | undefined> {
  for (let p = path; ; p = dirname(p)) {
    const s = await statfs(p).catch(() => undefined);
    if (s || dirname(p) === p) return s;
  }
}

function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
