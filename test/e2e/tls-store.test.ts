import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, storageFlags } from '../helpers/cli-run.js';
import { makeFixtureVolume } from '../helpers/fixture-volume.js';
import { createBucket, getBytes, getJson, listVersions, s3Server } from '../helpers/s3.js';

/**
 * The shipped CLI against the test Ceph over https (its self-signed certificate trusted through
 * NODE_EXTRA_CA_CERTS, as a user's own CA would be): there the archive's parts go as
 * UNSIGNED-PAYLOAD (src/storage/unsigned-payload.ts; the header itself is tested in
 * test/unit/unsigned-payload.test.ts). The store must accept them, and the stored bytes must be
 * the ones lifeboat hashed: the manifest's sha256 equals the sha256 of the object read back.
 */
const tls = () => ({ NODE_EXTRA_CA_CERTS: s3Server().caFile });
const overTls = (bucket: string) => storageFlags(bucket, s3Server().tlsEndpoint);

interface Backup {
  status: string;
  archiveKey: string;
  manifestKey: string;
  versionId: string;
  sha256: string;
  sizeBytes: number;
}

describe('backup and verify over https (the CLI bundle)', () => {
  it('a multipart archive and a single-part one are stored byte for byte, and verify passes', async () => {
    const bucket = await createBucket();
    // 20 MiB that do not compress: four 6 MiB parts (UploadPart); then a small one (one PutObject)
    const runs = [
      { target: 'big', volume: makeFixtureVolume({ bigBytes: 20 * 1024 * 1024 }) },
      { target: 'small', volume: makeFixtureVolume({ bigBytes: 100_000 }) },
    ];
    for (const { target, volume } of runs) {
      const b = await runCli(
        ['backup', '--local', '--path', volume, '--target', target, ...overTls(bucket), '--json'],
        tls(),
      );
      expect(b.code, b.stderr).toBe(0);
      const backup = JSON.parse(b.stdout) as Backup;
      expect(backup.status).toBe('ok');

      const stored = await getBytes(bucket, backup.archiveKey, backup.versionId);
      const manifest = (await getJson(bucket, backup.manifestKey))!;
      const archive = manifest.archive as { sha256: string; size: number; versionId: string };
      expect(archive).toMatchObject({
        sha256: backup.sha256,
        size: stored.length,
        versionId: backup.versionId,
      });
      expect(createHash('sha256').update(stored).digest('hex')).toBe(archive.sha256);
      expect(await getJson(bucket, `lifeboat/${target}/latest.json`)).toMatchObject({
        archiveVersionId: backup.versionId,
        sha256: backup.sha256,
      });

      const v = await runCli(['verify', '--target', target, ...overTls(bucket), '--mode', 'stream'], tls());
      expect(v.code, v.stderr).toBe(0);
      expect(v.stdout).toMatch(/verified\s+true/);
    }
    const big = (await listVersions(bucket, 'lifeboat/big/')).versions.find((v) =>
      v.Key!.includes('archive'),
    );
    expect(big!.Size).toBeGreaterThan(16 * 1024 * 1024);
  });

  it('refuses a store whose certificate the runner does not trust, naming the cause', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 10_000 });
    const b = await runCli(['backup', '--local', '--path', volume, '--target', 'box', ...overTls(bucket)]);
    expect(b.code).not.toBe(0);
    expect(b.stderr).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(b.stderr).toContain('NODE_EXTRA_CA_CERTS');
    expect((await listVersions(bucket)).versions).toEqual([]);
  });

  it('NODE_EXTRA_CA_CERTS set to a file without the CA (or that Node could not read): the message names the file, not "set it"', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 10_000 });
    const dir = mkdtempSync(join(tmpdir(), 'lb-ca-'));
    try {
      const notCa = join(dir, 'not-a-ca.pem');
      writeFileSync(notCa, 'not a certificate\n');
      for (const file of [notCa, join(dir, 'missing.pem')]) {
        const b = await runCli(
          ['backup', '--local', '--path', volume, '--target', 'box', ...overTls(bucket)],
          {
            NODE_EXTRA_CA_CERTS: file,
          },
        );
        expect(b.code, b.stderr).toBe(3);
        expect(b.stderr).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
        expect(b.stderr).toContain(
          `NODE_EXTRA_CA_CERTS names ${file}, which does not hold the certificate authority that signed it`,
        );
      }
      expect((await listVersions(bucket)).versions).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
