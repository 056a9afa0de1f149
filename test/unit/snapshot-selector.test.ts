import { afterEach, describe, expect, it } from 'vitest';
import { parseSnapshotSelector } from '../../src/catalog/select-snapshot.js';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('--snapshot before:<time>', () => {
  // was: a time of day without a zone was read in the machine's zone (Date's rule), a date alone
  // as UTC: in New York, before:2026-12-03T08:45 meant 13:45Z (newcomer, 2026-12-03)
  it("a time without a zone is UTC, whatever the machine's zone; a zone given is kept", () => {
    process.env.TZ = 'America/New_York';
    const at = (v: string) => {
      const s = parseSnapshotSelector('snapshot', v);
      if (s.kind !== 'before') throw new Error(`not a before: ${v}`);
      return s.time.toISOString();
    };
    expect(at('before:2026-12-03T08:45')).toBe('2026-12-03T08:45:00.000Z');
    expect(at('before:2026-12-03T08:45:30')).toBe('2026-12-03T08:45:30.000Z');
    expect(at('before:2026-12-03')).toBe('2026-12-03T00:00:00.000Z');
    expect(at('before:2026-12-03T08:45:00Z')).toBe('2026-12-03T08:45:00.000Z');
    expect(at('before:2026-12-03T08:45:00+01:00')).toBe('2026-12-03T07:45:00.000Z');
    expect(at('before:2026-12-03T08:45-05:00')).toBe('2026-12-03T13:45:00.000Z');
  });
});
