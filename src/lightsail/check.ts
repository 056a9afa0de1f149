import { formatDuration } from '../util/format.js';
import { errorMessage, OperationFailedError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { systemClock, type Clock } from '../util/clock.js';
import { makeSnapshotId } from '../catalog/snapshot-id.js';

import { LightsailAccessDeniedError, LightsailNotFoundError, type LightsailApi } from './client.js';
import { addFinding, worstStatus, type CheckStatus, type Finding } from '../util/check-status.js';
import {
  describeResource,
  judgeSnapshots,
  type CheckPolicy,
  type Judgement,
  type ResourceRef,
} from './judge.js';

export { systemClock, type Clock } from '../util/clock.js';

export interface CreateSnapshotOptions {
  label?: string;
  wait: boolean;
  waitTimeoutSeconds: number;
  pollIntervalMs: number;
}

export interface SnapshotCheckOptions {
  resources: ResourceRef[];
  policy: CheckPolicy;
  /** Take a manual snapshot of every resource found (after judging the existing ones). */
  create?: CreateSnapshotOptions;
}

export interface ResourceReport extends Judgement {
  resource: ResourceRef;
  /** Name of the snapshot taken by create-snapshot, '' when none. */
  createdSnapshot: string;
  /** State of that snapshot when the check ended (available, completed, pending, ...), '' when none. */
  createdSnapshotState: string;
}

export interface SnapshotCheckResult {
  status: CheckStatus;
  resources: ResourceReport[];
}

/** `<resource>-lifeboat-<UTC timestamp>[-<label>]`, for example web-1-lifeboat-20261123T020000Z-pre-deploy. */
export function manualSnapshotName(resource: string, time: Date, label?: string): string {
  return `${resource}-lifeboat-${makeSnapshotId(time, label)}`;
}

function failedJudgement(resource: ResourceRef, message: string): ResourceReport {
  return {
    resource,
    status: 'crit',
    findings: [{ level: 'crit', message }],
    autoSnapshotEnabled: false,
    snapshotTimeOfDay: '',
    latestSnapshot: '',
    latestAgeHours: undefined,
    snapshotCount: 0,
    createdSnapshot: '',
    createdSnapshotState: '',
  };
}

function isExpectedLookupError(err: unknown): boolean {
  return err instanceof LightsailNotFoundError || err instanceof LightsailAccessDeniedError;
}

/**
 * Checks every resource (one after the other, so that a log reads in order) and, when asked, takes
 * a manual snapshot of each. A resource that cannot be read (not found, access denied, API error)
 * is crit with the reason; every other resource is still checked. Once the signal is aborted
 * (the job was cancelled) no further call starts and no snapshot is created: the check rejects
 * with the signal's reason, also in the middle of waiting for a new snapshot.
 */
export async function checkSnapshots(
  options: SnapshotCheckOptions,
  deps: { api: LightsailApi; clock?: Clock; logger: Logger; signal?: AbortSignal },
): Promise<SnapshotCheckResult> {
  const clock = deps.clock ?? systemClock;
  const reports: ResourceReport[] = [];
  for (const resource of options.resources) {
    deps.signal?.throwIfAborted();
    const report = await deps.logger.group(`${describeResource(resource)}`, () =>
      checkOne(resource, options, deps.api, clock, deps.logger, deps.signal),
    );
    reports.push(report);
  }
  return { status: worstStatus(reports.map((r) => r.status)), resources: reports };
}

async function checkOne(
  resource: ResourceRef,
  options: SnapshotCheckOptions,
  api: LightsailApi,
  clock: Clock,
  logger: Logger,
  signal: AbortSignal | undefined,
): Promise<ResourceReport> {
  let report: ResourceReport;
  try {
    const addOn = await api.getAutoSnapshotAddOn(resource);
    logger.info(
      `AutoSnapshot add-on: ${addOn ? `${addOn.status}${addOn.snapshotTimeOfDay ? ` at ${addOn.snapshotTimeOfDay} UTC` : ''}` : 'none'}`,
    );
    const auto = await api.getAutoSnapshots(resource);
    const manual = await api.listManualSnapshots(resource);
    logger.info(`${auto.length} automatic and ${manual.length} manual snapshot(s)`);
    for (const s of [...auto, ...manual].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())) {
      logger.debug(
        `  ${s.name}  ${s.createdAt.toISOString()}  ${s.rawState}${s.automatic ? '  (automatic)' : ''}`,
      );
    }
    const judgement = judgeSnapshots(resource, addOn, [...auto, ...manual], options.policy, clock.now());
    report = { resource, ...judgement, createdSnapshot: '', createdSnapshotState: '' };
  } catch (err) {
    if (!isExpectedLookupError(err)) logger.debug(`lookup of ${resource.name} failed: ${errorMessage(err)}`);
    return failedJudgement(resource, errorMessage(err));
  }

  if (options.create) {
    signal?.throwIfAborted();
    const created = await createSnapshot(
      resource,
      options.create,
      options.policy.region,
      api,
      clock,
      logger,
      signal,
    );
    report.createdSnapshot = created.name;
    report.createdSnapshotState = created.state;
    addFinding(report, created.finding);
  }
  return report;
}

async function createSnapshot(
  resource: ResourceRef,
  create: CreateSnapshotOptions,
  region: string,
  api: LightsailApi,
  clock: Clock,
  logger: Logger,
  signal: AbortSignal | undefined,
): Promise<{ name: string; state: string; finding?: Finding }> {
  const who = describeResource(resource);
  const name = manualSnapshotName(resource.name, clock.now(), create.label);
  try {
    await api.createSnapshot(resource, name);
  } catch (err) {
    return {
      name: '',
      state: '',
      finding: { level: 'crit', message: `${who}: could not create snapshot ${name}: ${errorMessage(err)}` },
    };
  }
  logger.info(`created snapshot ${name}`);
  if (!create.wait) return { name, state: 'pending' };

  const started = clock.now().getTime();
  const deadline = started + create.waitTimeoutSeconds * 1000;
  const getCommand =
    resource.kind === 'instance'
      ? `aws lightsail get-instance-snapshot --region ${region} --instance-snapshot-name ${name}`
      : `aws lightsail get-disk-snapshot --region ${region} --disk-snapshot-name ${name}`;
  let state = 'pending';
  for (;;) {
    try {
      const snap = await api.getSnapshot(resource.kind, name);
      state = snap.rawState;
      if (snap.state === 'success') {
        logger.info(
          `snapshot ${name} is ${state} after ${formatDuration((clock.now().getTime() - started) / 1000)}`,
        );
        return { name, state };
      }
      if (snap.state === 'failed') {
        return {
          name,
          state,
          finding: {
            level: 'crit',
            message:
              `${who}: the new snapshot ${name} ended in state "${state}". Lightsail could not take it: ` +
              `check the instance's health and \`${getCommand}\`, then run again.`,
          },
        };
      }
    } catch (err) {
      // a snapshot that was just created may not be visible yet: keep polling until the deadline
      if (!(err instanceof LightsailNotFoundError)) {
        return {
          name,
          state,
          finding: {
            level: 'crit',
            message: `${who}: could not follow the new snapshot ${name}: ${errorMessage(err)}`,
          },
        };
      }
    }
    const remaining = deadline - clock.now().getTime();
    if (remaining <= 0) break;
    logger.debug(`snapshot ${name} is ${state}; polling again`);
    await clock.sleep(Math.min(create.pollIntervalMs, remaining), signal).catch((err: unknown) => {
      if (!signal?.aborted) throw err;
      // cancelled: the snapshot exists and goes on without lifeboat; say where to follow it
      throw new OperationFailedError(
        `${who}: ${errorMessage(err)} while waiting for the new snapshot ${name} (still "${state}"). ` +
          `It may still complete: follow it with \`${getCommand}\`.`,
      );
    });
  }
  return {
    name,
    state,
    finding: {
      level: 'crit',
      message:
        `${who}: the new snapshot ${name} is still "${state}" after ${formatDuration(create.waitTimeoutSeconds)} (wait-timeout). ` +
        `It may still complete: follow it with \`${getCommand}\`; raise wait-timeout if snapshots of this size take longer.`,
    },
  };
}
