import {
  CreateBucketCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createS3Client, type S3Location } from '../../src/storage/s3-client.js';

export function s3Server() {
  return inject('s3');
}

/** The environment a bundle needs to reach the test S3 (standard AWS variables). */
export function s3Env(): Record<string, string> {
  const s = s3Server();
  return { AWS_ACCESS_KEY_ID: s.accessKeyId, AWS_SECRET_ACCESS_KEY: s.secretAccessKey, AWS_REGION: s.region };
}

export function location(bucket: string): S3Location {
  const s = s3Server();
  return {
    bucket,
    endpoint: s.endpoint,
    region: s.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
  };
}

export function testClient(): S3Client {
  return createS3Client(location('unused'));
}

export async function createBucket(opts: { versioned?: boolean; prefix?: string } = {}): Promise<string> {
  const name = `${opts.prefix ?? 'lb'}-${randomBytes(5).toString('hex')}`;
  const client = testClient();
  await client.send(new CreateBucketCommand({ Bucket: name }));
  if (opts.versioned ?? true) {
    await client.send(
      new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'Enabled' } }),
    );
  }
  return name;
}

export async function getBytes(bucket: string, key: string, versionId?: string): Promise<Buffer> {
  const out = await testClient().send(
    new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }),
  );
  return Buffer.from(await out.Body!.transformToByteArray());
}

export async function getJson<T = Record<string, unknown>>(
  bucket: string,
  key: string,
): Promise<T | undefined> {
  try {
    return JSON.parse((await getBytes(bucket, key)).toString('utf8')) as T;
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchKey') return undefined;
    throw err;
  }
}

export async function listKeys(bucket: string, prefix = ''): Promise<string[]> {
  const out = await testClient().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}

export async function listVersions(bucket: string, prefix = '') {
  const out = await testClient().send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: prefix }));
  return { versions: out.Versions ?? [], deleteMarkers: out.DeleteMarkers ?? [] };
}

export async function openMultipartUploads(bucket: string): Promise<string[]> {
  const out = await testClient().send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  return (out.Uploads ?? []).map((u) => `${u.Key}:${u.UploadId}`);
}
