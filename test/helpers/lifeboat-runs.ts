import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createS3Client } from '../../src/storage/s3-client.js';
import { runAction } from './run-action.js';
import { s3Env, s3Server } from './s3.js';

/**
 * The runs that produce real snapshots for end-to-end tests: fly-volume-backup through the flyctl
 * stand-in, then verify-restore (the same helpers as test/e2e/verify-restore.test.ts).
 */
export function flyEnv(volume: string, extra: Record<string, string> = {}) {
  return {
    ...s3Env(),
    FLY_API_TOKEN: 'fo1_standin_token_value',
    FLY_STANDIN_APP: 'my-app',
    FLY_STANDIN_VOLUME: volume,
    FLY_STANDIN_REMOTE_PATH: '/data',
    ...extra,
  };
}

export const storage = (bucket: string) => ({
  bucket,
  endpoint: s3Server().endpoint,
  'force-path-style': 'true',
});

/** A good backup of `volume` into `bucket` (target my-app); fails the test otherwise. */
export async function backup(bucket: string, volume: string, extra: Record<string, string> = {}) {
  const run = await runAction('fly-volume-backup', {
    inputs: { app: 'my-app', ...storage(bucket), ...extra },
    env: flyEnv(volume),
  });
  expect(run.code, run.log).toBe(0);
  return run.outputs;
}

export async function verify(
  bucket: string,
  extra: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  return runAction('verify-restore', {
    inputs: { target: 'my-app', ...storage(bucket), ...extra },
    env: { ...s3Env(), ...env },
  });
}

/** A second RGW user: its keys reach only the buckets it creates. */
export interface S3User {
  accessKeyId: string;
  secretAccessKey: string;
  client: S3Client;
  env: Record<string, string>;
  createBucket(versioned?: boolean): Promise<string>;
  listKeys(bucket: string, prefix?: string): Promise<string[]>;
  getJson<T = Record<string, unknown>>(bucket: string, key: string): Promise<T | undefined>;
  openMultipartUploads(bucket: string): Promise<string[]>;
}

export function addS3User(uid = `user-${randomBytes(3).toString('hex')}`): S3User {
  const s = s3Server();
  const accessKeyId = `LB${randomBytes(8).toString('hex').toUpperCase()}`;
  const secretAccessKey = `Sk${randomBytes(18).toString('base64url')}`;
  execFileSync(
    'bash',
    [
      join(new URL('../..', import.meta.url).pathname, 'scripts/s3-server.sh'),
      'add-user',
      uid,
      accessKeyId,
      secretAccessKey,
    ],
    {
      env: { ...process.env, CEPH_S3_DIR: s.dir, CEPH_MON_PORT: String(s.monPort) },
      stdio: 'pipe',
    },
  );
  const client = createS3Client({
    bucket: 'unused',
    endpoint: s.endpoint,
    region: s.region,
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
  });
  return {
    accessKeyId,
    secretAccessKey,
    client,
    env: { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_REGION: s.region },
    async createBucket(versioned = true) {
      const name = `lbdst-${randomBytes(5).toString('hex')}`;
      await client.send(new CreateBucketCommand({ Bucket: name }));
      if (versioned) {
        await client.send(
          new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'Enabled' } }),
        );
      }
      return name;
    },
    async listKeys(bucket, prefix = '') {
      const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
      return (out.Contents ?? []).map((o) => o.Key!).sort();
    },
    async getJson<T>(bucket: string, key: string) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return JSON.parse(await out.Body!.transformToString('utf8')) as T;
      } catch (err) {
        if ((err as { name?: string }).name === 'NoSuchKey') return undefined;
        throw err;
      }
    },
    async openMultipartUploads(bucket) {
      const out = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
      return (out.Uploads ?? []).map((u) => `${u.Key}:${u.UploadId}`);
    },
  };
}
