import { once } from 'node:events';
import type { Readable } from 'node:stream';
import tarStream from 'tar-stream';
import { UnsafeEntryError, type TarHeader } from '../archive/member-header.js';
import { MemberRules, type AcceptedMember } from './member-rules.js';

/**
 * The safe extractor's member rules in front of a machine's tar: every member of the archive is
 * judged on this side (MemberRules, the very rules of the SafeExtractor) and re-packed into `output`
 * only when accepted, so no byte of a refused member ever reaches the machine. A refusal throws an
 * UnsafeEntryError before the member is written; the archive is then not restored at all.
 *
 * What the machine's tar reads is re-written from what the rules judged: names are the safe relative
 * paths ("./a/b"), hardlinks name the file they were judged to link to, setuid and setgid bits are
 * dropped, and no pax records pass (the extractor writes no extended attributes either). Names
 * travel as UTF-8 (tar-stream); a name that is not UTF-8 is refused here rather than changed.
 */
export class MemberFilter {
  /** The re-packed plain tar, for the machine's `tar -x`. */
  readonly output = tarStream.pack();
  private readonly rules = new MemberRules();

  /** An EntryHandler (ArchiveInspector's onEntry): judges one member, then re-packs it. */
  readonly onEntry = async (header: TarHeader, stream: Readable): Promise<void> => {
    const member = this.judge(header);
    if ('refused' in member) {
      stream.resume();
      throw new UnsafeEntryError(
        `archive member ${JSON.stringify(header.name)} was refused: ${member.refused}`,
      );
    }
    await this.repack(repackedHeader(header, member), stream);
  };

  /** The archive was read whole and proved intact: end the re-packed tar. */
  finish(): void {
    this.output.finalize();
  }

  /** The archive is not restored: the machine's tar reads a cut stream and fails. */
  abort(err: Error): void {
    this.output.destroy(err);
  }

  private judge(header: TarHeader): AcceptedMember | { refused: string } {
    const names = [header.name, header.linkname ?? ''];
    if (names.some((n) => n.includes('\uFFFD'))) {
      return { refused: 'its name is not UTF-8, and a restore to a machine cannot carry it unchanged' };
    }
    return this.rules.judge(header);
  }

  private async repack(header: TarHeader, stream: Readable): Promise<void> {
    let settle: (err?: Error | null) => void = () => undefined;
    const written = new Promise<void>((resolve, reject) => {
      settle = (err) => (err ? reject(err) : resolve());
    });
    written.catch(() => undefined); // awaited below; a broken output also fails the writes first
    const entry = this.output.entry(header, (err) => settle(err));
    if (header.type === 'file') {
      // tar-stream's member streams are streamx streams: read them by iteration
      for await (const chunk of stream) {
        if (!entry.write(chunk as Buffer)) await once(entry, 'drain');
      }
    } else {
      stream.resume();
      await once(stream, 'end');
    }
    entry.end(null);
    await written;
  }
}

/** The header the machine's tar reads: only what the rules judged, nothing it did not. */
function repackedHeader(header: TarHeader, member: AcceptedMember): TarHeader {
  const name = member.path === '' ? '.' : `./${member.path}`;
  const common = {
    mode: member.mode,
    uid: header.uid ?? 0,
    gid: header.gid ?? 0,
    uname: header.uname ?? '',
    gname: header.gname ?? '',
    mtime: header.mtime ?? new Date(0),
    devmajor: 0,
    devminor: 0,
  };
  switch (member.kind) {
    case 'directory':
      return { ...common, name: `${name}/`, type: 'directory', size: 0, linkname: '' };
    case 'file':
      return { ...common, name, type: 'file', size: header.size ?? 0, linkname: '' };
    case 'symlink':
      return { ...common, name, type: 'symlink', size: 0, linkname: header.linkname ?? '' };
    case 'link':
      return { ...common, name, type: 'link', size: 0, linkname: `./${member.linkTarget ?? ''}` };
    case 'fifo':
      return { ...common, name, type: 'fifo', size: 0, linkname: '' };
  }
}
