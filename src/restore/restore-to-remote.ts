import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { ArchiveInspector } from '../archive/archive-inspector.js';
import { errorMessage, OperationFailedError } from '../util/errors.js';
import { formatBytes } from '../util/format.js';
import type { Logger } from '../util/logger.js';
import type { Manifest } from '../catalog/manifest.js';
import { lastLine } from '../util/process.js';
import { shWord } from '../util/shell.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import type { ObjectStore } from '../storage/object-store.js';
import { ArchiveFeed } from './archive-feed.js';
import { MemberFilter } from './member-filter.js';
import type { MemberSelection } from './member-selection.js';
import { runStatusScript, statusLine } from './remote-status.js';
import { UnsafeEntryError } from './safe-extractor.js';
import { RESTORE_FOLDER } from './volume-contents.js';

const STATUS_PREFIX = 'LIFEBOAT-RESTORE-STATUS ';

/** `<path>/.lifeboat-restore/<snapshot-id>`: the only place a remote restore writes. */
export function remoteHoldingDir(path: string, snapshotId: string): string {
  return `${path}/${RESTORE_FOLDER}/${snapshotId}`;
}

/** P (the volume), R (lifeboat's restore folder in it) and D (this snapshot's holding folder), and R's check. */
function holdingVariables(path: string, snapshotId: string): string[] {
  return [
    `P=${shWord(path)}`,
    `R=${shWord(`${path}/${RESTORE_FOLDER}`)}`,
    `D=${shWord(remoteHoldingDir(path, snapshotId))}`,
    // nothing is written through a restore folder that is a symlink or not a folder
    `if [ -L "$R" ] || { [ -e "$R" ] && [ ! -d "$R" ]; }; then echo "${STATUS_PREFIX}err=notafolder"; exit 0; fi`,
  ];
}

/**
 * The script run on the machine: it (re)creates the holding folder inside the volume and extracts
 * the plain tar read from stdin into it; it prints its status on stdout (flyctl does not pass exit
 * statuses on). What it reads has passed the member rules on the runner (member-filter.ts); GNU tar
 * also gets -k, so that no member ever replaces a file another one wrote (busybox tar, on Alpine
 * images, has no such option: there the filter alone holds).
 */
export function buildRemoteRestoreScript(path: string, snapshotId: string): string {
  return [
    // GNU tar's TAR_OPTIONS (--exclude, --no-same-permissions...) would change what is extracted
    `unset TAR_OPTIONS`,
    ...holdingVariables(path, snapshotId),
    `if [ ! -d "$P" ]; then echo "${STATUS_PREFIX}err=nopath"; exit 0; fi`,
    `rm -rf "$D" && mkdir -p "$D" || { echo "${STATUS_PREFIX}err=mkdir"; exit 0; }`,
    `cd "$D" || { echo "${STATUS_PREFIX}err=cd"; exit 0; }`,
    `case "$(tar --version 2>/dev/null)" in *"GNU tar"*) set -- -k;; *) set --;; esac`,
    `tar -x -p "$@" -f -; echo "${STATUS_PREFIX}tar=$?"`,
  ].join('\n');
}

/** Removes a holding folder a failed restore left, and lifeboat's restore folder when that leaves it empty. */
export function buildDiscardScript(path: string, snapshotId: string): string {
  return [
    ...holdingVariables(path, snapshotId),
    `rm -rf "$D"; rmdir "$R" 2>/dev/null; echo "${STATUS_PREFIX}discarded"`,
  ].join('\n');
}

export interface RemoteRestoreOptions {
  store: ObjectStore;
  /** The verified snapshot: its archive is read at the version the manifest records. */
  manifest: Manifest;
  /** The machine, and the volume's mount point on it. */
  source: ArchiveSource;
  path: string;
  /** The age identity of an encrypted snapshot (runVerify has checked it is one of its recipients). */
  decryptionIdentity?: string;
  logger: Logger;
  signal?: AbortSignal;
  /** restore --include/--exclude: only the selected members (and their folders) reach the machine. */
  members?: MemberSelection;
}

/**
 * Streams a verified snapshot into a machine's holding folder: the archive is downloaded again,
 * hashed (it must still match the manifest), decrypted when it is age-encrypted, decompressed and
 * walked here, bounded by what the manifest records, and every member passes the safe extractor's
 * rules before it is re-packed for the machine's tar (a refused member stops the restore before
 * any of its bytes leave). Nothing outside `<path>/.lifeboat-restore/<id>/` is touched; a restore
 * that fails stops the remote tar and removes what it wrote there.
 */
export async function restoreToRemote(options: RemoteRestoreOptions): Promise<string> {
  const { manifest, source: remote, path, logger, signal } = options;
  if (manifest.encryption && !options.decryptionIdentity) {
    throw new OperationFailedError(
      `snapshot ${manifest.snapshotId} is encrypted: its restore needs the decryption identity it was verified with.`,
    );
  }
  const holding = remoteHoldingDir(path, manifest.snapshotId);
  let said = '';
  let full = false;
  const proc = remote.start(buildRemoteRestoreScript(path, manifest.snapshotId), {
    signal,
    keepStdin: true,
    onStderrLine: (line) => {
      if (line.trim()) said = line.trim();
      // GNU tar's and busybox's words for a full disk (and a quota), whichever line says them
      if (/No space left on device|Disk quota exceeded|Wrote only \d+ of \d+ bytes/.test(line)) full = true;
      logger.info(`[${remote.label}] ${line}`);
    },
  });
  let stdout = '';
  proc.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  let sendError: unknown;
  try {
    await sendFiltered(options, proc.stdin);
  } catch (err) {
    sendError = err;
    proc.kill('SIGTERM');
  }
  const outcome = await proc.done;
  const status = statusLine(stdout, STATUS_PREFIX);
  if (status === 'err=nopath') {
    throw new OperationFailedError(
      `restore-path ${path} does not exist on the machine: give the volume's mount point.`,
    );
  }
  if (status === 'err=notafolder') {
    throw new OperationFailedError(
      `${path}/${RESTORE_FOLDER} on the machine is a symlink or not a folder: lifeboat writes through neither. Remove it and restore again.`,
    );
  }
  if (sendError === undefined && status === 'tar=0' && outcome.code === 0) return holding;
  const removed = await discardRemoteHolding(remote, path, manifest.snapshotId);
  const why = sendError === undefined ? '' : `: ${errorMessage(sendError)}`;
  const tar = `${status ?? `no status; ${remote.label} ${lastLine(outcome)}`}${said ? `; the machine said ${JSON.stringify(said.slice(0, 300))}` : ''}`;
  const diskFull = full
    ? `: the machine's disk under ${path} is full (the staged copy needs ${formatBytes(manifest.uncompressedBytes)} free there; free it, or restore elsewhere)`
    : '';
  throw new OperationFailedError(
    sendError instanceof UnsafeEntryError
      ? `snapshot ${manifest.snapshotId} was not restored to the machine${why}; ${removed}.`
      : `restoring snapshot ${manifest.snapshotId} into ${holding} failed (${tar})${diskFull}${why}; ${removed}.`,
  );
}

/**
 * download -> sha256 -> (age decryption) -> decompression and the member rules -> re-packed plain
 * tar -> `stdin`. The tar is ended only when the whole archive was read, walked and has the
 * manifest's sha256; otherwise the remote tar reads a cut stream and fails.
 */
async function sendFiltered(options: RemoteRestoreOptions, stdin: Writable): Promise<void> {
  const { store, manifest, signal } = options;
  const feed = new ArchiveFeed(manifest.encryption ? options.decryptionIdentity : undefined);
  const filter = new MemberFilter();
  const sending = pipeline(filter.output, stdin);
  sending.catch(() => undefined);
  try {
    const download = await store.download(
      manifest.archive.key,
      manifest.archive.versionId ?? undefined,
      signal,
    );
    const inspector = new ArchiveInspector(manifest.compression, {
      // the selection in front of the rules: an unselected member is read past, never sent
      onEntry: options.members ? options.members.pass().handler(filter.onEntry) : filter.onEntry,
      maxEntries: manifest.entries,
      maxUncompressedBytes: manifest.uncompressedBytes,
    });
    const feeding = feed.feed(download.body, inspector.input);
    feeding.catch(() => undefined);
    // the walk's verdict first: a refused member explains a broken feed, not the reverse
    await inspector.result.catch((err: unknown) => {
      throw feed.decryptError
        ? new OperationFailedError(`decryption failed: ${errorMessage(feed.decryptError)}`)
        : err;
    });
    await feeding;
    if (feed.stored.sha256 !== manifest.archive.sha256) {
      throw new OperationFailedError(
        `the archive changed between verification and the restore (sha256 ${feed.stored.sha256}, manifest ${manifest.archive.sha256})`,
      );
    }
  } catch (err) {
    filter.abort(err as Error);
    throw err;
  }
  filter.finish();
  await sending;
}

/** Removes a failed restore's holding folder on the machine; says what became of it, for the message. */
export async function discardRemoteHolding(
  remote: ArchiveSource,
  path: string,
  snapshotId: string,
): Promise<string> {
  const holding = remoteHoldingDir(path, snapshotId);
  const status = await runStatusScript(remote, buildDiscardScript(path, snapshotId), STATUS_PREFIX).catch(
    (err: unknown) => errorMessage(err),
  );
  return status === 'discarded'
    ? `What reached ${holding} was removed`
    : `Only ${holding} may hold a partial copy (removing it failed: ${status})`;
}
