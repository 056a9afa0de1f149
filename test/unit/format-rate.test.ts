// A rate is said in the unit that shows it: a small restore or a slow link is not "0.0 MB/s".
import { describe, expect, it } from 'vitest';
import { formatRate } from '../../src/util/format.js';

describe('formatRate', () => {
  it('says MB/s from 1 MB/s up', () => {
    expect(formatRate(85_000_000, 1)).toBe('85.0 MB/s');
    expect(formatRate(1_000_000, 1)).toBe('1.0 MB/s');
  });
  it('says kB/s or B/s below 1 MB/s, never 0.0 MB/s', () => {
    expect(formatRate(12_345, 1)).toBe('12.3 kB/s');
    expect(formatRate(1_229, 2)).toBe('615 B/s');
    expect(formatRate(0, 1)).toBe('0 B/s');
  });
  it('has no rate for no time', () => {
    expect(formatRate(100, 0)).toBe('-');
  });
});
