import { createHash, type Hash } from 'node:crypto';
import type { ObjectStore } from '../storage/object-store.js';

/** One more download of a stored object, into sha256 alone (nothing decompressed or written). */
export interface SecondRead {
  /** The bytes the store sent, and their sha256. */
  bytes: number;
  sha256: string;
  /** The sha256 of the first `prefixBytes` of them (null when no prefix was asked for, or the object is shorter). */
  prefixSha256: string | null;
}

/**
 * Reads `key` (at `versionId`) again and hashes all of it, and separately its first `prefixBytes`
 * bytes: what a first read that stopped early hashed, so that the two can be compared byte range
 * for byte range. Errors are the download's own (the caller says what they mean).
 */
export async function readAgain(
  store: ObjectStore,
  key: string,
  versionId: string | undefined,
  prefixBytes: number | null,
  signal?: AbortSignal,
): Promise<SecondRead> {
  const again = await store.download(key, versionId, signal);
  const whole = createHash('sha256');
  const prefix: Hash | null = prefixBytes === null ? null : createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of again.body as AsyncIterable<Buffer>) {
      if (prefix && prefixBytes !== null && bytes < prefixBytes) {
        prefix.update(chunk.subarray(0, Math.min(chunk.length, prefixBytes - bytes)));
      }
      whole.update(chunk);
      bytes += chunk.length;
    }
  } finally {
    again.body.destroy();
  }
  return {
    bytes,
    sha256: whole.digest('hex'),
    prefixSha256: prefix && prefixBytes !== null && bytes >= prefixBytes ? prefix.digest('hex') : null,
  };
}
