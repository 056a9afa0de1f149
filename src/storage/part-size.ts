/**
 * Multipart part sizes. S3 allows at most 10,000 parts per object and the upload (part-upload.ts) keeps
 * every part the same size, so the part size, chosen before the first byte, caps the object:
 * 8 MiB parts cap it at 78 GiB. Memory is (queue + 1) parts, reused, so the part size is also what
 * the upload costs in RAM. Parts therefore start small and grow only for large sources.
 */

const MIB = 1024 * 1024;

/** S3's limit on the number of parts of one multipart upload (AWS, R2, B2, Spaces, MinIO alike). */
export const MAX_PARTS = 10_000;

/** Parts in flight at once (part-upload.ts's queueSize). */
export const UPLOAD_QUEUE_SIZE = 4;

/** The smallest part lifeboat uses (S3's own minimum is 5 MiB). */
export const MIN_PART_SIZE = 8 * MIB;

/**
 * Room for an archive larger than the source's used space: tar's 512-byte headers and padding
 * (up to +12.5% for a volume of 4 KiB files), symlinks that take no blocks, compression that
 * cannot shrink random data, age's 16 bytes per 64 KiB.
 */
export const ESTIMATE_HEADROOM = 2;

/**
 * The part size for an object of about `expectedBytes` (0: unknown): the smallest whole number of
 * MiB, not below `minimum`, that fits `expectedBytes * headroom` into MAX_PARTS parts.
 */
export function partSizeFor(
  expectedBytes: number,
  headroom = ESTIMATE_HEADROOM,
  minimum = MIN_PART_SIZE,
): number {
  const needed = Math.ceil((Math.max(0, expectedBytes) * headroom) / MAX_PARTS);
  return Math.max(minimum, Math.ceil(needed / MIB) * MIB);
}

/** The largest object `partSize` parts can hold. */
export function largestObjectFor(partSize: number): number {
  return partSize * MAX_PARTS;
}
