import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, storageFlags } from '../helpers/cli-run.js';
import { makeFixtureVolume } from '../helpers/fixture-volume.js';
import { backup, verify } from '../helpers/lifeboat-runs.js';
import { createBucket, getJson, testClient } from '../helpers/s3.js';

/**
 * verify's policy checks that the snapshot index answers before the archive is downloaded, through
 * the verify-restore bundle and the CLI against Ceph. Ceph's usage log is not at hand, so the
 * archive object is deleted (a delete marker): a run that downloads it fails as the environment's
 * fault (exit 3 / no verdict); one that fails before the download records its verdict.
 */

interface Manifest {
  created: string;
  archive: { key: string; versionId: string };
  index: { key: string; versionId: string };
}

const manifestKey = (id: string) => `lifeboat/my-app/snapshots/${id}/manifest.json`;

async function putJson(bucket: string, key: string, value: unknown) {
  await testClient().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(value) }));
}

async function deleteArchive(bucket: string, m: Manifest) {
  // the version itself, for good: verify reads the version the manifest names, and no GET could succeed
  await testClient().send(
    new DeleteObjectCommand({ Bucket: bucket, Key: m.archive.key, VersionId: m.archive.versionId }),
  );
}

describe('verify reads the snapshot index before the download (dist bundles under Node 24, Ceph RGW)', () => {
  it('verify-restore: a required path the index lacks fails with its words and a verdict, the archive never fetched', async () => {
    const bucket = await createBucket();
    const b = await backup(bucket, makeFixtureVolume({ bigBytes: 1000 }));
    const id = b['snapshot-id']!;
    await deleteArchive(bucket, (await getJson<Manifest>(bucket, manifestKey(id)))!);

    const run = await verify(bucket, { 'required-paths': 'app.db\nmissing/thing.txt' });
    expect(run.code).toBe(1);
    expect(run.outputs.verified).toBe('false');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(
      `Verification of snapshot ${id} of my-app failed: required path missing/thing.txt: no entry matches missing/thing.txt`,
    );
    expect(run.log).toContain('required-paths (by the snapshot index) failed: the archive is not downloaded');
    const report = (await getJson<{ verified: boolean; checks: { name: string; ok: boolean }[] }>(
      bucket,
      run.outputs['report-key']!,
    ))!;
    expect(report.verified).toBe(false);
    expect(report.checks.map((c) => `${c.name}:${c.ok}`)).toEqual([
      'snapshot status:true',
      'min entries:true',
      'required path app.db:true',
      'required path missing/thing.txt:false',
    ]);

    // every path in the index: the archive is what proves them, and it is fetched (and found gone)
    const present = await verify(bucket, { 'required-paths': 'app.db' });
    expect(present.code).toBe(1);
    // verify reads the version the manifest names: deleted for good, that is the archive's fault
    expect(present.errors[0]).toContain('the archive version the manifest names is gone');
    expect(present.errors[0]).not.toContain('required path');
  });

  it('lifeboat verify: max-age alone still reads the archive (restorable, but too old); exit 1 and verification.json', async () => {
    const bucket = await createBucket();
    const b = await backup(bucket, makeFixtureVolume({ bigBytes: 1000 }));
    const id = b['snapshot-id']!;
    const m = (await getJson<Manifest>(bucket, manifestKey(id)))!;
    // its manifest says it was made three hours ago
    await putJson(bucket, manifestKey(id), {
      ...m,
      created: new Date(Date.now() - 3 * 3600e3).toISOString(),
    });
    const run = await runCli([
      'verify',
      '--target',
      'my-app',
      '--snapshot',
      id,
      '--max-age',
      '1h',
      ...storageFlags(bucket),
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as {
      verified: boolean;
      restorable: boolean;
      checks: { name: string; detail: string }[];
    };
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.name === 'max age')?.detail).toBe(
      'snapshot is 3h old; the limit is 1h',
    );
    // a stale snapshot is still the one a restore reads: whether it restores is proven
    expect(report.checks.map((c) => c.name)).toContain('archive structure');
    expect(report.restorable).toBe(true);
    expect(
      (await getJson<{ verified: boolean }>(bucket, `lifeboat/my-app/snapshots/${id}/verification.json`))!
        .verified,
    ).toBe(false);
  });

  it('lifeboat verify and snapshots: a required path the index proves missing reads as "not read", never as a broken archive', async () => {
    const bucket = await createBucket();
    const b = await backup(bucket, makeFixtureVolume({ bigBytes: 1000 }));
    const id = b['snapshot-id']!;
    const run = await runCli([
      'verify',
      '--target',
      'my-app',
      '--required-paths',
      'no/such.file',
      ...storageFlags(bucket),
    ]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^restorable\s+not proven \(the archive was not read\)$/m);
    expect(run.stdout).toMatch(/^entries\s+- \(not read\)$/m);
    expect(run.stderr).toContain(
      `Verification of snapshot ${id} of my-app failed: required path no/such.file: no entry matches no/such.file ` +
        '(the snapshot index proves it; the archive was not downloaded, so whether it restores is not proven)',
    );

    const listed = await runCli(['snapshots', '--target', 'my-app', ...storageFlags(bucket)]);
    expect(listed.code, listed.stderr).toBe(0);
    const row = listed.stdout.split('\n').find((l) => l.includes(id))!;
    expect(row).toMatch(/verified: not read /);
    expect(row).toContain('not read (its restorability is not proven), and it lacks no/such.file');
    expect(row).not.toMatch(/verified: NO/);
    const json = await runCli(['snapshots', '--target', 'my-app', ...storageFlags(bucket), '--json']);
    const [entry] = JSON.parse(json.stdout) as {
      restorable: boolean | null;
      read: boolean | null;
      verificationReason: string;
    }[];
    expect(entry!.restorable).toBeNull();
    expect(entry!.read).toBe(false);
    expect(entry!.verificationReason).toMatch(
      /stopped before the download: not read \(its restorability is not proven\), and it lacks no\/such\.file$/,
    );
  });

  it('an index that is not the recorded one (a forged version without the database) cannot fail a good snapshot', async () => {
    const bucket = await createBucket();
    const b = await backup(bucket, makeFixtureVolume({ bigBytes: 1000 }));
    const id = b['snapshot-id']!;
    const m = (await getJson<Manifest>(bucket, manifestKey(id)))!;
    const { getBytes } = await import('../helpers/s3.js');
    const forged = gzipSync(
      gunzipSync(await getBytes(bucket, m.index.key, m.index.versionId))
        .toString('utf8')
        .split('\n')
        .filter(
          (l) => l === '' || (JSON.parse(l) as { path?: string }).path?.replace(/^\.\//, '') !== 'app.db',
        )
        .join('\n'),
    );
    const put = await testClient().send(
      new PutObjectCommand({ Bucket: bucket, Key: m.index.key, Body: forged }),
    );
    // the manifest now names the forged version (latest.json names the manifest's own version: the
    // snapshot is chosen by id); its sha256 is still the one the backup recorded
    await putJson(bucket, manifestKey(id), { ...m, index: { ...m.index, versionId: put.VersionId } });
    const run = await verify(bucket, { snapshot: id, 'required-paths': 'app.db', mode: 'stream' });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.verified).toBe('true');
    expect(run.log).toMatch(
      /required-paths are judged from the archive: the index did not answer \(.*is not the index recorded for the snapshot/,
    );
  });
});
