import type { ObjectStore } from '../storage/object-store.js';
import { errorMessage } from '../util/errors.js';

/** A document larger than a reader allows: it was refused, not read. */
export class DocumentTooLargeError extends Error {
  override readonly name = 'DocumentTooLargeError';
}

/**
 * Reads a small JSON document from the bucket without trusting its size: HeadObject first (a
 * missing key is `undefined`, an object larger than `maxBytes` is refused unread), then the body,
 * of which never more than `maxBytes` are held (the object may be replaced between the two
 * requests). Every failure is thrown as one Error whose message names the object.
 */
export async function readBoundedJson(store: ObjectStore, key: string, maxBytes: number): Promise<unknown> {
  const where = `${store.description}/${key}`;
  const tooLarge = (size: number) =>
    new DocumentTooLargeError(
      `${where} is ${size} bytes, more than the ${maxBytes} allowed for it: it was not read.`,
    );
  let text: string;
  try {
    const head = await store.head(key);
    if (!head) return undefined;
    if (head.size > maxBytes) throw tooLarge(head.size);
    const download = await store.download(key);
    if (download.size > maxBytes) {
      download.body.destroy();
      throw tooLarge(download.size);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    // leaving the loop (the throw) destroys the body
    for await (const chunk of download.body as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge(total);
      chunks.push(chunk);
    }
    text = Buffer.concat(chunks).toString('utf8');
  } catch (err) {
    if (err instanceof DocumentTooLargeError) throw err;
    throw new Error(`${where} cannot be read: ${errorMessage(err)}`, { cause: err });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${where} is not valid JSON: it was not written by lifeboat or is damaged.`);
  }
}
