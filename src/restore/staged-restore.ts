import {
  chmod,
  lstat,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigurationError } from '../util/errors.js';
import {
  isLifeboatFolder,
  LOST_AND_FOUND,
  lostFoundData,
  RESTORE_FOLDER,
  volumeData,
  type LostFoundState,
} from './volume-contents.js';

/**
 * A restore into a directory of this machine, all or nothing: the snapshot is extracted into
 * `<dir>/.lifeboat-restore/<id>/` (inside `dir`, so on its file system, where moving is a rename),
 * and only once that copy is verified are its top-level members moved into place. Until then `dir`
 * holds no data it did not hold before (volume-contents.ts's one definition): a restore that fails
 * removes what it wrote, and one that is killed leaves only its holding folder, which is not data,
 * and which the next attempt of the same snapshot replaces (a restore of another snapshot names it:
 * `earlier`). Nothing that was in `dir` before is moved, overwritten or removed.
 */

/**
 * The data at the top of `dir` (an empty lost+found and lifeboat's folders are not data; a
 * lost+found that holds anything is named with its count); none when it does not exist.
 */
export async function dataIn(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    if (err.code === 'ENOTDIR') {
      throw new ConfigurationError(
        `${resolve(dir)} is a file, not a directory: choose a directory to restore into.`,
      );
    }
    throw err;
  });
  return [...volumeData(names.sort()), ...lostFoundData(await lostFoundIn(dir, names))];
}

/** What `dir`'s lost+found holds (a real folder only); undefined when it has none. */
async function lostFoundIn(dir: string, names: string[]): Promise<LostFoundState | undefined> {
  if (!names.includes(LOST_AND_FOUND)) return undefined;
  const lf = join(dir, LOST_AND_FOUND);
  if (!(await lstat(lf)).isDirectory()) return undefined;
  return readdir(lf).then(
    (entries) => entries.length,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'EACCES' || err.code === 'EPERM') return 'unreadable' as const;
      throw err;
    },
  );
}

/**
 * `<dir>/.lifeboat-restore/<id>.moving`: written before the first member of a verified copy moves
 * into place, removed after the last. A restore killed between the two (SIGKILL, an OOM, a power
 * cut) left part of the snapshot in `dir` and the rest in the holding folder, and the next
 * `--if-empty` took the part for data and did nothing (attacker, 2026-12-03): the marker says the
 * holding folder holds the verified rest. It keeps the archive root's mode and times, which the
 * moves change on the holding folder.
 */
const MOVING = '.moving';

interface MovingMarker {
  mode: number;
  atimeMs: number;
  mtimeMs: number;
  /** The killed run's --include/--exclude (selectionKey), '' for the whole snapshot. */
  selection?: string;
}

/** A selection as the marker keeps it: a finish must select what the killed run selected. */
export function selectionKey(selection: { include: string[]; exclude: string[] } | undefined): string {
  return selection ? JSON.stringify({ include: selection.include, exclude: selection.exclude }) : '';
}

/**
 * The snapshot whose verified copy a killed restore was moving into `dir`, and what it selected
 * (undefined when the marker cannot be read: a power cut as it was written).
 */
export async function halfMoved(
  dir: string,
): Promise<{ snapshotId: string; selection?: string } | undefined> {
  const folder = join(resolve(dir), RESTORE_FOLDER);
  const names = await readdir(folder).catch(() => [] as string[]);
  const marker = names.find((n) => n.endsWith(MOVING));
  if (!marker) return undefined;
  const kept = await readMarker(join(folder, marker));
  return {
    snapshotId: marker.slice(0, -MOVING.length),
    ...(kept?.selection !== undefined ? { selection: kept.selection } : {}),
  };
}

async function readMarker(path: string): Promise<MovingMarker | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as MovingMarker;
    return typeof value.mode === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A restore's holding folder in `dir`, made fresh; complete() moves it into place, discard() removes it. */
export class StagedRestore {
  private constructor(
    /** The directory restored into. */
    readonly dir: string,
    /** `<dir>/.lifeboat-restore/<id>`: what the verification extracts into. */
    readonly holding: string,
    /** The topmost folder this restore created to make `dir` (undefined: `dir` existed). */
    private readonly madeFrom: string | undefined,
    /**
     * Other holding folders found in `<dir>/.lifeboat-restore/`: restores of other snapshots that
     * did not finish (killed before their clean-up), or what a finished one could not move.
     */
    readonly earlier: string[],
  ) {}

  /** Makes `<dir>/.lifeboat-restore/<id>/` (and `dir` when it does not exist), replacing an earlier unfinished attempt. */
  static async stage(dir: string, snapshotId: string): Promise<StagedRestore> {
    const abs = resolve(dir);
    const madeFrom = await mkdir(abs, { recursive: true });
    const folder = join(abs, RESTORE_FOLDER);
    const existing = await lstat(folder).catch(() => undefined);
    if (existing && !existing.isDirectory()) {
      throw new ConfigurationError(
        `${folder} is a symlink or not a folder: lifeboat writes through neither. Remove it and restore again.`,
      );
    }
    if (!existing) await mkdir(folder, { mode: 0o700 });
    const earlier = existing
      ? (await readdir(folder))
          .filter((n) => n !== snapshotId && !n.endsWith(MOVING))
          .map((n) => join(folder, n))
      : [];
    const holding = join(folder, snapshotId);
    // a holding folder only ever holds an unfinished attempt: a finished restore moved it all out
    await rm(holding, { recursive: true, force: true });
    await mkdir(holding, { mode: 0o700 });
    return new StagedRestore(abs, holding, madeFrom, earlier.sort());
  }

  /**
   * Moves the verified members into place, never over a name `dir` has (the archive's copy of such a
   * name, its lost+found where the volume has one, is dropped when it is an empty folder and left in
   * the holding folder otherwise), then gives `dir` the archive root's mode and time. Returns the
   * holding folder when something stayed in it.
   */
  /** The restore of `snapshotId` that a kill stopped while it moved its verified copy into `dir`: complete() finishes it. */
  static async resume(dir: string, snapshotId: string): Promise<StagedRestore> {
    const abs = resolve(dir);
    return new StagedRestore(abs, join(abs, RESTORE_FOLDER, snapshotId), undefined, []);
  }

  async complete(selection = ''): Promise<{ leftover: string | null; collided: string[] }> {
    // the archive root's mode and time, read before the moves below change the holding folder's
    // time, and kept in the marker for a restore that finishes a killed one
    const marker = `${this.holding}${MOVING}`;
    const kept = await readMarker(marker);
    const root: MovingMarker | undefined = kept ?? (await stat(this.holding).catch(() => undefined));
    if (!kept && root) {
      const value: MovingMarker = {
        mode: root.mode,
        atimeMs: root.atimeMs,
        mtimeMs: root.mtimeMs,
        selection,
      };
      await writeFile(marker, JSON.stringify(value), { mode: 0o600 });
    }
    const collided: string[] = [];
    // names as bytes: a member's name need not be UTF-8 (a Latin-1 name read as a string is another name)
    // a killed run that had moved everything and removed the holding folder leaves none to read
    const names = await readdir(this.holding, { encoding: 'buffer' }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as Buffer[];
      throw err;
    });
    for (const name of names) {
      if (isLifeboatFolder(name.toString('latin1'))) continue;
      const from = inFolder(this.holding, name);
      const to = inFolder(this.dir, name);
      if (await lstat(to).catch(() => undefined)) {
        const dropped = await rmdir(from).then(
          () => true,
          () => false,
        );
        if (!dropped) collided.push(name.toString());
        continue;
      }
      await rename(from, to);
    }
    const leftover = await rmdir(this.holding).then(
      () => null,
      (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : this.holding),
    );
    await unlink(marker).catch(() => undefined);
    await rmdir(dirname(this.holding)).catch(() => undefined);
    // last: removing lifeboat's folder from `dir` changed its time. A mount point may belong to
    // someone else: its mode and time are kept when they cannot be set
    if (root) {
      await chmod(this.dir, root.mode & 0o7777).catch(() => undefined);
      await utimes(this.dir, root.atimeMs / 1000, root.mtimeMs / 1000).catch(() => undefined);
    }
    return { leftover, collided };
  }

  /** Removes what this restore wrote: its holding folder, lifeboat's restore folder when empty, and the folders it made. */
  async discard(): Promise<void> {
    await rm(this.holding, { recursive: true, force: true });
    await rmdir(dirname(this.holding)).catch(() => undefined);
    if (!this.madeFrom) return;
    for (let d = this.dir; ; d = dirname(d)) {
      if (
        !(await rmdir(d).then(
          () => true,
          () => false,
        )) ||
        d === this.madeFrom
      )
        return;
    }
  }
}

/** The path of the entry `name` (its bytes) in `folder`. */
function inFolder(folder: string, name: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${folder}/`), name]);
}
