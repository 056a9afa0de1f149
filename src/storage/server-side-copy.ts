import { CopyObjectCommand } from '@aws-sdk/client-s3';
import type { ObjectVersion } from './object-store.js';
import { createS3Client, describeLocation, type S3Location } from './s3-client.js';
import { explainS3Error } from './s3-errors.js';

/** CopyObject refuses sources larger than this; bigger archives are streamed instead. */
export const MAX_SERVER_SIDE_COPY_BYTES = 5 * 1024 ** 3;

export interface CopySourceObject {
  bucket: string;
  key: string;
  versionId: string | null;
}

export type ServerSideCopy = (
  from: CopySourceObject,
  toKey: string,
  signal?: AbortSignal,
) => Promise<ObjectVersion>;

/**
 * A server-side copy into `destination`, for a source that the destination's endpoint and keys can
 * read (one provider, one set of credentials): the bytes never leave the provider. The source
 * version is pinned, so the copy is of exactly the object the manifest describes.
 */
export function serverSideCopier(destination: S3Location): ServerSideCopy {
  const client = createS3Client(destination);
  const where = describeLocation(destination);
  return async (from, toKey, signal) => {
    const source = `${from.bucket}/${from.key.split('/').map(encodeURIComponent).join('/')}`;
    try {
      const out = await client.send(
        new CopyObjectCommand({
          Bucket: destination.bucket,
          Key: toKey,
          CopySource: from.versionId ? `${source}?versionId=${encodeURIComponent(from.versionId)}` : source,
          MetadataDirective: 'COPY',
        }),
        signal ? { abortSignal: signal } : {},
      );
      return { versionId: out.VersionId, etag: out.CopyObjectResult?.ETag };
    } catch (err) {
      throw explainS3Error(err, `CopyObject ${from.bucket}/${from.key} -> ${toKey}`, where);
    }
  };
}
