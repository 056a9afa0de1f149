import { describe, expect, it } from 'vitest';
import {
  largestObjectFor,
  MAX_PARTS,
  MIN_PART_SIZE,
  partSizeFor,
  UNKNOWN_SIZE_PART_SIZE,
} from '../../src/storage/part-size.js';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

describe('multipart part sizes', () => {
  it('small sources get the smallest part, 6 MiB; unknown ones 8 MiB (78 GiB)', () => {
    expect(MIN_PART_SIZE).toBe(6 * MIB);
    expect(partSizeFor(1)).toBe(6 * MIB);
    expect(partSizeFor(1 * GIB)).toBe(6 * MIB);
    // 6 MiB parts hold 58.6 GiB: twice the used space fits up to 29 GiB in use
    expect(largestObjectFor(6 * MIB)).toBe(60_000 * MIB);
    expect(partSizeFor(29 * GIB)).toBe(6 * MIB);
    expect(partSizeFor(30 * GIB)).toBe(7 * MIB);
    expect(partSizeFor(39 * GIB)).toBe(8 * MIB);
    // no du: the size is unknown, and the parts keep the room they had (78.1 GiB)
    expect(UNKNOWN_SIZE_PART_SIZE).toBe(8 * MIB);
    expect(largestObjectFor(8 * MIB)).toBe(80_000 * MIB);
    expect(partSizeFor(0)).toBe(8 * MIB);
    expect(partSizeFor(-5)).toBe(8 * MIB);
  });

  it('large sources get whole-MiB parts that hold twice the used space in 10,000 parts', () => {
    for (const used of [40 * GIB, 100 * GIB, 500 * GIB, 2048 * GIB]) {
      const part = partSizeFor(used);
      expect(part % MIB).toBe(0);
      expect(largestObjectFor(part)).toBeGreaterThanOrEqual(2 * used);
      // and no more than one MiB above the smallest size that does
      expect(largestObjectFor(part - MIB)).toBeLessThan(2 * used);
    }
    expect(partSizeFor(100 * GIB)).toBe(21 * MIB); // 200 GiB / 10,000 = 20.48 MiB
  });

  it('an exact size (a copy of a stored archive) needs no headroom', () => {
    expect(partSizeFor(200 * GIB, 1)).toBe(21 * MIB);
    expect(partSizeFor(60_000 * MIB, 1)).toBe(6 * MIB);
    expect(partSizeFor(60_000 * MIB + 1, 1)).toBe(7 * MIB);
    expect(MAX_PARTS).toBe(10_000);
  });
});
