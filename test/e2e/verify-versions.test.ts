import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTestNode } from '../helpers/cli-nodes.js';
import { runCli, storageFlags } from '../helpers/cli-run.js';
import { describeTree, makeFixtureVolume } from '../helpers/fixture-volume.js';
import { createBucket, getJson, listKeys, testClient } from '../helpers/s3.js';

// issue 20: verify proves what a restore reads, the archive version the manifest names, and says
// what the archive key's current version is (seen: `aws s3 rm` of the archive on a versioned
// bucket made verify say "failed", "UnknownError", "replaced", of an intact, restorable snapshot).
// A policy check that fails (a required path) fails the run but does not call the archive broken.
// Through the shipped CLI bundle against Ceph; the bucket changed with the SDK as `aws s3` would.
const node = cliTestNode();
const TARGET = 'box';
const lifeboat = (args: string[]) => runCli(args, {}, node.path);

interface Stored {
  bucket: string;
  id: string;
  archiveKey: string;
  versionId: string;
  reportKey: string;
}

describe(`verify and the archive's versions (dist/cli bundle under ${node.label})`, () => {
  let volume: string;
  beforeAll(() => {
    volume = makeFixtureVolume({ bigBytes: 100_000 });
  });
  afterAll(() => {
    if (volume) rmSync(volume, { recursive: true, force: true });
  });

  // noIndex: a snapshot without an index, so the archive walk judges required paths (with an index, a
  // path it proves missing stops verify before the download: see test/e2e/verify-index.test.ts)
  async function stored(noIndex = false): Promise<Stored> {
    const bucket = await createBucket();
    const b = await runCli(
      ['backup', '--local', '--path', volume, '--target', TARGET, ...storageFlags(bucket), '--json'],
      noIndex ? { LIFEBOAT_BENCH_NO_INDEX: '1' } : {},
      node.path,
    );
    expect(b.code, b.stderr).toBe(0);
    const id = (JSON.parse(b.stdout) as { snapshotId: string }).snapshotId;
    const m = (await getJson<{ archive: { key: string; versionId: string } }>(
      bucket,
      `lifeboat/${TARGET}/snapshots/${id}/manifest.json`,
    ))!;
    expect(m.archive.versionId).toBeTruthy();
    return {
      bucket,
      id,
      archiveKey: m.archive.key,
      versionId: m.archive.versionId,
      reportKey: `lifeboat/${TARGET}/snapshots/${id}/verification.json`,
    };
  }
  const verify = (s: Stored, extra: string[] = []) =>
    lifeboat([
      'verify',
      '--target',
      TARGET,
      ...storageFlags(s.bucket),
      '--mode',
      'stream',
      '--json',
      ...extra,
    ]);

  it('a delete marker on the archive (`aws s3 rm`): verified, exit 0, a warning naming the consequence; restore still works', async () => {
    const s = await stored();
    await testClient().send(new DeleteObjectCommand({ Bucket: s.bucket, Key: s.archiveKey }));
    const run = await verify(s);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `current version: ${s.archiveKey} has a delete marker on top (someone deleted the key): ` +
        `\`aws s3 cp s3://${s.bucket}/${s.archiveKey}\` without --version-id finds nothing; ` +
        `lifeboat restore reads version ${s.versionId}, the one the manifest names`,
    );
    expect(run.stderr).not.toMatch(/UnknownError|replaced|failed/);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ verified: true, restorable: true });
    const written = (await getJson(s.bucket, s.reportKey))!;
    expect(written).toMatchObject({
      verified: true,
      restorable: true,
      archive: { expectedVersionId: s.versionId, actualVersionId: s.versionId },
      warnings: [{ name: 'current version' }],
    });
    // what verify proved is what restore reads
    const to = join(mkdtempSync(join(tmpdir(), 'lb-versions-')), 'restored');
    try {
      const r = await lifeboat(['restore', '--target', TARGET, ...storageFlags(s.bucket), '--to', to]);
      expect(r.code, r.stderr).toBe(0);
      expect(describeTree(to)).toEqual(describeTree(volume));
    } finally {
      rmSync(join(to, '..'), { recursive: true, force: true });
    }
  });

  it("the manifest's version deleted for good: the archive's fault, exit 1, in those words, recorded", async () => {
    const s = await stored();
    await testClient().send(
      new DeleteObjectCommand({ Bucket: s.bucket, Key: s.archiveKey, VersionId: s.versionId }),
    );
    const run = await verify(s);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(
      `Verification of snapshot ${s.id} of ${TARGET} failed: archive structure: the archive version the manifest names is gone: ` +
        `${s.archiveKey} has no version ${s.versionId}`,
    );
    expect(await getJson(s.bucket, s.reportKey)).toMatchObject({ verified: false, restorable: false });
  });

  it('a store that cannot be reached: exit 3, no verdict, no verification.json', async () => {
    const s = await stored();
    // nothing listens on port 9 of this machine
    const run = await lifeboat([
      'verify',
      '--target',
      TARGET,
      ...storageFlags(s.bucket, 'http://127.0.0.1:9'),
      '--mode',
      'stream',
    ]);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain('127.0.0.1:9');
    expect(await listKeys(s.bucket, `lifeboat/${TARGET}/snapshots/${s.id}/verification.json`)).toEqual([]);
  });

  it('a required path that is missing: exit 1, "restorable, but it lacks", and snapshots does not call it broken', async () => {
    const s = await stored(true);
    const run = await verify(s, ['--required-paths', 'app.db', '--required-paths', 'no/such.file']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(
      `Snapshot ${s.id} of ${TARGET} is restorable, but it lacks no/such.file: it is not the backup that was asked for.`,
    );
    expect(run.stderr).not.toContain('failed');
    expect(await getJson(s.bucket, s.reportKey)).toMatchObject({ verified: false, restorable: true });

    const list = await lifeboat(['snapshots', '--target', TARGET, ...storageFlags(s.bucket)]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(
      new RegExp(
        `verified: lacking +at \\S+ of version ${s.versionId}: restorable, but it lacks no/such.file`,
      ),
    );
    expect(list.stdout).not.toContain('verified: NO');
    const json = await lifeboat(['snapshots', '--target', TARGET, ...storageFlags(s.bucket), '--json']);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({
        id: s.id,
        verified: false,
        restorable: true,
        verifiedVersionId: s.versionId,
        lacking: [{ name: 'required path no/such.file', detail: 'no entry matches no/such.file' }],
      }),
    ]);
  });
});
