import { randomBytes } from 'node:crypto';
import type { IndexEntry, IndexEntryType } from '../catalog/snapshot-index.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import { lastLine } from '../util/process.js';
import { shWord } from '../util/shell.js';
import { LOST_AND_FOUND, PRE_RESTORE_PREFIX, RESTORE_FOLDER } from './volume-contents.js';

/**
 * What is live on a machine's volume now, listed there in one walk and read here as index entries
 * (snapshot-index.ts), so that the restore plan compares it with the snapshot's index by the one
 * diff (catalog/index-diff.ts). No content is read or sent: one record a path, streamed.
 *
 * Two listings, whichever the machine has:
 * - GNU find: `-printf` writes each record as `meta NAME\0LINK\0`, the name and the symlink target
 *   as their raw bytes (non-UTF-8 names survive; a NUL is the one byte a name cannot hold);
 * - otherwise (busybox, POSIX): `find -exec stat -c FORMAT {} +` (busybox's stat has -c and no
 *   NUL output), one line a record: a token, the meta fields, the name last and raw. The token is
 *   random, drawn on the runner for this one listing (after every name on the machine was made),
 *   and begins every record and the end status: a line that does not begin with it is the rest of
 *   a name that holds a newline, however much it looks like a record. stat gives no symlink
 *   target: those entries carry none, and the diff then does not compare targets (index-diff.ts).
 * The first line says which (`LIFEBOAT-LIST gnu`, `LIFEBOAT-LIST stat TOKEN`), the last how find
 * ended (`LIFEBOAT-LIST end=N`, `TOKEN end=N`); a machine with neither says `err=tools`, a path
 * that is not a folder `err=nopath`. lifeboat's own folders and lost+found (volume-contents.ts) are
 * pruned: a swap
 * never moves them.
 *
 * Regular files carry their size and mtime (no hash: nothing is read); folders and links size 0,
 * as in the index. A second name of an inode already listed is a hard link to the first, as tar
 * writes it (both walk the folder in its readdir order).
 */

const PREFIX = 'LIFEBOAT-LIST ';

/** Why the machine's tree could not be listed (a missing tool, a path that is not there, find failing). */
export class LiveListingError extends Error {
  override readonly name = 'LiveListingError';
}

/** find's expression that leaves out what is not data at the volume's top. */
function pruned(): string {
  const paths = [LOST_AND_FOUND, RESTORE_FOLDER, `${PRE_RESTORE_PREFIX}*`].map(
    (n) => `-path ${shWord(`./${n}`)}`,
  );
  return `\\( ${paths.join(' -o ')} \\) -prune -o`;
}

/** A stat listing's token (see above): 96 random bits, which a name made before the listing holds only by chance. */
const newToken = () => `LB${randomBytes(12).toString('hex')}`;
const TOKEN_SHAPE = /^LB[0-9a-f]{24}$/;

/** The script run on the machine (see above). */
export function buildLiveListingScript(path: string, token = newToken()): string {
  return [
    `cd ${shWord(path)} 2>/dev/null && [ -d . ] || { echo "${PREFIX}err=nopath"; exit 0; }`,
    `command -v find >/dev/null 2>&1 || { echo "${PREFIX}err=tools"; exit 0; }`,
    `if find . -maxdepth 0 -printf "" >/dev/null 2>&1; then`,
    `  echo "${PREFIX}gnu"; find . ${pruned()} -printf "%y %m %s %T@ %U %G %D:%i %n %p\\0%l\\0"; r=$?`,
    `  echo; echo "${PREFIX}end=$r"`,
    `elif stat -c %s . >/dev/null 2>&1; then`,
    `  echo "${PREFIX}stat ${token}"; find . ${pruned()} -exec stat -c "${token} %f %s %Y %u %g %d:%i %h %n" {} +; r=$?`,
    `  echo "${token} end=$r"`,
    `else echo "${PREFIX}err=tools"; fi`,
  ].join('\n');
}

const GNU_TYPES: Record<string, IndexEntryType | undefined> = {
  f: 'file',
  d: 'directory',
  l: 'symlink',
  p: 'fifo',
};
const S_IFMT = 0o170000;
const MODE_TYPES: Record<number, IndexEntryType | undefined> = {
  0o100000: 'file',
  0o040000: 'directory',
  0o120000: 'symlink',
  0o010000: 'fifo',
};

/** The fields every record has before its name, in both listings. */
interface Meta {
  /** undefined: a socket or device (tar archives none: not compared). */
  type: IndexEntryType | undefined;
  mode: number;
  size: number;
  mtimeSeconds: number;
  uid: number;
  gid: number;
  inode: string;
  links: number;
}

function gnuMeta(f: string[]): Meta | undefined {
  if (f.length !== 8) return undefined;
  const [y, m, s, t, u, g, i, n] = f as [string, string, string, string, string, string, string, string];
  const meta = {
    type: GNU_TYPES[y],
    mode: parseInt(m, 8),
    size: Number(s),
    mtimeSeconds: Math.floor(Number(t)),
    uid: Number(u),
    gid: Number(g),
    inode: i,
    links: Number(n),
  };
  return valid(meta) ? meta : undefined;
}

function statMeta(f: string[]): Meta | undefined {
  if (f.length !== 7) return undefined;
  const [raw, s, t, u, g, i, h] = f as [string, string, string, string, string, string, string];
  const mode = parseInt(raw, 16);
  const meta = {
    type: MODE_TYPES[mode & S_IFMT],
    mode: mode & 0o7777,
    size: Number(s),
    mtimeSeconds: Number(t),
    uid: Number(u),
    gid: Number(g),
    inode: i,
    links: Number(h),
  };
  return valid(meta) && /^[0-9a-f]+$/.test(raw) ? meta : undefined;
}

function valid(m: Meta): boolean {
  return (
    [m.mode, m.size, m.mtimeSeconds, m.uid, m.gid, m.links].every(Number.isFinite) &&
    /^\d+:\d+$/.test(m.inode)
  );
}

/** Splits `text` at its first `count` spaces: the meta fields and the rest (the name). */
function splitMeta(text: Buffer, count: number): { fields: string[]; name: Buffer } | undefined {
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const sp = text.indexOf(0x20, start);
    if (sp < 0) return undefined;
    fields.push(text.subarray(start, sp).toString('latin1'));
    start = sp + 1;
  }
  const name = text.subarray(start);
  // find . names every path "." or "./..."
  const isName = name.length === 1 ? name[0] === 0x2e : name[0] === 0x2e && name[1] === 0x2f;
  return isName ? { fields, name } : undefined;
}

/** Turns records into index entries: hard links named, sockets and devices left out. */
class EntryMaker {
  private readonly firstName = new Map<string, Buffer>();

  make(meta: Meta, name: Buffer, link: Buffer | undefined): IndexEntry | undefined {
    if (!meta.type) return undefined;
    let type: IndexEntryType = meta.type;
    let linkBytes = type === 'symlink' ? link : undefined;
    if (type === 'file' && meta.links > 1) {
      const first = this.firstName.get(meta.inode);
      if (first) {
        type = 'link';
        linkBytes = first;
      } else this.firstName.set(meta.inode, name);
    }
    return {
      pathBytes: name,
      path: name.toString('utf8'),
      type,
      size: type === 'file' ? meta.size : 0,
      mode: meta.mode,
      uid: meta.uid,
      gid: meta.gid,
      mtime: new Date(meta.mtimeSeconds * 1000),
      ...(linkBytes && linkBytes.length > 0 ? { linkBytes } : {}),
    };
  }
}

/** The longest record accepted: a name and a link target of a few KiB each fit many times over. */
const MAX_RECORD_BYTES = 256 * 1024;

/** The status a line states (`LIFEBOAT-LIST <status>`), or undefined. */
function statusOf(line: Buffer): string | undefined {
  return line.subarray(0, PREFIX.length).toString('latin1') === PREFIX
    ? line.subarray(PREFIX.length).toString('latin1').trimEnd()
    : undefined;
}

/** Reads the records of one listing; `take` returns the entries of the bytes it was given whole. */
class ListingReader {
  format: 'gnu' | 'stat' | undefined;
  end: string | undefined;
  private pending: Buffer = Buffer.alloc(0);
  private readonly maker = new EntryMaker();
  /** gnu: the meta and name of a record whose link field has not arrived yet. */
  private gnuHead: Buffer | undefined;
  /** stat: the record whose name may continue on the next line. */
  private held: { meta: Meta; name: Buffer } | undefined;
  /** stat: the token every record begins with, and a space. */
  private token: Buffer | undefined;

  constructor(private readonly path: string) {}

  take(chunk: Buffer): IndexEntry[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const out: IndexEntry[] = [];
    let start = 0;
    for (;;) {
      const sep = this.format === 'gnu' ? this.pending.indexOf(0, start) : this.pending.indexOf(10, start);
      if (sep < 0) break;
      const field = Buffer.from(this.pending.subarray(start, sep));
      start = sep + 1;
      const e =
        this.format === undefined
          ? this.header(field)
          : this.format === 'gnu'
            ? this.gnu(field)
            : this.stat(field);
      if (e) out.push(e);
    }
    this.pending = this.pending.subarray(start);
    if (this.pending.length > MAX_RECORD_BYTES)
      throw new LiveListingError(
        'a record of the listing is longer than any path: the listing was not understood',
      );
    return out;
  }

  /** The entry still held at the end, and the end status (for gnu, in the bytes after the last record). */
  finish(): IndexEntry[] {
    if (this.format === 'gnu') {
      for (const line of this.pending.toString('latin1').split('\n')) {
        const s = statusOf(Buffer.from(line, 'latin1'));
        if (s?.startsWith('end=')) this.end = s;
      }
    }
    return this.flush();
  }

  private flush(): IndexEntry[] {
    const h = this.held;
    this.held = undefined;
    const e = h && this.maker.make(h.meta, h.name, undefined);
    return e ? [e] : [];
  }

  private header(line: Buffer): undefined {
    const s = statusOf(line);
    const token = s?.startsWith('stat ') ? s.slice('stat '.length) : undefined;
    if (s === 'gnu') this.format = s;
    else if (token !== undefined) {
      if (!TOKEN_SHAPE.test(token)) throw new LiveListingError('the listing of stat was not understood');
      this.format = 'stat';
      this.token = Buffer.from(`${token} `, 'latin1');
    } else if (s === 'err=tools')
      throw new LiveListingError(
        'the machine has no find, or neither GNU find (-printf) nor stat (-c): add findutils to its image (RUN apk add --no-cache findutils, or apt-get install findutils)',
      );
    else if (s === 'err=nopath') throw new LiveListingError(`${this.path} is not a folder on the machine`);
    return undefined;
  }

  private gnu(field: Buffer): IndexEntry | undefined {
    if (!this.gnuHead) {
      this.gnuHead = field;
      return undefined;
    }
    const head = splitMeta(this.gnuHead, 8);
    const meta = head && gnuMeta(head.fields);
    this.gnuHead = undefined;
    if (!head || !meta) throw new LiveListingError('the listing of GNU find was not understood');
    return this.maker.make(meta, head.name, field);
  }

  private stat(line: Buffer): IndexEntry | undefined {
    const token = this.token!;
    if (!line.subarray(0, token.length).equals(token)) {
      // not a record: the rest of the name before it, which holds a newline
      if (!this.held) throw new LiveListingError('the listing of stat was not understood');
      this.held.name = Buffer.concat([this.held.name, Buffer.from('\n'), line]);
      return undefined;
    }
    const rest = line.subarray(token.length);
    const [before] = this.flush();
    if (rest.subarray(0, 4).toString('latin1') === 'end=') {
      this.end = rest.toString('latin1').trimEnd();
      return before;
    }
    const record = splitMeta(rest, 7);
    const meta = record && statMeta(record.fields);
    if (!record || !meta) throw new LiveListingError('the listing of stat was not understood');
    this.held = { meta, name: record.name };
    return before;
  }
}

/**
 * The machine's tree at `path`, one entry at a time, as the walk there sends it. Throws a
 * LiveListingError (at the start, or at the end when find failed or the answer was cut off) when
 * it cannot be listed whole: a caller acts on what it read only after the iteration ended.
 */
export async function* listLiveTree(
  source: ArchiveSource,
  path: string,
  signal?: AbortSignal,
): AsyncGenerator<IndexEntry> {
  const proc = source.start(buildLiveListingScript(path), signal ? { signal } : {});
  const reader = new ListingReader(path);
  try {
    for await (const chunk of proc.stdout as AsyncIterable<Buffer>) yield* reader.take(chunk);
    const outcome = await proc.done;
    yield* reader.finish();
    if (!reader.format)
      throw new LiveListingError(`the listing script gave no answer (${source.label} ${lastLine(outcome)})`);
    if (!reader.end)
      throw new LiveListingError(`the listing was cut off (${source.label} ${lastLine(outcome)})`);
    if (reader.end !== 'end=0')
      throw new LiveListingError(
        `find could not list every path (find ${reader.end.replace('end=', 'exited ')})`,
      );
  } finally {
    proc.kill('SIGTERM');
  }
}
