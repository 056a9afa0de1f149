import { join, resolve } from 'node:path';
import { TargetLayout } from '../catalog/layout.js';
import { selectSnapshot } from '../catalog/select-snapshot.js';
import { remotePathData, swapRemote } from '../restore/remote-swap.js';
import { MAX_ROOTS } from '../restore/member-selection.js';
import { planDiff, type PlanDiff } from '../restore/plan-diff.js';
import { discardRemoteHolding, remoteHoldingDir } from '../restore/restore-to-remote.js';
import { dataIn, halfMoved, selectionKey, StagedRestore } from '../restore/staged-restore.js';
import { PRE_RESTORE_PREFIX, RESTORE_FOLDER } from '../restore/volume-contents.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import { ConfigurationError } from '../util/errors.js';
import { onInterrupt } from '../util/interrupt-cleanup.js';
import { shellArg } from '../util/shell.js';
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
  /** The directory on this machine the snapshot is restored into. */
  dir: string;
  /**
   * true: restore only when `dir` holds no data (volume-contents.ts), for a fresh volume; otherwise
   * it is left alone. false: `dir` must hold no data either, and a directory that does is refused
   * with a message that says how to proceed: a restore never removes or overwrites anything.
   */
  ifEmpty: boolean;
}

export type DirectoryRestoreOutcome =
  /** `data`: what is there (names, or lost+found with its count). */
  | { kind: 'not-empty'; path: string; data: string[] }
  /** Verification failed: what the restore wrote is removed, `dir` is as it was. */
  | { kind: 'failed'; verify: VerifyResult }
  /**
   * `leftover`: the holding folder, when members stayed in it (a name `dir` already had);
   * `earlier`: other snapshots' holding folders in `dir`, left by restores that did not finish.
   */
  | { kind: 'restored'; verify: VerifyResult; path: string; leftover: string | null; earlier: string[] }
  /** A restore of this snapshot was killed while it moved the verified copy in: the rest was moved in now. */
  | { kind: 'finished'; snapshotId: string; path: string; leftover: string | null; collided: string[] };

/**
 * A snapshot into a directory of this machine, all or nothing (staged-restore.ts): extracted and
 * checked in one pass into a holding folder inside `dir`, then moved into place once verified.
 */
export async function restoreToDirectory(
  options: DirectoryRestoreOptions,
  deps: VerifyDeps,
): Promise<DirectoryRestoreOutcome> {
  const { dir, ifEmpty } = options;
  const layout = new TargetLayout(options.checks.prefix, options.checks.target);
  // a restore killed while it moved its verified copy in: finished, or named, before "holds data"
  const killed = await halfMoved(dir);
  if (killed) {
    const wanted = (await selectSnapshot(deps.store, layout, options.checks.snapshot)).manifest.snapshotId;
    const selection = selectionKey(options.checks.members);
    // a finish moves in what the killed run staged: only for the same snapshot and the same
    // selection (a whole restore finishing a killed --include one said "yes" for 40% of it)
    if (wanted !== killed.snapshotId || (killed.selection ?? selection) !== selection) {
      throw new ConfigurationError(
        halfMovedMessage(dir, killed.snapshotId, wanted, killed.selection, selection),
      );
    }
    const { leftover, collided } = await (
      await StagedRestore.resume(dir, killed.snapshotId)
    ).complete(selection);
    return { kind: 'finished', snapshotId: killed.snapshotId, path: resolve(dir), leftover, collided };
  }
  const data = await dataIn(dir);
  if (data.length > 0) {
    if (ifEmpty) return { kind: 'not-empty', path: dir, data };
    throw new ConfigurationError(holdsDataMessage(dir, data));
  }
  const snapshotId = (await selectSnapshot(deps.store, layout, options.checks.snapshot)).manifest.snapshotId;
  const staged = await StagedRestore.stage(dir, snapshotId);
  // a signal's grace may end the process before the copy is removed: then it is named (cli/main.ts)
  let settle!: (removal: Promise<void>) => void;
  const removed = new Promise<void>((resolve, reject) => (settle = (r) => void r.then(resolve, reject)));
  removed.catch(() => undefined);
  const copyCleanup = onInterrupt(
    deps.signal,
    `${staged.holding}, an unfinished copy of snapshot ${snapshotId}, not data ` +
      `(remove it: rm -rf ${shellArg(staged.holding)}; or restore snapshot ${snapshotId} into ${staged.dir} again, which replaces it)`,
    () => removed,
    'this machine',
  );
  const discard = () => {
    const removal = staged.discard();
    settle(removal);
    return removal;
  };
  let verify: VerifyResult;
  try {
    verify = await runVerify(
      {
        ...options.checks,
        snapshot: { kind: 'id', id: snapshotId },
        mode: 'extract',
        writeReport: false,
        holdingDir: () => staged.holding,
        holdingMarker: false,
      },
      deps,
    );
  } catch (err) {
    await discard();
    throw err;
  }
  if (!verify.report.verified) {
    await discard();
    return { kind: 'failed', verify };
  }
  // from the first move on, the holding folder is the verified rest of what is in `dir`: never
  // to be removed, and what finishes it is the same restore again
  copyCleanup.cancel();
  const completing = staged.complete(selectionKey(options.checks.members));
  onInterrupt(
    deps.signal,
    `part of snapshot ${snapshotId} in ${staged.dir}, whose verified rest is in ${staged.holding} (do not remove it: ` +
      `restore snapshot ${snapshotId} into ${staged.dir} again, with the same --include/--exclude, to move the rest in)`,
    () => completing.then(() => undefined),
    'this machine',
  );
  const { leftover } = await completing;
  return { kind: 'restored', verify, path: staged.dir, leftover, earlier: staged.earlier };
}

/** A killed restore of another snapshot left part of it in `dir`: nothing is done, and how to go on. */
function halfMovedMessage(
  dir: string,
  killed: string,
  wanted: string,
  killedSelection: string | undefined,
  selection: string,
): string {
  const holding = join(resolve(dir), RESTORE_FOLDER, killed);
  const what = (key: string) => {
    if (key === '') return 'the whole snapshot';
    const { include, exclude } = JSON.parse(key) as { include: string[]; exclude: string[] };
    return [
      ...include.map((g) => `--include ${shellArg(g)}`),
      ...exclude.map((g) => `--exclude ${shellArg(g)}`),
    ].join(' ');
  };
  const same = killedSelection === undefined || killedSelection === selection;
  return (
    `${dir} holds part of snapshot ${killed}${same ? '' : ` (${what(killedSelection)})`}: a restore was killed while it moved that verified copy into place, ` +
    `and the rest is in ${holding}. Restore snapshot ${killed} into ${dir} again${same ? '' : ` with ${what(killedSelection)}`} to finish it (it moves the rest in), ` +
    `or move ${dir} aside (mv ${dir} ${dir}.old) and restore ${wanted === killed && !same ? `${what(selection)} of snapshot ${wanted}` : `snapshot ${wanted}`}.`
  );
}

/** Why `--to DIR` is refused, naming what is in the way and how to go on. */
function holdsDataMessage(dir: string, data: string[]): string {
  const shown = data.slice(0, 3).map((n) => JSON.stringify(n));
  const more = data.length > 3 ? ` and ${data.length - 3} more` : '';
  return (
    `${dir} already holds ${shown.join(', ')}${more}, which this restore did not write: a restore never ` +
    `removes or overwrites anything. Restore into a new or empty directory, or move ${dir} aside ` +
    `(mv ${dir} ${dir}.old) and restore again.`
  );
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
  | { kind: 'not-empty'; snapshotId: string; path: string; machine: string; data: string[] }
  /** diff: what the swap would change on the machine (plan-diff.ts), or why it is not shown. */
  | { kind: 'planned'; snapshotId: string; plan: string[]; diff: PlanDiff }
  /** Verification or the copy into the holding folder failed; `message` says why (live contents untouched). */
  | { kind: 'failed'; snapshotId: string; verify: VerifyResult; message: string }
  /** previousContents: where the live data was kept (null: the path held none); leftover: see SwapResult. */
  | {
      kind: 'swapped';
      snapshotId: string;
      verify: VerifyResult;
      previousContents: string | null;
      leftover: string | null;
    };

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
  if (mode === 'if-empty') {
    const data = await remotePathData(source, path);
    if (data.length > 0) return { kind: 'not-empty', snapshotId, path, machine, data };
  }
  const selective = options.checks.members !== undefined;
  if (mode === 'plan') {
    const diff = await planDiff({
      store: deps.store,
      layout,
      manifest: selected.manifest,
      source,
      path,
      ...(options.checks.members ? { members: options.checks.members } : {}),
      ...(options.checks.decryptionIdentity ? { decryptionIdentity: options.checks.decryptionIdentity } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    return { kind: 'planned', snapshotId, plan: swapPlan(path, snapshotId, machine, selective), diff };
  }

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
  if (selective && !verify.selectedRoots) {
    await discardRemoteHolding(source, path, snapshotId);
    throw new ConfigurationError(
      `--include/--exclude select more than ${MAX_ROOTS} separate paths of snapshot ${snapshotId}, too many to swap one by one: ` +
        `select the folders they are in, or restore --to DIR and copy what you need. The machine was not changed.`,
    );
  }
  const { previousContents, leftover } = await swapRemote(
    source,
    path,
    snapshotId,
    now(),
    selective ? verify.selectedRoots : undefined,
    deps.signal,
  );
  return { kind: 'swapped', snapshotId, verify, previousContents, leftover };
}

/** What apply does, step by step, in the words of the plan a person reviews. */
function swapPlan(path: string, snapshotId: string, machine: string, selective: boolean): string[] {
  const holding = remoteHoldingDir(path, snapshotId);
  if (selective) {
    return [
      `verify snapshot ${snapshotId} and stream the members --include/--exclude select into ${holding} on ${machine}`,
      `move the live copies of those paths aside into ${path}/${PRE_RESTORE_PREFIX}<time>/ (kept)`,
      `move the restored paths into place; every other name in ${path} stays as it is`,
    ];
  }
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
