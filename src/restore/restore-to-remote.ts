import { pipeline } from 'node:stream/promises';
import { createDecompressor } from '../archive/decompress.js';
import { OperationFailedError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import type { Manifest } from '../catalog/manifest.js';
import { lastLine } from '../util/process.js';
import { shWord } from '../util/shell.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import type { ObjectStore } from '../storage/object-store.js';
import { ArchiveFeed } from './archive-feed.js';

export const RESTORE_FOLDER = '.lifeboat-restore';
const STATUS_PREFIX = 'LIFEBOAT-RESTORE-STATUS ';

/** `<path>/.lifeboat-restore/<snapshot-id>`: the only place a remote restore writes. */
export function remoteHoldingDir(path: string, snapshotId: string): string {
  return `${path}/${RESTORE_FOLDER}/${snapshotId}`;
}

/**
 * The script run on the machine: it (re)creates the holding folder inside the volume and extracts
 * the plain tar read from stdin into it; it prints its status on stdout (flyctl does not pass exit
 * statuses on).
 */
export function buildRemoteRestoreScript(path: string, snapshotId: string): string {
  return [
    `P=${shWord(path)}`,
    `D=${shWord(remoteHoldingDir(path, snapshotId))}`,
    `if [ ! -d "$P" ]; then echo "${STATUS_PREFIX}err=nopath"; exit 0; fi`,
    `rm -rf "$D" && mkdir -p "$D" || { echo "${STATUS_PREFIX}err=mkdir"; exit 0; }`,
    `cd "$D" || { echo "${STATUS_PREFIX}err=cd"; exit 0; }`,
    `tar -x -p -f -; echo "${STATUS_PREFIX}tar=$?"`,
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
}

/**
 * Streams a verified snapshot into a machine's holding folder: the archive is downloaded again,
 * hashed (it must still match the manifest), decrypted when it is age-encrypted and decompressed
 * here, and the plain tar is extracted there. Nothing outside `<path>/.lifeboat-restore/<id>/` is
 * touched; a failed download or send stops the remote tar.
 */
export async function restoreToRemote(options: RemoteRestoreOptions): Promise<string> {
  const { store, manifest, source: remote, path, logger, signal } = options;
  if (manifest.encryption && !options.decryptionIdentity) {
    throw new OperationFailedError(
      `snapshot ${manifest.snapshotId} is encrypted: its restore needs the decryption identity it was verified with.`,
    );
  }
  const holding = remoteHoldingDir(path, manifest.snapshotId);
  const proc = remote.start(buildRemoteRestoreScript(path, manifest.snapshotId), {
    signal,
    keepStdin: true,
    onStderrLine: (line) => logger.info(`[${remote.label}] ${line}`),
  });
  let stdout = '';
  proc.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const feed = new ArchiveFeed(manifest.encryption ? options.decryptionIdentity : undefined);
  let sendError: unknown;
  try {
    const download = await store.download(
      manifest.archive.key,
      manifest.archive.versionId ?? undefined,
      signal,
    );
    const decompressor = createDecompressor(manifest.compression);
    await Promise.all([feed.feed(download.body, decompressor), pipeline(decompressor, proc.stdin)]);
  } catch (err) {
    sendError = err;
    proc.kill('SIGTERM');
  }
  const outcome = await proc.done;
  const status = stdout
    .split('\n')
    .find((l) => l.startsWith(STATUS_PREFIX))
    ?.slice(STATUS_PREFIX.length);
  const sha = feed.stored.sha256;
  if (status === 'err=nopath') {
    throw new OperationFailedError(
      `restore-path ${path} does not exist on the machine: give the volume's mount point.`,
    );
  }
  if (status !== 'tar=0' || outcome.code !== 0) {
    throw new OperationFailedError(
      `restoring snapshot ${manifest.snapshotId} into ${holding} failed (${status ?? `no status; ${remote.label} ${lastLine(outcome)}`})` +
        `${sendError ? `: ${(sendError as Error).message}` : ''}. Only ${holding} may hold a partial copy.`,
    );
  }
  if (sha !== manifest.archive.sha256) {
    throw new OperationFailedError(
      `the archive changed between verification and the restore (sha256 ${sha}, manifest ${manifest.archive.sha256}): do not use ${holding}.`,
    );
  }
  return holding;
}
