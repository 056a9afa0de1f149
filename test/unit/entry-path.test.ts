import { describe, expect, it } from 'vitest';
import { memberSegments, segmentsKey } from '../../src/restore/entry-path.js';

/** What the key must be, however it is made: each segment's bytes as latin1, joined by "/". */
const joined = (segments: Buffer[]) => segments.map((s) => s.toString('latin1')).join('/');

function segmentsOf(name: Buffer): Buffer[] {
  const named = memberSegments(name);
  if ('refused' in named) throw new Error(named.refused);
  return named.segments;
}

describe('segmentsKey', () => {
  it("is the segments' bytes joined by a slash for every shape of name, and for every prefix of them", () => {
    const names = [
      './a/d0/f1.txt',
      'a/d0/f1.txt',
      './a//d0/./f1.txt/',
      '././a',
      './caf\xe9/\xff\xfe',
      './a/',
      'x',
      `./${'d/'.repeat(40)}f`,
    ].map((n) => Buffer.from(n, 'latin1'));
    for (const name of names) {
      const segments = segmentsOf(name);
      for (let n = 0; n <= segments.length; n++) {
        const prefix = segments.slice(0, n);
        expect(segmentsKey(prefix), `${name.toString('latin1')} (${n} segments)`).toBe(joined(prefix));
      }
    }
  });

  it('takes the bytes between segments only when each is the one slash between them', () => {
    const pool = Buffer.from('a/bXc/d', 'latin1');
    // one slash apart in the same bytes: the span is the key
    expect(segmentsKey([pool.subarray(0, 1), pool.subarray(2, 3)])).toBe('a/b');
    // apart by more than one byte, or by a byte that is not a slash: joined
    expect(segmentsKey([pool.subarray(0, 1), pool.subarray(4, 5)])).toBe('a/c');
    expect(segmentsKey([pool.subarray(2, 3), pool.subarray(4, 5)])).toBe('b/c');
    // the same layout in two different buffers: joined, from each segment's own bytes
    const other = Buffer.from('a/zzzzz', 'latin1');
    expect(segmentsKey([pool.subarray(0, 1), other.subarray(2, 3)])).toBe('a/z');
    expect(segmentsKey([])).toBe('');
  });
});
