import { isUtf8 } from 'node:buffer';
import type tarStream from 'tar-stream';
import { quotedBytes } from '../catalog/snapshot-index.js';

/**
 * A tar member's header as the inspector hands it on. `name` and `linkname` are the UTF-8 reading
 * of the stored bytes (for messages and globs; a name that is not UTF-8 reads with U+FFFD in it),
 * and `nameBytes` / `linknameBytes` are the bytes themselves: what a restore writes, so that two
 * Latin-1 names never become one.
 */
export interface TarHeader extends tarStream.Header {
  nameBytes?: Buffer;
  linknameBytes?: Buffer;
}

/**
 * tar-stream reads the ustar fields and GNU long names as latin1 (one char per byte, so the bytes
 * come back exactly); pax `path` / `linkpath` records it always reads as UTF-8, as POSIX says
 * they are.
 */
export function withNameBytes(header: tarStream.Header): TarHeader {
  const pax = (header.pax ?? {}) as { path?: string; linkpath?: string };
  const nameBytes =
    pax.path !== undefined ? Buffer.from(pax.path, 'utf8') : Buffer.from(header.name, 'latin1');
  // tar-stream gives null for "no link target", whatever its types say
  const link = pax.linkpath ?? (header.linkname as string | null | undefined);
  const linknameBytes =
    link === null || link === undefined
      ? undefined
      : Buffer.from(link, pax.linkpath !== undefined ? 'utf8' : 'latin1');
  return {
    ...header,
    name: nameBytes.toString('utf8'),
    nameBytes,
    ...(linknameBytes ? { linkname: linknameBytes.toString('utf8'), linknameBytes } : {}),
  };
}

/** The member's name bytes (a header made without the inspector: its name as UTF-8). */
export function memberNameBytes(header: TarHeader): Buffer {
  return header.nameBytes ?? Buffer.from(header.name, 'utf8');
}

/** The link target's bytes, or an empty buffer when the member has none. */
export function linkTargetBytes(header: TarHeader): Buffer {
  return header.linknameBytes ?? Buffer.from(header.linkname ?? '', 'utf8');
}

/**
 * Name bytes quoted for a message: a UTF-8 name as JSON writes it, any other as ASCII with each
 * byte outside it as \xNN (what `tar -t` shows as \351).
 */
export function quotedName(bytes: Buffer): string {
  return isUtf8(bytes) ? JSON.stringify(bytes.toString('utf8')) : quotedBytes(bytes);
}

/** A member a restore does not write: it would leave the holding directory, or it is not a kind restored. */
export class UnsafeEntryError extends Error {
  override readonly name = 'UnsafeEntryError';
}

export function refusedMember(header: TarHeader, why: string): UnsafeEntryError {
  return new UnsafeEntryError(`archive member ${quotedName(memberNameBytes(header))} was refused: ${why}`);
}

/**
 * The kinds of member every restore recreates. Device nodes are refused wherever a restore goes
 * (a backup never gives a machine a new /dev/mem); tar never archives sockets ("socket ignored").
 */
const RESTORED_TYPES = new Set(['file', 'contiguous-file', 'directory', 'symlink', 'link', 'fifo']);

/** Why a restore refuses this kind of member, or undefined when it restores it. */
export function typeRefusal(header: TarHeader): string | undefined {
  // tar-stream gives null for a type flag it does not know
  const type = header.type as string | null;
  if (type && RESTORED_TYPES.has(type)) return undefined;
  return `it is a ${type ?? 'special file'}; only files, folders, links and FIFOs are restored`;
}
