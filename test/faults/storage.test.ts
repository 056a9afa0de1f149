import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isUploadPart,
  startFaultProxy,
  startHttpFaultProxy,
  type FaultProxy,
  type HttpFaultProxy,
} from '../helpers/fault-proxy.js';
import { verify } from '../helpers/lifeboat-runs.js';
import { createBucket, getJson, openMultipartUploads, s3Server, testClient } from '../helpers/s3.js';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { STORE_TIMEOUTS } from '../../src/storage/s3-client.js';
import {
  bigVolume,
  destroyBucket,
  expectCleanFailure,
  expectNoSecrets,
  flyBackup,
  withGoodBackup,
} from './fault-kit.js';

const upstreamPort = () => Number(new URL(s3Server().endpoint).port);

describe('storage faults (fly-volume-backup through a fault proxy in front of Ceph RGW)', () => {
  let volume: string;
  let tcp: FaultProxy;
  let http: HttpFaultProxy;
  beforeAll(async () => {
    volume = bigVolume();
    tcp = await startFaultProxy(upstreamPort());
    http = await startHttpFaultProxy(upstreamPort());
  });
  afterAll(async () => {
    await tcp?.close();
    await http?.close();
  });

  /** The backup advanced latest to its own snapshot, which restores. */
  async function expectGoodAndRestorable(run: Awaited<ReturnType<typeof flyBackup>>, bucket: string) {
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.status).toBe('ok');
    const latest = (await getJson(bucket, 'lifeboat/my-app/latest.json'))!;
    expect(latest.snapshotId).toBe(run.outputs['snapshot-id']);
    expect(await openMultipartUploads(bucket)).toEqual([]);
    expectNoSecrets(run);
    const v = await verify(bucket, { mode: 'stream' });
    expect(v.code, v.log).toBe(0);
    expect(v.outputs['snapshot-id']).toBe(run.outputs['snapshot-id']);
  }

  it('connection reset mid-upload, once — the SDK retries the part; the backup is good and restores', async () => {
    const bucket = await createBucket();
    // every connection that carries more than 1 MiB upstream is reset, for the first cut only
    tcp.cutAfterBytes(1 << 20, 1);
    const run = await flyBackup(bucket, volume, { endpoint: tcp.endpoint });
    tcp.pass();
    expect(tcp.stats.cuts).toBeGreaterThanOrEqual(1);
    await expectGoodAndRestorable(run, bucket);
  });

  it('connection reset on every upload — fails cleanly: latest unchanged, upload aborted, no stray object', async () => {
    const { bucket, before } = await withGoodBackup(volume);
    tcp.cutAfterBytes(1 << 20);
    const run = await flyBackup(bucket, volume, { endpoint: tcp.endpoint });
    tcp.pass();
    await expectCleanFailure(run, bucket, before, /Cannot reach .* \(ECONNRESET\)|ECONNRESET|socket hang up/);
  });

  it('503 SlowDown on some UploadPart calls — retried; the backup is good and restores', async () => {
    const bucket = await createBucket();
    http.setRules([
      {
        match: isUploadPart,
        respond: { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
        times: 3,
      },
    ]);
    const run = await flyBackup(bucket, volume, { endpoint: http.endpoint });
    const applied = http.applied[0];
    http.setRules([]);
    expect(applied).toBe(3);
    await expectGoodAndRestorable(run, bucket);
  });

  it('persistent 500 InternalError on UploadPart — fails cleanly after the retries', async () => {
    const { bucket, before } = await withGoodBackup(volume);
    http.setRules([{ match: isUploadPart, respond: { status: 500, code: 'InternalError' } }]);
    const run = await flyBackup(bucket, volume, { endpoint: http.endpoint });
    const applied = http.applied[0]!;
    http.setRules([]);
    // the SDK tried the failing part maxAttempts times; the upload ends at the first part that
    // failed them all (storage/part-upload.ts), so other parts may or may not have been in flight
    expect(applied).toBeGreaterThanOrEqual(STORE_TIMEOUTS.maxAttempts);
    await expectCleanFailure(run, bucket, before, /InternalError \(HTTP 500\)/);
  });

  it('latency spikes of 1 s on every UploadPart and every 4th request — slower, still good and restorable', async () => {
    const bucket = await createBucket();
    http.setRules([{ match: (r) => isUploadPart(r) || r.n % 4 === 0, delayMs: 1000 }]);
    const run = await flyBackup(bucket, volume, { endpoint: http.endpoint });
    const applied = http.applied[0]!;
    http.setRules([]);
    expect(applied).toBeGreaterThan(3);
    await expectGoodAndRestorable(run, bucket);
  });

  it('wrong credentials — refused before any data moves; the secret is not printed', async () => {
    const { bucket, before } = await withGoodBackup(volume);
    const wrong = 'WrongSecretKey0123456789abcdefFAULT';
    const run = await flyBackup(bucket, volume, { env: { AWS_SECRET_ACCESS_KEY: wrong } });
    await expectCleanFailure(run, bucket, before, /credentials are wrong|rejected the credentials/);
    expectNoSecrets(run, [wrong]);
    // nothing reached the machine: preflight stopped it
    expect(run.calls.filter((c) => c.argv[0] === 'ssh')).toEqual([]);
  });

  it('bucket deleted mid-run (after preflight, as the upload starts) — fails clearly; nothing recreates it', async () => {
    const { bucket } = await withGoodBackup(volume);
    let deleted = false;
    http.setRules([
      {
        // the first request of the archive upload (CreateMultipartUpload: POST ?uploads)
        match: (r) => r.method === 'POST' && /[?&]uploads(=|&|$)/.test(r.url),
        before: async () => {
          await destroyBucket(bucket);
          deleted = true;
        },
        times: 1,
      },
    ]);
    const run = await flyBackup(bucket, volume, { endpoint: http.endpoint });
    http.setRules([]);
    expect(deleted).toBe(true);
    expect(run.code, run.log).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/does not exist/);
    expect(run.outputs.status).toBe('failed');
    expectNoSecrets(run);
    await expect(testClient().send(new HeadBucketCommand({ Bucket: bucket }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });
});
