import { words } from '../util/vocabulary.js';
import { formatDuration } from '../util/format.js';
import {
  ageHours,
  ageSeconds,
  hoursText,
  statusOfFindings,
  type CheckStatus,
  type Finding,
} from '../util/check-status.js';

/**
 * The judgement of a Fly volume's own snapshots, modeled on sanoid's --monitor-snapshots (and on
 * lightsail/judge.ts): pure functions over plain data and a given "now", so every rule is tested
 * with a fixed clock. Fly takes one snapshot of every volume a day and keeps each
 * `snapshot_retention` days; the rules ask whether that is happening, not only whether it is set.
 */

/** Fly's snapshot_retention (days) when a volume has none set (the Machines API docs). */
export const FLY_DEFAULT_SNAPSHOT_RETENTION = 5;
/** Fly accepts a snapshot_retention of 1 to 60 days. */
export const FLY_MAX_SNAPSHOT_RETENTION = 60;

export type SnapshotState = 'success' | 'failed' | 'in-progress' | 'unknown';

/** A volume as `fly volumes list --json` describes it (superfly/fly-go volume_types.go `Volume`). */
export interface FlyVolume {
  id: string;
  /** The [mounts] source name in fly.toml; several volumes of an app may share it. */
  name: string;
  state: string;
  region: string;
  sizeGb: number;
  /** The machine it is attached to; null when it is attached to none. */
  attachedMachineId: string | null;
  createdAt: Date | undefined;
  /** snapshot_retention in days; undefined when Fly reports none (0), which means 5. */
  snapshotRetention: number | undefined;
  /** auto_backup_enabled: false turns the daily snapshots off; undefined when flyctl does not say. */
  scheduledSnapshots: boolean | undefined;
}

/** A snapshot as `fly volumes snapshots list VOL --json` describes it (fly-go `VolumeSnapshot`). */
export interface FlySnapshot {
  /** '' while Fly has not given it an id yet (flyctl's table shows "(pending)"). */
  id: string;
  createdAt: Date | undefined;
  state: SnapshotState;
  /** The status as flyctl prints it ("created", ...), for messages. */
  status: string;
  sizeBytes: number;
  retentionDays: number | undefined;
}

export interface FlyCheckPolicy {
  warnAgeSeconds: number;
  maxAgeSeconds: number;
  /** The number of created snapshots required, and the least snapshot_retention that can keep them. */
  minCount: number;
  /** The app, named in the fix commands. */
  app: string;
}

export interface VolumeJudgement {
  status: CheckStatus;
  findings: Finding[];
  /** The retention in force, in days (Fly's default when the volume has none set). */
  snapshotRetention: number;
  /** false only when Fly says the daily snapshots are off. */
  scheduledSnapshots: boolean;
  /** Id of the newest created snapshot, '' when there is none. */
  latestSnapshot: string;
  /** Age of the newest created snapshot in hours (one decimal), undefined when there is none. */
  latestAgeHours: number | undefined;
  /** Created snapshots (daily and on-demand). */
  snapshotCount: number;
}

/**
 * The status words of a Fly snapshot. flyctl's own test waits for "created" (flyctl
 * test/preflight/fly_volume_test.go at v0.4.87); no other word is documented, so a word that
 * names a failure counts as failed, any other word (or none, with no id yet) as in progress.
 */
export function snapshotState(status: string, id: string): SnapshotState {
  const s = status.trim().toLowerCase();
  if (s === 'created') return 'success';
  if (['failed', 'error', 'errored'].includes(s)) return 'failed';
  if (s === '' || id === '' || ['pending', 'creating', 'running', 'in_progress', 'scheduled'].includes(s))
    return 'in-progress';
  return 'unknown';
}

export function describeVolume(v: Pick<FlyVolume, 'id' | 'name'>): string {
  return v.name ? `Volume ${v.id} ("${v.name}")` : `Volume ${v.id}`;
}

export function listCommand(volumeId: string, app: string): string {
  return `fly volumes snapshots list ${volumeId} -a ${app}`;
}

/** Newest first; a snapshot without a time sorts last; ties keep their order. */
export function newestFirst(snapshots: readonly FlySnapshot[]): FlySnapshot[] {
  // the earliest time a Date can hold, so that two snapshots without a time compare equal
  const t = (s: FlySnapshot) => s.createdAt?.getTime() ?? -8.64e15;
  return [...snapshots].sort((a, b) => t(b) - t(a));
}

function named(s: FlySnapshot): string {
  return s.id || '(pending)';
}

const DAY_SECONDS = 86400;

/** A limit in whole hours as hours ("50h", as the defaults are written), else as formatDuration. */
function limitText(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600}h` : formatDuration(seconds);
}

/** What the rules look at, worked out once from the volume, its snapshots and the clock. */
interface Facts {
  volume: FlyVolume;
  who: string;
  app: string;
  policy: FlyCheckPolicy;
  now: Date;
  /** The retention in force (Fly's default when none is set). */
  retention: number;
  scheduled: boolean;
  /** Every snapshot, newest first. */
  sorted: FlySnapshot[];
  /** The created ones, newest first. */
  created: FlySnapshot[];
  /** The newest created snapshot with a time, and its age. */
  latest: { snapshot: FlySnapshot; age: number } | undefined;
  volumeAge: number | undefined;
  /** `fly volumes snapshots list VOL -a APP`, quoted, for the messages. */
  history: string;
}

type Rule = (f: Facts) => Finding | undefined;

const crit = (message: string): Finding => ({ level: 'crit', message });
const warn = (message: string): Finding => ({ level: 'warn', message });

const scheduledSnapshotsOff: Rule = ({ who, volume, app, scheduled }) =>
  scheduled
    ? undefined
    : crit(
        `${who}: scheduled daily snapshots are off (auto_backup_enabled is false), so Fly takes no new snapshot of it. ` +
          `Turn them on with \`fly volumes update ${volume.id} --scheduled-snapshots=true -a ${app}\`, and remove ` +
          `\`scheduled_snapshots = false\` from [mounts] in fly.toml so that the volumes \`fly deploy\` creates have them.`,
      );

/** A retention shorter than min-count can never keep min-count daily snapshots. */
const retentionTooShort: Rule = ({ who, volume, app, policy, retention }) => {
  if (retention >= policy.minCount) return undefined;
  const days = Math.min(policy.minCount, FLY_MAX_SNAPSHOT_RETENTION);
  const set =
    volume.snapshotRetention === undefined
      ? `has no snapshot_retention, so Fly keeps each snapshot ${FLY_DEFAULT_SNAPSHOT_RETENTION} days`
      : `has snapshot_retention = ${retention}, so Fly keeps each snapshot ${retention} day(s)`;
  return crit(
    `${who} ${set}: about ${retention} daily snapshot(s) at any time; at least ${policy.minCount} are required (min-count). ` +
      `Raise it on this volume with \`fly volumes update ${volume.id} --snapshot-retention ${days} -a ${app}\` (it applies to new snapshots), ` +
      `and set \`snapshot_retention = ${days}\` under [mounts] in fly.toml so that the volumes \`fly deploy\` creates get it too ` +
      `(fly deploy does not change existing volumes).`,
  );
};

const orphaned: Rule = ({ who, volume, app }) =>
  volume.attachedMachineId !== null
    ? undefined
    : warn(
        `${who} is attached to no machine: after a migration or a scale-down it is often a leftover, and its snapshots ` +
          `are not of the live data. If the app should use it, attach it (\`fly machine clone <machine id> --attach-volume ${volume.id}:<mount path> -a ${app}\`, or \`fly deploy\` with its name as [mounts] source); ` +
          `if it is a leftover, keep a last snapshot and destroy it (\`fly volumes destroy ${volume.id} -a ${app}\`), ` +
          `or leave it out of this check by naming the volumes to check (volume).`,
      );

const noCreatedSnapshot: Rule = ({ who, volume, policy, sorted, latest, scheduled, volumeAge, history }) => {
  if (latest) return undefined;
  const others = sorted.length
    ? ` (${sorted.length} snapshot(s), none created: ${sorted
        .slice(0, 3)
        .map((s) => `${named(s)} ${s.status || 'without status'}`)
        .join(', ')})`
    : '';
  const attached = volume.attachedMachineId ? `, attached to machine ${volume.attachedMachineId},` : '';
  const fix = !scheduled
    ? `Turn the daily snapshots on (above) and take one now with ${words().setting('create-snapshot', true)}.`
    : volumeAge !== undefined && volumeAge < DAY_SECONDS
      ? `The volume was created ${hoursText(volumeAge)} ago and Fly takes the first daily snapshot within a day: take one now with ${words().setting('create-snapshot', true)}.`
      : `Fly should take one a day: look at ${history} and the volume's state, and take one now with ${words().setting('create-snapshot', true)}.`;
  return crit(
    `${who}${attached} has no created snapshot${others}; at least ${policy.minCount} are required (min-count). ${fix}`,
  );
};

/** The newest created snapshot against max-age (crit) and warn-age (warn): one finding at most. */
const newestCreatedAge: Rule = ({ who, volume, app, policy, latest, sorted, scheduled, history }) => {
  if (!latest) return undefined;
  const age = hoursText(latest.age);
  const maxAge = limitText(policy.maxAgeSeconds);
  if (latest.age > policy.maxAgeSeconds) {
    const newest = sorted[0]!;
    const failed =
      newest.state === 'failed' ? ` The newest snapshot, ${named(newest)}, is ${newest.status};` : '';
    const fix = scheduled
      ? `Daily snapshots have stopped: check ${history} and the volume's host (\`fly volumes show ${volume.id} -a ${app}\`), and take one now with ${words().setting('create-snapshot', true)}.`
      : `Turn the daily snapshots on (above), and take one now with ${words().setting('create-snapshot', true)}.`;
    return crit(
      `${who}: the newest created snapshot, ${latest.snapshot.id}, is ${age} old; the limit (max-age) is ${maxAge}.${failed} ${fix}`,
    );
  }
  if (latest.age <= policy.warnAgeSeconds) return undefined;
  return warn(
    `${who}: the newest created snapshot, ${latest.snapshot.id}, is ${age} old; the warning limit (warn-age) is ` +
      `${limitText(policy.warnAgeSeconds)} and it turns critical at ${maxAge} (max-age). If today's snapshot is late, check ${history}; ` +
      `if this check runs shortly before Fly's daily snapshot of this volume, schedule it later.`,
  );
};

/** The newest snapshot failed or is still being taken while a created one is within max-age. */
const newestNotCreated: Rule = ({ who, policy, latest, sorted, now, history }) => {
  const newest = sorted[0];
  if (!latest || !newest || latest.age > policy.maxAgeSeconds) return undefined;
  const previous = `the previous created one, ${latest.snapshot.id}, is ${hoursText(latest.age)} old`;
  const maxAge = limitText(policy.maxAgeSeconds);
  if (newest.state === 'failed') {
    return warn(
      `${who}: the newest snapshot, ${named(newest)}, is ${newest.status}; ${previous} and turns critical at ${maxAge} (max-age). ` +
        `Check ${history}; take one now with ${words().setting('create-snapshot', true)}.`,
    );
  }
  if (newest.state !== 'in-progress') return undefined;
  const started = newest.createdAt ? ` (started ${hoursText(ageSeconds(now, newest.createdAt))} ago)` : '';
  return warn(
    `${who}: the newest snapshot, ${named(newest)}, is still ${newest.status || 'pending'}${started}; ` +
      `${previous}, within max-age ${maxAge}. Run the check later in the day.`,
  );
};

/**
 * Fewer created snapshots than min-count. At the daily turnover Fly may delete the oldest before
 * it takes the new one: one short, with a retention that keeps min-count and the day's snapshot
 * due, is that moment (warn), not a loss (crit).
 */
const tooFewKept: Rule = ({ who, policy, created, latest, retention, volumeAge, history }) => {
  if (!latest || created.length >= policy.minCount) return undefined;
  if (created.length === policy.minCount - 1 && retention >= policy.minCount && latest.age > DAY_SECONDS) {
    return warn(
      `${who}: ${created.length} created snapshot(s), one fewer than min-count (${policy.minCount}), while the day's snapshot is due ` +
        `(the newest is ${hoursText(latest.age)} old): Fly may have removed the oldest before taking the new one. It turns critical if it stays so; check ${history}.`,
    );
  }
  const why =
    volumeAge !== undefined && volumeAge < policy.minCount * DAY_SECONDS
      ? `The volume was created ${formatDuration(volumeAge)} ago and Fly takes one snapshot a day: wait until ${policy.minCount} exist, or lower min-count.`
      : retention >= policy.minCount
        ? `Fewer means the daily snapshots were off or failed for a while: check ${history}.`
        : 'Raise the retention (above).';
  return crit(
    `${who}: ${created.length} created snapshot(s); at least ${policy.minCount} are required (min-count). ${why}`,
  );
};

/** Every rule, in the order its findings are reported. */
const RULES: readonly Rule[] = [
  scheduledSnapshotsOff,
  retentionTooShort,
  orphaned,
  noCreatedSnapshot,
  newestCreatedAge,
  newestNotCreated,
  tooFewKept,
];

/**
 * Judges one volume:
 * - crit: daily snapshots off; snapshot_retention below min-count (it can never keep that many);
 *   no created snapshot; the newest created one older than max-age (saying so when the newest
 *   snapshot failed); fewer created snapshots than min-count, except at the daily turnover.
 * - warn: attached to no machine (orphaned, for example after a migration); the newest created
 *   snapshot older than warn-age; the newest snapshot failed or still in progress while a created
 *   one is within max-age; one snapshot short at the daily turnover (tooFewKept).
 */
export function judgeVolume(
  volume: FlyVolume,
  snapshots: readonly FlySnapshot[],
  policy: FlyCheckPolicy,
  now: Date,
): VolumeJudgement {
  const sorted = newestFirst(snapshots);
  const created = sorted.filter((s) => s.state === 'success');
  const newestTimed = created.find((s) => s.createdAt !== undefined);
  const facts: Facts = {
    volume,
    who: describeVolume(volume),
    app: policy.app,
    policy,
    now,
    retention: volume.snapshotRetention ?? FLY_DEFAULT_SNAPSHOT_RETENTION,
    scheduled: volume.scheduledSnapshots !== false,
    sorted,
    created,
    latest: newestTimed?.createdAt
      ? { snapshot: newestTimed, age: ageSeconds(now, newestTimed.createdAt) }
      : undefined,
    volumeAge: volume.createdAt ? ageSeconds(now, volume.createdAt) : undefined,
    history: `\`${listCommand(volume.id, policy.app)}\``,
  };
  const findings = RULES.flatMap((rule) => rule(facts) ?? []);
  return {
    status: statusOfFindings(findings),
    findings,
    snapshotRetention: facts.retention,
    scheduledSnapshots: facts.scheduled,
    latestSnapshot: facts.latest?.snapshot.id ?? '',
    latestAgeHours: ageHours(facts.latest?.age),
    snapshotCount: created.length,
  };
}
