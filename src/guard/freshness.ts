import { formatDuration } from '../util/format.js';
import { errorMessage } from '../util/errors.js';
import { TargetLayout } from '../catalog/layout.js';
import { readLatest } from '../catalog/listing.js';
import type { ObjectStore } from '../storage/object-store.js';

import { finding, type Finding } from './findings.js';

export interface FreshnessOptions {
  store: ObjectStore;
  prefix: string;
  targets: readonly string[];
  maxAgeSeconds: number;
  now: Date;
}

export interface TargetFreshness {
  target: string;
  snapshotId?: string;
  /** The time the age is measured from. */
  anchor?: string;
  basis?: 'verification' | 'backup';
  ageSeconds?: number;
  fresh: boolean;
}

/**
 * LB006: the newest good backup of each target (latest.json, which only ever names a good
 * snapshot) must be younger than maxAge. Where verify-restore wrote a verification.json beside
 * that snapshot's manifest and it says `verified: true`, its `verifiedAt` is the time measured
 * from; a verification that failed is reported as a warning and the backup's own time is used.
 */
export async function checkFreshness(
  o: FreshnessOptions,
): Promise<{ findings: Finding[]; targets: TargetFreshness[] }> {
  const findings: Finding[] = [];
  const targets: TargetFreshness[] = [];
  for (const target of o.targets) {
    const layout = new TargetLayout(o.prefix, target);
    const resource = `backup target ${target}`;
    let latest;
    try {
      latest = await readLatest(o.store, layout);
    } catch (err) {
      findings.push(
        finding(
          'LB006',
          'error',
          resource,
          `cannot read the newest backup of ${target}: ${errorMessage(err)}`,
        ),
      );
      targets.push({ target, fresh: false });
      continue;
    }
    if (!latest) {
      findings.push(
        finding(
          'LB006',
          'error',
          resource,
          `${target} has no good backup in ${o.store.description} (no ${layout.latestKey}).`,
        ),
      );
      targets.push({ target, fresh: false });
      continue;
    }
    const id = latest.pointer.snapshotId;
    let anchor = latest.pointer.created;
    let basis: 'verification' | 'backup' = 'backup';
    const verification = await readVerification(o.store, layout.verificationKey(id));
    if (verification.kind === 'passed') {
      anchor = verification.verifiedAt;
      basis = 'verification';
    } else if (verification.kind === 'failed') {
      findings.push(
        finding(
          'LB006',
          'warning',
          resource,
          `the newest backup of ${target} (${id}) failed its restore verification; its backup time is used.`,
        ),
      );
    } else if (verification.kind === 'unreadable') {
      findings.push(
        finding(
          'LB006',
          'warning',
          resource,
          `${layout.verificationKey(id)} is unreadable (${verification.problem}); the backup time is used.`,
        ),
      );
    }
    const time = Date.parse(anchor);
    if (!Number.isFinite(time)) {
      findings.push(
        finding(
          'LB006',
          'error',
          resource,
          `the newest backup of ${target} (${id}) has no valid time (${anchor}).`,
        ),
      );
      targets.push({ target, snapshotId: id, fresh: false });
      continue;
    }
    const ageSeconds = Math.max(0, Math.round((o.now.getTime() - time) / 1000));
    const fresh = ageSeconds <= o.maxAgeSeconds;
    targets.push({ target, snapshotId: id, anchor, basis, ageSeconds, fresh });
    if (!fresh) {
      const what = basis === 'verification' ? 'newest passing restore verification' : 'newest good backup';
      findings.push(
        finding(
          'LB006',
          'error',
          resource,
          `the ${what} of ${target} (${id}, ${anchor}) is ${formatDuration(ageSeconds)} old, older than the limit of ${formatDuration(o.maxAgeSeconds)}.`,
        ),
      );
    }
  }
  return { findings, targets };
}

type Verification =
  | { kind: 'none' }
  | { kind: 'passed'; verifiedAt: string }
  | { kind: 'failed' }
  | { kind: 'unreadable'; problem: string };

/** verification.json is written by another action: read it defensively. */
async function readVerification(store: ObjectStore, key: string): Promise<Verification> {
  let stored;
  try {
    stored = await store.getJson<unknown>(key);
  } catch (err) {
    return { kind: 'unreadable', problem: errorMessage(err) };
  }
  if (!stored) return { kind: 'none' };
  const v = stored.value as { verified?: unknown; verifiedAt?: unknown } | null;
  if (typeof v !== 'object' || v === null || typeof v.verified !== 'boolean') {
    return { kind: 'unreadable', problem: 'no boolean "verified"' };
  }
  if (!v.verified) return { kind: 'failed' };
  if (typeof v.verifiedAt !== 'string' || !Number.isFinite(Date.parse(v.verifiedAt))) {
    return { kind: 'unreadable', problem: 'no ISO time "verifiedAt"' };
  }
  return { kind: 'passed', verifiedAt: v.verifiedAt };
}
