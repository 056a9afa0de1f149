import { formatDuration } from '../util/format.js';
import { errorMessage } from '../util/errors.js';
import { TargetLayout } from '../catalog/layout.js';
import { readLatest, readManifest, type StoredLatest } from '../catalog/listing.js';
import { snapshotAge } from '../catalog/snapshot-time.js';
import { judgeVerification, readVerification, type VerificationVerdict } from '../catalog/verification.js';
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
 * that snapshot's manifest and its verdict is passing (catalog/verification.ts: about exactly the
 * bytes that manifest records, and not written in the future), its `verifiedAt` is the time
 * measured from; a verification that failed, is stale or is unreadable is reported as a warning
 * and the backup's own time is used.
 */
export async function checkFreshness(
  options: FreshnessOptions,
): Promise<{ findings: Finding[]; targets: TargetFreshness[] }> {
  // ages are judged by the storage's clock (catalog/snapshot-time.ts); a store that cannot say
  // fails its reads below, where that is reported
  const o = { ...options, now: await options.store.serverTime().catch(() => options.now) };
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
    const verification = await judgeNewest(o, layout, latest);
    if (verification?.state === 'passing') {
      anchor = verification.verification.verifiedAt;
      basis = 'verification';
    } else if (verification?.state === 'failing') {
      findings.push(
        finding(
          'LB006',
          'warning',
          resource,
          `the newest backup of ${target} (${id}) failed its restore verification; its backup time is used.`,
        ),
      );
    } else if (verification) {
      findings.push(
        finding(
          'LB006',
          'warning',
          resource,
          `the restore verification of the newest backup of ${target} (${id}) is ${verification.state}: ${verification.reason}; its backup time is used.`,
        ),
      );
    }
    const time = Date.parse(anchor);
    // a backup is never newer than the latest.json that names it (a clock that was ahead)
    const age = snapshotAge(anchor, basis === 'backup' ? latest.lastModified : undefined, o.now);
    if (!Number.isFinite(time) || age === undefined) {
      findings.push(
        finding(
          'LB006',
          'error',
          resource,
          Number.isFinite(time)
            ? `the newest backup of ${target} (${id}) has a time in the future by the storage's clock (${anchor}): its age cannot be judged.`
            : `the newest backup of ${target} (${id}) has no valid time (${anchor}).`,
        ),
      );
      targets.push({ target, snapshotId: id, fresh: false });
      continue;
    }
    const ageSeconds = Math.round(age);
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

/**
 * The verdict on the verification.json of the snapshot latest.json names, judged against that
 * snapshot's manifest (read only when there is a verification to judge); undefined when there is
 * no verification.json.
 */
async function judgeNewest(
  o: FreshnessOptions,
  layout: TargetLayout,
  latest: StoredLatest,
): Promise<VerificationVerdict | undefined> {
  const { snapshotId, manifestVersionId } = latest.pointer;
  const stored = await readVerification(o.store, layout, snapshotId);
  if (stored.kind === 'missing') return undefined;
  let read;
  try {
    read = await readManifest(o.store, layout, snapshotId, manifestVersionId ?? undefined);
  } catch (err) {
    return { state: 'unreadable', reason: `its manifest cannot be read to judge it: ${errorMessage(err)}` };
  }
  if (!read)
    return { state: 'unreadable', reason: `its manifest ${layout.manifestKey(snapshotId)} is missing` };
  return judgeVerification(stored, read.manifest, o.now);
}
