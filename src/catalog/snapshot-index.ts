import { isUtf8 } from 'node:buffer';
import { schemaErrors } from './schemas.js';

/**
 * The snapshot index: one JSON line per tar member, in archive order (schema/index-entry.schema.json).
 * A name is carried as its bytes: `path` when they are UTF-8, else `pathBase64`, so that two
 * Latin-1 names never become one (the same rule as archive/member-header.ts). Lines are written
 * and read one at a time: neither side ever holds the whole index.
 */

export type IndexEntryType = 'file' | 'contiguous-file' | 'directory' | 'symlink' | 'link' | 'fifo';

export interface IndexEntry {
  /** The name's bytes as stored in the archive. */
  pathBytes: Buffer;
  /** The UTF-8 reading of pathBytes (for globs and messages). */
  path: string;
  type: IndexEntryType;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  mtime: Date;
  /** The link target's bytes (symlinks and hard links). */
  linkBytes?: Buffer;
  /** Of the content: regular files only. */
  sha256?: string;
}

/** The longest line a reader accepts: a name and a link target of a few KiB each fit many times over. */
export const MAX_INDEX_LINE_BYTES = 256 * 1024;

interface IndexLine {
  path?: string;
  pathBase64?: string;
  type: IndexEntryType;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  mtime: string;
  link?: string;
  linkBase64?: string;
  sha256?: string;
}

/** An entry as the index stores it: the name and link target as text when UTF-8, else as base64 of their bytes. */
function indexRecord(e: IndexEntry): IndexLine {
  const line: IndexLine = {
    ...(isUtf8(e.pathBytes)
      ? { path: e.pathBytes.toString('utf8') }
      : { pathBase64: e.pathBytes.toString('base64') }),
    type: e.type,
    size: e.size,
    mode: e.mode,
    uid: e.uid,
    gid: e.gid,
    mtime: e.mtime.toISOString(),
  };
  if (e.linkBytes && e.linkBytes.length > 0) {
    if (isUtf8(e.linkBytes)) line.link = e.linkBytes.toString('utf8');
    else line.linkBase64 = e.linkBytes.toString('base64');
  }
  if (e.sha256) line.sha256 = e.sha256;
  return line;
}

/** One line of the index (with its newline). */
export function encodeIndexLine(e: IndexEntry): string {
  return `${JSON.stringify(indexRecord(e))}\n`;
}

/**
 * An entry as `ls --json` gives it: the index's own record (indexRecord), with `path` as
 * displayPath reads it first, for every name (beside pathBase64 for a name that is not UTF-8).
 */
export function listingRecord(e: IndexEntry): Omit<IndexLine, 'path'> & { path: string } {
  const record = indexRecord(e);
  delete record.path;
  return { path: displayPath(e), ...record };
}

/** One line read back: valid against the schema, or one Error naming where. */
export function decodeIndexLine(text: string, where: string): IndexEntry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${where} is not a JSON line: the index is damaged or was not written by lifeboat.`);
  }
  const errors = schemaErrors('indexEntry', value);
  if (errors.length > 0)
    throw new Error(`${where} is not a valid index line: ${errors.slice(0, 3).join('; ')}`);
  const l = value as IndexLine;
  const pathBytes =
    l.path !== undefined ? Buffer.from(l.path, 'utf8') : Buffer.from(l.pathBase64 ?? '', 'base64');
  const linkBytes =
    l.link !== undefined
      ? Buffer.from(l.link, 'utf8')
      : l.linkBase64 !== undefined
        ? Buffer.from(l.linkBase64, 'base64')
        : undefined;
  // the optional fields are set, not spread: one object a line, of one shape, for 20,000 lines
  const entry: IndexEntry = {
    pathBytes,
    path: pathBytes.toString('utf8'),
    type: l.type,
    size: l.size,
    mode: l.mode,
    uid: l.uid,
    gid: l.gid,
    mtime: new Date(l.mtime),
  };
  if (linkBytes) entry.linkBytes = linkBytes;
  if (l.sha256) entry.sha256 = l.sha256;
  return entry;
}

/** The name as a person reads it in a listing: a member's "./" dropped, "." for the root. */
export function displayPath(e: Pick<IndexEntry, 'path'>): string {
  let p = e.path;
  if (p.startsWith('./')) p = p.slice(2);
  if (p.endsWith('/')) p = p.slice(0, -1);
  return p === '' || p === '.' ? '.' : p;
}

/** C0 controls (newline, tab, escape), DEL, the C1 controls and the Unicode line separators. */
function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/**
 * A name (or link target) as a listing prints it, one line per entry: as it is, unless it holds a
 * control character; then quoted, with `"` and `\` escaped and each control character as \n, \t or
 * \uXXXX ("evil\n-rw-r--r-- ..."), so that no name can end its line, forge another entry or send a
 * terminal escape, in ls, find, diff or the restore plan.
 */
export function shownName(text: string): string {
  let control = false;
  for (let i = 0; i < text.length && !control; i++) control = isControl(text.charCodeAt(i));
  if (!control) return text;
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (isControl(code)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return `"${out}"`;
}

/** Bytes as one quoted word: printable ASCII as it is, `"` and `\` escaped, every other byte \xNN. */
export function quotedBytes(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out +=
      c === '"' || c === '\\'
        ? `\\${c}`
        : b >= 0x20 && b < 0x7f
          ? c
          : `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return `"${out}"`;
}

/**
 * A link target as ls prints it: shownName's quoting of the text when the bytes are UTF-8, else
 * the bytes quoted (`"caf\xe9.txt"`), as shownPath prints a name, never its UTF-8 reading (U+FFFD).
 */
export function shownLink(linkBytes: Buffer): string {
  return isUtf8(linkBytes) ? shownName(linkBytes.toString('utf8')) : quotedBytes(linkBytes);
}

/**
 * A member's path as ls, find and diff print it: displayPath's form (no "./", no trailing "/"),
 * shownName's quoting; a name that is not UTF-8 as its bytes, quoted (`"caf\xe9.txt"`), never
 * its UTF-8 reading (U+FFFD), so that two such names never print alike.
 */
export function shownPath(pathBytes: Buffer): string {
  if (isUtf8(pathBytes)) return shownName(displayPath({ path: pathBytes.toString('utf8') }));
  let bytes = pathBytes;
  if (bytes[0] === 0x2e && bytes[1] === 0x2f) bytes = bytes.subarray(2);
  if (bytes.at(-1) === 0x2f) bytes = bytes.subarray(0, -1);
  return quotedBytes(bytes);
}

/** The key two indexes are compared by: the name bytes, without "./" and a trailing "/". */
export function entryKey(e: Pick<IndexEntry, 'pathBytes'>): string {
  let s = e.pathBytes.toString('latin1');
  if (s.startsWith('./')) s = s.slice(2);
  if (s.endsWith('/')) s = s.slice(0, -1);
  return s === '' ? '.' : s;
}
