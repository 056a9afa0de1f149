import { describe, expect, it } from 'vitest';
import { manualSnapshotName } from '../../src/lightsail/check.js';
import {
  judgeSnapshots,
  worstStatus,
  type CheckPolicy,
  type ResourceRef,
  type SnapshotRecord,
} from '../../src/lightsail/judge.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const HOUR = 3_600_000;
const web: ResourceRef = { kind: 'instance', name: 'web-1' };
const policy: CheckPolicy = {
  warnAgeSeconds: 25 * 3600,
  maxAgeSeconds: 26 * 3600,
  minCount: 7,
  requireAutoSnapshot: true,
  region: 'eu-central-1',
};
const on = { status: 'Enabled', snapshotTimeOfDay: '06:00' };

function snap(
  hoursAgo: number,
  state: SnapshotRecord['state'] = 'success',
  automatic = true,
): SnapshotRecord {
  const createdAt = new Date(NOW.getTime() - hoursAgo * HOUR);
  return {
    name: automatic ? createdAt.toISOString().slice(0, 13) : `manual-${hoursAgo}`,
    createdAt,
    state,
    rawState: { success: 'Success', failed: 'Failed', 'in-progress': 'InProgress', unknown: 'NotFound' }[
      state
    ],
    automatic,
  };
}

function week(newestHours: number, first: SnapshotRecord['state'] = 'success', count = 7): SnapshotRecord[] {
  return Array.from({ length: count }, (_, i) => snap(newestHours + 24 * i, i === 0 ? first : 'success'));
}

function levels(j: ReturnType<typeof judgeSnapshots>) {
  return j.findings.map((f) => f.level);
}

describe('judgeSnapshots (fixed clock)', () => {
  it('healthy: ok with the figures', () => {
    const j = judgeSnapshots(web, on, week(5), policy, NOW);
    expect(j).toMatchObject({
      status: 'ok',
      findings: [],
      autoSnapshotEnabled: true,
      snapshotTimeOfDay: '06:00',
      latestSnapshot: '2026-11-23T07',
      latestAgeHours: 5,
      snapshotCount: 7,
    });
  });

  it('the age limits are exclusive: exactly warn-age is ok, exactly max-age is warn, above is crit', () => {
    expect(judgeSnapshots(web, on, week(25), policy, NOW).status).toBe('ok');
    expect(judgeSnapshots(web, on, week(26), policy, NOW).status).toBe('warn');
    expect(judgeSnapshots(web, on, week(26.01), policy, NOW).status).toBe('crit');
  });

  it('add-on missing, Disabled or Enabling: crit when required, not when not required', () => {
    for (const addOn of [
      undefined,
      { status: 'Disabled', snapshotTimeOfDay: '' },
      { status: 'Enabling', snapshotTimeOfDay: '06:00' },
    ]) {
      const j = judgeSnapshots(web, addOn, week(5), policy, NOW);
      expect(j.status).toBe('crit');
      expect(j.autoSnapshotEnabled).toBe(false);
      expect(j.snapshotTimeOfDay).toBe('');
      expect(j.findings[0]!.message).toContain(
        'aws lightsail enable-add-on --region eu-central-1 --resource-name web-1 --add-on-request addOnType=AutoSnapshot,autoSnapshotAddOnRequest={snapshotTimeOfDay=06:00}',
      );
      expect(judgeSnapshots(web, addOn, week(5), { ...policy, requireAutoSnapshot: false }, NOW).status).toBe(
        'ok',
      );
    }
  });

  it('no snapshots at all, or none successful: crit', () => {
    const none = judgeSnapshots(web, on, [], policy, NOW);
    expect(none.status).toBe('crit');
    expect(none.findings[0]!.message).toMatch(
      /^Instance "web-1": no successful snapshot; at least 7 are required/,
    );
    expect(none.latestAgeHours).toBeUndefined();
    const failedOnly = judgeSnapshots(web, on, [snap(2, 'failed'), snap(26, 'failed')], policy, NOW);
    expect(failedOnly.status).toBe('crit');
    expect(failedOnly.findings[0]!.message).toContain('(2 snapshot(s), none successful: ');
  });

  it('newest Failed: crit without a success within max-age, warn with one', () => {
    const stale = judgeSnapshots(web, on, [snap(3, 'failed'), ...week(27)], policy, NOW);
    expect(levels(stale)).toEqual(['crit']);
    expect(stale.findings[0]!.message).toContain(
      'is 27.0 h old; the limit (max-age) is 26h. The newest snapshot, ',
    );
    const fresh = judgeSnapshots(web, on, [snap(3, 'failed'), ...week(20)], policy, NOW);
    expect(levels(fresh)).toEqual(['warn']);
    expect(fresh.findings[0]!.message).toContain('Failed; the previous success, ');
  });

  it('newest InProgress: warn while the previous success is within max-age, crit after', () => {
    expect(levels(judgeSnapshots(web, on, [snap(0.5, 'in-progress'), ...week(24.5)], policy, NOW))).toEqual([
      'warn',
    ]);
    expect(levels(judgeSnapshots(web, on, [snap(0.5, 'in-progress'), ...week(25.5)], policy, NOW))).toEqual([
      'warn',
      'warn',
    ]);
    expect(levels(judgeSnapshots(web, on, [snap(0.5, 'in-progress'), ...week(30)], policy, NOW))).toEqual([
      'crit',
    ]);
  });

  it('fewer successes than min-count: crit; min-count 0 turns it off; failures do not count', () => {
    const three = judgeSnapshots(web, on, week(5, 'success', 3), policy, NOW);
    expect(three.status).toBe('crit');
    expect(three.snapshotCount).toBe(3);
    expect(three.findings[0]!.message).toContain(
      '3 successful snapshot(s); at least 7 are required (min-count)',
    );
    expect(judgeSnapshots(web, on, week(5, 'success', 3), { ...policy, minCount: 0 }, NOW).status).toBe('ok');
    expect(
      judgeSnapshots(web, on, [...week(5), snap(200, 'failed')], { ...policy, minCount: 8 }, NOW).status,
    ).toBe('crit');
  });

  it('manual snapshots count as restore points', () => {
    const j = judgeSnapshots(web, on, [...week(30, 'success', 6), snap(1, 'success', false)], policy, NOW);
    expect(j.status).toBe('ok');
    expect(j.latestSnapshot).toBe('manual-1');
    expect(j.snapshotCount).toBe(7);
  });

  it('a snapshot dated in the future counts as age 0', () => {
    expect(judgeSnapshots(web, on, week(-2), policy, NOW).latestAgeHours).toBe(0);
  });

  it('worstStatus and snapshot names', () => {
    expect(worstStatus([])).toBe('ok');
    expect(worstStatus(['ok', 'warn', 'ok'])).toBe('warn');
    expect(worstStatus(['warn', 'crit', 'ok'])).toBe('crit');
    expect(manualSnapshotName('web-1', NOW)).toBe('web-1-lifeboat-20261123T120000Z');
    expect(manualSnapshotName('web-1', NOW, 'pre-deploy')).toBe('web-1-lifeboat-20261123T120000Z-pre-deploy');
  });
});
