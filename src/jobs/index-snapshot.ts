import { words } from '../util/vocabulary.js';
import { ArchiveDamagedError, ArchiveInspector } from '../archive/archive-inspector.js';
import { publishIndex, startIndex } from '../archive/index-writer.js';
import { UnsafeEntryError } from '../archive/member-header.js';
import { findIndex } from '../catalog/index-reader.js';
import { TargetLayout } from '../catalog/layout.js';
import type { IndexObject, Manifest } from '../catalog/manifest.js';
import { selectSnapshot, type SnapshotSelector } from '../catalog/select-snapshot.js';
import { notARecipient, recipientOf } from '../crypto/age-stream.js';
import { ArchiveFeed } from '../restore/archive-feed.js';
import type { ObjectStore } from '../storage/object-store.js';
import { ConfigurationError, OperationFailedError, errorMessage } from '../util/errors.js';
import { formatBytes } from '../util/format.js';
import type { Logger } from '../util/logger.js';

/**
 * An index for a snapshot made before lifeboat wrote one (`lifeboat index`, and verify when the
 * snapshot has none): one streamed read of the stored archive, hashed against the manifest, walked
 * as it arrives; the index is uploaded as it is written and completed only when the archive read
 * was whole and had the manifest's sha256. It is then named by index.json (index-reader.ts): the
 * manifest is never rewritten, so latest.json and verification.json keep naming what they named.
 */

export interface IndexOptions {
  target: string;
  prefix: string;
  snapshot: SnapshotSelector;
  decryptionIdentity?: string;
}

export interface IndexResult {
  snapshotId: string;
  /** false: the snapshot already had an index that counts, and nothing was written. */
  written: boolean;
  index: IndexObject;
  pointerKey: string | null;
}

export interface IndexDeps {
  store: ObjectStore;
  logger: Logger;
  now?: () => Date;
  signal?: AbortSignal;
}

async function identityFor(m: Manifest, identity: string | undefined): Promise<string | undefined> {
  if (!m.encryption) return undefined;
  if (!identity) {
    throw new ConfigurationError(
      `Snapshot ${m.snapshotId} is encrypted with age: indexing it needs the identity of one of its recipients; ${words().secret('decryption-identity', 'AGE_IDENTITY')}.`,
    );
  }
  const mine = await recipientOf(identity);
  if (m.encryption.recipients.length && !m.encryption.recipients.includes(mine)) {
    throw notARecipient(mine, `snapshot ${m.snapshotId}`, m.encryption.recipients);
  }
  return identity;
}

export async function runIndex(options: IndexOptions, deps: IndexDeps): Promise<IndexResult> {
  const { store, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const layout = new TargetLayout(options.prefix, options.target);
  const { manifest: m } = await selectSnapshot(store, layout, options.snapshot);
  const found = await findIndex(store, layout, m);
  if (found.found) {
    logger.info(
      `snapshot ${m.snapshotId} already has an index (${found.index.entries} entries): nothing to do`,
    );
    return { snapshotId: m.snapshotId, written: false, index: found.index, pointerKey: null };
  }
  const identity = await identityFor(m, options.decryptionIdentity);
  const writer = await startIndex(store, layout, m);
  try {
    return await logger.group(`Indexing ${m.archive.key} (${formatBytes(m.archive.size)})`, async () => {
      const feed = new ArchiveFeed(identity);
      const inspector = new ArchiveInspector(m.compression, {
        onEntry: writer.onEntry,
        maxEntries: m.entries,
        maxUncompressedBytes: m.uncompressedBytes,
      });
      const download = await store.download(m.archive.key, m.archive.versionId ?? undefined, deps.signal);
      const feeding = feed.feed(download.body, inspector.input);
      feeding.catch(() => undefined);
      try {
        await inspector.result;
        await feeding;
      } catch (err) {
        if (err instanceof ArchiveDamagedError || err instanceof UnsafeEntryError || feed.decryptError) {
          throw new OperationFailedError(
            `the archive of snapshot ${m.snapshotId} could not be walked (${errorMessage(feed.decryptError ?? err)}): no index was written. Run lifeboat verify on it.`,
          );
        }
        throw err;
      } finally {
        download.body.destroy();
      }
      if (feed.stored.sha256 !== m.archive.sha256) {
        throw new OperationFailedError(
          `the stored archive of snapshot ${m.snapshotId} has sha256 ${feed.stored.sha256}, not the ${m.archive.sha256} its manifest records: no index was written. Run lifeboat verify on it.`,
        );
      }
      const published = await publishIndex(store, layout, m, writer, now());
      logger.info(
        `wrote ${published.index.key} (${published.index.entries} entries, ${formatBytes(published.index.size)}) and ${published.pointerKey}`,
      );
      return { snapshotId: m.snapshotId, written: true, ...published };
    });
  } catch (err) {
    await writer.abandon();
    // nothing of a failed run stays: no open upload, no object
    await store.abortIncompleteUploads(writer.key).catch(() => 0);
    if (await store.head(writer.key).catch(() => undefined)) await store.deleteKeys([writer.key]);
    throw err;
  }
}
