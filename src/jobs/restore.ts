import { readdirSync } from 'node:fs';
import { TargetLayout } from '../catalog/layout.js';
import { selectSnapshot } from '../catalog/select-snapshot.js';
import { isRemotePathEmpty, PRE_RESTORE_PREFIX, swapRemote } from '../restore/remote-swap.js';
import { remoteHoldingDir, RESTORE_FOLDER } from '../restore/restore-to-remote.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import { runVerify, type VerifyDeps, type VerifyOptions, type VerifyResult } from './verify.js';

/**
 * Restores, start to end: a snapshot is always verified on the way in (a restore is a
 * verification that keeps what it wrote), and live contents are never deleted: a machine's are
 * moved aside before the verified copy moves into place, and only after a confirmation that names
 * the snapshot (or into a path that holds nothing). The edges parse their flags or inputs into
 * these options, answer the confirmation and print the outcome.
 */

/** What a restore verifies on the way in; the restore itself decides the mode, where it writes and the report. */
export type RestoreChecks = Omit<
  VerifyOptions,
  'mode' | 'holdingDir' | 'holdingMarker' | 'writeReport' | 'restoreTo'
>;

/**
 * verify-restore, for the action and `lifeboat verify` alike: the machine a verified copy goes to
 * (restore-to-app / restore-to-host) is checked first, before anything is downloaded; then runVerify.
 */
export async function verifyAndRestore(options: VerifyOptions, deps: VerifyDeps): Promise<VerifyResult> {
  if (options.restoreTo) await options.restoreTo.source.preflight(deps.signal);
  return runVerify(options, deps);
}

export interface DirectoryRestoreOptions {
  checks: RestoreChecks;
  /** The directory on this machine the snapshot is extracted into. */
  dir: string;
  /**
   * true: restore only when `dir` holds nothing (lifeboat's own folders aside), for a fresh volume;
   * otherwise it is left alone. false: `dir` must be new, empty or an earlier attempt of this
   * snapshot (the holding-directory rule), and the attempt marker is left beside it.
   */
  ifEmpty: boolean;
}

export type DirectoryRestoreOutcome =
  { kind: 'not-empty'; path: string } | { kind: 'restored' | 'failed'; verify: VerifyResult };

/** A snapshot into a directory of this machine, extracted and checked in one pass. */
export async function restoreToDirectory(
  options: DirectoryRestoreOptions,
  deps: VerifyDeps,
): Promise<DirectoryRestoreOutcome> {
  const { dir, ifEmpty } = options;
  if (ifEmpty && localPathHoldsData(dir)) return { kind: 'not-empty', path: dir };
  const verify = await runVerify(
    {
      ...options.checks,
      mode: 'extract',
      writeReport: false,
      holdingDir: () => dir,
      holdingMarker: !ifEmpty,
    },
    deps,
  );
  return { kind: verify.report.verified ? 'restored' : 'failed', verify };
}

/**
 * plan: check the machine and say what apply would do, changing nothing. apply: swap the verified
 * copy in, once the confirmation names the snapshot. if-empty: restore only into an empty path (a
 * fresh volume, nothing to move aside), without a confirmation.
 */
export type MachineRestoreMode = 'plan' | 'apply' | 'if-empty';

export interface MachineRestoreOptions {
  checks: RestoreChecks;
  /** The machine (a Fly app over flyctl, an SSH host) and the volume's mount point on it. */
  source: ArchiveSource;
  path: string;
  mode: MachineRestoreMode;
}

export interface MachineRestoreDeps extends VerifyDeps {
  /** Whether the person confirmed restoring this snapshot (apply only); asked before the machine is touched. */
  confirm(snapshotId: string): boolean | Promise<boolean>;
}

export type MachineRestoreOutcome =
  | { kind: 'refused'; snapshotId: string }
  | { kind: 'not-empty'; snapshotId: string; path: string; machine: string }
  | { kind: 'planned'; snapshotId: string; plan: string[] }
  /** Verification or the copy into the holding folder failed; `message` says why (live contents untouched). */
  | { kind: 'failed'; snapshotId: string; verify: VerifyResult; message: string }
  | { kind: 'swapped'; snapshotId: string; verify: VerifyResult; previousContents: string };

/**
 * A snapshot into a machine's volume: select it, confirm it (apply), check the machine, then
 * verify it while streaming it into `<path>/.lifeboat-restore/<id>/` there, and swap that copy in.
 * Nothing on the machine changes before the swap, and the swap keeps the live contents aside.
 */
export async function restoreToMachine(
  options: MachineRestoreOptions,
  deps: MachineRestoreDeps,
): Promise<MachineRestoreOutcome> {
  const { source, path, mode } = options;
  const now = deps.now ?? (() => new Date());
  const layout = new TargetLayout(options.checks.prefix, options.checks.target);
  const selected = await selectSnapshot(deps.store, layout, options.checks.snapshot);
  const snapshotId = selected.manifest.snapshotId;
  if (mode === 'apply' && !(await deps.confirm(snapshotId))) return { kind: 'refused', snapshotId };

  await source.preflight(deps.signal);
  const machine = machineName(source);
  if (mode === 'if-empty' && !(await isRemotePathEmpty(source, path))) {
    return { kind: 'not-empty', snapshotId, path, machine };
  }
  if (mode === 'plan') return { kind: 'planned', snapshotId, plan: swapPlan(path, snapshotId, machine) };

  const verify = await runVerify(
    {
      ...options.checks,
      snapshot: { kind: 'id', id: snapshotId },
      mode: 'stream',
      writeReport: false,
      holdingDir: streamModeWritesNoHoldingDir,
      restoreTo: { source, path },
    },
    deps,
  );
  if (!verify.report.verified || !verify.report.restoredTo) {
    const why = verify.failure || 'the holding copy was not written';
    return { kind: 'failed', snapshotId, verify, message: `${why}; the live contents were not touched.` };
  }
  const previousContents = await swapRemote(source, path, snapshotId, now());
  return { kind: 'swapped', snapshotId, verify, previousContents };
}

/** What apply does, step by step, in the words of the plan a person reviews. */
function swapPlan(path: string, snapshotId: string, machine: string): string[] {
  const holding = remoteHoldingDir(path, snapshotId);
  return [
    `verify snapshot ${snapshotId} and stream it into ${holding} on ${machine}`,
    `move the live contents of ${path} aside into ${path}/${PRE_RESTORE_PREFIX}<time>/ (kept)`,
    `move ${holding} into place`,
  ];
}

/** The Fly app or SSH host a source reaches, for messages. */
function machineName(source: ArchiveSource): string {
  return source.description.app ?? source.description.host ?? source.label;
}

/** runVerify asks for a holding directory only in extract mode; a machine restore streams. */
function streamModeWritesNoHoldingDir(): string {
  throw new Error('a stream-mode verification writes no holding directory');
}

/** Whether a local directory holds anything but lifeboat's own folders (a missing one holds nothing). */
function localPathHoldsData(dir: string): boolean {
  try {
    return readdirSync(dir).some((n) => n !== RESTORE_FOLDER && !n.startsWith(PRE_RESTORE_PREFIX));
  } catch {
    return false;
  }
}
