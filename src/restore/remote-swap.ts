import { OperationFailedError } from '../util/errors.js';
import { lastLine } from '../util/process.js';
import { shWord } from '../util/shell.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import { RESTORE_FOLDER, remoteHoldingDir } from './restore-to-remote.js';

export const PRE_RESTORE_PREFIX = '.lifeboat-pre-restore-';
const STATUS = 'LIFEBOAT-SWAP ';

/** Every name in "$1" but lifeboat's own folders, one per loop turn, as "$f" (POSIX sh globs, dot files included). */
function forEachEntry(dir: string, body: string): string {
  return (
    `for f in "${dir}"/* "${dir}"/.[!.]* "${dir}"/..?*; do [ -e "$f" ] || [ -L "$f" ] || continue; ` +
    `case "\${f##*/}" in ${RESTORE_FOLDER}|${PRE_RESTORE_PREFIX}*) continue;; esac; ${body}; done`
  );
}

/**
 * Moves the live contents of `path` aside into `.lifeboat-pre-restore-<time>/` (kept, never
 * deleted) and the verified holding copy `.lifeboat-restore/<id>/` into place.
 */
export function buildSwapScript(path: string, snapshotId: string, time: string): string {
  return [
    `P=${shWord(path)}`,
    `H=${shWord(remoteHoldingDir(path, snapshotId))}`,
    `A=${shWord(`${path}/${PRE_RESTORE_PREFIX}${time}`)}`,
    `if [ ! -d "$H" ]; then echo "${STATUS}err=noholding"; exit 0; fi`,
    `mkdir "$A" || { echo "${STATUS}err=aside"; exit 0; }`,
    forEachEntry('$P', `mv "$f" "$A"/ || { echo "${STATUS}err=moveaside"; exit 0; }`),
    forEachEntry('$H', `mv "$f" "$P"/ || { echo "${STATUS}err=movein"; exit 0; }`),
    `rmdir "$H" 2>/dev/null; echo "${STATUS}ok"`,
  ].join('\n');
}

/** Prints "LIFEBOAT-SWAP empty" or "LIFEBOAT-SWAP data" for a path (lifeboat's own folders do not count). */
export function buildEmptyCheckScript(path: string): string {
  return [
    `P=${shWord(path)}`,
    `if [ ! -d "$P" ]; then echo "${STATUS}err=nopath"; exit 0; fi`,
    `N=0`,
    forEachEntry('$P', 'N=1'),
    `if [ "$N" = 0 ]; then echo "${STATUS}empty"; else echo "${STATUS}data"; fi`,
  ].join('\n');
}

async function runStatusScript(source: ArchiveSource, script: string): Promise<string> {
  const proc = source.start(script, {});
  let out = '';
  proc.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const outcome = await proc.done;
  const status = out
    .split('\n')
    .find((l) => l.startsWith(STATUS))
    ?.slice(STATUS.length);
  if (!status) {
    throw new OperationFailedError(`${source.label} gave no status (${lastLine(outcome)})`);
  }
  return status;
}

export async function isRemotePathEmpty(source: ArchiveSource, path: string): Promise<boolean> {
  const status = await runStatusScript(source, buildEmptyCheckScript(path));
  if (status === 'err=nopath') throw new OperationFailedError(`${path} does not exist on the machine.`);
  return status === 'empty';
}

/** Runs the swap; returns where the previous contents were kept. */
export async function swapRemote(
  source: ArchiveSource,
  path: string,
  snapshotId: string,
  now: Date,
): Promise<string> {
  const time = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const status = await runStatusScript(source, buildSwapScript(path, snapshotId, time));
  if (status !== 'ok') {
    throw new OperationFailedError(
      `swapping snapshot ${snapshotId} into ${path} failed (${status}); check ${path} and ${path}/${PRE_RESTORE_PREFIX}${time} by hand.`,
    );
  }
  return `${path}/${PRE_RESTORE_PREFIX}${time}`;
}
