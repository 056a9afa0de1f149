import { describe, expect, it } from 'vitest';
import { checkSnapshots, type Clock } from '../../src/lightsail/check.js';
import { LightsailNotFoundError, type LightsailApi } from '../../src/lightsail/client.js';
import type { CheckPolicy, SnapshotRecord } from '../../src/lightsail/judge.js';
import { silentLogger } from '../../src/util/logger.js';

const policy: CheckPolicy = {
  warnAgeSeconds: 25 * 3600,
  maxAgeSeconds: 26 * 3600,
  minCount: 1,
  requireAutoSnapshot: true,
  region: 'eu-central-1',
};

/** A clock that only moves when the code under test sleeps. */
function fakeClock(start = new Date('2026-11-23T12:00:00Z')): Clock & { slept: number[] } {
  let t = start.getTime();
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

/** A plain-data LightsailApi: the new snapshot answers the given states in turn (the last repeats). */
function api(states: (string | 'not-found')[]): LightsailApi & { polls: number } {
  const self = {
    polls: 0,
    getAutoSnapshotAddOn: async () => ({ status: 'Enabled', snapshotTimeOfDay: '06:00' }),
    getAutoSnapshots: async (): Promise<SnapshotRecord[]> => [
      {
        name: '2026-11-23',
        createdAt: new Date('2026-11-23T06:10:00Z'),
        state: 'success',
        rawState: 'Success',
        automatic: true,
      },
    ],
    listManualSnapshots: async () => [],
    createSnapshot: async () => undefined,
    getSnapshot: async (_kind: string, name: string): Promise<SnapshotRecord> => {
      const s = states[Math.min(self.polls++, states.length - 1)]!;
      if (s === 'not-found') throw new LightsailNotFoundError(`snapshot ${name} not found`);
      const state = s === 'available' ? 'success' : s === 'error' ? 'failed' : 'in-progress';
      return { name, createdAt: new Date(), state, rawState: s, automatic: false };
    },
  };
  return self;
}

const resources = [{ kind: 'instance' as const, name: 'web-1' }];

describe('checkSnapshots: create-snapshot and wait with an injected clock', () => {
  it('polls at the interval, tolerating a not-yet-visible snapshot, until available', async () => {
    const clock = fakeClock();
    const fake = api(['not-found', 'pending', 'pending', 'available']);
    const result = await checkSnapshots(
      { resources, policy, create: { wait: true, waitTimeoutSeconds: 900, pollIntervalMs: 15_000 } },
      { api: fake, clock, logger: silentLogger },
    );
    expect(result.status).toBe('ok');
    expect(result.resources[0]!.createdSnapshot).toBe('web-1-lifeboat-20261123T120000Z');
    expect(result.resources[0]!.createdSnapshotState).toBe('available');
    expect(fake.polls).toBe(4);
    expect(clock.slept).toEqual([15_000, 15_000, 15_000]);
  });

  it('gives up at wait-timeout (the last sleep is cut to the deadline) with a crit', async () => {
    const clock = fakeClock();
    const fake = api(['pending']);
    const result = await checkSnapshots(
      { resources, policy, create: { wait: true, waitTimeoutSeconds: 40, pollIntervalMs: 15_000 } },
      { api: fake, clock, logger: silentLogger },
    );
    expect(result.status).toBe('crit');
    expect(clock.slept).toEqual([15_000, 15_000, 10_000]);
    expect(fake.polls).toBe(4);
    expect(result.resources[0]!.findings.map((f) => f.message)).toEqual([
      'Instance "web-1": the new snapshot web-1-lifeboat-20261123T120000Z is still "pending" after 40s (wait-timeout). ' +
        'It may still complete: follow it with `aws lightsail get-instance-snapshot --region eu-central-1 --instance-snapshot-name web-1-lifeboat-20261123T120000Z`; ' +
        'raise wait-timeout if snapshots of this size take longer.',
    ]);
  });

  it('a snapshot that ends in error is crit at once', async () => {
    const clock = fakeClock();
    const result = await checkSnapshots(
      { resources, policy, create: { wait: true, waitTimeoutSeconds: 900, pollIntervalMs: 15_000 } },
      { api: api(['pending', 'error']), clock, logger: silentLogger },
    );
    expect(result.status).toBe('crit');
    expect(clock.slept).toEqual([15_000]);
    expect(result.resources[0]!.findings[0]!.message).toContain('ended in state "error"');
  });
});

describe('checkSnapshots: a cancelled job (the signal is aborted)', () => {
  const create = { wait: true, waitTimeoutSeconds: 3600, pollIntervalMs: 60_000 };

  it('an abort while waiting for the new snapshot rejects at once, naming the snapshot and how to follow it', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('cancelled by SIGTERM')), 50);
    await expect(
      checkSnapshots(
        { resources, policy, create },
        { api: api(['pending']), logger: silentLogger, signal: controller.signal },
      ),
    ).rejects.toThrow(
      /^Instance "web-1": cancelled by SIGTERM while waiting for the new snapshot (web-1-lifeboat-\d{8}T\d{6}Z) \(still "pending"\)\. It may still complete: follow it with `aws lightsail get-instance-snapshot --region eu-central-1 --instance-snapshot-name \1`\.$/,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('aborted before it starts: no call, no snapshot created', async () => {
    const fake = api(['available']);
    const calls: string[] = [];
    const counted: LightsailApi = {
      ...fake,
      getAutoSnapshotAddOn: async (r) => (calls.push('add-on'), fake.getAutoSnapshotAddOn(r)),
      createSnapshot: async () => void calls.push('create'),
    };
    await expect(
      checkSnapshots(
        { resources, policy, create },
        { api: counted, logger: silentLogger, signal: AbortSignal.abort(new Error('cancelled by SIGINT')) },
      ),
    ).rejects.toThrow('cancelled by SIGINT');
    expect(calls).toEqual([]);
  });

  it('aborted while the existing snapshots are read: no snapshot is created afterwards', async () => {
    const controller = new AbortController();
    const fake = api(['available']);
    const calls: string[] = [];
    const counted: LightsailApi = {
      ...fake,
      getAutoSnapshots: async (r) => (
        controller.abort(new Error('cancelled by SIGTERM')),
        fake.getAutoSnapshots(r)
      ),
      createSnapshot: async () => void calls.push('create'),
    };
    await expect(
      checkSnapshots(
        { resources, policy, create },
        { api: counted, logger: silentLogger, signal: controller.signal },
      ),
    ).rejects.toThrow('cancelled by SIGTERM');
    expect(calls).toEqual([]);
  });
});
