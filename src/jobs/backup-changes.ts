import { diffIndexes, describeChange, type IndexDiff, type PathChange } from '../catalog/index-diff.js';
import { findIndex, readIndexEntries } from '../catalog/index-reader.js';
import type { TargetLayout } from '../catalog/layout.js';
import type { IndexObject, Manifest } from '../catalog/manifest.js';
import type { ObjectStore } from '../storage/object-store.js';
import { errorMessage } from '../util/errors.js';
import { formatBytes } from '../util/format.js';
import type { Logger } from '../util/logger.js';

/**
 * A backup's change report and the wiped-volume guard's index rules: the new snapshot's index
 * against the previous good one's (catalog/index-diff.ts). A report that cannot be made (either
 * snapshot has no index, the indexes are age-encrypted and a backup holds no identity, a read
 * fails) is a log line, never a failed backup: the size guard still applies.
 */

/** How many of the largest changes a report names. */
export const TOP_CHANGES = 10;

export interface ChangeSummary {
  since: string;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  bytesAdded: number;
  bytesRemoved: number;
  /** Regular files of the previous snapshot, and how many of them are gone. */
  previousFiles: number;
  filesGone: number;
  /** The largest changes. */
  top: PathChange[];
  /** Large files that shrank to nearly nothing (by the guard's thresholds). */
  truncated: PathChange[];
  /** Files of the previous snapshot that are gone, largest first (at most TOP_CHANGES). */
  gone: PathChange[];
}

export interface IndexGuard {
  /** Suspect when more than this fraction of the previous snapshot's files are gone (1: off). */
  maxFilesGoneRatio: number;
  /** A file of at least this many bytes that shrank below truncatedRatio of its size is suspect. */
  truncatedMinBytes: number;
  /** 0: off. */
  truncatedRatio: number;
}

/** The guard needs this many files in the previous snapshot before "most are gone" means anything. */
const MIN_FILES_FOR_GONE_RULE = 10;

const isFile = (type: string | undefined) => type === 'file' || type === 'contiguous-file';

export async function changeSincePrevious(
  store: ObjectStore,
  layout: TargetLayout,
  previous: Manifest,
  index: IndexObject | undefined,
  logger: Logger,
  guard?: IndexGuard,
): Promise<ChangeSummary | undefined> {
  if (!index) return undefined;
  if (index.encrypted) {
    logger.info('changes since the previous snapshot: not reported (the indexes are age-encrypted)');
    return undefined;
  }
  const found = await findIndex(store, layout, previous).catch((err: unknown) => ({
    found: false as const,
    reason: errorMessage(err),
  }));
  if (!found.found) {
    logger.info(`changes since ${previous.snapshotId}: not reported (${found.reason})`);
    return undefined;
  }
  let d: IndexDiff;
  try {
    d = await diffIndexes(readIndexEntries(store, found.index), readIndexEntries(store, index));
  } catch (err) {
    logger.warning(
      `changes since ${previous.snapshotId} could not be read from the indexes: ${errorMessage(err)}`,
    );
    return undefined;
  }
  const truncatedBy = (g: IndexGuard | undefined) => (c: PathChange) =>
    g !== undefined &&
    g.truncatedRatio > 0 &&
    c.kind === 'changed' &&
    isFile(c.before?.type) &&
    (c.before?.size ?? 0) >= g.truncatedMinBytes &&
    (c.after?.size ?? 0) < (c.before?.size ?? 0) * g.truncatedRatio;
  const summary: ChangeSummary = {
    since: previous.snapshotId,
    added: d.added,
    removed: d.removed,
    changed: d.changed,
    unchanged: d.unchanged,
    bytesAdded: d.bytesAdded,
    bytesRemoved: d.bytesRemoved,
    previousFiles: d.olderFiles,
    filesGone: d.removedFiles,
    top: d.changes.slice(0, TOP_CHANGES),
    truncated: d.changes.filter(
      truncatedBy(guard ?? { maxFilesGoneRatio: 1, truncatedMinBytes: 1 << 20, truncatedRatio: 0.1 }),
    ),
    gone: d.changes.filter((c) => c.kind === 'removed' && isFile(c.before?.type)).slice(0, TOP_CHANGES),
  };
  await logger.group(`Changes since ${previous.snapshotId}`, async () => {
    logger.info(changeCounts(summary));
    for (const c of summary.top) logger.info(describeChange(c, formatBytes));
  });
  return summary;
}

export function changeCounts(s: ChangeSummary): string {
  return `${s.added} added, ${s.removed} removed, ${s.changed} changed, ${s.unchanged} unchanged (+${formatBytes(s.bytesAdded)}, -${formatBytes(s.bytesRemoved)})`;
}

/** The first five paths of `list`, and how many more of `total` there are (the list may hold only the first few). */
const named = (list: PathChange[], total = list.length) =>
  list
    .slice(0, 5)
    .map((c) => JSON.stringify(c.path))
    .join(', ') + (total > Math.min(5, list.length) ? `, and ${total - Math.min(5, list.length)} more` : '');

/** Why the index rules find the backup suspect; empty when they do not. */
export function indexShrinkReasons(s: ChangeSummary, g: IndexGuard): string {
  const problems: string[] = [];
  if (
    g.maxFilesGoneRatio < 1 &&
    s.previousFiles >= MIN_FILES_FOR_GONE_RULE &&
    s.filesGone / s.previousFiles > g.maxFilesGoneRatio
  ) {
    problems.push(
      `${s.filesGone} of the ${s.previousFiles} files of snapshot ${s.since} are gone (more than max-files-gone-ratio ${g.maxFilesGoneRatio}), among them ${named(s.gone, s.filesGone)}`,
    );
  }
  const truncated = s.truncated.filter(
    (c) =>
      (c.before?.size ?? 0) >= g.truncatedMinBytes &&
      g.truncatedRatio > 0 &&
      (c.after?.size ?? 0) < (c.before?.size ?? 0) * g.truncatedRatio,
  );
  if (truncated.length > 0) {
    problems.push(
      `${truncated.length === 1 ? 'a large file' : `${truncated.length} large files`} shrank to nearly nothing since snapshot ${s.since} (truncated?): ` +
        truncated
          .slice(0, 5)
          .map(
            (c) =>
              `${JSON.stringify(c.path)} ${formatBytes(c.before?.size ?? 0)} -> ${formatBytes(c.after?.size ?? 0)}`,
          )
          .join(', ') +
        ` (truncated-file-ratio ${g.truncatedRatio} of files from ${formatBytes(g.truncatedMinBytes)})`,
    );
  }
  return problems.join('; and ');
}
