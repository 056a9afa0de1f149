/**
 * Multipart part sizes. S3 allows at most 10,000 parts per object and the upload (part-upload.ts) keeps
 * every part the same size, so the part size, chosen before the first byte, caps the object:
 * 6 MiB parts cap it at 58.6 GiB, 8 MiB parts at 78 GiB. Memory is (queue + 1) parts, reused, so the
 * part size is also what the upload costs in RAM. Parts therefore start small and grow only for
 * large sources; a source of unknown size (a machine without du) gets 8 MiB parts, as before.
 */

const MIB = 1024 * 1024;

/** S3's limit on the number of parts of one multipart upload (AWS, R2, B2, Spaces, MinIO alike). */
export const MAX_PARTS = 10_000;

/** Parts in flight at once (part-upload.ts's queueSize). */
export const UPLOAD_QUEUE_SIZE = 4;

/**
 * The smallest part lifeboat uses (S3's own minimum is 5 MiB). 6, not 8: the memory policy's
 * marking triggers (util/memory-policy.ts) let a backup keep all queue + 1 parts busy, and 5 parts
 * of 6 MiB hold 10 MiB less than 5 of 8 (bench/NOTES.md, "Smaller parts for V8's marking rule").
 */
export const MIN_PART_SIZE = 6 * MIB;

/** The part of a source whose size is unknown (no du): 8 MiB parts hold 78 GiB. */
export const UNKNOWN_SIZE_PART_SIZE = 8 * MIB;

/**
 * Room for an archive larger than the source's used space: tar's 512-byte headers and padding
 * (up to +12.5% for a volume of 4 KiB files), symlinks that take no blocks, compression that
 * cannot shrink random data, age's 16 bytes per 64 KiB.
 */
export const ESTIMATE_HEADROOM = 2;

/**
 * The part size for an object of about `expectedBytes` (0: unknown, UNKNOWN_SIZE_PART_SIZE): the
 * smallest whole number of MiB, not below `minimum`, that fits `expectedBytes * headroom` into
 * MAX_PARTS parts.
 */
export function partSizeFor(
  expectedBytes: number,
  headroom = ESTIMATE_HEADROOM,
  minimum = MIN_PART_SIZE,
): number {
  if (!(expectedBytes > 0)) return Math.max(minimum, UNKNOWN_SIZE_PART_SIZE);
  const needed = Math.ceil((Math.max(0, expectedBytes) * headroom) / MAX_PARTS);
  return Math.max(minimum, Math.ceil(needed / MIB) * MIB);
}

/** The largest object `partSize` parts can hold. */
export function largestObjectFor(partSize: number): number {
  return partSize * MAX_PARTS;
}
