import { words } from '../util/vocabulary.js';
import { formatDuration } from '../util/format.js';
import {
  ageHours,
  ageSeconds,
  hoursText as hours,
  statusOfFindings,
  type CheckStatus,
  type Finding,
} from '../util/check-status.js';

export { statusOfFindings, worstStatus, type CheckStatus, type Finding } from '../util/check-status.js';

/**
 * The judgement of Lightsail snapshots, modeled on sanoid's --monitor-snapshots: pure functions
 * over plain data and a given "now", so every rule is tested with a fixed clock.
 */

export type ResourceKind = 'instance' | 'disk';
export type SnapshotState = 'success' | 'failed' | 'in-progress' | 'unknown';

export interface ResourceRef {
  kind: ResourceKind;
  name: string;
}

export interface AutoSnapshotAddOn {
  /** The add-on status as Lightsail reports it (Enabled, Disabled, Enabling, ...); '' when absent. */
  status: string;
  /** "HH:00" UTC, '' when absent. */
  snapshotTimeOfDay: string;
}

export interface SnapshotRecord {
  /** Automatic snapshots are named by their date (YYYY-MM-DD); manual ones by their name. */
  name: string;
  createdAt: Date;
  state: SnapshotState;
  /** The raw state from Lightsail (Success, Failed, available, pending, ...), for messages. */
  rawState: string;
  automatic: boolean;
}

export interface CheckPolicy {
  warnAgeSeconds: number;
  maxAgeSeconds: number;
  minCount: number;
  requireAutoSnapshot: boolean;
  /** Region named in the fix commands. */
  region: string;
}

export interface Judgement {
  status: CheckStatus;
  findings: Finding[];
  autoSnapshotEnabled: boolean;
  snapshotTimeOfDay: string;
  /** Name of the newest successful snapshot, '' when there is none. */
  latestSnapshot: string;
  /** Age of the newest successful snapshot in hours, undefined when there is none. */
  latestAgeHours: number | undefined;
  /** Successful snapshots (automatic and manual). */
  snapshotCount: number;
}

export function describeResource(r: ResourceRef): string {
  return `${r.kind === 'instance' ? 'Instance' : 'Disk'} "${r.name}"`;
}

export function isAddOnEnabled(addOn: AutoSnapshotAddOn | undefined): boolean {
  return addOn?.status.toLowerCase() === 'enabled';
}

export function enableAddOnCommand(r: ResourceRef, region: string, timeOfDay = '06:00'): string {
  return (
    `aws lightsail enable-add-on --region ${region} --resource-name ${r.name} ` +
    `--add-on-request addOnType=AutoSnapshot,autoSnapshotAddOnRequest={snapshotTimeOfDay=${timeOfDay}}`
  );
}

function historyCommand(r: ResourceRef, region: string): string {
  return `aws lightsail get-auto-snapshots --region ${region} --resource-name ${r.name}`;
}

/** Newest first; ties keep their order. */
export function newestFirst(snapshots: readonly SnapshotRecord[]): SnapshotRecord[] {
  return [...snapshots].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/**
 * Judges one resource:
 * - crit: add-on not enabled (when required); no successful snapshot; newest success older than
 *   max-age (saying so when the newest snapshot Failed); fewer successful snapshots than min-count.
 * - warn: newest success older than warn-age; newest snapshot InProgress while an older success is
 *   within max-age; newest snapshot Failed while an older success is still within max-age.
 */
export function judgeSnapshots(
  resource: ResourceRef,
  addOn: AutoSnapshotAddOn | undefined,
  snapshots: readonly SnapshotRecord[],
  policy: CheckPolicy,
  now: Date,
): Judgement {
  const who = describeResource(resource);
  const findings: Finding[] = [];
  const enabled = isAddOnEnabled(addOn);
  const timeOfDay = enabled ? (addOn?.snapshotTimeOfDay ?? '') : '';
  const sorted = newestFirst(snapshots);
  const successes = sorted.filter((s) => s.state === 'success');
  const newest = sorted[0];
  const latest = successes[0];
  const latestAge = latest ? ageSeconds(now, latest.createdAt) : undefined;
  const maxAge = formatDuration(policy.maxAgeSeconds);
  const warnAge = formatDuration(policy.warnAgeSeconds);

  if (policy.requireAutoSnapshot && !enabled) {
    const state = addOn?.status
      ? `the AutoSnapshot add-on is ${addOn.status}`
      : 'it has no AutoSnapshot add-on';
    findings.push({
      level: 'crit',
      message:
        `${who}: automatic snapshots are not enabled (${state}; require-auto-snapshot is true). ` +
        `Enable them (the hour is UTC, pick a quiet one): ${enableAddOnCommand(resource, policy.region)} ` +
        `— or ${words().set('require-auto-snapshot', false)} if this resource is covered by manual snapshots.`,
    });
  }

  if (!latest) {
    const others = sorted.length
      ? ` (${sorted.length} snapshot(s), none successful: ${sorted
          .slice(0, 3)
          .map((s) => `${s.name} ${s.rawState}`)
          .join(', ')})`
      : '';
    findings.push({
      level: 'crit',
      message:
        `${who}: no successful snapshot${others}; at least ${policy.minCount} are required (min-count). ` +
        (enabled
          ? `Automatic snapshots are on: look for the cause with \`${historyCommand(resource, policy.region)}\`, and take one now with ${words().setting('create-snapshot', true)}.`
          : `Enable automatic snapshots (${enableAddOnCommand(resource, policy.region)}) and take one now with ${words().setting('create-snapshot', true)}.`),
    });
  } else {
    const age = latestAge ?? 0;
    const newestFailed = newest !== undefined && newest.state === 'failed';
    if (age > policy.maxAgeSeconds) {
      const failed = newestFailed ? ` The newest snapshot, ${newest.name}, ${newest.rawState};` : '';
      findings.push({
        level: 'crit',
        message:
          `${who}: the newest successful snapshot, ${latest.name}, is ${hours(age)} old; the limit (max-age) is ${maxAge}.${failed} ` +
          (enabled
            ? `Snapshots have stopped succeeding: check \`${historyCommand(resource, policy.region)}\` and the instance's health, and take one now with ${words().setting('create-snapshot', true)}.`
            : `Enable automatic snapshots (${enableAddOnCommand(resource, policy.region)}) or take one now with ${words().setting('create-snapshot', true)}.`),
      });
    } else {
      if (age > policy.warnAgeSeconds) {
        findings.push({
          level: 'warn',
          message:
            `${who}: the newest successful snapshot, ${latest.name}, is ${hours(age)} old; the warning limit (warn-age) is ${warnAge} ` +
            `and it turns critical at ${maxAge} (max-age). If today's snapshot is late, check \`${historyCommand(resource, policy.region)}\`; ` +
            `if the check runs shortly before the snapshot time of day${timeOfDay ? ` (${timeOfDay} UTC)` : ''}, schedule it later.`,
        });
      }
      if (newestFailed) {
        findings.push({
          level: 'warn',
          message:
            `${who}: the newest snapshot, ${newest.name}, ${newest.rawState}; the previous success, ${latest.name}, is ${hours(age)} old ` +
            `and turns critical at ${maxAge} (max-age). Check \`${historyCommand(resource, policy.region)}\`; take one now with ${words().setting('create-snapshot', true)}.`,
        });
      }
    }
    if (newest && newest.state === 'in-progress' && age <= policy.maxAgeSeconds) {
      findings.push({
        level: 'warn',
        message:
          `${who}: the newest snapshot, ${newest.name}, is still in progress (started ${hours(ageSeconds(now, newest.createdAt))} ago); ` +
          `the previous success, ${latest.name}, is ${hours(age)} old, within max-age ${maxAge}. ` +
          `Run the check later in the day (after the snapshot time of day${timeOfDay ? ` ${timeOfDay} UTC` : ''} plus about an hour).`,
      });
    }
    if (successes.length < policy.minCount) {
      findings.push({
        level: 'crit',
        message:
          `${who}: ${successes.length} successful snapshot(s); at least ${policy.minCount} are required (min-count). ` +
          `Lightsail keeps the 7 newest automatic snapshots: fewer means automatic snapshots were enabled recently, were off, or failed. ` +
          (enabled
            ? `If they were enabled recently, wait until ${policy.minCount} exist or lower min-count; otherwise check \`${historyCommand(resource, policy.region)}\`.`
            : `Enable them: ${enableAddOnCommand(resource, policy.region)}.`),
      });
    }
  }

  return {
    status: statusOfFindings(findings),
    findings,
    autoSnapshotEnabled: enabled,
    snapshotTimeOfDay: timeOfDay,
    latestSnapshot: latest?.name ?? '',
    latestAgeHours: ageHours(latestAge),
    snapshotCount: successes.length,
  };
}
