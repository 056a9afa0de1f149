import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractWithTar } from '../helpers/archive.js';
import { cliTestNode } from '../helpers/cli-nodes.js';
import { runCli, sshFlags, storageFlags } from '../helpers/cli-run.js';
import { describeTree, makeFixtureVolume } from '../helpers/fixture-volume.js';
import { flyEnv, storage, verify } from '../helpers/lifeboat-runs.js';
import { runAction } from '../helpers/run-action.js';
import { createBucket, getBytes, getJson } from '../helpers/s3.js';
import { ensureTestUser, giveToTestUser, startSshd, type SshServer } from '../helpers/sshd.js';

/**
 * compression auto on a machine without zstd (issue 18, "The fastest path on a machine without
 * zstd"), through the shipped bundles: the machine (the flyctl stand-in hiding zstd, as on Debian
 * slim; or an SSH host whose PATH has no zstd) sends plain tar, lifeboat compresses it with zstd on
 * the runner, and the bucket holds a zstd archive whose sha256 is the manifest's, which
 * verify-restore proves and GNU tar with zstd unpacks.
 */

const ZSTD_MAGIC = '28b52ffd';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
};

interface StoredManifest {
  compression: string;
  compressedOn?: string;
  archive: { key: string; size: number; sha256: string };
  encryption?: { plaintextSha256: string; plaintextSize: number };
}

/** fly-volume-backup (the bundle) of `volume` on a Fly machine without zstd. */
async function flyBackupWithoutZstd(bucket: string, volume: string, inputs: Record<string, string> = {}) {
  const run = await runAction('fly-volume-backup', {
    inputs: { app: 'my-app', ...storage(bucket), ...inputs },
    env: flyEnv(volume, { FLY_STANDIN_HIDE: 'zstd' }),
  });
  expect(run.code, run.log).toBe(0);
  return run;
}

/** An age X25519 key (age-encryption), its identity also in a file for the age CLI. */
async function ageKey(): Promise<{ file: string; identity: string; recipient: string }> {
  const { generateX25519Identity, identityToRecipient } = await import('age-encryption');
  const identity = await generateX25519Identity();
  const file = join(temp('lb-rc-age-'), 'key.txt');
  writeFileSync(file, `${identity}\n`, { mode: 0o600 });
  return { file, identity, recipient: await identityToRecipient(identity) };
}

describe('fly-volume-backup, a Fly machine without zstd: plain tar over the link, zstd on the runner', () => {
  it('stores zstd (magic bytes, the manifest sha256), says so, and verify-restore proves it', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 300_000 });
    const run = await flyBackupWithoutZstd(bucket, volume);
    expect(run.outputs['archive-key']).toMatch(/archive\.tar\.zst$/);
    const stored = await getBytes(bucket, run.outputs['archive-key']!);
    expect(stored.subarray(0, 4).toString('hex')).toBe(ZSTD_MAGIC);
    const manifest = (await getJson<StoredManifest>(bucket, run.outputs['manifest-key']!))!;
    expect(manifest).toMatchObject({
      compression: 'zstd',
      compressedOn: 'runner',
      archive: { size: stored.length, sha256: sha256(stored) },
    });
    expect(run.outputs.sha256).toBe(sha256(stored));
    expect(run.log).toContain(
      'the Fly machine has no zstd: it sends plain tar, which lifeboat compresses with zstd here on the runner',
    );
    expect(run.summary).toContain('compressed on the runner: the machine sent plain tar');
    // GNU tar with zstd unpacks the stored object into the volume
    expect(describeTree(extractWithTar(stored, 'zstd'))).toEqual(describeTree(volume));

    const holding = join(temp('lb-rc-h-'), 'h');
    const v = await verify(bucket, { 'holding-dir': holding });
    expect(v.code, v.log).toBe(0);
    expect(v.outputs.verified).toBe('true');
    expect(describeTree(holding)).toEqual(describeTree(volume));
  });

  it('with age: the ciphertext of the zstd bytes; age -d gives zstd, and verify-restore with the identity passes', async () => {
    const key = await ageKey();
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 300_000 });
    const run = await flyBackupWithoutZstd(bucket, volume, { 'encryption-recipients': key.recipient });
    expect(run.outputs['archive-key']).toMatch(/archive\.tar\.zst\.age$/);
    const stored = await getBytes(bucket, run.outputs['archive-key']!);
    expect(stored.subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
    const dir = temp('lb-rc-dec-');
    writeFileSync(join(dir, 'object.age'), stored);
    const zst = execFileSync('age', ['-d', '-i', key.file, join(dir, 'object.age')], { maxBuffer: 1 << 26 });
    expect(zst.subarray(0, 4).toString('hex')).toBe(ZSTD_MAGIC);
    const manifest = (await getJson<StoredManifest>(bucket, run.outputs['manifest-key']!))!;
    expect(manifest).toMatchObject({
      compression: 'zstd',
      compressedOn: 'runner',
      archive: { size: stored.length, sha256: sha256(stored) },
      encryption: { plaintextSize: zst.length, plaintextSha256: sha256(zst) },
    });
    expect(describeTree(extractWithTar(zst, 'zstd'))).toEqual(describeTree(volume));
    const v = await verify(bucket, { 'decryption-identity': key.identity });
    expect(v.code, v.log).toBe(0);
    expect(v.outputs.verified).toBe('true');
  });

  it('a machine with zstd: compressed there, as before', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 1000 });
    const run = await runAction('fly-volume-backup', {
      inputs: { app: 'my-app', ...storage(bucket) },
      env: flyEnv(volume),
    });
    expect(run.code, run.log).toBe(0);
    const manifest = (await getJson<StoredManifest>(bucket, run.outputs['manifest-key']!))!;
    expect(manifest.compression).toBe('zstd');
    expect(manifest.compressedOn).toBeUndefined();
    expect(run.log).not.toContain('compresses with zstd here on the runner');
  });
});

describe('the CLI over OpenSSH, a host whose PATH has no zstd', () => {
  const node = cliTestNode();
  let server: SshServer | undefined;
  afterAll(async () => server?.stop());

  it('backup stores zstd compressed on the runner; lifeboat verify passes', async () => {
    // the host's tools (GNU tar, gzip, cat, du) less zstd, in the test user's home
    const user = ensureTestUser();
    const bin = join(user.home, `rc-bin-${process.pid}`);
    rmSync(bin, { recursive: true, force: true });
    mkdirSync(bin, { recursive: true });
    made.push(bin);
    for (const t of ['sh', 'tar', 'gzip', 'cat', 'du', 'env']) {
      const real = ['/usr/bin', '/bin'].map((d) => join(d, t)).find((p) => existsSync(p));
      if (real) symlinkSync(real, join(bin, t));
    }
    server = await startSshd({
      extraConfig: [`ForceCommand env PATH=${bin} /bin/sh -c "$SSH_ORIGINAL_COMMAND"`],
    });
    const volume = giveToTestUser(
      makeFixtureVolume({ bigBytes: 300_000 }),
      server.home,
      `rc-vol-${process.pid}`,
    );
    made.push(volume);
    const bucket = await createBucket();
    const ssh = sshFlags(server);
    const store = ['--target', 'my-host', ...storageFlags(bucket)];
    try {
      const b = await runCli(['backup', ...ssh.flags, '--path', volume, ...store, '--json'], {}, node.path);
      expect(b.code, b.stderr).toBe(0);
      expect(b.stderr).toContain(
        'the SSH host has no zstd: it sends plain tar, which lifeboat compresses with zstd here on the runner',
      );
      const result = JSON.parse(b.stdout) as { archiveKey: string; sha256: string; compressedOn: string };
      expect(result.archiveKey).toMatch(/archive\.tar\.zst$/);
      expect(result.compressedOn).toBe('runner');
      const stored = await getBytes(bucket, result.archiveKey);
      expect(stored.subarray(0, 4).toString('hex')).toBe(ZSTD_MAGIC);
      const manifest = (await getJson<StoredManifest>(
        bucket,
        result.archiveKey.replace(/archive\.tar\.zst$/, 'manifest.json'),
      ))!;
      expect(manifest).toMatchObject({
        compression: 'zstd',
        compressedOn: 'runner',
        archive: { size: stored.length, sha256: sha256(stored) },
      });
      expect(result.sha256).toBe(sha256(stored));
      expect(describeTree(extractWithTar(stored, 'zstd'))).toEqual(describeTree(volume));
      const v = await runCli(['verify', ...store], {}, node.path);
      expect(v.code, v.stderr + v.stdout).toBe(0);
    } finally {
      ssh.remove();
    }
  });
});
