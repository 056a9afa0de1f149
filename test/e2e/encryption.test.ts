import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractWithTar } from '../helpers/archive.js';
import { describeTree, makeFixtureVolume, setTimes } from '../helpers/fixture-volume.js';
import { putHandMadeSnapshot } from '../helpers/hand-made-snapshot.js';
import { backup, flyEnv, storage, verify } from '../helpers/lifeboat-runs.js';
import { runAction } from '../helpers/run-action.js';
import { createBucket, getBytes, getJson, testClient } from '../helpers/s3.js';

const MARKERS = ['LIFEBOAT-PLAINTEXT-MARKER-ALPHA', 'customer-email@example.com', 'SECRET-ROW-42'];

/** A key made by the real age CLI (Debian package age). */
function ageKey(): { file: string; identity: string; recipient: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lb-age-'));
  const file = join(dir, 'key.txt');
  execFileSync('age-keygen', ['-o', file], { stdio: 'pipe' });
  const text = readFileSync(file, 'utf8');
  return {
    file,
    identity: text.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!,
    recipient: /# public key: (age1\S+)/.exec(text)![1]!,
  };
}

function volumeWithMarkers(): string {
  const v = makeFixtureVolume({ bigBytes: 200_000 });
  writeFileSync(join(v, 'markers.txt'), `${MARKERS.join('\n')}\n`.repeat(50));
  setTimes(v);
  return v;
}

const visible = (text: string) => text.replace(/^::add-mask::.*$/gm, '');

describe('client-side encryption with age, end to end', () => {
  it('round trip: encrypted backup, no plaintext in the object, verify-restore with the identity gives the same tree', async () => {
    const key = ageKey();
    const bucket = await createBucket();
    const volume = volumeWithMarkers();
    const b = await backup(bucket, volume, { compression: 'none', 'encryption-recipients': key.recipient });
    expect(b['archive-key']).toMatch(/archive\.tar\.age$/);
    const stored = await getBytes(bucket, b['archive-key']!);
    expect(stored.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    for (const m of MARKERS) expect(stored.includes(Buffer.from(m)), m).toBe(false);
    const manifest = (await getJson(bucket, b['manifest-key']!))!;
    expect(manifest.encryption).toMatchObject({ format: 'age', recipients: [key.recipient] });
    expect((manifest.archive as { sha256: string }).sha256).toBe(
      createHash('sha256').update(stored).digest('hex'),
    );

    // the same markers are there in plain text without encryption: the check above can fail
    const plain = await backup(bucket, volume, { target: 'plain', compression: 'none' });
    const plainBytes = await getBytes(bucket, plain['archive-key']!);
    for (const m of MARKERS) expect(plainBytes.includes(Buffer.from(m)), m).toBe(true);

    const holding = join(mkdtempSync(join(tmpdir(), 'lb-dec-')), 'h');
    const run = await verify(bucket, { 'decryption-identity': key.identity, 'holding-dir': holding });
    expect(run.code, run.log).toBe(0);
    expect(describeTree(holding)).toEqual(describeTree(volume));
    expect(visible(run.log + run.summary + JSON.stringify(run.outputs))).not.toContain(key.identity);
    const report = (await getJson(bucket, run.outputs['report-key']!))!;
    expect(
      (report.checks as { name: string; ok: boolean }[]).find((c) => c.name === 'plaintext sha256')?.ok,
    ).toBe(true);
  });

  it('interoperates with the age CLI both ways', async () => {
    const key = ageKey();
    const bucket = await createBucket();
    const volume = volumeWithMarkers();
    // lifeboat encrypts, `age -d` decrypts the object from S3 into the same archive bytes
    const b = await backup(bucket, volume, { 'encryption-recipients': key.recipient });
    const dir = mkdtempSync(join(tmpdir(), 'lb-cli-'));
    writeFileSync(join(dir, 'object.age'), await getBytes(bucket, b['archive-key']!));
    const decrypted = execFileSync('age', ['-d', '-i', key.file, join(dir, 'object.age')]);
    const manifest = (await getJson<{ encryption: { plaintextSha256: string } }>(
      bucket,
      b['manifest-key']!,
    ))!;
    expect(createHash('sha256').update(decrypted).digest('hex')).toBe(manifest.encryption.plaintextSha256);
    expect(describeTree(extractWithTar(decrypted, 'zstd'))).toEqual(describeTree(volume));

    // the CLI encrypts an archive made by tar and zstd; verify-restore restores it
    const tar = execFileSync('tar', ['-c', '-f', '-', '-C', volume, '.'], { maxBuffer: 1 << 28 });
    const compressed = execFileSync('zstd', ['-q', '-c'], { input: tar, maxBuffer: 1 << 28 });
    const encrypted = execFileSync('age', ['-r', key.recipient], { input: compressed, maxBuffer: 1 << 28 });
    await putHandMadeSnapshot({
      bucket,
      target: 'cli-made',
      id: '20261101T000000Z',
      tar,
      stored: encrypted,
      compression: 'zstd',
      encryption: { plaintext: compressed, recipients: [key.recipient] },
    });
    const holding = join(mkdtempSync(join(tmpdir(), 'lb-cli-h-')), 'h');
    const run = await verify(bucket, {
      target: 'cli-made',
      'decryption-identity': key.identity,
      'holding-dir': holding,
    });
    expect(run.code, run.log).toBe(0);
    expect(describeTree(holding)).toEqual(describeTree(volume));
  });

  it('wrong identity, missing identity and a corrupted ciphertext byte fail clearly and extract nothing', async () => {
    const key = ageKey();
    const other = ageKey();
    const bucket = await createBucket();
    const volume = volumeWithMarkers();
    const b = await backup(bucket, volume, { 'encryption-recipients': key.recipient });

    const wrongHolding = join(mkdtempSync(join(tmpdir(), 'lb-wrong-')), 'h');
    const wrong = await verify(bucket, {
      'decryption-identity': other.identity,
      'holding-dir': wrongHolding,
    });
    expect(wrong.code).toBe(1);
    expect(wrong.errors).toEqual([
      `The identity given (public key ${other.recipient}) is not one snapshot ${b['snapshot-id']} was encrypted for (${key.recipient}): pass the identity of one of those recipients.`,
    ]);
    expect(existsSync(wrongHolding)).toBe(false);
    expect(visible(wrong.log)).not.toContain(other.identity);

    const missing = await verify(bucket, {});
    expect(missing.code).toBe(1);
    expect(missing.errors[0]).toContain(
      `is encrypted with age for ${key.recipient}: it needs the identity (the secret key in the key file age-keygen wrote) of one of those recipients; store it as a repository secret and pass it as decryption-identity: ${'$'}{{ secrets.AGE_IDENTITY }}.`,
    );

    const notAKey = await verify(bucket, { 'decryption-identity': 'AGE-SECRET-KEY-1NOPE' });
    expect(notAKey.code).toBe(1);
    expect(notAKey.errors[0]).toContain("Input 'decryption-identity' is not an age identity");
    expect(notAKey.errors[0]).not.toContain('NOPE');

    const bytes = await getBytes(bucket, b['archive-key']!);
    const at = Math.floor(bytes.length * 0.6);
    bytes[at] = bytes[at]! ^ 0x10;
    const put = await testClient().send(
      new PutObjectCommand({ Bucket: bucket, Key: b['archive-key'], Body: bytes }),
    );
    // verify reads the version its manifest names: a manifest naming the damaged version, chosen by id
    // (latest.json pins the manifest's first version)
    const manifest = (await getJson<{ archive: { versionId: string } }>(bucket, b['manifest-key']!))!;
    manifest.archive.versionId = put.VersionId!;
    await testClient().send(
      new PutObjectCommand({ Bucket: bucket, Key: b['manifest-key'], Body: JSON.stringify(manifest) }),
    );
    const holding = join(mkdtempSync(join(tmpdir(), 'lb-corrupt-')), 'h');
    const corrupt = await verify(bucket, {
      'decryption-identity': key.identity,
      'holding-dir': holding,
      snapshot: b['snapshot-id']!,
    });
    expect(corrupt.code).toBe(1);
    expect(corrupt.errors[0]).toMatch(/decryption failed: the encrypted archive was altered or is damaged/);
    expect(corrupt.errors[0]).toContain('sha256 mismatch');
    expect(existsSync(holding)).toBe(false);
  });

  it('a recipient that is not an age X25519 key is refused before anything runs', async () => {
    const bucket = await createBucket();
    const volume = volumeWithMarkers();
    for (const [value, message] of [
      [
        'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
        'holds an SSH public key',
      ],
      ['AGE-SECRET-KEY-1QQQQ', 'holds an age secret key (an identity), not a recipient'],
    ] as const) {
      const run = await runAction('fly-volume-backup', {
        inputs: { app: 'my-app', ...storage(bucket), 'encryption-recipients': value },
        env: flyEnv(volume),
      });
      expect(run.code).toBe(1);
      expect(run.errors[0]).toContain(message);
    }
  });

  it('server-side encryption (sse aws:kms with a key id) is requested for every object and recorded in the manifest', async () => {
    const bucket = await createBucket();
    const volume = volumeWithMarkers();
    const sse = { sse: 'aws:kms', 'sse-kms-key-id': 'testkey-1' };
    const b = await backup(bucket, volume, sse);
    const head = async (key: string) =>
      testClient().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    for (const key of [b['archive-key']!, b['manifest-key']!, 'lifeboat/my-app/latest.json']) {
      const h = await head(key);
      expect([h.ServerSideEncryption, h.SSEKMSKeyId], key).toEqual(['aws:kms', 'testkey-1']);
    }
    const manifest = (await getJson<{ archive: { serverSideEncryption: unknown } }>(
      bucket,
      b['manifest-key']!,
    ))!;
    expect(manifest.archive.serverSideEncryption).toEqual({ sse: 'aws:kms', kmsKeyId: 'testkey-1' });
    const run = await verify(bucket, { mode: 'stream', ...sse });
    expect(run.code, run.log).toBe(0);
    expect((await head(run.outputs['report-key']!)).ServerSideEncryption).toBe('aws:kms');
    // without sse the objects carry none: the assertions above can fail
    const plain = await backup(bucket, volume, { target: 'no-sse' });
    expect((await head(plain['archive-key']!)).ServerSideEncryption).toBeUndefined();
    const bad = await runAction('fly-volume-backup', {
      inputs: { app: 'my-app', ...storage(bucket), 'sse-kms-key-id': 'testkey-1' },
      env: flyEnv(volume),
    });
    expect(bad.code).toBe(1);
    expect(bad.errors[0]).toBe("Input 'sse-kms-key-id' needs sse: aws:kms.");
  });
});
