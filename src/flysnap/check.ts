import { words } from '../util/vocabulary.js';
import { formatDuration } from '../util/format.js';
import { errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { systemClock, type Clock } from '../util/clock.js';
import {
  addFinding,
  statusOfFindings,
  worstStatus,
  type CheckStatus,
  type Finding,
} from '../util/check-status.js';
import type { FlyVolumesApi } from './flyctl-volumes.js';
import {
  describeVolume,
  judgeVolume,
  listCommand,
  type FlyCheckPolicy,
  type FlySnapshot,
  type FlyVolume,
  type VolumeJudgement,
} from './judge.js';

export interface CreateFlySnapshotOptions {
  wait: boolean;
  waitTimeoutSeconds: number;
  pollIntervalMs: number;
}

export interface FlySnapshotCheckOptions {
  app: string;
  /** Volume ids to check, in this order; empty: every volume of the app, as flyctl lists them. */
  volumes: string[];
  policy: FlyCheckPolicy;
  /** Take an on-demand snapshot of every volume checked (after judging the existing ones). */
  create?: CreateFlySnapshotOptions;
}

/** The volume as the report names it; name and region are '' for an id the app does not have. */
export type VolumeRef = Pick<FlyVolume, 'id' | 'name' | 'region' | 'attachedMachineId'>;

export interface VolumeReport extends VolumeJudgement {
  volume: VolumeRef;
  /** Id of the snapshot taken by create-snapshot; '' when none, or while Fly has not listed it. */
  createdSnapshot: string;
  /** Its status when the check ended (created, pending, ...); 'requested' before Fly lists it; '' when none. */
  createdSnapshotState: string;
}

export interface FlySnapshotCheckResult {
  status: CheckStatus;
  app: string;
  flyctlVersion: string;
  volumes: VolumeReport[];
  /** Findings about the app rather than one volume: its volumes could not be listed, it has none. */
  findings: Finding[];
}

/** A snapshot listed after the request may carry a time this much before it (clock skew). */
const CLOCK_SKEW_MS = 10 * 60 * 1000;

function failedReport(volume: VolumeRef, message: string): VolumeReport {
  return {
    volume,
    status: 'crit',
    findings: [{ level: 'crit', message }],
    snapshotRetention: 0,
    scheduledSnapshots: false,
    latestSnapshot: '',
    latestAgeHours: undefined,
    snapshotCount: 0,
    createdSnapshot: '',
    createdSnapshotState: '',
  };
}

function refOf(v: FlyVolume): VolumeRef {
  return { id: v.id, name: v.name, region: v.region, attachedMachineId: v.attachedMachineId };
}

/**
 * Checks the volumes of one app, one after the other (so that a log reads in order), and, when
 * asked, takes an on-demand snapshot of each. A volume that cannot be read is crit with the
 * reason and every other volume is still checked; an app whose volumes cannot be listed, or that
 * has none, is crit with no volume reports. flyctl missing, too old or without a token throws a
 * ConfigurationError before any volume is looked at.
 */
export async function checkFlySnapshots(
  options: FlySnapshotCheckOptions,
  given: { api: FlyVolumesApi; clock?: Clock; logger: Logger; signal?: AbortSignal },
): Promise<FlySnapshotCheckResult> {
  const deps: Deps = { ...given, clock: given.clock ?? systemClock };
  const { app } = options;
  const flyctlVersion = await deps.api.preflight();
  deps.logger.info(`flyctl ${flyctlVersion}`);
  const done = (volumes: VolumeReport[], findings: Finding[]): FlySnapshotCheckResult => ({
    status: worstStatus([...volumes.map((v) => v.status), statusOfFindings(findings)]),
    app,
    flyctlVersion,
    volumes,
    findings,
  });

  let listed: FlyVolume[];
  try {
    listed = await deps.api.listVolumes(app);
  } catch (err) {
    if (deps.signal?.aborted) throw err;
    return done(
      [],
      [{ level: 'crit', message: `App ${app}: its volumes could not be listed: ${errorMessage(err)}` }],
    );
  }
  deps.logger.info(
    `app ${app}: ${listed.length} volume(s): ${listed.map((v) => describeVolume(v)).join(', ')}`,
  );
  if (listed.length === 0) {
    return done(
      [],
      [
        {
          level: 'crit',
          message:
            `App ${app} has no volume (\`fly volumes list -a ${app}\` lists none), so there is no snapshot to check. ` +
            `Check ${words().option('app')}; a volume that was destroyed is listed by \`fly volumes list -a ${app} --all\` and its snapshots stay restorable for a while.`,
        },
      ],
    );
  }

  const reports: VolumeReport[] = [];
  for (const id of options.volumes.length ? options.volumes : listed.map((v) => v.id)) {
    const volume = listed.find((v) => v.id === id);
    if (!volume) {
      reports.push(
        failedReport(
          { id, name: '', region: '', attachedMachineId: null },
          `Volume ${id} was not found in app ${app}; \`fly volumes list -a ${app}\` lists ${listed
            .map((v) => describeVolume(v))
            .join(', ')}. Check the volume input: a volume that was recreated has a new id.`,
        ),
      );
      continue;
    }
    reports.push(await deps.logger.group(describeVolume(volume), () => checkOne(volume, options, deps)));
  }
  return done(reports, []);
}

interface Deps {
  api: FlyVolumesApi;
  clock: Clock;
  logger: Logger;
  signal?: AbortSignal;
}

async function checkOne(
  volume: FlyVolume,
  options: FlySnapshotCheckOptions,
  deps: Deps,
): Promise<VolumeReport> {
  const { api, clock, logger, signal } = deps;
  let snapshots: FlySnapshot[];
  logger.info(
    `${volume.state || 'no state'}, ${volume.sizeGb} GB in ${volume.region || '?'}, ` +
      `${volume.attachedMachineId ? `attached to machine ${volume.attachedMachineId}` : 'attached to no machine'}, ` +
      `snapshot_retention ${volume.snapshotRetention ?? 'not set'}, scheduled snapshots ${volume.scheduledSnapshots === false ? 'off' : 'on'}`,
  );
  try {
    snapshots = await api.listSnapshots(options.app, volume.id);
  } catch (err) {
    if (signal?.aborted) throw err;
    return failedReport(refOf(volume), `${describeVolume(volume)}: ${errorMessage(err)}`);
  }
  logger.info(`${snapshots.length} snapshot(s)`);
  for (const s of snapshots) {
    logger.debug(`  ${s.id || '(pending)'}  ${s.createdAt?.toISOString() ?? '-'}  ${s.status}`);
  }
  const judgement = judgeVolume(volume, snapshots, options.policy, clock.now());
  const report: VolumeReport = {
    volume: refOf(volume),
    ...judgement,
    createdSnapshot: '',
    createdSnapshotState: '',
  };
  if (options.create) {
    const taken = await takeSnapshot(volume, snapshots, options.app, options.create, deps);
    report.createdSnapshot = taken.id;
    report.createdSnapshotState = taken.state;
    addFinding(report, taken.finding);
  }
  return report;
}

/**
 * The snapshot that a request made at `requestedAt` produced: one that was not listed before
 * (by id; a snapshot without an id yet by its time), not older than the request (less the clock
 * skew allowed), the newest of them. Fly's create answers with no id, so this is how it is found
 * (flyctl's own test follows a new snapshot the same way).
 */
export function findNewSnapshot(
  before: readonly FlySnapshot[],
  after: readonly FlySnapshot[],
  requestedAt: Date,
): FlySnapshot | undefined {
  const key = (s: FlySnapshot) => s.id || `@${s.createdAt?.toISOString() ?? ''}`;
  const seen = new Set(before.map(key));
  const since = requestedAt.getTime() - CLOCK_SKEW_MS;
  const fresh = after.filter(
    (s) => !seen.has(key(s)) && (s.createdAt === undefined || s.createdAt.getTime() >= since),
  );
  return fresh.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
}

/**
 * Requests a snapshot, then lists the volume's snapshots until the new one is created: with
 * wait, until wait-timeout; without, once (to report its id when Fly already lists it).
 */
async function takeSnapshot(
  volume: FlyVolume,
  before: readonly FlySnapshot[],
  app: string,
  create: CreateFlySnapshotOptions,
  { api, clock, logger, signal }: Deps,
): Promise<{ id: string; state: string; finding?: Finding }> {
  const who = describeVolume(volume);
  const follow = `\`${listCommand(volume.id, app)}\``;
  const requestedAt = clock.now();
  try {
    await api.createSnapshot(app, volume.id);
  } catch (err) {
    if (signal?.aborted) throw err;
    return {
      id: '',
      state: '',
      finding: { level: 'crit', message: `${who}: could not take a snapshot: ${errorMessage(err)}` },
    };
  }
  logger.info(`requested a snapshot of ${volume.id}`);
  const deadline = requestedAt.getTime() + (create.wait ? create.waitTimeoutSeconds * 1000 : 0);
  let found: FlySnapshot | undefined;
  for (;;) {
    try {
      found = findNewSnapshot(before, await api.listSnapshots(app, volume.id), requestedAt) ?? found;
    } catch (err) {
      if (signal?.aborted) throw err;
      const message = `${who}: could not follow the new snapshot: ${errorMessage(err)}`;
      return {
        id: found?.id ?? '',
        state: found?.status ?? 'requested',
        finding: { level: 'crit', message },
      };
    }
    if (found?.state === 'success') {
      const took = formatDuration((clock.now().getTime() - requestedAt.getTime()) / 1000);
      logger.info(`snapshot ${found.id} of ${volume.id} is ${found.status} after ${took}`);
      return { id: found.id, state: found.status };
    }
    if (found?.state === 'failed') {
      return {
        id: found.id,
        state: found.status,
        finding: {
          level: 'crit',
          message: `${who}: the new snapshot ${found.id || '(pending)'} ended "${found.status}": Fly could not take it. Check ${follow} and the volume's host, then run again.`,
        },
      };
    }
    const remaining = deadline - clock.now().getTime();
    if (remaining <= 0) break;
    logger.debug(
      `new snapshot of ${volume.id}: ${found ? found.status || 'pending' : 'not listed yet'}; polling again`,
    );
    await clock.sleep(Math.min(create.pollIntervalMs, remaining), signal);
  }
  const state = found ? found.status || 'pending' : 'requested';
  if (!create.wait) return { id: found?.id ?? '', state };
  return {
    id: found?.id ?? '',
    state,
    finding: {
      level: 'crit',
      message:
        `${who}: the new snapshot ${found ? `${found.id || '(pending)'} is still "${state}"` : 'is not listed yet'} after ` +
        `${formatDuration(create.waitTimeoutSeconds)} (wait-timeout). It may still complete: follow it with ${follow}; ` +
        `raise wait-timeout if snapshots of this volume take longer.`,
    },
  };
}
