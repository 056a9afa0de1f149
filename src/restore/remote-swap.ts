import { onInterrupt } from '../util/interrupt-cleanup.js';
import { OperationFailedError } from '../util/errors.js';
import { shWord } from '../util/shell.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import { remoteHoldingDir } from './restore-to-remote.js';
import { runStatusScript } from './remote-status.js';
import {
  lifeboatFolderCasePatterns,
  lostFoundCountScript,
  lostFoundData,
  notDataCasePatterns,
  PRE_RESTORE_PREFIX,
  RESTORE_FOLDER,
} from './volume-contents.js';

export { PRE_RESTORE_PREFIX };
const STATUS = 'LIFEBOAT-SWAP ';

/** Every name in `dir` but those `skip` matches, one per loop turn, as "$f" (POSIX sh globs, dot files included). */
function forEachEntry(dir: string, skip: string, body: string): string {
  return (
    `for f in "${dir}"/* "${dir}"/.[!.]* "${dir}"/..?*; do [ -e "$f" ] || [ -L "$f" ] || continue; ` +
    `case "\${f##*/}" in ${skip}) continue;; esac; ${body}; done`
  );
}

/**
 * Moves the live data of `path` aside into `.lifeboat-pre-restore-<time>/` (kept, never deleted;
 * made only when there is data to keep) and the verified holding copy `.lifeboat-restore/<id>/`
 * into place. What is not data (volume-contents.ts) stays where it is: the volume's lost+found and
 * lifeboat's own folders. Nothing is moved over a name that is there: the archive's copy of such a
 * name (its lost+found on a volume that has one) is dropped when it is an empty folder, otherwise
 * left in the holding folder. Status: `ok`, plus ` nothing-aside` and ` leftover` when they apply.
 */
export function buildSwapScript(path: string, snapshotId: string, time: string): string {
  return [
    `P=${shWord(path)}`,
    `H=${shWord(remoteHoldingDir(path, snapshotId))}`,
    `A=${shWord(`${path}/${PRE_RESTORE_PREFIX}${time}`)}`,
    `if [ ! -d "$H" ]; then echo "${STATUS}err=noholding"; exit 0; fi`,
    forEachEntry(
      '$P',
      notDataCasePatterns(),
      `{ [ -d "$A" ] || mkdir "$A"; } || { echo "${STATUS}err=aside"; exit 0; }; ` +
        `mv "$f" "$A"/ || { echo "${STATUS}err=moveaside"; exit 0; }`,
    ),
    forEachEntry(
      '$H',
      lifeboatFolderCasePatterns(),
      `if [ -e "$P/\${f##*/}" ] || [ -L "$P/\${f##*/}" ]; then rmdir "$f" 2>/dev/null; continue; fi; ` +
        `mv "$f" "$P"/ || { echo "${STATUS}err=movein"; exit 0; }`,
    ),
    `S=ok; [ -d "$A" ] || S="$S nothing-aside"`,
    `rmdir "$H" 2>/dev/null || S="$S leftover"; rmdir ${shWord(`${path}/${RESTORE_FOLDER}`)} 2>/dev/null`,
    `echo "${STATUS}$S"`,
  ].join('\n');
}

/**
 * Prints "LIFEBOAT-SWAP empty", "LIFEBOAT-SWAP data" or, when only a lost+found that is not empty
 * is there, "LIFEBOAT-SWAP lostfound=<count|unreadable>", by volume-contents.ts's one definition.
 */
export function buildEmptyCheckScript(path: string): string {
  return [
    `P=${shWord(path)}`,
    `if [ ! -d "$P" ]; then echo "${STATUS}err=nopath"; exit 0; fi`,
    `N=0`,
    forEachEntry('$P', notDataCasePatterns(), 'N=1'),
    lostFoundCountScript('$P'),
    `if [ "$N" != 0 ]; then echo "${STATUS}data"; elif [ "$L" != 0 ]; then echo "${STATUS}lostfound=$L"; else echo "${STATUS}empty"; fi`,
  ].join('\n');
}

/** The data at the top of a machine's path: [] when empty; ["data"] or lost+found's words otherwise. */
export async function remotePathData(source: ArchiveSource, path: string): Promise<string[]> {
  const status = await runStatusScript(source, buildEmptyCheckScript(path), STATUS);
  if (status === 'err=nopath') throw new OperationFailedError(`${path} does not exist on the machine.`);
  if (status === 'empty') return [];
  if (status.startsWith('lostfound=')) {
    const n = status.slice('lostfound='.length);
    return lostFoundData(n === 'unreadable' ? n : Number(n));
  }
  return ['data'];
}

export async function isRemotePathEmpty(source: ArchiveSource, path: string): Promise<boolean> {
  return (await remotePathData(source, path)).length === 0;
}

/** What a swap did: where the previous data was kept (null: there was none), and what stayed behind. */
export interface SwapResult {
  previousContents: string | null;
  /** Members of the holding copy that were not moved because the volume has that name (its lost+found). */
  leftover: string | null;
}

/** Runs the swap; with `roots` (a selective restore), only those paths are swapped. */
export async function swapRemote(
  source: ArchiveSource,
  path: string,
  snapshotId: string,
  now: Date,
  roots?: readonly string[],
  signal?: AbortSignal,
): Promise<SwapResult> {
  const time = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const aside = `${path}/${PRE_RESTORE_PREFIX}${time}`;
  const script = roots
    ? buildSelectiveSwapScript(path, snapshotId, time, roots)
    : buildSwapScript(path, snapshotId, time);
  // a signal does not stop a swap under way (its moves are renames, all or most done in a moment),
  // but the process may end first: then it says so, and where to look (attacker, 2026-12-03: exit
  // 130 "interrupted" while the swap went on to complete on the machine)
  const running = runStatusScript(source, script, STATUS);
  onInterrupt(
    signal,
    `the swap of snapshot ${snapshotId} into ${path} on the machine, which may have gone on to complete: ` +
      `look at ${path} (the snapshot, when it is done) and ${aside} (the live contents moved aside, kept)`,
    () => running.then(() => undefined),
    'the machine restored into',
  );
  const status = (await running).split(' ');
  if (status[0] === 'err=parent') {
    throw new OperationFailedError(
      `a folder on the way to a restored path in ${path} is a symlink or not a folder: nothing was swapped. The restored copy is in ${remoteHoldingDir(path, snapshotId)}; move what you need by hand.`,
    );
  }
  if (status[0] !== 'ok') {
    throw new OperationFailedError(
      `swapping snapshot ${snapshotId} into ${path} failed (${status.join(' ')}); check ${path} and ${aside} by hand.`,
    );
  }
  return {
    previousContents: status.includes('nothing-aside') ? null : aside,
    leftover: status.includes('leftover') ? remoteHoldingDir(path, snapshotId) : null,
  };
}

/** "a/b/c" -> ["a", "a/b"]: the folders a relative path is in. */
function foldersOf(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * The swap of a selective restore (restore --include/--exclude): only the selected paths change.
 * Each root (a selected member whose folder was not selected) moves from the holding copy to its
 * place in `path`, and what was there before moves aside into `.lifeboat-pre-restore-<time>/` under
 * the same relative path (kept, never deleted); every other name of the volume stays as it is.
 * Nothing is moved through a symlink: a folder on the way to a root that is a symlink or not a
 * folder stops the swap before anything moves (`err=parent`). Missing folders on the way are made.
 */
export function buildSelectiveSwapScript(
  path: string,
  snapshotId: string,
  time: string,
  roots: readonly string[],
): string {
  const folders = [...new Set(roots.flatMap(foldersOf))];
  return [
    `P=${shWord(path)}`,
    `H=${shWord(remoteHoldingDir(path, snapshotId))}`,
    `A=${shWord(`${path}/${PRE_RESTORE_PREFIX}${time}`)}`,
    `if [ ! -d "$H" ]; then echo "${STATUS}err=noholding"; exit 0; fi`,
    ...folders.map(
      (f) =>
        `f=${shWord(f)}; if [ -L "$P/$f" ] || { [ -e "$P/$f" ] && [ ! -d "$P/$f" ]; }; then echo "${STATUS}err=parent"; exit 0; fi`,
    ),
    ...roots.map(
      (r) =>
        `r=${shWord(r)}; d=$(dirname "$r"); ` +
        `if [ -e "$P/$r" ] || [ -L "$P/$r" ]; then mkdir -p "$A/$d" && mv "$P/$r" "$A/$r" || { echo "${STATUS}err=moveaside"; exit 0; }; fi; ` +
        `mkdir -p "$P/$d" && mv "$H/$r" "$P/$r" || { echo "${STATUS}err=movein"; exit 0; }`,
    ),
    // what is left of the holding copy: the folders the roots were in, now empty (deepest first)
    ...[...folders].reverse().map((f) => `rmdir "$H/"${shWord(f)} 2>/dev/null`),
    `S=ok; [ -d "$A" ] || S="$S nothing-aside"`,
    `rmdir "$H" 2>/dev/null || S="$S leftover"; rmdir ${shWord(`${path}/${RESTORE_FOLDER}`)} 2>/dev/null`,
    `echo "${STATUS}$S"`,
  ].join('\n');
}
