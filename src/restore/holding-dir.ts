import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigurationError } from '../util/errors.js';

/** The marker beside a holding directory that names the snapshot extracted into it. */
export function attemptMarker(dir: string): string {
  return `${resolve(dir)}.lifeboat-attempt`;
}

/**
 * Makes an empty holding directory for one snapshot. A non-empty directory is refused unless the
 * marker beside it says it holds an earlier attempt of this same snapshot (then it is emptied):
 * a restore never writes over anything else.
 */
export async function prepareHoldingDir(dir: string, snapshotId: string, marker = true): Promise<string> {
  const abs = resolve(dir);
  const markerFile = attemptMarker(abs);
  const entries = await readdir(abs).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    if (err.code === 'ENOTDIR') {
      throw new ConfigurationError(
        `holding-dir ${abs} is a file, not a directory: choose a directory to restore into.`,
      );
    }
    throw err;
  });
  if (entries && entries.length > 0) {
    const previous = await readFile(markerFile, 'utf8').catch(() => '');
    if (previous.trim() !== snapshotId) {
      throw new ConfigurationError(
        `holding-dir ${abs} is not empty and is not an earlier restore of snapshot ${snapshotId}: ` +
          `lifeboat never restores over existing files. Choose an empty or new directory.`,
      );
    }
    await rm(abs, { recursive: true, force: true });
  }
  await mkdir(abs, { recursive: true, mode: 0o700 });
  if (marker) await writeFile(markerFile, `${snapshotId}\n`);
  return abs;
}
