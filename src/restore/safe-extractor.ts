import type { Readable } from 'node:stream';
import {
  linkTargetBytes,
  memberNameBytes,
  refusedMember,
  typeRefusal,
  type TarHeader,
} from '../archive/member-header.js';
import { memberEnd } from '../archive/member-end.js';
import { memberSegments, segmentsKey } from './entry-path.js';
import { ExtractWriter } from './extract-writer.js';

export { UnsafeEntryError } from '../archive/member-header.js';

/** Permission bits kept on restore: setuid and setgid are dropped in a holding directory. */
const MODE_MASK = 0o1777;

type Written = 'file' | 'directory' | 'symlink' | 'link' | 'fifo';

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
 * Two threads: this one judges each member by its name and by what the archive said before it
 * (names, types, a name held twice, a hard link's target) and hands it on; the extractor's worker
 * (extract-worker.ts) makes the system calls, one member at a time in archive order, judging on
 * disk what only the disk can say (a symlink or non-folder on the way). The first refusal in
 * archive order is the one reported: a member refused here waits until every member before it
 * was written (ExtractWriter.settled), and a failure the worker found for one of those wins.
 * `members` records a member when it is handed on: where the worker then fails, that failure
 * comes first in archive order, so no judgement made on the record after it is ever reported.
 */
export class SafeExtractor {
  /** Every member handed on to be written, by its byte-exact key (segmentsKey), with its type. */
  private readonly members = new Map<string, Written>();
  private readonly asRoot = process.getuid?.() === 0;
  private writer: ExtractWriter | undefined;

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
      // the walk stops here: nothing more is written, and the worker lets go of every folder
      stream.resume();
      await this.release();
      throw err;
    }
  };

  /**
   * The walk stopped: settles once every member handed on is written (or skipped after a failure)
   * and nothing more can be; returns the failure the writing met, if any. Never throws.
   */
  async stop(): Promise<unknown> {
    const failure = await this.writer?.settled().then(
      () => undefined,
      (err: unknown) => err,
    );
    await this.release();
    return failure;
  }

  private async write(header: TarHeader, stream: Readable): Promise<void> {
    const writer = (this.writer ??= new ExtractWriter(this.root, {
      uid: process.geteuid?.() ?? -1,
      gid: process.getegid?.() ?? -1,
      asRoot: this.asRoot,
    }));
    writer.check();
    const named = memberSegments(memberNameBytes(header));
    if ('refused' in named) return this.refuse(header, named.refused);
    const typeRefused = typeRefusal(header);
    if (typeRefused) return this.refuse(header, typeRefused);
    // only files have data; every other member's (empty) stream is done with here
    if (header.type !== 'file' && header.type !== 'contiguous-file') await drainEntry(stream);
    const { segments } = named;
    const key = segmentsKey(segments);
    const mode = (header.mode ?? 0o644) & MODE_MASK;
    const attributes = {
      mode,
      ...(this.asRoot ? { uid: header.uid ?? 0, gid: header.gid ?? 0 } : {}),
      ...(header.mtime ? { mtime: header.mtime.getTime() / 1000 } : {}),
    };
    await writer.room();
    writer.check();
    if (segments.length === 0) {
      if (header.type !== 'directory') return this.refuse(header, 'it names the holding directory itself');
      writer.add(header, { t: 'root', ...attributes });
      return;
    }
    if (this.members.has(key)) return this.refuse(header, 'the archive holds it twice');

    switch (header.type) {
      case 'directory':
        writer.add(header, { t: 'dir', key, ...attributes });
        this.members.set(key, 'directory');
        return;
      case 'file':
      case 'contiguous-file':
        writer.beginFile(header, key, attributes);
        this.members.set(key, 'file');
        return writeData(writer, stream);
      case 'symlink': {
        const { mode: _, ...owner } = attributes;
        writer.add(header, {
          t: 'symlink',
          key,
          target: linkTargetBytes(header).toString('latin1'),
          ...owner,
        });
        this.members.set(key, 'symlink');
        return;
      }
      case 'link': {
        // judged here, by what the archive wrote before; reported after the member's own folder
        // was reached (a path through a symlink is the refusal a write there meets first)
        const target = memberSegments(linkTargetBytes(header));
        const refused =
          'refused' in target || target.segments.length === 0
            ? `it is a hardlink to ${JSON.stringify(header.linkname)}, outside the holding directory`
            : ['directory', undefined].includes(this.members.get(segmentsKey(target.segments)))
              ? `it is a hardlink to ${JSON.stringify(header.linkname)}, which is not a file extracted before it`
              : undefined;
        if (refused) {
          writer.add(header, { t: 'link', key, target: '', refused });
          return this.refuse(header, refused);
        }
        writer.add(header, {
          t: 'link',
          key,
          target: segmentsKey((target as { segments: Buffer[] }).segments),
        });
        this.members.set(key, 'link');
        return;
      }
      case 'fifo':
        writer.add(header, { t: 'fifo', key, ...attributes });
        this.members.set(key, 'fifo');
        return;
      default:
        return this.refuse(
          header,
          `it is a ${header.type}; only files, folders, links and FIFOs are restored`,
        );
    }
  }

  /**
   * Stops the walk at `header`, refused for `why`, unless a member before it failed: every member
   * sent is written first, and the worker's failure, earlier in archive order, is the one thrown.
   */
  private async refuse(header: TarHeader, why: string): Promise<never> {
    await this.writer?.settled();
    throw refusedMember(header, why);
  }

  /** Folder modes, owners and times last, children before parents: writing their contents changed them. */
  async finish(): Promise<void> {
    try {
      const writer = (this.writer ??= new ExtractWriter(this.root, {
        uid: process.geteuid?.() ?? -1,
        gid: process.getegid?.() ?? -1,
        asRoot: this.asRoot,
      }));
      await writer.finish();
    } finally {
      await this.release();
    }
  }

  /** Every member handed on is written (or skipped after a failure), then the worker ends. */
  private async release(): Promise<void> {
    await this.writer?.settled().catch(() => undefined);
    await this.writer?.close();
  }
}

/**
 * Hands a member's data to the writer as its chunks arrive, the walk held back while the writer
 * has no room; settles at the member's end, or with the first error (of the writer or the stream).
 * The caller resumes a stream it gave up on.
 */
function writeData(writer: ExtractWriter, stream: Readable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (writer.append(chunk)) return;
      stream.pause();
      void writer.room().then(() => {
        try {
          writer.check();
          stream.resume();
        } catch (err) {
          stream.off('data', onData);
          reject(err as Error);
        }
      });
    };
    stream.on('data', onData);
    memberEnd(stream).then(resolve, reject);
  });
}

/**
 * Reads a member's data to its end. A member destroyed without an error (the walk stopped) ends
 * the wait too: a walk that stopped is then idle, and its clean-up can begin.
 */
export async function drainEntry(stream: Readable): Promise<void> {
  stream.resume();
  await memberEnd(stream);
}
