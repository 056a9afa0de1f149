import type { Readable } from 'node:stream';

/**
 * A stream stored as one object, in parts filled in place: every byte read is copied once into a
 * part buffer, and the same few buffers (queueSize in flight + 1 filling) carry every part.
 *
 * Why not lib-storage's Upload: its getChunkStream keeps every chunk read until a part is full and
 * then `Buffer.concat`s them into a new part-sized Buffer, for every part but the first. So each
 * archive byte lived twice outside V8's heap (the chunk, held for the part's whole fill, and the
 * part, held for its whole send), both long enough to outlive the young generation: they were
 * freed only by full collections, most of the memory policy's (bench/NOTES.md, 2026-12-02,
 * w-backupcpu). Here a chunk read is copied at once and dropped (it dies young), and the parts are
 * never garbage.
 *
 * The requests are those lib-storage made (the IAM policies do not change):
 * - a stream of at most one part is one PutObject; otherwise CreateMultipartUpload, UploadPart
 *   1..n (at most queueSize at once, every part `partSize` bytes but the last),
 *   CompleteMultipartUpload with the parts in order;
 * - a part's buffer is filled again only once the request that carried it has settled (its
 *   retries included: the SDK resends the same bytes);
 * - the first failure (a request's, after the SDK's retries, or the body's) ends the upload: the
 *   parts in flight are cut, the body is destroyed (without an error of its own, which
 *   stream-to-store.ts reads as the uploader giving up, as it read lib-storage's), the multipart
 *   upload is aborted, and that first failure is thrown;
 * - a stream that needs more than `maxParts` parts fails before the part past the limit is sent.
 */
export interface PartRequests {
  /** The whole object in one request (a stream of at most one part). */
  put(body: Buffer, signal: AbortSignal): Promise<PartUploadResult>;
  /** CreateMultipartUpload: the upload's id. */
  create(): Promise<string>;
  /** UploadPart: the part's ETag. */
  part(uploadId: string, partNumber: number, body: Buffer, signal: AbortSignal): Promise<string>;
  complete(uploadId: string, parts: CompletedPart[], signal: AbortSignal): Promise<PartUploadResult>;
  abort(uploadId: string): Promise<void>;
}

export interface CompletedPart {
  PartNumber: number;
  ETag: string;
}

export interface PartUploadResult {
  versionId?: string;
  etag?: string;
}

export interface PartUploadOptions {
  partSize: number;
  queueSize: number;
  maxParts: number;
  /** Cuts every request of the upload (a signal's clean-up, or the upload's own first failure). */
  cut: AbortController;
}

export class TooManyPartsError extends Error {
  override readonly name = 'TooManyPartsError';
}

export async function uploadInParts(
  requests: PartRequests,
  body: Readable,
  o: PartUploadOptions,
): Promise<PartUploadResult> {
  const free: Buffer[] = [];
  let allocated = 0;
  const inFlight = new Set<Promise<void>>();
  const done: CompletedPart[] = [];
  let failure: { error: unknown } | undefined;
  let uploadId: Promise<string> | undefined;
  let partNumber = 0;

  const fail = (error: unknown) => {
    failure ??= { error };
    o.cut.abort();
    // a read waiting for the source's next chunk ends now, not when that chunk comes
    body.destroy();
  };
  /** Throws the upload's first failure, if any (read through a call: the callbacks above set it). */
  const throwIfFailed = () => {
    if (failure) throw failure.error;
  };
  const takeBuffer = async (): Promise<Buffer> => {
    while (free.length === 0 && allocated >= o.queueSize + 1 && !failure) await Promise.race(inFlight);
    throwIfFailed();
    const reused = free.pop();
    if (reused) return reused;
    allocated++;
    return Buffer.allocUnsafeSlow(o.partSize);
  };
  /** Sends `buf[0, length)` as the next part; its buffer returns to `free` when the part is stored. */
  const send = async (buf: Buffer, length: number) => {
    const n = ++partNumber;
    if (n > o.maxParts)
      throw new TooManyPartsError(`the stream needs more than ${o.maxParts} parts of ${o.partSize} bytes`);
    uploadId ??= requests.create();
    const id = await uploadId;
    const sending = requests.part(id, n, buf.subarray(0, length), o.cut.signal).then((etag) => {
      done.push({ PartNumber: n, ETag: etag });
      free.push(buf);
    }, fail);
    const tracked = sending.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  let current: Buffer | undefined;
  let filled = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (failure) break;
      for (let at = 0; at < chunk.length;) {
        // a full part is sent only once a byte after it arrived: the last part is never empty, and
        // a stream of exactly one part stays one PutObject
        if (current && filled === o.partSize) {
          await send(current, filled);
          current = undefined;
          filled = 0;
        }
        current ??= await takeBuffer();
        const copied = chunk.copy(current, filled, at);
        filled += copied;
        at += copied;
      }
    }
    throwIfFailed();
    if (partNumber === 0)
      return await requests.put((current ?? Buffer.alloc(0)).subarray(0, filled), o.cut.signal);
    if (current) await send(current, filled);
    await Promise.all(inFlight);
    throwIfFailed();
    done.sort((a, b) => a.PartNumber - b.PartNumber);
    return await requests.complete(await (uploadId as Promise<string>), done, o.cut.signal);
  } catch (err) {
    fail(err);
    await Promise.all(inFlight);
    const id = await uploadId?.catch(() => undefined);
    if (id) await requests.abort(id).catch(() => undefined);
    throwIfFailed();
    throw err;
  }
}
