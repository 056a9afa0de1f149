import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localBackup, runCli, startCli, storageFlags } from '../helpers/cli-run.js';
import { pseudoRandomBytes } from '../helpers/fixture-volume.js';
import { createBucket, getBytes, getJson, listKeys, s3Server } from '../helpers/s3.js';
import { startSlowLink } from '../helpers/slow-link.js';
import type { ThrottleProxy } from '../helpers/throttle-proxy.js';
import { waitFor } from './fault-kit.js';

// Issue 20 §3, "long transfers are not cut: judge progress, not total duration". The store's
// idle timeout is lowered to 2 s for these runs (LIFEBOAT_STORE_IDLE_MS, a setting for tests:
// src/storage/s3-client.ts), and a slow link in front of Ceph RGW passes about 1 MiB/s each way:
// the archive's upload and download then take many times the idle timeout while their bytes keep
// moving. When the link stops passing bytes mid-transfer, the same timeout ends the run in
// seconds, naming the store and the operation, exit 3, no verdict. The link has a small TCP window
// (test/helpers/slow-link.ts says why): the bytes of a part wait in lifeboat's own send queue as
// before a real slow link, not acknowledged at once into a proxy's large loopback buffer. Each
// case has a link of its own: bytes a killed run left in the kernel's buffers would crowd the next
// one.
const IDLE_MS = 2_000;
const env = { LIFEBOAT_STORE_IDLE_MS: String(IDLE_MS) };
const RATE = 1024 * 1024;
const upstreamPort = () => Number(new URL(s3Server().endpoint).port);

/**
 * The proxy reports its counters every 50 ms (slow-link.py): read right after the CLI ended, the
 * last report may not have come yet (seen once: 27 KB short of the archive). Waits up to 1 s for
 * the count to pass `floor`, and returns it.
 */
async function settled(count: () => number, floor: number): Promise<number> {
  for (let waited = 0; count() <= floor && waited < 1000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return count();
}

describe('a slow link to the store (a proxy with a small TCP window in front of Ceph RGW, a 2 s idle timeout)', () => {
  let volume: string;
  let proxy: ThrottleProxy | undefined;
  /** A new link (the previous one closed). */
  const link = async (bytesPerSecond = RATE) => {
    await proxy?.close();
    proxy = await startSlowLink(upstreamPort(), { bytesPerSecond });
    return proxy;
  };
  beforeAll(() => {
    // 12 MiB that no compressor shrinks: two parts of 6 MiB (and a few bytes), uploaded at once
    volume = mkdtempSync(join(tmpdir(), 'lb-slowlink-'));
    writeFileSync(join(volume, 'a.bin'), pseudoRandomBytes(6 * 1024 * 1024, 7));
    writeFileSync(join(volume, 'b.bin'), pseudoRandomBytes(6 * 1024 * 1024, 8));
  });
  afterAll(async () => {
    await proxy?.close();
    rmSync(volume, { recursive: true, force: true });
  });

  const backup = (bucket: string, endpoint: string) => localBackup(volume, 'slow', bucket, endpoint);
  /** Runs the CLI; once `moved()` passes 3 MiB the link stops. How long the run went on after. */
  const stallMidway = async (args: string[], slow: ThrottleProxy, moved: () => number) => {
    const { done } = startCli(args, env);
    let stalledAt = 0;
    void waitFor(() => moved() > 3 * 1024 * 1024, 60_000, 'the transfer under way').then(() => {
      slow.stall();
      stalledAt = Date.now();
    });
    const run = await done;
    const afterStallMs = Date.now() - stalledAt;
    slow.flow();
    expect(stalledAt, run.stderr).toBeGreaterThan(0);
    return { run, afterStallMs };
  };
  const verify = (bucket: string, endpoint: string) => [
    'verify',
    '--target',
    'slow',
    '--mode',
    'stream',
    ...storageFlags(bucket, endpoint),
  ];

  it('an archive download that takes many times the idle timeout while bytes keep moving — verify succeeds, byte-exact', async () => {
    const bucket = await createBucket();
    const stored = await runCli(backup(bucket, s3Server().endpoint), env);
    expect(stored.code, stored.stderr).toBe(0);
    const latest = (await getJson<{ snapshotId: string }>(bucket, 'lifeboat/slow/latest.json'))!;
    const manifest = (await getJson<{ archive: { key: string; sha256: string; size: number } }>(
      bucket,
      `lifeboat/slow/snapshots/${latest.snapshotId}/manifest.json`,
    ))!;
    expect(manifest.archive.size).toBeGreaterThan(12 * 1024 * 1024);
    const archive = await getBytes(bucket, manifest.archive.key);
    expect(createHash('sha256').update(archive).digest('hex')).toBe(manifest.archive.sha256);

    const slow = await link();
    const started = Date.now();
    const verified = await runCli(verify(bucket, slow.endpoint), env);
    const verifyMs = Date.now() - started;
    expect(verified.code, verified.stderr).toBe(0);
    // 12 MiB down at about 1 MiB/s: one GET, far longer than the idle timeout, never cut
    expect(verifyMs).toBeGreaterThan(5 * IDLE_MS);
    expect(await settled(() => slow.moved.down, manifest.archive.size)).toBeGreaterThan(
      manifest.archive.size,
    );
    // the verify hashed every byte and found them the manifest's
    const verification = (await getJson<{ verified: boolean }>(
      bucket,
      `lifeboat/slow/snapshots/${latest.snapshotId}/verification.json`,
    ))!;
    expect(verification.verified).toBe(true);
  }, 150_000);

  // A part's last bytes sit in the kernel's send queue (up to 4 MiB) while the request waits for
  // its answer, seconds at 1 MiB/s: Node's socket timer sees nothing move then, and cut every
  // attempt ("stopped answering during upload of ...") until the client judged that queue
  // (src/storage/progress-agents.ts). With the shipped 30 s the same cut hit links slower than
  // about 1 Mbit/s.
  it('an archive upload that takes many times the idle timeout while bytes keep moving — the backup succeeds, byte-exact', async () => {
    const bucket = await createBucket();
    const slow = await link();
    const started = Date.now();
    const stored = await runCli(backup(bucket, slow.endpoint), env);
    const backupMs = Date.now() - started;
    expect(stored.code, stored.stderr).toBe(0);
    // 12 MiB up at about 1 MiB/s, in two parts at once: far longer than the idle timeout, never cut
    expect(backupMs).toBeGreaterThan(5 * IDLE_MS);
    expect(stored.stderr).not.toMatch(/stopped answering/);
    const manifest = await latestManifest(bucket);
    expect(manifest.archive.size).toBeGreaterThan(12 * 1024 * 1024);
    expect(await settled(() => slow.moved.up, manifest.archive.size)).toBeGreaterThan(manifest.archive.size);
    // what Ceph stored is what the backup hashed as it streamed, and it restores (read directly)
    const archive = await getBytes(bucket, manifest.archive.key);
    expect(archive.length).toBe(manifest.archive.size);
    expect(createHash('sha256').update(archive).digest('hex')).toBe(manifest.archive.sha256);
    const verified = await runCli(verify(bucket, s3Server().endpoint), env);
    expect(verified.code, verified.stderr).toBe(0);
  }, 150_000);

  it('the link stops passing bytes mid-upload — the backup ends within seconds naming the store and the upload, exit 3, latest.json not written', async () => {
    const bucket = await createBucket();
    const slow = await link();
    const { run, afterStallMs } = await stallMidway(backup(bucket, slow.endpoint), slow, () => slow.moved.up);
    // four attempts of 2 s each, their backoff, then the clean-up's shortened budget
    expect(afterStallMs, run.stderr).toBeLessThan(30_000);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(
      new RegExp(
        `lifeboat backup: s3://${bucket} at ${slow.endpoint} stopped answering during upload of lifeboat/slow/snapshots/\\S+/archive\\.tar\\.\\w+: it moved no byte for 2 s, on each of 4 attempts`,
      ),
    );
    expect(run.stderr).not.toMatch(/damaged|corrupt|mismatch/i);
    expect(await getJson(bucket, 'lifeboat/slow/latest.json')).toBeUndefined();
  }, 120_000);

  it('the link stops passing bytes mid-download — verify ends within seconds naming the store and the archive, exit 3, no verdict', async () => {
    const bucket = await createBucket();
    const stored = await runCli(backup(bucket, s3Server().endpoint), env);
    expect(stored.code, stored.stderr).toBe(0);
    const keys = await listKeys(bucket);
    const slow = await link();
    const { run, afterStallMs } = await stallMidway(
      verify(bucket, slow.endpoint),
      slow,
      () => slow.moved.down,
    );
    expect(afterStallMs, run.stderr).toBeLessThan(30_000);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(
      new RegExp(
        `lifeboat verify: s3://${bucket} at ${slow.endpoint} stopped sending lifeboat/slow/snapshots/\\S+/archive\\.tar\\.\\w+ mid-download: no byte moved for 2 s`,
      ),
    );
    expect(run.stderr).not.toMatch(/damaged|corrupt|mismatch/i);
    // no verification.json: a dead link says nothing about the archive
    expect(await listKeys(bucket)).toEqual(keys);
  }, 120_000);
});

/** The manifest of the snapshot `latest.json` names. */
async function latestManifest(bucket: string) {
  const latest = (await getJson<{ snapshotId: string }>(bucket, 'lifeboat/slow/latest.json'))!;
  return (await getJson<{ archive: { key: string; sha256: string; size: number } }>(
    bucket,
    `lifeboat/slow/snapshots/${latest.snapshotId}/manifest.json`,
  ))!;
}
