import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  linkSync,
  lstatSync,
  lutimesSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Trees as real volumes hold them, past what a path string can say: names that are bytes (Latin-1
 * next to UTF-8), folders nested past PATH_MAX, symlinks with any target, hard links, FIFOs,
 * sockets, empty folders, odd modes. Every step below the root goes through an open folder
 * ("/proc/self/fd/N/name", as openat would), so no path handed to the kernel is long; this is the
 * test's own walker, written apart from the extractor it checks.
 */

const FD = '/proc/self/fd';
const O_DIR = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW;

/** A name inside the open folder `fd`. */
function at(fd: number, name: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${FD}/${fd}/`), name]);
}

const b = (s: string | Buffer): Buffer => (typeof s === 'string' ? Buffer.from(s) : s);

/** Opens (creating on the way) the folder `segments` below `rootFd`; the caller closes it. */
function openFolder(rootFd: number, segments: Buffer[]): number {
  let fd = openSync(at(rootFd, Buffer.from('.')), O_DIR);
  for (const s of segments) {
    try {
      mkdirSync(at(fd, s), { mode: 0o755 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const next = openSync(at(fd, s), O_DIR);
    closeSync(fd);
    fd = next;
  }
  return fd;
}

/** Splits a byte path on "/". */
export function splitBytes(path: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i === path.length || path[i] === 0x2f) {
      if (i > start) out.push(path.subarray(start, i));
      start = i + 1;
    }
  }
  return out;
}

/** Writes below a root through folder handles, whatever the depth and the name bytes. */
export class TreeWriter {
  private readonly rootFd: number;

  constructor(readonly root: string) {
    this.rootFd = openSync(root, O_DIR);
  }

  private in<T>(path: string | Buffer, act: (fd: number, name: Buffer) => T): T {
    const parts = splitBytes(b(path));
    const fd = openFolder(this.rootFd, parts.slice(0, -1));
    try {
      return act(fd, parts[parts.length - 1]!);
    } finally {
      closeSync(fd);
    }
  }

  file(path: string | Buffer, data: string | Buffer, mode = 0o644): void {
    this.in(path, (fd, name) => {
      writeFileSync(at(fd, name), data);
      chmodSync(at(fd, name), mode);
    });
  }

  dir(path: string | Buffer, mode = 0o755): void {
    this.in(path, (fd, name) => {
      mkdirSync(at(fd, name));
      chmodSync(at(fd, name), mode);
    });
  }

  symlink(path: string | Buffer, target: string | Buffer): void {
    this.in(path, (fd, name) => symlinkSync(b(target), at(fd, name)));
  }

  hardlink(path: string | Buffer, existing: string | Buffer): void {
    const from = splitBytes(b(existing));
    const fromFd = openFolder(this.rootFd, from.slice(0, -1));
    try {
      this.in(path, (fd, name) => linkSync(at(fromFd, from[from.length - 1]!), at(fd, name)));
    } finally {
      closeSync(fromFd);
    }
  }

  /** mkfifo(1) runs with the folder as its fd 3, so the name may be any bytes (passed as ASCII, then linked). */
  fifo(path: string, mode = 0o644): void {
    this.in(path, (fd, name) => {
      execFileSync('mkfifo', ['-m', mode.toString(8), `${FD}/3/${name.toString()}`], {
        stdio: ['ignore', 'ignore', 'inherit', fd],
      });
    });
  }

  /** A Unix socket left behind by a server (what a crashed app leaves in its data folder). */
  async socket(path: string): Promise<void> {
    const server = createServer();
    const bound = join(this.root, `${path}.bound`);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(bound, resolve);
    });
    // close() unlinks the name it bound: a second name keeps the socket file, as a crash would
    linkSync(bound, join(this.root, path));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** A character device (needs root): what a chroot's /dev holds. */
  device(path: string): void {
    execFileSync('mknod', [join(this.root, path), 'c', '1', '3']);
  }

  /** Every entry, children first, gets the same mtime (symlinks themselves, not their targets). */
  setTimes(time: Date): void {
    const walk = (fd: number) => {
      for (const name of readdirSync(at(fd, Buffer.from('.')), { encoding: 'buffer' })) {
        const p = at(fd, name);
        if (lstatSync(p).isDirectory()) {
          const child = openSync(p, O_DIR);
          try {
            walk(child);
          } finally {
            closeSync(child);
          }
        }
        lutimesSync(p, time, time);
      }
    };
    walk(this.rootFd);
    lutimesSync(at(this.rootFd, Buffer.from('.')), time, time);
  }

  close(): void {
    closeSync(this.rootFd);
  }
}

export interface EntryDescription {
  type: 'file' | 'dir' | 'symlink' | 'fifo' | 'socket' | 'device' | 'other';
  mode: string;
  mtime: number;
  size?: number;
  sha256?: string;
  /** Link target bytes, hex. */
  target?: string;
  /** Files only: the names (hex) of every other entry that is the same inode (hard links). */
  linkedWith?: string[];
}

/** Hex of name bytes, with the printable form beside it for a readable diff. */
export function nameKey(name: Buffer): string {
  const text = name.toString('latin1').replace(/[^\x20-\x7e]/g, '?');
  const shown = text.length > 60 ? `${text.slice(0, 28)}...${text.slice(-28)}` : text;
  return `${shown} [${createHash('sha256').update(name).digest('hex').slice(0, 16)}]`;
}

/**
 * Everything that must survive a round trip, by name bytes: type, mode bits, mtime (seconds),
 * size and content sha256, link target bytes, and which files are hard links of each other. The
 * root itself is the entry "." (its mode and mtime come back from the archive's "./" member).
 */
export function describeTreeBytes(root: string): Record<string, EntryDescription> {
  const out: Record<string, EntryDescription> = {};
  const inodes = new Map<string, string[]>();
  const rootFd = openSync(root, O_DIR);
  const describe = (p: Buffer, rel: Buffer): EntryDescription => {
    const st = lstatSync(p);
    const base = { mode: (st.mode & 0o7777).toString(8), mtime: Math.floor(st.mtimeMs / 1000) };
    if (st.isSymbolicLink())
      return {
        type: 'symlink',
        target: readlinkSync(p, { encoding: 'buffer' }).toString('hex'),
        ...base,
        mode: '',
      };
    if (st.isDirectory()) return { type: 'dir', ...base };
    if (st.isFIFO()) return { type: 'fifo', ...base };
    if (st.isSocket()) return { type: 'socket', ...base };
    if (st.isCharacterDevice() || st.isBlockDevice()) return { type: 'device', ...base };
    if (!st.isFile()) return { type: 'other', ...base };
    if (st.nlink > 1) {
      const id = `${st.dev}:${st.ino}`;
      inodes.set(id, [...(inodes.get(id) ?? []), nameKey(rel)]);
    }
    return {
      type: 'file',
      size: st.size,
      sha256: createHash('sha256').update(readFileSync(p)).digest('hex'),
      ...base,
      ...(st.nlink > 1 ? { linkedWith: [`${st.dev}:${st.ino}`] } : {}),
    };
  };
  const walk = (fd: number, rel: Buffer) => {
    const names = readdirSync(at(fd, Buffer.from('.')), { encoding: 'buffer' }).sort(Buffer.compare);
    for (const name of names) {
      const childRel = rel.length ? Buffer.concat([rel, Buffer.from('/'), name]) : name;
      const p = at(fd, name);
      const d = describe(p, childRel);
      out[nameKey(childRel)] = d;
      if (d.type === 'dir') {
        const child = openSync(p, O_DIR);
        try {
          walk(child, childRel);
        } finally {
          closeSync(child);
        }
      }
    }
  };
  try {
    out['.'] = describe(at(rootFd, Buffer.from('.')), Buffer.alloc(0));
    walk(rootFd, Buffer.alloc(0));
  } finally {
    closeSync(rootFd);
  }
  // hard links: each file names the others of its inode (inode numbers differ between trees)
  for (const d of Object.values(out)) {
    if (d.linkedWith) {
      const names = inodes.get(d.linkedWith[0]!) ?? [];
      d.linkedWith = names.sort();
    }
  }
  return out;
}

export function tempRoot(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
