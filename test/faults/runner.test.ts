import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaErrors } from '../../src/catalog/schemas.js';
import { isUploadPart, startHttpFaultProxy, type HttpFaultProxy } from '../helpers/fault-proxy.js';
import { verify } from '../helpers/lifeboat-runs.js';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getBytes, getJson, listKeys, openMultipartUploads, s3Server, testClient } from '../helpers/s3.js';
import {
  bigVolume,
  bucketState,
  expectNoSecrets,
  flyBackup,
  type FlyRun,
  waitFor,
  withGoodBackup,
} from './fault-kit.js';

const isCreateMultipart = (r: { method: string; url: string }) =>
  r.method === 'POST' && /[?&]uploads(=|&|$)/.test(r.url);
const isPutLatest = (r: { method: string; url: string }) =>
  r.method === 'PUT' && new URL(r.url, 'http://x').pathname.endsWith('/lifeboat/my-app/latest.json');

describe('runner faults (fly-volume-backup under Node 24: cancellation and overlapping runs)', () => {
  let volume: string;
  let http: HttpFaultProxy;
  beforeAll(async () => {
    volume = bigVolume();
    http = await startHttpFaultProxy(Number(new URL(s3Server().endpoint).port));
  });
  afterAll(async () => {
    await http?.close();
  });

  /** Sends SIGTERM once `ready` holds; returns the run and how long it took to exit after the signal. */
  async function cancelledRun(bucket: string, ready: () => boolean, env: Record<string, string> = {}) {
    let pid = 0;
    const running = flyBackup(bucket, volume, {
      endpoint: http.endpoint,
      env,
      timeoutMs: 30_000,
      onStart: (p) => (pid = p),
    });
    await waitFor(() => pid > 0 && ready(), 60_000, 'the run to reach the point of cancellation');
    const signalledAt = Date.now();
    process.kill(pid, 'SIGTERM');
    const run: FlyRun = await running;
    if (process.env.FAULTS_DEBUG) console.log(run.log, http.requests.slice(-12));
    return { run, seconds: (Date.now() - signalledAt) / 1000 };
  }

  async function expectCancelled(
    run: FlyRun,
    seconds: number,
    bucket: string,
    before: Awaited<ReturnType<typeof bucketState>>,
  ) {
    expect(seconds).toBeLessThan(5);
    expect(run.code).not.toBe(0);
    expect(run.code).not.toBeNull();
    expect(run.log).toContain('received SIGTERM: aborting');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      /the backup was cancelled: the upload was aborted and nothing was published/,
    );
    expect(run.outputs.status).toBe('failed');
    const after = await bucketState(bucket);
    expect(after.latest).toEqual(before.latest);
    expect(after.keys).toEqual(before.keys);
    expect(await openMultipartUploads(bucket)).toEqual([]);
    expectNoSecrets(run);
  }

  it('SIGTERM mid-upload (a part in flight) — aborts within 5 s, exit non-zero, no multipart upload left open', async () => {
    const { bucket, before } = await withGoodBackup(volume);
    // every part is held by the proxy: the upload is open and in flight when the signal comes
    http.setRules([{ match: isUploadPart, delayMs: 60_000 }]);
    const { run, seconds } = await cancelledRun(bucket, () => http.applied[0]! >= 1);
    http.setRules([]);
    await expectCancelled(run, seconds, bucket, before);
  });

  it('SIGTERM while the source stalls (nothing arrives) — aborts within 5 s, exit non-zero, nothing stored', async () => {
    const { bucket, before } = await withGoodBackup(volume);
    http.setRules([]);
    const mark = http.requests.length;
    // preflight done and the snapshot id chosen: the stream has started
    const { run, seconds } = await cancelledRun(
      bucket,
      () => http.requests.slice(mark).some((r) => r.includes('list-type=2')),
      { FLY_STANDIN_MODE: 'stall' },
    );
    await expectCancelled(run, seconds, bucket, before);
  });

  // two runs that start in the same second claim the snapshot id through claim.json's versions:
  // one keeps it, the other moves to the next second. Both then saw the same latest.json, and both
  // are held at their PUT of latest.json until the other reached it too (or ended): reading
  // latest.json again before writing it let both move it. Only the run that claimed
  // successor.json first may move latest.
  it('two backups of one target at once — exactly one moves latest; the other fails clearly; every manifest describes its own archive', async () => {
    const { bucket } = await withGoodBackup(volume);
    const previous = (await getJson(bucket, 'lifeboat/my-app/latest.json'))!.snapshotId as string;
    // a barrier: neither run starts its archive upload before the other has reached that point
    let arrived = 0;
    let publishing = 0;
    let ended = 0;
    http.setRules([
      {
        match: isCreateMultipart,
        times: 2,
        before: async () => {
          arrived++;
          await waitFor(() => arrived >= 2, 60_000, 'the second backup to reach its upload');
        },
      },
      {
        match: isPutLatest,
        before: async () => {
          publishing++;
          await waitFor(() => publishing + ended >= 2, 60_000, 'the other backup to publish or end');
        },
      },
    ]);
    const runs = await Promise.all(
      [0, 1].map(() =>
        flyBackup(bucket, volume, { endpoint: http.endpoint }).finally(() => {
          ended++;
        }),
      ),
    );
    http.setRules([]);
    expect(arrived).toBe(2);
    const ok = runs.filter((r) => r.code === 0);
    const failed = runs.filter((r) => r.code !== 0);
    expect(ok.length, runs.map((r) => r.log).join('\n-----\n')).toBe(1);
    expect(publishing).toBe(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.errors).toHaveLength(1);
    const winner = ok[0]!.outputs['snapshot-id']!;
    expect(failed[0]!.errors[0]).toContain(
      `another backup or copy of target my-app is moving latest.json to snapshot ${winner} at the same moment ` +
        `(it claimed lifeboat/my-app/snapshots/${previous}/successor.json first, at `,
    );
    const lost =
      /: snapshot (\d{8}T\d{6}Z) was stored but latest was not moved and nothing was pruned\./.exec(
        failed[0]!.errors[0]!,
      );
    expect(lost?.[1]).toMatch(/\S/);
    expect(lost?.[1]).not.toBe(winner);
    // the claims are gone from the listing (a delete marker each); their versions stay
    expect(await listKeys(bucket, `lifeboat/my-app/snapshots/${previous}/`)).toEqual([
      `lifeboat/my-app/snapshots/${previous}/archive.tar.zst`,
      `lifeboat/my-app/snapshots/${previous}/index.jsonl.gz`,
      `lifeboat/my-app/snapshots/${previous}/manifest.json`,
    ]);
    for (const r of runs) expectNoSecrets(r);
    const latest = (await getJson(bucket, 'lifeboat/my-app/latest.json'))!;
    expect(latest.snapshotId).toBe(ok[0]!.outputs['snapshot-id']);
    expect(await openMultipartUploads(bucket)).toEqual([]);
    // every manifest is valid and describes the archive in its own folder, byte for byte
    const manifests = (await listKeys(bucket, 'lifeboat/my-app/snapshots/')).filter((k) =>
      k.endsWith('/manifest.json'),
    );
    expect(manifests.length).toBeGreaterThanOrEqual(2);
    for (const key of manifests) {
      const m = (await getJson(bucket, key))! as {
        snapshotId: string;
        archive: { key: string; versionId: string | null; sha256: string; size: number };
      };
      expect(schemaErrors('manifest', m), key).toEqual([]);
      expect(key).toBe(`lifeboat/my-app/snapshots/${m.snapshotId}/manifest.json`);
      expect(m.archive.key.startsWith(`lifeboat/my-app/snapshots/${m.snapshotId}/archive.`)).toBe(true);
      const bytes = await getBytes(bucket, m.archive.key, m.archive.versionId ?? undefined);
      expect(bytes.length, key).toBe(m.archive.size);
      expect(createHash('sha256').update(bytes).digest('hex'), key).toBe(m.archive.sha256);
      // and the current version of the key is that archive (no other run overwrote it)
      const current = await getBytes(bucket, m.archive.key);
      expect(createHash('sha256').update(current).digest('hex'), key).toBe(m.archive.sha256);
    }
    const v = await verify(bucket, { mode: 'stream' });
    expect(v.code, v.log).toBe(0);
  });

  it('another run holds the move of latest.json (a live successor.json claim) — the backup is stored, latest stays, one clear error', async () => {
    const { bucket } = await withGoodBackup(volume);
    const previous = (await getJson(bucket, 'lifeboat/my-app/latest.json'))!.snapshotId as string;
    const claimKey = `lifeboat/my-app/snapshots/${previous}/successor.json`;
    // what a run in the middle of moving latest.json has written
    await testClient().send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: claimKey,
        Body: JSON.stringify({ successor: '20991231T235959Z', previous }),
      }),
    );
    const before = await bucketState(bucket);
    const run = await flyBackup(bucket, volume);
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      new RegExp(
        `^another backup or copy of target my-app is moving latest\\.json to snapshot 20991231T235959Z at the same moment ` +
          `\\(it claimed ${claimKey.replaceAll('.', '\\.')} first, at \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z; ` +
          `a claim counts as abandoned 30 seconds after\\): snapshot (\\d{8}T\\d{6}Z) was stored but latest was not moved ` +
          `and nothing was pruned\\. Give the workflow a concurrency group per target`,
      ),
    );
    const after = await bucketState(bucket);
    expect(after.latest).toEqual(before.latest);
    // the new snapshot is stored whole (a manifest beside its archive and index); the claims are hidden
    const added = after.keys.filter((k) => !before.keys.includes(k));
    expect(added).toHaveLength(3);
    expect(added.some((k) => k.endsWith('/index.jsonl.gz'))).toBe(true);
    expect(added.some((k) => k.endsWith('/manifest.json'))).toBe(true);
    expect(after.keys).not.toContain(claimKey);
    expectNoSecrets(run);
  });
});
