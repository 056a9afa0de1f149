/**
 * Member names as a restore sees them: bytes, split into the names of the folders on the way.
 * Members are stored as "./a/b"; absolute names, ".." segments, NUL and empty names never reach
 * the file system. Nothing here decodes a name: a name is what its bytes are.
 */

const SLASH = 0x2f;
const DOT = 0x2e;

/** The names below the holding directory, in order (none for the root itself), or why the name is refused. */
export function memberSegments(name: Buffer): { segments: Buffer[] } | { refused: string } {
  if (name.includes(0)) return { refused: 'its name contains a NUL byte' };
  if (name[0] === SLASH) return { refused: 'its name is an absolute path' };
  const segments: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= name.length; i++) {
    if (i < name.length && name[i] !== SLASH) continue;
    const s = name.subarray(start, i);
    start = i + 1;
    if (s.length === 0 || (s.length === 1 && s[0] === DOT)) continue;
    if (s.length === 2 && s[0] === DOT && s[1] === DOT) return { refused: 'its name contains ".."' };
    segments.push(s);
  }
  return { segments };
}

/**
 * A byte-exact key for a member path (latin1 maps each byte to one char and back): the segments
 * joined by "/". Invariant: one flat string, whichever way it is made.
 */
export function segmentsKey(segments: Buffer[]): string {
  const first = segments[0];
  if (first === undefined) return '';
  // the usual member ("./a/b/c"): its segments lie in its name's bytes one slash apart, so the key
  // is that span of bytes, decoded once (checked byte by byte: any other layout takes the join)
  const last = segments[segments.length - 1]!;
  const span = last.byteOffset + last.length - first.byteOffset;
  if (last.buffer === first.buffer && span > 0) {
    const whole = Buffer.from(first.buffer, first.byteOffset, span);
    let at = 0;
    let contiguous = true;
    for (const s of segments) {
      if (
        s.buffer !== first.buffer ||
        s.byteOffset - first.byteOffset !== at ||
        (at > 0 && whole[at - 1] !== SLASH)
      ) {
        contiguous = false;
        break;
      }
      at += s.length + 1;
    }
    if (contiguous && at - 1 === span) return whole.toString('latin1');
  }
  // join makes one flat string: a key built with += is a rope that the Map's hashing flattens into
  // a second copy, both kept (200,000 keys: the restore's peak grew by ~80 MiB, bench/NOTES.md)
  return segments.map((s) => s.toString('latin1')).join('/');
}

/** The safe relative form of a member name (UTF-8, for globs and messages), or why it is refused. */
export function safeEntryPath(name: string): { path: string } | { refused: string } {
  const safe = memberSegments(Buffer.from(name, 'utf8'));
  if ('refused' in safe) return safe;
  return { path: safe.segments.map((s) => s.toString('utf8')).join('/') };
}
