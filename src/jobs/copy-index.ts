import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ArchiveTap } from '../archive/archive-tap.js';
import { findIndex } from '../catalog/index-reader.js';
import type { TargetLayout } from '../catalog/layout.js';
import type { IndexObject, Manifest } from '../catalog/manifest.js';
import type { ObjectStore } from '../storage/object-store.js';
import { errorMessage, OperationFailedError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';

/**
 * A snapshot's index, copied with its archive by copy-snapshot: the object the source's manifest
 * (or its index.json, for an index written later) names is read at its recorded version, hashed
 * on the way, and uploaded into the destination snapshot's own folder; the upload is completed
 * only when its sha256 and size are the ones recorded, otherwise it is aborted. The bytes are
 * copied as stored: an encrypted index stays encrypted for the archive's recipients.
 *
 * Invariant: the IndexObject returned names the destination's object and version, with the
 * recorded sha256, size and line count, so that the destination manifest's `index` passes
 * findIndex there (its key is the destination snapshot's own index key).
 */

/** The index is small (about 30 bytes a member once gzipped): S3's smallest part, one at a time. */
const INDEX_PART_SIZE = 5 * 1024 * 1024;

export type CopiedIndex =
  /** `index`: the destination's object; `note`: what was done, for the log. */
  | { state: 'copied'; index: IndexObject; note: string }
  /** The destination's snapshot was there already, with an index that counts. */
  | { state: 'present'; note: string }
  /** The source has no index that counts (or its copy failed its check): the destination has none. */
  | { state: 'none'; note: string };

export interface IndexCopyContext {
  source: ObjectStore;
  destination: ObjectStore;
  from: TargetLayout;
  to: TargetLayout;
  logger: Logger;
  signal?: AbortSignal;
}

/**
 * Copies the index of snapshot `m` (the source's manifest). A source without one, or whose index
 * does not have its recorded sha256, leaves the destination without one: said in the note, with
 * how to make one there. A failure of either store throws (the caller removes what it wrote).
 */
export async function copyIndex(c: IndexCopyContext, m: Manifest): Promise<CopiedIndex> {
  const found = await findIndex(c.source, c.from, m);
  const make = `\`lifeboat index --target ${c.to.target} --snapshot ${m.snapshotId}\` against the destination bucket makes one`;
  if (!found.found) {
    return { state: 'none', note: `the destination has no index either (${found.reason}); ${make}` };
  }
  const index = found.index;
  const key = c.to.indexKey(m.snapshotId, Boolean(index.encrypted));
  try {
    const version = await streamChecked(c, index, key);
    return {
      state: 'copied',
      index: { ...index, key, versionId: version.versionId ?? null, etag: version.etag ?? null },
      note: `copied the index (${index.entries} entries; sha256 ${index.sha256})`,
    };
  } catch (err) {
    await c.destination.abortIncompleteUploads(key).catch(() => 0);
    if (!(err instanceof IndexMismatchError)) throw err;
    if (await c.destination.head(key).catch(() => undefined))
      await c.destination.deleteKeys([key]).catch(() => undefined);
    return { state: 'none', note: `the destination has no index: ${errorMessage(err)}; ${make}` };
  }
}

class IndexMismatchError extends OperationFailedError {}

async function streamChecked(c: IndexCopyContext, index: IndexObject, key: string) {
  const where = `${c.source.description}/${index.key}`;
  const download = await c.source.download(index.key, index.versionId ?? undefined, c.signal);
  const tap = new ArchiveTap(async () => {
    if (tap.bytes !== index.size || tap.sha256 !== index.sha256) {
      throw new IndexMismatchError(
        `${where} is not the index recorded for the snapshot (${tap.bytes} bytes, sha256 ${tap.sha256}; recorded ${index.size} bytes, sha256 ${index.sha256})`,
      );
    }
  });
  const body = new PassThrough();
  const flowing = pipeline(download.body, tap, body);
  const upload = c.destination.uploadStream(key, body, {
    contentType: index.encrypted ? 'application/octet-stream' : 'application/gzip',
    partSizeBytes: INDEX_PART_SIZE,
    queueSize: 1,
    ...(c.signal ? { signal: c.signal } : {}),
  });
  upload.catch(() => {
    // a failed upload stops the read: the pipeline fails instead of waiting
    download.body.destroy();
  });
  try {
    await flowing;
  } catch (err) {
    await upload.catch(() => undefined);
    throw err;
  }
  return upload;
}
