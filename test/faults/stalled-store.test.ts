import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUploadPart, startHttpFaultProxy, type HttpFaultProxy } from '../helpers/fault-proxy.js';
import { storage } from '../helpers/lifeboat-runs.js';
import { runAction } from '../helpers/run-action.js';
import { getJson, listKeys, s3Env, s3Server } from '../helpers/s3.js';
import { bigVolume, expectCleanFailure, flyBackup, withGoodBackup } from './fault-kit.js';

// A store that accepts connections and then stops answering must end a run in about two minutes
// (src/storage/s3-client.ts STORE_TIMEOUTS: no byte for 30 s, 4 attempts), with one message naming
// the store and the operation, and no verdict: the archive is not at fault. These cases run with the
// shipped defaults, so each takes about two minutes of waiting; they run concurrently.
const upstreamPort = () => Number(new URL(s3Server().endpoint).port);
const LIMIT_MS = 170_000;

describe.concurrent('a stalled store (HTTP fault proxy in front of Ceph RGW, shipped timeouts)', () => {
  let volume: string;
  let backupProxy: HttpFaultProxy;
  let verifyProxy: HttpFaultProxy;
  beforeAll(async () => {
    volume = bigVolume();
    backupProxy = await startHttpFaultProxy(upstreamPort());
    verifyProxy = await startHttpFaultProxy(upstreamPort());
  });
  afterAll(async () => {
    await backupProxy?.close();
    await verifyProxy?.close();
  });

  it('every UploadPart accepted and never answered — the backup ends within about two minutes, naming the store and the upload; nothing changed', async () => {
    const { bucket, before } = await withGoodBackup(volume);
    backupProxy.setRules([{ match: isUploadPart, hang: true }]);
    const started = Date.now();
    const run = await flyBackup(bucket, volume, { endpoint: backupProxy.endpoint, timeoutMs: 240_000 });
    const elapsed = Date.now() - started;
    backupProxy.setRules([]);
    expect(elapsed, run.log).toBeLessThan(LIMIT_MS);
    await expectCleanFailure(
      run,
      bucket,
      before,
      new RegExp(
        `s3://${bucket} at ${backupProxy.endpoint} stopped answering during upload of lifeboat/my-app/snapshots/\\S+/archive\\.tar\\.zst: it moved no byte for 30 s, on each of 4 attempts`,
      ),
    );
  }, 240_000);

  it('the archive download stops moving after 64 KiB — verify ends within about two minutes, blames the store, and writes no verdict', async () => {
    const { bucket } = await withGoodBackup(volume);
    const keysBefore = await listKeys(bucket);
    verifyProxy.setRules([
      {
        match: (r) => r.method === 'GET' && /\/archive\.tar\.zst(\?|$)/.test(r.url),
        stallAfterBytes: 65_536,
      },
    ]);
    const started = Date.now();
    const run = await runAction('verify-restore', {
      inputs: { target: 'my-app', ...storage(bucket), endpoint: verifyProxy.endpoint },
      env: s3Env(),
      timeoutMs: 240_000,
    });
    const elapsed = Date.now() - started;
    verifyProxy.setRules([]);
    expect(elapsed, run.log).toBeLessThan(LIMIT_MS);
    expect(run.code, run.log).toBe(1);
    expect(run.errors, run.log).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      new RegExp(
        `s3://${bucket} at ${verifyProxy.endpoint} stopped sending lifeboat/my-app/snapshots/\\S+/archive\\.tar\\.zst mid-download: no byte moved for 30 s`,
      ),
    );
    expect(run.errors[0]).not.toMatch(/damaged|mismatch|corrupt/i);
    // no verification.json: a stalled store says nothing about the archive
    expect(await listKeys(bucket)).toEqual(keysBefore);
    const latest = (await getJson(bucket, 'lifeboat/my-app/latest.json'))!;
    expect(latest.snapshotId).toBeTruthy();
  }, 240_000);
});
