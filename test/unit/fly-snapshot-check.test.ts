import { describe, expect, it } from 'vitest';
import { checkFlySnapshots, findNewSnapshot } from '../../src/flysnap/check.js';
import { parseSnapshots, parseVolumes } from '../../src/flysnap/flyctl-json.js';
import {
  explainFlyctlError,
  FlyctlCommandError,
  type FlyVolumesApi,
} from '../../src/flysnap/flyctl-volumes.js';
import { snapshotState, type FlySnapshot, type FlyVolume } from '../../src/flysnap/judge.js';
import type { Clock } from '../../src/util/clock.js';
import { RecordingLogger } from '../ports/recording-logger.js';

const START = new Date('2026-11-23T12:00:00Z');
const HOUR = 3_600_000;
const policy = { warnAgeSeconds: 26 * 3600, maxAgeSeconds: 50 * 3600, minCount: 1, app: 'my-app' };

/** A clock that only moves when the code under test sleeps. */
function fakeClock(): Clock & { slept: number[] } {
  let t = START.getTime();
  const slept: number[] = [];
  return {
    slept,
    now: () => new Date(t),
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
  };
}

function vol(id: string, extra: Partial<FlyVolume> = {}): FlyVolume {
  return {
    id,
    name: 'data',
    state: 'created',
    region: 'fra',
    sizeGb: 1,
    attachedMachineId: '148e123a0b4d89',
    createdAt: new Date(START.getTime() - 40 * 24 * HOUR),
    snapshotRetention: 5,
    scheduledSnapshots: true,
    ...extra,
  };
}

function snap(id: string, at: Date, status = 'created'): FlySnapshot {
  return { id, createdAt: at, state: snapshotState(status, id), status, sizeBytes: 1, retentionDays: 5 };
}

const daily = snap('vs_daily', new Date(START.getTime() - 5 * HOUR));

/**
 * A plain-data FlyVolumesApi: after a create, the new snapshot is listed with the given statuses
 * in turn ('absent': not listed yet; the last one repeats).
 */
function api(
  volumes: FlyVolume[],
  afterCreate: (string | 'absent')[] = [],
): FlyVolumesApi & { calls: string[]; clock?: Clock } {
  let created: Date | undefined;
  let lists = 0;
  const self = {
    calls: [] as string[],
    clock: undefined as Clock | undefined,
    preflight: async () => '0.4.87',
    listVolumes: async () => {
      self.calls.push('list volumes');
      return volumes;
    },
    listSnapshots: async (_app: string, id: string) => {
      self.calls.push(`list ${id}`);
      if (!created) return [daily];
      const s = afterCreate[Math.min(lists++, afterCreate.length - 1)]!;
      if (s === 'absent') return [daily];
      return [daily, snap(s === 'pending' ? '' : 'vs_new', created, s)];
    },
    createSnapshot: async (_app: string, id: string) => {
      self.calls.push(`create ${id}`);
      created = self.clock!.now();
    },
  };
  return self;
}

describe('checkFlySnapshots with an injected clock and a plain-data api', () => {
  it('create with wait: polls at the interval through "not listed" and "pending" until created', async () => {
    const clock = fakeClock();
    const fake = api([vol('vol_a')], ['absent', 'pending', 'pending', 'created']);
    fake.clock = clock;
    const logger = new RecordingLogger();
    const r = await checkFlySnapshots(
      {
        app: 'my-app',
        volumes: [],
        policy,
        create: { wait: true, waitTimeoutSeconds: 600, pollIntervalMs: 15_000 },
      },
      { api: fake, clock, logger },
    );
    expect(r.status).toBe('ok');
    expect(r.volumes[0]).toMatchObject({ createdSnapshot: 'vs_new', createdSnapshotState: 'created' });
    expect(fake.calls).toEqual([
      'list volumes',
      'list vol_a',
      'create vol_a',
      'list vol_a',
      'list vol_a',
      'list vol_a',
      'list vol_a',
    ]);
    expect(clock.slept).toEqual([15_000, 15_000, 15_000]);
    expect(logger.text).toContain('snapshot vs_new of vol_a is created after 45s');
  });

  it('wait-timeout: the last poll is at the deadline, then crit with the follow-up command', async () => {
    const clock = fakeClock();
    const fake = api([vol('vol_a')], ['pending']);
    fake.clock = clock;
    const r = await checkFlySnapshots(
      {
        app: 'my-app',
        volumes: [],
        policy,
        create: { wait: true, waitTimeoutSeconds: 40, pollIntervalMs: 15_000 },
      },
      { api: fake, clock, logger: new RecordingLogger() },
    );
    expect(clock.slept).toEqual([15_000, 15_000, 10_000]);
    expect(r.status).toBe('crit');
    expect(r.volumes[0]!.createdSnapshotState).toBe('pending');
    expect(r.volumes[0]!.findings.at(-1)!.message).toBe(
      'Volume vol_a ("data"): the new snapshot (pending) is still "pending" after 40s (wait-timeout). ' +
        'It may still complete: follow it with `fly volumes snapshots list vol_a -a my-app`; raise wait-timeout if snapshots of this volume take longer.',
    );
  });

  it('a new snapshot that fails: crit at once, no more polling', async () => {
    const clock = fakeClock();
    const fake = api([vol('vol_a')], ['failed']);
    fake.clock = clock;
    const r = await checkFlySnapshots(
      {
        app: 'my-app',
        volumes: [],
        policy,
        create: { wait: true, waitTimeoutSeconds: 600, pollIntervalMs: 10 },
      },
      { api: fake, clock, logger: new RecordingLogger() },
    );
    expect(clock.slept).toEqual([]);
    expect(r.volumes[0]!.findings.at(-1)!.message).toMatch(
      /the new snapshot vs_new ended "failed": Fly could not take it/,
    );
  });

  it('create without wait: one listing, the id when Fly lists it, no finding', async () => {
    const clock = fakeClock();
    const fake = api([vol('vol_a')], ['absent']);
    fake.clock = clock;
    const r = await checkFlySnapshots(
      {
        app: 'my-app',
        volumes: [],
        policy,
        create: { wait: false, waitTimeoutSeconds: 600, pollIntervalMs: 10 },
      },
      { api: fake, clock, logger: new RecordingLogger() },
    );
    expect(r.status).toBe('ok');
    expect(r.volumes[0]).toMatchObject({
      createdSnapshot: '',
      createdSnapshotState: 'requested',
      findings: [],
    });
    expect(fake.calls.filter((c) => c === 'list vol_a')).toHaveLength(2);
  });

  it('named volumes: in the order given; an id the app does not have is crit naming what it has', async () => {
    const fake = api([vol('vol_a'), vol('vol_b', { name: 'logs' })]);
    const r = await checkFlySnapshots(
      { app: 'my-app', volumes: ['vol_b', 'vol_zz'], policy },
      { api: fake, clock: fakeClock(), logger: new RecordingLogger() },
    );
    expect(r.volumes.map((v) => [v.volume.id, v.status])).toEqual([
      ['vol_b', 'ok'],
      ['vol_zz', 'crit'],
    ]);
    expect(r.volumes[1]!.findings[0]!.message).toBe(
      'Volume vol_zz was not found in app my-app; `fly volumes list -a my-app` lists Volume vol_a ("data"), Volume vol_b ("logs"). ' +
        'Check the volume input: a volume that was recreated has a new id.',
    );
    expect(fake.calls).toEqual(['list volumes', 'list vol_b']);
  });

  it('no volume, or a listing that fails: crit about the app, no volume report', async () => {
    const none = await checkFlySnapshots(
      { app: 'my-app', volumes: [], policy },
      { api: api([]), clock: fakeClock(), logger: new RecordingLogger() },
    );
    expect(none).toMatchObject({ status: 'crit', volumes: [] });
    expect(none.findings[0]!.message).toMatch(
      /^App my-app has no volume \(`fly volumes list -a my-app` lists none\)/,
    );
    const broken = api([vol('vol_a')]);
    broken.listVolumes = async () => {
      throw new FlyctlCommandError('`flyctl volumes list -a my-app --json` failed: Error: boom');
    };
    const failed = await checkFlySnapshots(
      { app: 'my-app', volumes: [], policy },
      { api: broken, clock: fakeClock(), logger: new RecordingLogger() },
    );
    expect(failed.findings).toEqual([
      {
        level: 'crit',
        message:
          'App my-app: its volumes could not be listed: `flyctl volumes list -a my-app --json` failed: Error: boom',
      },
    ]);
  });
});

describe('findNewSnapshot', () => {
  const t = (h: number) => new Date(START.getTime() + h * HOUR);
  it('is the newest snapshot not listed before and not older than the request (less skew)', () => {
    const before = [snap('vs_1', t(-24)), snap('', t(-0.5), 'pending')];
    expect(findNewSnapshot(before, [...before], START)).toBeUndefined();
    // the daily snapshot that was pending before the request gets its id: older than the request
    expect(findNewSnapshot(before, [snap('vs_1', t(-24)), snap('vs_2', t(-0.5))], START)).toBeUndefined();
    expect(findNewSnapshot(before, [...before, snap('', t(0.01), 'pending')], START)?.status).toBe('pending');
    expect(findNewSnapshot(before, [...before, snap('vs_3', t(-0.1))], START)?.id).toBe('vs_3');
  });
});

describe('flyctl JSON', () => {
  it('reads `fly volumes list --json` as flyctl prints it (fly-go Volume)', () => {
    const text = `[
    {
        "id": "vol_9vw681egy1jj5xm4",
        "name": "data",
        "state": "created",
        "size_gb": 3,
        "region": "yul",
        "zone": "09cd",
        "encrypted": true,
        "attached_machine_id": null,
        "attached_alloc_id": null,
        "created_at": "2023-09-01T19:47:14.774Z",
        "host_dedication_id": "",
        "snapshot_retention": 0,
        "auto_backup_enabled": false,
        "host_status": "ok"
    }
]
`;
    expect(parseVolumes(text, 'flyctl volumes list')).toEqual([
      {
        id: 'vol_9vw681egy1jj5xm4',
        name: 'data',
        state: 'created',
        region: 'yul',
        sizeGb: 3,
        attachedMachineId: null,
        createdAt: new Date('2023-09-01T19:47:14.774Z'),
        snapshotRetention: undefined,
        scheduledSnapshots: false,
      },
    ]);
  });

  it('reads snapshots; a zero time is no time; output that is not a list is an error, never an empty list', () => {
    const text = JSON.stringify([
      {
        id: '',
        size: 0,
        volume_size: 0,
        digest: '',
        created_at: '0001-01-01T00:00:00Z',
        status: '',
        retention_days: null,
      },
    ]);
    expect(parseSnapshots(text, 'x')).toEqual([
      {
        id: '',
        createdAt: undefined,
        state: 'in-progress',
        status: '',
        sizeBytes: 0,
        retentionDays: undefined,
      },
    ]);
    expect(() => parseSnapshots('Error: nope', 'flyctl volumes snapshots list')).toThrow(
      '`flyctl volumes snapshots list` printed no JSON ("Error: nope"): is this flyctl >= 0.4.80?',
    );
    expect(() => parseSnapshots('{"id":"x"}', 'c')).toThrow(
      '`c` printed JSON that is not a list of objects.',
    );
    expect(() => parseVolumes('[{"name":"data"}]', 'c')).toThrow('`c` printed a volume without an id.');
  });

  it('a refused create names the token it needs; an unknown app names fly apps list', () => {
    const create = {
      kind: 'create' as const,
      app: 'my-app',
      args: ['volumes', 'snapshots', 'create', 'vol_a'],
    };
    expect(explainFlyctlError(create, 'Error: failed to snapshot vol_a: unauthorized')).toBe(
      '`flyctl volumes snapshots create vol_a` failed: Error: failed to snapshot vol_a: unauthorized ' +
        'create-snapshot needs a token that may change the app, such as a deploy token (`fly tokens create deploy -a my-app`); a read-only token can only list.',
    );
    expect(
      explainFlyctlError(
        { kind: 'list', app: 'nope', args: ['volumes', 'list'] },
        'Error: Could not find App "nope"',
      ),
    ).toContain('Check the app input: `fly apps list` lists the apps this token sees (app "nope").');
  });
});
