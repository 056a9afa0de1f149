import { describe, expect, it } from 'vitest';
import { applyRetention } from '../../src/catalog/retention.js';

// 30 snapshots over 90 days: every third day at 02:00 UTC from Monday 2026-08-24, then three on
// Saturday 2026-11-21 (02:00, 08:00, 14:00).
const start = Date.UTC(2026, 7, 24, 2, 0, 0);
const times = Array.from({ length: 27 }, (_, i) => new Date(start + i * 3 * 86400e3));
for (const h of [2, 8, 14]) times.push(new Date(Date.UTC(2026, 10, 21, h)));
const snapshots = times.map((t) => ({ id: t.toISOString().slice(0, 16), time: t }));

describe('retention has the semantics of restic forget', () => {
  it('keep-last 3, keep-daily 7, keep-weekly 4, keep-monthly 3', () => {
    const d = applyRetention(snapshots, { last: 3, daily: 7, weekly: 4, monthly: 3 });
    // worked out by hand from restic's ApplyPolicy: newest first, one per period, counts shared
    expect(d.keep.map((k) => [k.snapshot.id, k.reasons.join(',')])).toEqual([
      ['2026-11-21T14:00', 'last,daily,weekly,monthly'],
      ['2026-11-21T08:00', 'last'],
      ['2026-11-21T02:00', 'last'],
      ['2026-11-10T02:00', 'daily,weekly'], // ISO week 46
      ['2026-11-07T02:00', 'daily,weekly'], // week 45
      ['2026-11-04T02:00', 'daily'],
      ['2026-11-01T02:00', 'daily,weekly'], // a Sunday: still ISO week 44
      ['2026-10-29T02:00', 'daily,monthly'], // newest of October
      ['2026-10-26T02:00', 'daily'],
      ['2026-09-29T02:00', 'monthly'], // newest of September
    ]);
    expect(d.remove).toHaveLength(20);
  });

  it('a rule with counts left also keeps the oldest snapshot (restic >= 0.15)', () => {
    const d = applyRetention(snapshots, { last: 0, daily: 0, weekly: 20, monthly: 0 });
    expect(d.keep.map((k) => k.snapshot.id)).toEqual([
      '2026-11-21T14:00',
      '2026-11-10T02:00',
      '2026-11-07T02:00',
      '2026-11-01T02:00',
      '2026-10-23T02:00',
      '2026-10-17T02:00',
      '2026-10-11T02:00',
      '2026-10-02T02:00',
      '2026-09-26T02:00',
      '2026-09-20T02:00',
      '2026-09-11T02:00',
      '2026-09-05T02:00',
      '2026-08-30T02:00',
      '2026-08-24T02:00', // same ISO week as 08-30 and kept only as the oldest
    ]);
  });

  it('an empty policy keeps everything; order of input does not matter', () => {
    expect(
      applyRetention([...snapshots].reverse(), { last: 0, daily: 0, weekly: 0, monthly: 0 }).remove,
    ).toEqual([]);
    const a = applyRetention([...snapshots].reverse(), { last: 2, daily: 0, weekly: 0, monthly: 0 });
    expect(a.keep.map((k) => k.snapshot.id)).toEqual(['2026-11-21T14:00', '2026-11-21T08:00']);
  });
});
