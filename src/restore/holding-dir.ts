import { constants } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigurationError } from '../util/errors.js';

/** The marker beside a named holding directory that names the snapshot extracted into it. */
function attemptMarker(dir: string): string {
  return `${dir}.lifeboat-attempt`;
}

/** Opens a file only if nothing (no file, no link) is at its path yet, so nothing is written through a path lifeboat did not just create. */
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * The directory an extraction writes into, and what this run put there. Invariants:
 * - a temporary holding directory is made fresh by mkdtemp (a name no one could predict, mode
 *   0700, created by this call, so no link or folder of anyone else can stand in its place), and
 *   it is removed after the checks;
 * - a directory a person named is used only when it is new, empty, or an unfinished attempt of the
 *   same snapshot (its marker says so); it is never a symbolic link, and its marker is written only
 *   as a new file (O_EXCL | O_NOFOLLOW). The marker lives only while the attempt does: `keep`
 *   removes it once the extraction finished, so a kept copy is the person's from then on and a
 *   later run refuses it like any directory that holds files (it used to be emptied again, with
 *   whatever the person had added to it);
 * - `discard` removes what this run wrote and nothing else: the directory itself only when this
 *   run created it; in a directory that was already there (a mount point), only the entries this
 *   run added. rm never follows a link.
 */
export class HoldingDir {
  private constructor(
    /** The directory members are extracted into. */
    readonly path: string,
    /** Made for this run alone: removed after the checks, whatever they found. */
    readonly temporary: boolean,
    /** This run created `path` (else it was there, and it stays). */
    private readonly createdHere: boolean,
    /** The marker file this run wrote, if any. */
    private readonly marker: string | undefined,
  ) {}

  /** A new private directory under `root` ($TMPDIR, $RUNNER_TEMP), named `lifeboat-<label>-XXXXXX`. */
  static async temporary(root: string, label: string): Promise<HoldingDir> {
    // the root is the machine's own temp directory (given by the environment): made if missing
    await mkdir(resolve(root), { recursive: true });
    const path = await mkdtemp(join(resolve(root), `lifeboat-${label}-`));
    return new HoldingDir(path, true, true, undefined);
  }

  /**
   * The directory a person named (holding-dir, restore --to): created when missing; an unfinished
   * attempt of the same snapshot is emptied (the directory itself stays); anything else that holds
   * files is refused. With `marker`, `<dir>.lifeboat-attempt` names the snapshot written into it.
   */
  static async named(dir: string, snapshotId: string, marker = true): Promise<HoldingDir> {
    const abs = resolve(dir);
    const createdHere = await useDirectory(abs, snapshotId);
    try {
      const written = marker ? await writeMarker(abs, snapshotId) : undefined;
      return new HoldingDir(abs, false, createdHere, written);
    } catch (err) {
      if (createdHere) await rm(abs, { recursive: true, force: true });
      throw err;
    }
  }

  /**
   * The extraction finished and its copy stays: the marker goes, and with it the claim that the
   * directory is an attempt lifeboat may empty.
   */
  async keep(): Promise<void> {
    if (this.marker) await rm(this.marker, { force: true });
  }

  /** Removes what this run wrote (see the class comment); never throws for what is already gone. */
  async discard(): Promise<void> {
    if (this.createdHere) {
      await rm(this.path, { recursive: true, force: true });
    } else {
      // it was empty when this run began: every entry in it now is this run's
      // names as bytes: one that is not UTF-8 would not be found again by its string reading
      const names = await readdir(this.path, { encoding: 'buffer' }).catch(() => [] as Buffer[]);
      for (const name of names) {
        await rm(Buffer.concat([Buffer.from(`${this.path}/`), name]), { recursive: true, force: true });
      }
    }
    if (this.marker) await rm(this.marker, { force: true });
  }
}

/**
 * Makes `abs` an empty directory to extract into; returns whether it was created here. A link is
 * refused (it could lead anywhere); so is a directory holding anything but an unfinished attempt of
 * this snapshot.
 */
async function useDirectory(abs: string, snapshotId: string): Promise<boolean> {
  const st = await lstat(abs).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    if (err.code === 'ENOTDIR') throw notADirectory(abs);
    throw err;
  });
  if (!st) {
    await mkdir(dirname(abs), { recursive: true });
    // not recursive: fails if anything (a link too) appeared at abs meanwhile
    await mkdir(abs, { mode: 0o700 });
    return true;
  }
  if (st.isSymbolicLink()) {
    throw new ConfigurationError(
      `holding-dir ${abs} is a symbolic link: lifeboat extracts only into a directory itself, never through a link. Name the directory it leads to, or a new one.`,
    );
  }
  if (!st.isDirectory()) throw notADirectory(abs);
  // names as bytes: a name that is not UTF-8 read as a string is another name, which rm would miss
  const entries = await readdir(abs, { encoding: 'buffer' });
  if (entries.length === 0) return false;
  if ((await readMarker(attemptMarker(abs))) !== snapshotId) {
    throw new ConfigurationError(
      `holding-dir ${abs} is not empty and is not an unfinished attempt of snapshot ${snapshotId}: ` +
        `lifeboat never restores over existing files, and a finished copy is yours to keep. Choose an empty or new directory.`,
    );
  }
  for (const name of entries) {
    await rm(Buffer.concat([Buffer.from(`${abs}/`), name]), { recursive: true, force: true });
  }
  return false;
}

function notADirectory(abs: string): ConfigurationError {
  return new ConfigurationError(
    `holding-dir ${abs} is a file, not a directory: choose a directory to restore into.`,
  );
}

/**
 * The snapshot id a marker names; '' unless it is a regular file of this user (a link or another
 * user's file is nobody's unfinished attempt). Read without following a link.
 */
async function readMarker(file: string): Promise<string> {
  const st = await lstat(file).catch(() => undefined);
  if (!st?.isFile() || (process.getuid && st.uid !== process.getuid())) return '';
  const fh = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => undefined);
  if (!fh) return '';
  try {
    return (await fh.readFile('utf8')).trim();
  } finally {
    await fh.close();
  }
}

/**
 * Writes the marker as a new file: an old marker of this user is removed first; anything else at
 * that path (a link, another user's file, a folder) is refused, never written through.
 */
async function writeMarker(abs: string, snapshotId: string): Promise<string> {
  const file = attemptMarker(abs);
  const st = await lstat(file).catch(() => undefined);
  if (st) {
    if (!st.isFile() || (process.getuid && st.uid !== process.getuid())) {
      throw new ConfigurationError(
        `${file} exists and is not a lifeboat marker of this user (a ${st.isSymbolicLink() ? 'symbolic link' : st.isDirectory() ? 'folder' : 'file of another user'}): lifeboat writes nothing through it. Remove it, or choose another holding-dir.`,
      );
    }
    await rm(file);
  }
  const fh = await open(file, CREATE_NEW, 0o600);
  try {
    await fh.writeFile(`${snapshotId}\n`);
  } finally {
    await fh.close();
  }
  return file;
}
