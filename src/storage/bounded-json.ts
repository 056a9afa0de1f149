import type { ObjectStore, ObjectVersion } from './object-store.js';
import { ConfigurationError, EnvironmentError, errorMessage } from '../util/errors.js';

/** A document larger than a reader allows: it was refused, not read. */
export class DocumentTooLargeError extends Error {
  override readonly name = 'DocumentTooLargeError';
}

/** A JSON document as read from the bucket, with the version read and when the server stored it. */
export interface BoundedDocument extends ObjectVersion {
  value: unknown;
  lastModified?: Date;
}

/**
 * Reads a small JSON document from the bucket (the current object, or one version) without
 * trusting its size: HeadObject first (a missing key or version is `undefined`, an object larger
 * than `maxBytes` is refused unread), then the body, of which never more than `maxBytes` are held
 * (the object may be replaced between the two requests). Every failure is thrown as one Error
 * whose message names the object. Every document lifeboat reads from a bucket is read this way.
 */
export async function readBoundedDocument(
  store: ObjectStore,
  key: string,
  maxBytes: number,
  versionId?: string,
): Promise<BoundedDocument | undefined> {
  const where = `${store.description}/${key}${versionId ? ` (version ${versionId})` : ''}`;
  const tooLarge = (size: number) =>
    new DocumentTooLargeError(
      `${where} is ${size} bytes, more than the ${maxBytes} allowed for it: it was not read.`,
    );
  let text: string;
  let read: Omit<BoundedDocument, 'value'>;
  try {
    const head = await store.head(key, versionId);
    if (!head) return undefined;
    if (head.size > maxBytes) throw tooLarge(head.size);
    const download = await store.download(key, versionId);
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
    const lastModified = download.lastModified ?? head.lastModified;
    read = {
      versionId: download.versionId ?? head.versionId,
      etag: download.etag ?? head.etag,
      ...(lastModified ? { lastModified } : {}),
    };
  } catch (err) {
    if (err instanceof DocumentTooLargeError) throw err;
    // the cause's class is kept: wrong keys stay a configuration error (exit 2), a stalled store an environment one
    const message = `${where} cannot be read: ${errorMessage(err)}`;
    if (err instanceof ConfigurationError) throw new ConfigurationError(message, { cause: err });
    if (err instanceof EnvironmentError) throw new EnvironmentError(message, { cause: err });
    throw new Error(message, { cause: err });
  }
  try {
    return { value: JSON.parse(text) as unknown, ...read };
  } catch {
    throw new Error(`${where} is not valid JSON: it was not written by lifeboat or is damaged.`);
  }
}

/** readBoundedDocument's value only: the current object, undefined when there is none. */
export async function readBoundedJson(store: ObjectStore, key: string, maxBytes: number): Promise<unknown> {
  return (await readBoundedDocument(store, key, maxBytes))?.value;
}
