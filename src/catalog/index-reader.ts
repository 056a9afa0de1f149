import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { decryptingStream, notARecipient, recipientOf } from '../crypto/age-stream.js';
import { readBoundedDocument } from '../storage/bounded-json.js';
import type { ObjectStore } from '../storage/object-store.js';
import { isNotFound } from '../storage/s3-errors.js';
import { causeChain, ConfigurationError, EnvironmentError, errorMessage } from '../util/errors.js';
import { isRunnerFault } from '../util/runner-faults.js';
import { words } from '../util/vocabulary.js';
import { LIFEBOAT_VERSION } from '../util/version.js';
import type { TargetLayout } from './layout.js';
import type { IndexObject, Manifest } from './manifest.js';
import { schemaErrors } from './schemas.js';
import { decodeIndexLine, MAX_INDEX_LINE_BYTES, type IndexEntry } from './snapshot-index.js';

/**
 * Where a snapshot's index is and how it is read. A backup names its index in the manifest; an
 * index written later (`lifeboat index`, verify) is named by index.json beside the manifest, which
 * is never rewritten: the manifest's archive fields, and with them latest.json and every
 * verification.json, stay as they were.
 *
 * Invariant: an index counts only when it is in the snapshot's own folder and, when named by
 * index.json, that pointer names the manifest's snapshot id, archive sha256 and archive version
 * (the rule of verification.json). Its lines are trusted only once the whole object was read and
 * its sha256, size and line count are the ones recorded: readIndexEntries throws at the end
 * otherwise, so a caller acts on what it read only after the iteration ended without error.
 *
 * Invariant (a forged pointer costs little): what the reader takes is bounded by what is recorded
 * before the sha256 can be known. A stored object of another size is refused before a byte is
 * inflated; the stored bytes read never pass the recorded size, the lines never pass the recorded
 * count, and no line passes MAX_INDEX_LINE_BYTES, so the text inflated stays within one 64 KiB
 * chunk of entries x (MAX_INDEX_LINE_BYTES + 1): a small gzip that inflates to gigabytes (a gzip
 * bomb) is refused there, whatever sha256 and size a forged index.json gives it.
 */

export const INDEX_POINTER_SCHEMA_VERSION = 1;
const MAX_POINTER_BYTES = 64 * 1024;

export interface IndexPointer {
  schema: typeof INDEX_POINTER_SCHEMA_VERSION;
  snapshotId: string;
  archive: { sha256: string; versionId: string | null };
  index: IndexObject;
  written: string;
  tools?: { lifeboat: string };
}

export function indexPointerFor(m: Manifest, index: IndexObject, now: Date): IndexPointer {
  return {
    schema: INDEX_POINTER_SCHEMA_VERSION,
    snapshotId: m.snapshotId,
    archive: { sha256: m.archive.sha256, versionId: m.archive.versionId },
    index,
    written: now.toISOString(),
    tools: { lifeboat: LIFEBOAT_VERSION },
  };
}

export type FoundIndex = { found: true; index: IndexObject } | { found: false; reason: string };

/** The index a snapshot has (from its manifest, else from index.json), or why it has none that counts. */
export async function findIndex(store: ObjectStore, layout: TargetLayout, m: Manifest): Promise<FoundIndex> {
  const ownKey = (encrypted: boolean) => layout.indexKey(m.snapshotId, encrypted);
  if (m.index) {
    if (m.index.key !== ownKey(Boolean(m.index.encrypted))) {
      return {
        found: false,
        reason: `the manifest names the index ${JSON.stringify(m.index.key.slice(0, 200))}, outside its own folder: it is not trusted`,
      };
    }
    return { found: true, index: m.index };
  }
  const key = layout.indexPointerKey(m.snapshotId);
  let stored;
  try {
    stored = await readBoundedDocument(store, key, MAX_POINTER_BYTES);
  } catch (err) {
    return { found: false, reason: errorMessage(err) };
  }
  if (!stored) {
    return {
      found: false,
      reason: `snapshot ${m.snapshotId} has no index (made before lifeboat wrote one): run \`lifeboat index --snapshot ${m.snapshotId}\``,
    };
  }
  const errors = schemaErrors('indexPointer', stored.value);
  if (errors.length > 0)
    return { found: false, reason: `${key} is not valid: ${errors.slice(0, 3).join('; ')}` };
  const p = stored.value as IndexPointer;
  const versions = [m.archive.versionId, ...(m.copiedFrom ? [m.copiedFrom.versionId] : [])];
  if (
    p.snapshotId !== m.snapshotId ||
    p.archive.sha256 !== m.archive.sha256 ||
    !versions.includes(p.archive.versionId)
  ) {
    return {
      found: false,
      reason: `${key} is about other bytes than the manifest records (stale): run \`lifeboat index --snapshot ${m.snapshotId}\` again`,
    };
  }
  if (p.index.key !== ownKey(Boolean(p.index.encrypted))) {
    return { found: false, reason: `${key} names an index outside the snapshot's folder: it is not trusted` };
  }
  return { found: true, index: p.index };
}

/** The index or one clear error saying why there is none (and how to make one). */
export async function requireIndex(
  store: ObjectStore,
  layout: TargetLayout,
  m: Manifest,
): Promise<IndexObject> {
  const found = await findIndex(store, layout, m);
  if (!found.found)
    throw new ConfigurationError(`Snapshot ${m.snapshotId} of target ${layout.target}: ${found.reason}.`);
  return found.index;
}

class Sha256Tap extends Transform {
  bytes = 0;
  readonly hash = createHash('sha256');
  override _transform(
    chunk: Buffer,
    _enc: BufferEncoding,
    done: (err?: Error | null, data?: Buffer) => void,
  ): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/**
 * The one refusal of an index that is not the one recorded for its snapshot: its bytes differ
 * (sha256, size), they do not decrypt with an identity that is among its recipients, do not
 * inflate, or their lines do not parse or are more than recorded; or no object is stored where the
 * snapshot names one. The index's own fault, never its reader's: a wrong identity is a
 * ConfigurationError, a store that cannot be reached an EnvironmentError, as everywhere else.
 */
export class IndexNotRecordedError extends Error {
  override readonly name = 'IndexNotRecordedError';
}
function notTheRecordedIndex(where: string, what: string, index: IndexObject, cause?: unknown): Error {
  return new IndexNotRecordedError(
    `${where} is not the index recorded for the snapshot (${what}; recorded ${index.sha256}, ${index.size} bytes, ` +
      `${index.entries} lines): it is damaged or was replaced.`,
    cause === undefined ? {} : { cause },
  );
}

export interface ReadIndexOptions {
  /** The age identity, for an encrypted index. */
  identity?: string;
  /**
   * The snapshot the index belongs to (its manifest): an identity that is not among the recipients
   * it records is refused before the download, as verify refuses it (notARecipient); one that is
   * among them and opens nothing finds a damaged index.
   */
  snapshot?: Pick<Manifest, 'snapshotId' | 'encryption'>;
  signal?: AbortSignal;
}

/**
 * The lines of a stored index, one at a time (never more than one decompressed chunk's lines
 * held), checked at the end against the sha256, size and count recorded for it (see the
 * invariant above).
 */
export async function* readIndexEntries(
  store: ObjectStore,
  index: IndexObject,
  options: ReadIndexOptions = {},
): AsyncGenerator<IndexEntry> {
  for await (const batch of readIndexBatches(store, index, options)) yield* batch;
}

/** age's answer when no identity it was given opens a stanza of the header (age-encryption 0.3). */
const NO_IDENTITY_MATCHED = /no identity matched/;

/**
 * The identity that decrypts `index`, checked against the snapshot's recipients where they are
 * known; and what a header that opens for none of it means: the identity is the wrong one
 * (ConfigurationError) unless it is among the recipients recorded (then the header is damaged).
 */
async function identityFor(
  where: string,
  options: ReadIndexOptions,
): Promise<{ identity: string; wrong: () => ConfigurationError | undefined }> {
  if (!options.identity) {
    throw new ConfigurationError(
      `${where} is age-encrypted: reading it needs the identity of one of the snapshot's recipients; ${words().secret('decryption-identity', 'AGE_IDENTITY')}.`,
    );
  }
  const recipients = options.snapshot?.encryption?.recipients ?? [];
  const what = options.snapshot ? `snapshot ${options.snapshot.snapshotId}` : where;
  const mine = await recipientOf(options.identity);
  const refusal = notARecipient(mine, what, recipients);
  if (recipients.length > 0 && !recipients.includes(mine)) throw refusal;
  return { identity: options.identity, wrong: () => (recipients.includes(mine) ? undefined : refusal) };
}

/**
 * The same lines in batches, those of one decompressed chunk (at most 64 KiB of text) at a time:
 * a reader of 20,000 lines (ls, diff) takes a few hundred turns of the loop instead of one await
 * per line. The same checks at the end: a batch is trusted only once the iteration ended.
 *
 * What it throws is classified by where it arose (see IndexNotRecordedError): the store's errors
 * (the GET, the body's transport) and the runner's keep their class; what arose from the index's
 * own bytes (decrypting, inflating, parsing) is an IndexNotRecordedError, but for a wrong identity.
 */
export async function* readIndexBatches(
  store: ObjectStore,
  index: IndexObject,
  options: ReadIndexOptions = {},
): AsyncGenerator<IndexEntry[]> {
  const where = `${store.description}/${index.key}`;
  const age = index.encrypted ? await identityFor(where, options) : undefined;
  let download;
  try {
    download = await store.download(index.key, index.versionId ?? undefined, options.signal);
  } catch (err) {
    if (causeChain(err).some(isNotFound)) throw notTheRecordedIndex(where, 'no object stored', index, err);
    throw err;
  }
  // a size the store reports (0: none reported) is checked before anything is inflated
  if (download.size > 0 && download.size !== index.size) {
    download.body.destroy();
    throw notTheRecordedIndex(where, `${download.size} bytes stored`, index);
  }
  const body = download.body;
  // an error of the body is the store's (explained by it as an EnvironmentError), whatever stage
  // of the pipe it reaches the loop through
  let storeFault: unknown;
  const tap = new Sha256Tap();
  body.once('error', (err) => {
    storeFault ??= err;
    tap.destroy(err);
  });
  let count = 0;
  let pending: Buffer = Buffer.alloc(0);
  try {
    let plain: Readable = body.pipe(tap);
    if (age) {
      const d = await decryptingStream(age.identity);
      tap.pipe(d.input);
      tap.once('error', (err) => d.input.destroy(err));
      plain = await d.output.catch((err: unknown) => {
        const wrong = NO_IDENTITY_MATCHED.test(errorMessage(err)) ? age.wrong() : undefined;
        throw wrong ?? err;
      });
    }
    // 64 KiB of lines a turn, not zlib's 16 KiB: a quarter of the callbacks and loop turns
    const gunzip = zlib.createGunzip({ chunkSize: 64 * 1024 });
    plain.once('error', (err) => gunzip.destroy(err));
    const lines = plain.pipe(gunzip).pipe(new PassThrough());
    gunzip.once('error', (err) => lines.destroy(err));
    for await (const chunk of lines as AsyncIterable<Buffer>) {
      if (tap.bytes > index.size)
        throw notTheRecordedIndex(where, `more than ${index.size} bytes stored`, index);
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      let start = 0;
      const batch: IndexEntry[] = [];
      for (let nl = pending.indexOf(10, start); nl >= 0; nl = pending.indexOf(10, start)) {
        count++;
        if (count > index.entries)
          throw notTheRecordedIndex(where, `more than ${index.entries} lines`, index);
        batch.push(decodeIndexLine(pending.toString('utf8', start, nl), `line ${count}`));
        start = nl + 1;
      }
      pending = pending.subarray(start);
      if (batch.length > 0) yield batch;
      if (pending.length > MAX_INDEX_LINE_BYTES)
        throw notTheRecordedIndex(
          where,
          `line ${count + 1} is longer than ${MAX_INDEX_LINE_BYTES} bytes`,
          index,
        );
    }
  } catch (err) {
    if (storeFault !== undefined) throw storeFault;
    if (
      err instanceof IndexNotRecordedError ||
      err instanceof ConfigurationError ||
      err instanceof EnvironmentError ||
      isRunnerFault(err) ||
      options.signal?.aborted
    )
      throw err;
    // the index's own bytes do not decrypt, inflate or parse
    throw notTheRecordedIndex(where, errorMessage(err), index, err);
  } finally {
    // a reader that stops early (or a failure) releases the connection
    body.destroy();
  }
  const sha256 = tap.hash.digest('hex');
  if (pending.length > 0 || sha256 !== index.sha256 || tap.bytes !== index.size || count !== index.entries)
    throw notTheRecordedIndex(where, `sha256 ${sha256}, ${tap.bytes} bytes, ${count} lines`, index);
}
