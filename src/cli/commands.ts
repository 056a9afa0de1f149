import type { Writable } from 'node:stream';
import type { BackupResult } from '../jobs/backup.js';
import { changeCounts } from '../jobs/backup-changes.js';
import { describeChange, describeCounts } from '../catalog/index-diff.js';
import type { PlanDiff } from '../restore/plan-diff.js';
import { readMemberSelection } from '../options/restore-selection.js';
import type { MemberSelection } from '../restore/member-selection.js';
import { ConfigurationError } from '../util/errors.js';
import { formatBytes, formatCompression, formatDuration } from '../util/format.js';
import { TargetLayout } from '../catalog/layout.js';
import { readLatest } from '../catalog/listing.js';
import type { Logger } from '../util/logger.js';
import { readBackup } from '../options/backup-options.js';
import { readRetention } from '../options/retention-options.js';
import { required, type OptionReader } from '../options/option-reader.js';
import { readStorage } from '../options/storage-options.js';
import { readVerify } from '../options/verify-options.js';
import { executePrune, planTargetPrune } from '../catalog/prune.js';
import { verifyOptionsOf } from '../options/restore-target.js';
import type { DirectoryRestoreOutcome, MachineRestoreOutcome } from '../jobs/restore.js';
import type { VerifyResult } from '../jobs/verify.js';
import {
  drillOutcome,
  lackingWords,
  listJudgedSnapshots,
  type VerificationState,
} from '../catalog/verification.js';
import { S3ObjectStore } from '../storage/object-store.js';
import { describeObject } from '../storage/s3-client.js';
import { validateRemotePath, validateTarget } from '../util/validate.js';
import { backupSource } from './backup-source.js';
import { formatCliFlags, storageCliFlags, type CliFlag } from '../options/remote-source.js';
import { shellArg } from '../util/shell.js';
import { describeSource, refuseForeignTarget } from './default-target.js';
import type { FlagSpec } from './flags.js';
import {
  BACKUP,
  COMMON,
  FLY,
  FLY_SNAPSHOTS,
  GUARD,
  LIGHTSAIL,
  RESTORE,
  RESTORE_SELECTION,
  DUMP,
  RETENTION,
  SSH,
  STORAGE,
  TARGET,
  VERIFY,
  flag,
} from './specs.js';
import { guardOptions, readGuard } from '../options/guard-options.js';
import { readLightsail } from '../options/lightsail-options.js';
import { readFlySnapshotCheck } from '../options/fly-snapshot-options.js';
import { INDEX_COMMANDS } from './index-commands.js';

/*
 * Invariant: what only one command runs (its job, the TypeScript compiler of guard, the Lightsail
 * SDK, flyctl's client, the restore and extraction code) is imported inside that command's run,
 * so the bundle holds it in a chunk of its own (scripts/build.mjs) and no other command loads or
 * evaluates it: `lifeboat ls` starts without the 10 MB of compiler guard needs
 * (test/e2e/cli-lazy-load.test.ts). What is imported at the top is what every command's start
 * shares: flags, options, the store, the catalog.
 */

/** 0 ok; 1 a check failed; 2 usage or configuration error; 3 the operation or its environment failed (no verdict); 130 interrupted. */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2, failed: 3, interrupted: 130 } as const;

export interface CommandContext {
  reader: OptionReader;
  logger: Logger;
  signal: AbortSignal;
  /** Where results go (stdout); dump writes a file's bytes there. */
  out?: NodeJS.WritableStream;
  /** The arguments that are not flags (dump's PATH; ls PATH..., find PATTERN, diff A B). */
  positionals: string[];
  /**
   * Whether result() writes the JSON value (--json) rather than the rows: a command with a large
   * result (ls of 20,000 entries) builds only the form that is written.
   */
  json: boolean;
  /** Writes the result: a list of label/value rows for people, the object itself with --json. */
  result(rows: [string, string][], json: unknown): void;
}

export interface Command {
  summary: string;
  usage: string;
  flags: FlagSpec[];
  run(ctx: CommandContext): Promise<number>;
}

const backup: Command = {
  summary: 'stream a volume into the bucket (a Fly app, an SSH host or a local directory)',
  usage:
    'lifeboat backup (--app APP | --host HOST --user U --ssh-key-file F --known-hosts-file K | --local --path DIR) --bucket B [options]',
  flags: [...STORAGE, ...BACKUP, ...FLY, ...SSH, ...COMMON],
  async run(ctx) {
    const { source, defaultTarget } = backupSource(ctx.reader);
    const { backup: options, location } = readBackup(ctx.reader, defaultTarget);
    const store = new S3ObjectStore(location);
    if (!ctx.reader.text('target')) {
      // said first, so that a person sees where the snapshot goes; a target of another source is refused
      ctx.logger.info(
        `target: ${options.target} (the name of ${describeSource({ ...source.description, path: options.path })}; give --target to choose another)`,
      );
      await refuseForeignTarget(store, new TargetLayout(options.prefix, options.target), {
        ...source.description,
        path: options.path,
      });
    }
    const { runBackup } = await import('../jobs/backup.js');
    const r = await runBackup(options, { store, source, logger: ctx.logger, signal: ctx.signal });
    ctx.result(
      [
        ...(r.dryRun ? [['dry run', 'nothing was written to the bucket'] as [string, string]] : []),
        ['status', r.status],
        ['snapshot', r.dryRun ? `${r.snapshotId} (would be)` : r.snapshotId],
        [r.dryRun ? 'would store' : 'archive', describeObject(location, r.archiveKey)],
        [
          'size',
          `${formatBytes(r.sizeBytes)} ${formatCompression(r.compression)}${r.compressedOn === 'runner' ? ' (compressed on the runner)' : ''}`,
        ],
        ['sha256', r.sha256],
        ['entries', String(r.entries)],
        ['duration', `${r.durationSeconds.toFixed(1)} s`],
        ...changeRows(r),
        [
          'pruned',
          r.pruned.join(', ') || (r.wouldPrune.length ? `dry run: ${r.wouldPrune.join(', ')}` : 'none'),
        ],
      ],
      r,
    );
    if (r.status !== 'ok') {
      ctx.logger.warning(r.message);
      return EXIT.checkFailed;
    }
    return EXIT.ok;
  },
};

/** "5 passed" or "4 passed, 1 failed: sha256". */
function checksSummary(checks: readonly { ok: boolean; name: string }[]): string {
  const failed = checks.filter((c) => !c.ok).map((c) => c.name);
  const passed = `${checks.length - failed.length} passed`;
  return failed.length ? `${passed}, ${failed.length} failed: ${failed.join(', ')}` : passed;
}

/** What changed since the previous snapshot (counts, then the largest changes), when both have an index. */
function changeRows(r: BackupResult): [string, string][] {
  if (!r.changes) return [];
  return [
    [`since ${r.changes.since}`, changeCounts(r.changes)],
    ...r.changes.top.map((c): [string, string] => [`  ${describeChange(c, formatBytes)}`, '']),
  ];
}

/** The rows of a verification; `restoredInto` is where its copy is now (by default its holding directory). */
function verifyRows(v: VerifyResult, restoredInto = v.holdingDir): [string, string][] {
  const { read } = drillOutcome(v.report);
  return [
    ['snapshot', v.report.snapshotId],
    ['verified', String(v.report.verified)],
    // false only for the archive's own faults; a policy that failed leaves it true, and one that
    // failed before the download (the index proved a required path missing) leaves it unproven
    ['restorable', read ? String(v.report.restorable ?? false) : 'not proven (the archive was not read)'],
    ['age', formatDuration(v.report.ageSeconds)],
    ['restore time', read ? `${v.report.restoreSeconds.toFixed(2)} s` : '- (not read)'],
    ['entries', read ? String(v.report.entries) : '- (not read)'],
    // each check's own line was logged as it ran (pass on stderr, FAIL as a warning): counted here, not repeated
    ['checks', checksSummary(v.report.checks)],
    ...(restoredInto ? [['restored into', restoredInto] as [string, string]] : []),
  ];
}

const verify: Command = {
  summary: 'prove a snapshot restores: hash, extract into a holding directory, check contents, time it',
  usage:
    'lifeboat verify --bucket B --target T [--snapshot latest|ID|before:TIME] [--mode extract|stream] [options]',
  flags: [...STORAGE, ...VERIFY, ...COMMON],
  async run(ctx) {
    const inputs = readVerify(ctx.reader);
    const store = new S3ObjectStore(inputs.location);
    const { verifyAndRestore } = await import('../jobs/restore.js');
    const v = await verifyAndRestore(verifyOptionsOf(inputs), {
      store,
      logger: ctx.logger,
      signal: ctx.signal,
    });
    ctx.result(verifyRows(v), v.report);
    if (!v.report.verified) {
      ctx.logger.warning(v.failure);
      return EXIT.checkFailed;
    }
    return EXIT.ok;
  },
};

const restore: Command = {
  summary: 'restore a snapshot into a local directory, or into a Fly machine and (with --apply) swap it in',
  usage:
    'lifeboat restore --bucket B --target T (--to DIR | --app APP --path /data [--apply --confirm ID] | --if-empty --path DIR | --if-empty --app APP --path /data) [--include GLOB]... [--exclude GLOB]...',
  flags: [...STORAGE, ...RESTORE, ...RESTORE_SELECTION, ...COMMON],
  async run(ctx) {
    const r = ctx.reader;
    const storage = readStorage(r);
    // checked first so that a missing --target is named in a restore's words, not a verification's
    const target = validateTarget('target', required(r, 'target', 'the backup target to restore'));
    const store = new S3ObjectStore(storage.location);
    const members = readMemberSelection(r);
    const checks = { ...readVerify(r).verify, ...(members ? { members } : {}) };
    if (members) logSelection(ctx.logger, members);
    const deps = { store, logger: ctx.logger, signal: ctx.signal };
    const ifEmpty = r.flag('if-empty');
    refuseTwoDestinations(r, ifEmpty);
    const { restoreToDirectory, restoreToMachine } = await import('../jobs/restore.js');

    if (!r.text('app') && !r.text('host')) {
      // local: into --to DIR, or into --path DIR when it is empty (--if-empty)
      const dir = ifEmpty ? validateRemotePath('path', r.text('path')) : r.text('to');
      if (!dir)
        throw new ConfigurationError(
          'Give --to <empty directory>, --app <fly app>, or --if-empty --path <directory>.',
        );
      const out = await restoreToDirectory({ checks, dir, ifEmpty }, deps);
      return printDirectoryRestore(ctx, out);
    }

    // a machine (Fly or SSH): the verified copy goes to <path>/.lifeboat-restore/<id>/, --apply swaps it in
    const { source } = backupSource(r);
    const path = validateRemotePath('path', r.text('path'));
    const mode = ifEmpty ? 'if-empty' : r.flag('apply') ? 'apply' : 'plan';
    const out = await restoreToMachine(
      { checks, source, path, mode },
      { ...deps, confirm: (id) => r.text('confirm') === id },
    );
    const again = `lifeboat restore ${storageCliFlags(storage.location, storage.prefix)} --target ${target} ${machineFlags(r)} --path ${shellArg(path)}${selectionFlags(members)}`;
    return printMachineRestore(ctx, out, path, again, selectionFlags(members) !== '');
  },
};

/**
 * A restore goes to one place: --to names a directory of this machine, --if-empty the volume at
 * --path, --app or --host a machine. Two of them together used to restore into one and ignore the
 * other (`--to DIR --if-empty` restored into --path), so they are refused before anything is read.
 */
function refuseTwoDestinations(r: OptionReader, ifEmpty: boolean): void {
  const to = r.text('to');
  const machine = r.text('app') ? '--app' : r.text('host') ? '--host' : '';
  if (to && machine)
    throw new ConfigurationError(
      `--to restores into a directory of this machine and ${machine} into a machine's --path: give one of them.`,
    );
  if (to && ifEmpty)
    throw new ConfigurationError(
      '--to and --if-empty name two places: --to restores into a new or empty directory, --if-empty into --path when it is empty. Give one of them.',
    );
  if (!machine && (r.flag('apply') || r.text('confirm')))
    throw new ConfigurationError(
      '--apply and --confirm swap a restored copy in on a machine (--app or --host); a restore into a directory has nothing to swap. Leave them out, or name the machine.',
    );
}

/**
 * The --include/--exclude of a selective restore, for the command that applies its plan: without
 * them that command would swap in the whole snapshot, not the paths the plan showed.
 */
function selectionFlags(members: MemberSelection | undefined): string {
  if (!members) return '';
  const flags = [
    ...members.include.map((g): CliFlag => ['include', g]),
    ...members.exclude.map((g): CliFlag => ['exclude', g]),
  ];
  return flags.length ? ` ${formatCliFlags(flags)}` : '';
}

/** The flags that named the machine, as given (for the command that applies a planned restore). */
function machineFlags(r: OptionReader): string {
  if (r.text('app')) return formatCliFlags([['app', r.text('app')]]);
  const given = (name: string): CliFlag[] => (r.text(name) ? [[name, r.text(name)]] : []);
  return formatCliFlags([
    ...given('host'),
    ...given('port'),
    ...given('user'),
    ...given('ssh-key-file'),
    ...given('known-hosts-file'),
    ...(r.flag('sudo') ? [['sudo', true] as const] : []),
  ]);
}

/** The outcome of a restore into a directory of this machine, for people and as JSON; the exit code. */
function printDirectoryRestore(ctx: CommandContext, out: DirectoryRestoreOutcome): number {
  switch (out.kind) {
    case 'not-empty':
      return printNotEmpty(ctx, out.path, out.path, out.data);
    case 'failed':
      ctx.result(verifyRows(out.verify, null), { restored: false, report: out.verify.report });
      ctx.logger.warning(
        `${out.verify.failure}; nothing was restored, and what the attempt wrote was removed.`,
      );
      return EXIT.checkFailed;
    case 'finished':
      if (out.collided.length > 0) {
        // the person wrote into the half-restored directory: those names are theirs now
        const shown = out.collided.slice(0, 5).map((n) => JSON.stringify(n));
        ctx.logger.warning(
          `${out.path} already holds ${shown.join(', ')}${out.collided.length > 5 ? ` and ${out.collided.length - 5} more` : ''}, written there after the restore of snapshot ${out.snapshotId} was killed: ` +
            `they were kept, and the snapshot's copies of them stay in ${out.leftover ?? 'the holding folder'}; compare them, then remove that folder.`,
        );
        ctx.result(
          [
            [
              'restored',
              `partly: ${out.collided.length} name${out.collided.length === 1 ? '' : 's'} of snapshot ${out.snapshotId} were not moved into ${out.path} (see the warning)`,
            ],
          ],
          {
            restored: false,
            finished: true,
            snapshotId: out.snapshotId,
            path: out.path,
            collided: out.collided,
          },
        );
        return EXIT.checkFailed;
      }
      warnLeftover(ctx, out.leftover);
      ctx.result(
        [
          [
            'restored',
            `yes: a restore of snapshot ${out.snapshotId} was killed while it moved the verified copy into ${out.path}; the rest was moved in now`,
          ],
        ],
        { restored: true, finished: true, snapshotId: out.snapshotId, path: out.path },
      );
      return EXIT.ok;
    case 'restored':
      warnLeftover(ctx, out.leftover);
      for (const folder of out.earlier) {
        ctx.logger.warning(
          `${folder} is left from an earlier restore into ${out.path} that did not finish (killed before its clean-up): ` +
            `it is not data and nothing reads it; remove it (rm -rf ${shellArg(folder)}).`,
        );
      }
      ctx.result(verifyRows(out.verify, out.path), {
        restored: true,
        path: out.path,
        report: out.verify.report,
      });
      return EXIT.ok;
  }
}

/** --if-empty found data (volume-contents.ts): nothing was done, and that is not a failure. */
function printNotEmpty(ctx: CommandContext, path: string, where: string, data: string[]): number {
  // a lost+found that holds what fsck recovered is named: it is why a "fresh" volume is not empty
  const lostFound = data.filter((d) => d.startsWith('lost+found ('));
  ctx.result(
    [
      [
        'restored',
        `no: ${where} holds data${lostFound.length ? ` (${lostFound.join(', ')})` : ''}; nothing was done`,
      ],
    ],
    { restored: false, reason: 'not empty', path, data },
  );
  return EXIT.ok;
}

/** Members a restore did not move over a name the volume has (its own lost+found) stay in the holding folder. */
function warnLeftover(ctx: CommandContext, leftover: string | null): void {
  if (leftover) {
    ctx.logger.warning(
      `${leftover} keeps what the snapshot holds under names the volume already has (its own lost+found): look through it, then remove it.`,
    );
  }
}

/** The outcome of a restore into a machine, for people and as JSON; the exit code. */
function printMachineRestore(
  ctx: CommandContext,
  out: MachineRestoreOutcome,
  path: string,
  command: string,
  selective: boolean,
): number {
  const id = out.snapshotId;
  switch (out.kind) {
    case 'refused':
      ctx.logger.warning(
        `refused: --confirm must be exactly the snapshot id being restored (${id}); got ${JSON.stringify(ctx.reader.text('confirm'))}. Nothing was changed.`,
      );
      ctx.result([['restored', 'no: --confirm does not match']], {
        restored: false,
        reason: 'confirm mismatch',
        snapshotId: id,
      });
      return EXIT.checkFailed;
    case 'not-empty':
      return printNotEmpty(ctx, out.path, `${out.path} on ${out.machine}`, out.data);
    case 'planned':
      ctx.result(
        [
          ['dry run', 'nothing was changed'],
          ...out.plan.map((p, i): [string, string] => [`would ${i + 1}`, p]),
          ...planDiffRows(out.diff, path, id),
          ['to do it', `${command} --snapshot ${id} --apply --confirm ${id}`],
        ],
        {
          restored: false,
          dryRun: true,
          snapshotId: id,
          plan: out.plan,
          diff: out.diff.kind === 'diff' ? { from: 'live', to: id, ...out.diff.diff } : null,
          ...(out.diff.kind === 'none' ? { diffNote: out.diff.note } : {}),
        },
      );
      return EXIT.ok;
    case 'failed':
      ctx.result(verifyRows(out.verify), { restored: false, report: out.verify.report });
      ctx.logger.warning(out.message);
      return EXIT.checkFailed;
    case 'swapped':
      warnLeftover(ctx, out.leftover);
      ctx.result(
        [
          ...verifyRows(out.verify),
          // a selective restore swapped only the selected paths: the rest of the path is as it was
          [
            'swapped in',
            selective
              ? `${path} now holds snapshot ${id}'s selected paths; the rest of ${path} is unchanged`
              : `${path} now holds snapshot ${id}`,
          ],
          [
            'previous contents',
            out.previousContents
              ? `${out.previousContents}/ (kept)`
              : selective
                ? `none: ${path} held none of the selected paths`
                : `none: ${path} held no data`,
          ],
        ],
        { restored: true, snapshotId: id, previousContents: out.previousContents, report: out.verify.report },
      );
      return EXIT.ok;
  }
}

/** At most this many changes are printed in a plan (the largest; --json has them all). */
const PLAN_CHANGES_SHOWN = 50;

/** What the swap would change, in `lifeboat diff`'s words: live `path` is the older side, the snapshot the newer. */
function planDiffRows(d: PlanDiff, path: string, id: string): [string, string][] {
  if (d.kind === 'none') return [['changes', d.note]];
  const shown = d.diff.changes.slice(0, PLAN_CHANGES_SHOWN);
  const more = d.diff.changes.length - shown.length;
  return [
    [`comparing live ${path} with ${id} (what the swap changes)`, ''],
    ...shown.map((c): [string, string] => [describeChange(c, formatBytes), '']),
    ...(more > 0 ? [[`... and ${more} more (--json lists every change)`, ''] as [string, string]] : []),
    [describeCounts(d.diff, formatBytes), ''],
  ];
}

const snapshots: Command = {
  summary: "list a target's snapshots with status, size, age and verification",
  usage: 'lifeboat snapshots --bucket B --target T',
  flags: [...STORAGE, TARGET, ...COMMON],
  async run(ctx) {
    const storage = readStorage(ctx.reader);
    const target = validateTarget('target', required(ctx.reader, 'target', 'the backup target'));
    const store = new S3ObjectStore(storage.location);
    const layout = new TargetLayout(storage.prefix, target);
    const now = new Date();
    const latestId = (await readLatest(store, layout))?.pointer.snapshotId ?? null;
    const list = [];
    for (const e of await listJudgedSnapshots(store, layout, now)) {
      const v = e.verdict;
      const outcome = v?.verification ? drillOutcome(v.verification) : undefined;
      if (v?.state === 'stale' || v?.state === 'unreadable')
        ctx.logger.warning(`snapshot ${e.id}: ${v.reason}`);
      list.push({
        id: e.id,
        // the snapshot latest.json names: what `--snapshot latest` restores
        latest: e.id === latestId,
        state: e.state,
        size: e.manifest?.archive.size ?? null,
        entries: e.manifest?.entries ?? null,
        ageSeconds: Math.round((now.getTime() - e.time.getTime()) / 1000),
        // true only for a passing verification of exactly these bytes; null: never verified
        verified: !v || v.state === 'missing' ? null : v.state === 'passing',
        verifiedAt: v?.verification?.verifiedAt ?? null,
        // the archive version the verification says it read: compare it with the manifest's
        verifiedVersionId: v?.verification?.archive.actualVersionId ?? null,
        // a drill of these bytes: did the archive restore (whatever the policy checks found);
        // null when no drill read it (never verified, or a policy failed before the download)
        restorable: outcome?.read ? outcome.restorable : null,
        // whether the drill read the archive (false: a policy failed before the download); null: no drill
        read: outcome ? outcome.read : null,
        // the policy checks it failed (required paths, max-age, ...): a restorable archive that lacks them
        lacking: outcome ? outcome.lacking.map((c) => ({ name: c.name, detail: c.detail })) : [],
        // null for a folder without a manifest to judge a verification by
        verification: v?.state ?? null,
        verificationReason: v?.reason ?? null,
        encrypted: Boolean(e.manifest?.encryption),
      });
    }
    if (list.length === 0) {
      // a mistyped --target or --prefix reads as "every backup is gone": say where it looked
      ctx.logger.warning(
        `no snapshots under s3://${storage.location.bucket}/${layout.root}/: check --target and --prefix ` +
          `(\`aws s3 ls s3://${storage.location.bucket}/${storage.prefix ? `${storage.prefix}/` : ''}\` lists the targets there)`,
      );
    }
    const shown: Record<VerificationState, string> = {
      passing: 'yes',
      failing: 'NO',
      stale: 'stale',
      unreadable: 'unreadable',
      missing: '-',
    };
    // a restorable archive that fails a policy is not "NO" (broken): it says what it lacks
    // a drill that stopped before the download is not "NO" either: it never read the archive
    const unread = (s: { verification: VerificationState | null; read: boolean | null }) =>
      s.verification === 'failing' && s.read === false;
    const verifiedCell = (s: {
      verification: VerificationState | null;
      restorable: boolean | null;
      read: boolean | null;
    }) =>
      s.verification === 'failing' && s.restorable
        ? 'lacking'
        : unread(s)
          ? 'not read'
          : s.verification
            ? shown[s.verification]
            : '-';
    // when and what the drill read, to compare with the manifest (a verification.json can be forged)
    const drillNote = (s: {
      verifiedAt: string | null;
      verifiedVersionId: string | null;
      verification: VerificationState | null;
      restorable: boolean | null;
      read: boolean | null;
      lacking: { name: string; detail: string }[];
    }) =>
      (s.verifiedAt
        ? ` at ${s.verifiedAt}${s.verifiedVersionId ? ` of version ${s.verifiedVersionId}` : ''}`
        : '') +
      (s.verification === 'failing' && (s.restorable || unread(s))
        ? `: ${lackingWords(
            s.lacking.map((c) => ({ ...c, ok: false })),
            !unread(s),
          )}`
        : '');
    // one column per field, as wide as its widest cell (ids with a label are longer)
    const idWidth = Math.max(8, ...list.map((s) => s.id.length));
    ctx.result(
      [
        [`${'snapshot'.padEnd(idWidth)}  newest first; * = latest (what --snapshot latest restores)`, ''],
        ...list.map((s): [string, string] => [
          `${s.latest ? '*' : ' '} ${s.id.padEnd(idWidth)}  ${s.state.padEnd(8)} ${(s.size === null ? '-' : formatBytes(s.size)).padStart(10)}  ${formatDuration(s.ageSeconds).padStart(6)} old  verified: ${verifiedCell(s).padEnd(10)}${s.encrypted ? ' (age)' : ''}${drillNote(s)}`.trimEnd(),
          '',
        ]),
      ],
      list,
    );
    return EXIT.ok;
  },
};

const prune: Command = {
  summary:
    'apply retention to a target (restic semantics, good snapshots only; never latest or newer); --dry-run lists',
  usage: 'lifeboat prune --bucket B --target T [--keep-last N ...] [--dry-run]',
  flags: [
    ...STORAGE,
    TARGET,
    ...RETENTION,
    flag('dry-run', 'list what would be pruned, delete nothing'),
    ...COMMON,
  ],
  async run(ctx) {
    const storage = readStorage(ctx.reader);
    const target = validateTarget('target', required(ctx.reader, 'target', 'the backup target'));
    const store = new S3ObjectStore(storage.location);
    const layout = new TargetLayout(storage.prefix, target);
    const plan = await planTargetPrune(store, layout, readRetention(ctx.reader));
    const dryRun = ctx.reader.flag('dry-run');
    const removed = dryRun
      ? plan.remove.map((e) => e.id)
      : await executePrune(store, layout, plan, ctx.logger);
    const why = new Map(plan.remove.map((e) => [e.id, e.state === 'ok' ? '' : e.reason]));
    ctx.result(
      [
        ...plan.keep.map((k): [string, string] => [`keep ${k.id}`, k.reasons.join(', ')]),
        ...plan.spared.map((k): [string, string] => [`keep ${k.id}`, k.reason]),
        ...removed.map((id): [string, string] => [
          `${dryRun ? 'would prune' : 'pruned'} ${id}`,
          why.get(id) ?? '',
        ]),
      ],
      // the same names as backup --dry-run --json: what a dry run would delete is wouldPrune
      {
        dryRun,
        keep: plan.keep,
        spared: plan.spared,
        pruned: dryRun ? [] : removed,
        wouldPrune: dryRun ? removed : [],
      },
    );
    return EXIT.ok;
  },
};

const checkLightsail: Command = {
  summary: 'prove Lightsail automatic snapshots are on, fresh and kept (ok / warn / crit)',
  usage:
    'lifeboat check-lightsail --instance NAME [--disk NAME] [--max-age 26h] [--min-count 7] [--create-snapshot --wait]',
  flags: [...LIGHTSAIL, ...COMMON],
  async run(ctx) {
    const inputs = readLightsail(ctx.reader);
    const { checkSnapshots } = await import('../lightsail/check.js');
    const { SdkLightsailApi } = await import('../lightsail/client.js');
    const { describeResource } = await import('../lightsail/judge.js');
    const result = await checkSnapshots(
      {
        resources: inputs.resources,
        policy: inputs.policy,
        ...(inputs.create ? { create: inputs.create } : {}),
      },
      { api: new SdkLightsailApi(inputs.region), logger: ctx.logger },
    );
    for (const r of result.resources) {
      for (const f of r.findings) ctx.logger.warning(f.message);
    }
    ctx.result(
      [
        ['status', result.status],
        ...result.resources.map((r): [string, string] => [
          describeResource(r.resource),
          `${r.status}; newest ${r.latestSnapshot || '-'}${r.latestAgeHours === undefined ? '' : ` (${r.latestAgeHours.toFixed(1)} h old)`}; ${r.snapshotCount} snapshot(s)${r.createdSnapshot ? `; created ${r.createdSnapshot}` : ''}`,
        ]),
      ],
      result,
    );
    return result.status === 'crit' ? EXIT.checkFailed : EXIT.ok;
  },
};

const checkFlySnapshotsCommand: Command = {
  summary: "prove a Fly app's volume snapshots are taken, fresh and kept (ok / warn / crit)",
  usage:
    'lifeboat check-fly-snapshots --app APP [--volume VOL_ID] [--max-age 50h] [--min-count 7] [--create-snapshot --wait]',
  flags: [...FLY_SNAPSHOTS, ...COMMON],
  async run(ctx) {
    const inputs = readFlySnapshotCheck(ctx.reader);
    const { checkFlySnapshots } = await import('../flysnap/check.js');
    const { FlyctlVolumesApi } = await import('../flysnap/flyctl-volumes.js');
    const { describeVolume } = await import('../flysnap/judge.js');
    const result = await checkFlySnapshots(
      {
        app: inputs.app,
        volumes: inputs.volumes,
        policy: inputs.policy,
        ...(inputs.create ? { create: inputs.create } : {}),
      },
      {
        api: new FlyctlVolumesApi({ flyctl: inputs.flyctl, signal: ctx.signal }),
        logger: ctx.logger,
        signal: ctx.signal,
      },
    );
    for (const f of [...result.findings, ...result.volumes.flatMap((r) => r.findings)])
      ctx.logger.warning(f.message);
    ctx.result(
      [
        ['status', result.status],
        ...result.volumes.map((r): [string, string] => [
          describeVolume(r.volume),
          `${r.status}; newest ${r.latestSnapshot || '-'}${r.latestAgeHours === undefined ? '' : ` (${r.latestAgeHours.toFixed(1)} h old)`}; ${r.snapshotCount} snapshot(s); retention ${r.snapshotRetention} d${r.createdSnapshotState ? `; created ${r.createdSnapshot || '(pending)'} (${r.createdSnapshotState})` : ''}`,
        ]),
      ],
      result,
    );
    return result.status === 'crit' ? EXIT.checkFailed : EXIT.ok;
  },
};

const guard: Command = {
  summary: 'find unprotected stateful resources, short fly.toml snapshot retention and destructive previews',
  usage: 'lifeboat guard [--workspace DIR] [--protected-stages production] [--preview preview.json]',
  flags: [...GUARD, ...COMMON],
  async run(ctx) {
    const inputs = readGuard(ctx.reader);
    const { countBySeverity, runGuard } = await import('../guard/guard.js');
    const result = await runGuard(
      guardOptions(inputs, ctx.reader.text('workspace') || process.cwd(), new Date()),
    );
    const { errors } = countBySeverity(result.findings);
    ctx.result(
      [
        ['files checked', String(result.files.length)],
        ['violations', String(errors)],
        ...result.findings.map((f): [string, string] => [
          `${f.severity} ${f.rule}`,
          `${f.file ? `${f.file}${f.line ? `:${f.line}` : ''} ` : ''}${f.message}`,
        ]),
      ],
      result,
    );
    return errors > 0 ? EXIT.checkFailed : EXIT.ok;
  },
};

/** What a selective restore writes, said before it starts (LIFEBOAT_INCLUDE / LIFEBOAT_EXCLUDE count too). */
function logSelection(logger: Logger, members: MemberSelection): void {
  const quoted = (gs: string[]) => gs.map((g) => JSON.stringify(g)).join(', ');
  logger.info(
    `restoring only ${members.include.length ? `what ${quoted(members.include)} match` : 'every member'}` +
      `${members.exclude.length ? `, without what ${quoted(members.exclude)} match` : ''}`,
  );
}

const dump: Command = {
  summary: 'write one file of a snapshot to stdout (verified as it streams: a failed check exits 1)',
  usage: 'lifeboat dump --bucket B --target T [--snapshot latest|ID|before:TIME] PATH > file',
  flags: [...STORAGE, ...DUMP, ...COMMON.filter((f) => f.name !== 'json')],
  async run(ctx) {
    const r = ctx.reader;
    const storage = readStorage(r);
    validateTarget('target', required(r, 'target', 'the backup target to dump from'));
    const paths = ctx.positionals ?? [];
    if (paths.length !== 1) {
      throw new ConfigurationError(
        `Give the one file to write, as its path inside the volume: lifeboat dump --target T uploads/a.png > a.png${paths.length ? ` (got ${paths.length} paths)` : ''}.`,
      );
    }
    const checks = readVerify(r).verify;
    const { dumpFile } = await import('../jobs/dump.js');
    const out = dumpFile(
      { checks, path: paths[0]!, out: (ctx.out ?? process.stdout) as Writable },
      { store: new S3ObjectStore(storage.location), logger: ctx.logger, signal: ctx.signal },
    );
    const o = await out;
    switch (o.kind) {
      case 'closed':
        return EXIT.ok;
      case 'failed':
        ctx.logger.warning(
          `${o.verify.failure}. The ${formatBytes(o.bytes)} already written to stdout did not come from an intact archive: discard them.`,
        );
        return EXIT.checkFailed;
      case 'written':
        ctx.logger.info(
          `wrote ${formatBytes(o.bytes)} of snapshot ${o.snapshotId}; the archive's sha256 matched`,
        );
        return EXIT.ok;
    }
  },
};

export const COMMANDS: Record<string, Command> = {
  backup,
  verify,
  restore,
  dump,
  snapshots,
  prune,
  'check-lightsail': checkLightsail,
  'check-fly-snapshots': checkFlySnapshotsCommand,
  guard,
  ...INDEX_COMMANDS,
};

/** The command of that name; undefined for any other word ("toString" and "constructor" included). */
export function commandNamed(name: string | undefined): Command | undefined {
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}
