import { describe, expect, it } from 'vitest';
import { largestObjectFor, MAX_PARTS, MIN_PART_SIZE, partSizeFor } from '../../src/storage/part-size.js';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

describe('multipart part sizes', () => {
  it('small and unknown sources get the smallest part, 8 MiB', () => {
    expect(MIN_PART_SIZE).toBe(8 * MIB);
    expect(partSizeFor(0)).toBe(8 * MIB);
    expect(partSizeFor(-5)).toBe(8 * MIB);
    expect(partSizeFor(1 * GIB)).toBe(8 * MIB);
    // 8 MiB parts hold 78.1 GiB: twice the used space fits up to 39 GiB in use
    expect(largestObjectFor(8 * MIB)).toBe(80_000 * MIB);
    expect(partSizeFor(39 * GIB)).toBe(8 * MIB);
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
    expect(partSizeFor(80_000 * MIB, 1)).toBe(8 * MIB);
    expect(partSizeFor(80_000 * MIB + 1, 1)).toBe(9 * MIB);
    expect(MAX_PARTS).toBe(10_000);
  });
});
