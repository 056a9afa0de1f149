import { describe, expect, it } from 'vitest';
import {
  judgeVolume,
  newestFirst,
  snapshotState,
  type FlyCheckPolicy,
  type FlySnapshot,
  type FlyVolume,
} from '../../src/flysnap/judge.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const HOUR = 3_600_000;
const policy: FlyCheckPolicy = {
  warnAgeSeconds: 26 * 3600,
  maxAgeSeconds: 50 * 3600,
  minCount: 7,
  app: 'my-app',
};

function vol(extra: Partial<FlyVolume> = {}): FlyVolume {
  return {
    id: 'vol_9vw681egy1jj5xm4',
    name: 'data',
    state: 'created',
    region: 'fra',
    sizeGb: 3,
    attachedMachineId: '148e123a0b4d89',
    createdAt: new Date(NOW.getTime() - 90 * 24 * HOUR),
    snapshotRetention: 7,
    scheduledSnapshots: true,
    ...extra,
  };
}

function snap(hoursAgo: number, status = 'created', id = `vs_${hoursAgo}`): FlySnapshot {
  return {
    id,
    createdAt: new Date(NOW.getTime() - hoursAgo * HOUR),
    state: snapshotState(status, id),
    status,
    sizeBytes: 1000,
    retentionDays: 7,
  };
}

/** `count` daily snapshots, the newest `newestHours` old; `statuses` override newest first. */
function days(count: number, newestHours: number, statuses: string[] = []): FlySnapshot[] {
  return Array.from({ length: count }, (_, i) => snap(newestHours + 24 * i, statuses[i] ?? 'created'));
}

const judge = (v: FlyVolume, s: FlySnapshot[], p: FlyCheckPolicy = policy) => judgeVolume(v, s, p, NOW);
const levels = (j: ReturnType<typeof judge>) => j.findings.map((f) => f.level);

describe('judgeVolume (fixed clock)', () => {
  it('healthy: ok with the figures; the order of the input does not matter', () => {
    const j = judge(vol(), days(7, 5).reverse());
    expect(j).toEqual({
      status: 'ok',
      findings: [],
      snapshotRetention: 7,
      scheduledSnapshots: true,
      latestSnapshot: 'vs_5',
      latestAgeHours: 5,
      snapshotCount: 7,
    });
  });

  it('stale: warn past warn-age, crit past max-age, each naming the figure, the limit and the fix', () => {
    const late = judge(vol(), days(7, 27));
    expect(late.status).toBe('warn');
    expect(late.findings).toEqual([
      {
        level: 'warn',
        message:
          'Volume vol_9vw681egy1jj5xm4 ("data"): the newest created snapshot, vs_27, is 27.0 h old; the warning limit (warn-age) is 26h ' +
          "and it turns critical at 50h (max-age). If today's snapshot is late, check `fly volumes snapshots list vol_9vw681egy1jj5xm4 -a my-app`; " +
          "if this check runs shortly before Fly's daily snapshot of this volume, schedule it later.",
      },
    ]);
    const stale = judge(vol(), days(7, 51));
    expect(stale.status).toBe('crit');
    expect(stale.findings).toEqual([
      {
        level: 'crit',
        message:
          'Volume vol_9vw681egy1jj5xm4 ("data"): the newest created snapshot, vs_51, is 51.0 h old; the limit (max-age) is 50h. ' +
          "Daily snapshots have stopped: check `fly volumes snapshots list vol_9vw681egy1jj5xm4 -a my-app` and the volume's host " +
          '(`fly volumes show vol_9vw681egy1jj5xm4 -a my-app`), and take one now with create-snapshot: true.',
      },
    ]);
  });

  it('no snapshot at all on an attached volume: crit naming the machine', () => {
    const j = judge(vol(), []);
    expect(j).toMatchObject({
      status: 'crit',
      latestSnapshot: '',
      latestAgeHours: undefined,
      snapshotCount: 0,
    });
    expect(j.findings).toEqual([
      {
        level: 'crit',
        message:
          'Volume vol_9vw681egy1jj5xm4 ("data"), attached to machine 148e123a0b4d89, has no created snapshot; at least 7 are required (min-count). ' +
          "Fly should take one a day: look at `fly volumes snapshots list vol_9vw681egy1jj5xm4 -a my-app` and the volume's state, " +
          'and take one now with create-snapshot: true.',
      },
    ]);
  });

  it('a volume created an hour ago has no snapshot yet: crit that says why and what to do now', () => {
    const j = judge(vol({ createdAt: new Date(NOW.getTime() - HOUR) }), [snap(0.5, 'pending', '')]);
    expect(levels(j)).toEqual(['crit']);
    expect(j.findings[0]!.message).toContain('(1 snapshot(s), none created: (pending) pending)');
    expect(j.findings[0]!.message).toContain(
      'The volume was created 1.0 h ago and Fly takes the first daily snapshot within a day: take one now with create-snapshot: true.',
    );
  });

  it('too few kept with a retention that could keep them: crit naming the count and min-count', () => {
    const j = judge(vol(), days(3, 5));
    expect(j.findings).toEqual([
      {
        level: 'crit',
        message:
          'Volume vol_9vw681egy1jj5xm4 ("data"): 3 created snapshot(s); at least 7 are required (min-count). ' +
          'Fewer means the daily snapshots were off or failed for a while: check `fly volumes snapshots list vol_9vw681egy1jj5xm4 -a my-app`.',
      },
    ]);
  });

  it('a young volume with few snapshots: the count rule says to wait', () => {
    const j = judge(vol({ createdAt: new Date(NOW.getTime() - 3 * 24 * HOUR - 6 * HOUR) }), days(3, 5));
    expect(j.findings[0]!.message).toContain(
      'The volume was created 3.3d ago and Fly takes one snapshot a day: wait until 7 exist, or lower min-count.',
    );
  });

  it('the retention in force below min-count: crit with both fixes (the volume, and fly.toml for new volumes)', () => {
    const j = judge(vol({ snapshotRetention: undefined }), days(5, 5));
    expect(levels(j)).toEqual(['crit', 'crit']);
    expect(j.snapshotRetention).toBe(5);
    expect(j.findings[0]!.message).toBe(
      'Volume vol_9vw681egy1jj5xm4 ("data") has no snapshot_retention, so Fly keeps each snapshot 5 days: about 5 daily snapshot(s) at any time; ' +
        'at least 7 are required (min-count). Raise it on this volume with `fly volumes update vol_9vw681egy1jj5xm4 --snapshot-retention 7 -a my-app` ' +
        '(it applies to new snapshots), and set `snapshot_retention = 7` under [mounts] in fly.toml so that the volumes `fly deploy` creates get it too ' +
        '(fly deploy does not change existing volumes).',
    );
    expect(j.findings[1]!.message).toMatch(
      /: 5 created snapshot\(s\); at least 7 are required \(min-count\)\. Raise the retention \(above\)\.$/,
    );
    expect(judge(vol({ snapshotRetention: 3 }), days(7, 5)).findings[0]!.message).toContain(
      'has snapshot_retention = 3, so Fly keeps each snapshot 3 day(s)',
    );
  });

  it("one short at the daily turnover (the day's snapshot due, retention enough): warn, not crit", () => {
    expect(levels(judge(vol(), days(6, 25)))).toEqual(['warn']);
    expect(judge(vol(), days(6, 25)).findings[0]!.message).toContain(
      "6 created snapshot(s), one fewer than min-count (7), while the day's snapshot is due (the newest is 25.0 h old)",
    );
    // the same count right after the day's snapshot, two short, or a short retention: crit
    expect(levels(judge(vol(), days(6, 5)))).toEqual(['crit']);
    expect(levels(judge(vol(), days(5, 25)))).toEqual(['crit']);
    expect(levels(judge(vol({ snapshotRetention: 6 }), days(6, 25)))).toEqual(['crit', 'crit']);
  });

  it('newest failed: warn while a created one is within max-age, crit naming the failure after it', () => {
    const fresh = judge(vol(), days(8, 3, ['failed']));
    expect(fresh.status).toBe('warn');
    expect(fresh.latestSnapshot).toBe('vs_27');
    expect(fresh.snapshotCount).toBe(7);
    expect(fresh.findings.map((f) => f.message)).toEqual([
      expect.stringContaining(
        'the newest created snapshot, vs_27, is 27.0 h old; the warning limit (warn-age) is 26h',
      ),
      'Volume vol_9vw681egy1jj5xm4 ("data"): the newest snapshot, vs_3, is failed; the previous created one, vs_27, is 27.0 h old ' +
        'and turns critical at 50h (max-age). Check `fly volumes snapshots list vol_9vw681egy1jj5xm4 -a my-app`; take one now with create-snapshot: true.',
    ]);
    const old = judge(vol(), [snap(3, 'failed'), snap(27, 'failed'), ...days(7, 51)]);
    expect(levels(old)).toEqual(['crit']);
    expect(old.findings[0]!.message).toContain(
      'the newest created snapshot, vs_51, is 51.0 h old; the limit (max-age) is 50h. The newest snapshot, vs_3, is failed;',
    );
  });

  it('newest still being taken with a fresh created one: warn', () => {
    const j = judge(vol(), [snap(0.5, 'pending', ''), ...days(7, 24.5)]);
    expect(j.findings).toEqual([
      {
        level: 'warn',
        message:
          'Volume vol_9vw681egy1jj5xm4 ("data"): the newest snapshot, (pending), is still pending (started 0.5 h ago); ' +
          'the previous created one, vs_24.5, is 24.5 h old, within max-age 50h. Run the check later in the day.',
      },
    ]);
  });

  it('attached to no machine: warn (an orphan after a migration), with the attach and destroy commands', () => {
    const j = judge(vol({ attachedMachineId: null }), days(7, 5));
    expect(j.status).toBe('warn');
    expect(j.findings[0]!.message).toMatch(
      /^Volume vol_9vw681egy1jj5xm4 \("data"\) is attached to no machine: /,
    );
    expect(j.findings[0]!.message).toContain('--attach-volume vol_9vw681egy1jj5xm4:<mount path> -a my-app');
    expect(j.findings[0]!.message).toContain('`fly volumes destroy vol_9vw681egy1jj5xm4 -a my-app`');
  });

  it('scheduled snapshots off: crit with fly volumes update --scheduled-snapshots=true', () => {
    const j = judge(vol({ scheduledSnapshots: false }), days(7, 5));
    expect(j.scheduledSnapshots).toBe(false);
    expect(j.findings).toEqual([
      {
        level: 'crit',
        message:
          'Volume vol_9vw681egy1jj5xm4 ("data"): scheduled daily snapshots are off (auto_backup_enabled is false), so Fly takes no new snapshot of it. ' +
          'Turn them on with `fly volumes update vol_9vw681egy1jj5xm4 --scheduled-snapshots=true -a my-app`, and remove ' +
          '`scheduled_snapshots = false` from [mounts] in fly.toml so that the volumes `fly deploy` creates have them.',
      },
    ]);
  });

  it('an on-demand snapshot counts like a daily one; unknown and failed ones do not', () => {
    const j = judge(vol(), [snap(1, 'created', 'vs_ondemand'), snap(2, 'weird'), ...days(6, 5)]);
    expect(j).toMatchObject({ status: 'ok', latestSnapshot: 'vs_ondemand', snapshotCount: 7 });
  });

  it('newest first: snapshots without a time last, in the order given', () => {
    const timeless = (id: string): FlySnapshot => ({ ...snap(0, 'pending', id), createdAt: undefined });
    expect(newestFirst([timeless('a'), snap(5), timeless('b'), snap(1)]).map((s) => s.id)).toEqual([
      'vs_1',
      'vs_5',
      'a',
      'b',
    ]);
  });

  it('snapshot status words', () => {
    expect(snapshotState('created', 'vs_1')).toBe('success');
    expect(snapshotState('failed', 'vs_1')).toBe('failed');
    expect(snapshotState('pending', '')).toBe('in-progress');
    expect(snapshotState('', 'vs_1')).toBe('in-progress');
    expect(snapshotState('archived', 'vs_1')).toBe('unknown');
  });
});

describe("the CLI's words: the fix names the flag, not the action's input", () => {
  it('check-fly-snapshots says --create-snapshot where the action says create-snapshot: true', async () => {
    const { speak, ACTION_WORDS } = await import('../../src/util/vocabulary.js');
    const { CLI_WORDS } = await import('../../src/cli/words.js');
    speak(CLI_WORDS);
    try {
      const j = judge(vol({ createdAt: new Date(NOW.getTime() - HOUR) }), [snap(0.5, 'pending', '')]);
      expect(j.findings[0]!.message).toContain('take one now with --create-snapshot.');
      expect(j.findings[0]!.message).not.toContain('create-snapshot: true');
    } finally {
      speak(ACTION_WORDS);
    }
  });
});
