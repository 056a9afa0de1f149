import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaErrors } from '../../src/catalog/schemas.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { describeTree, makeFixtureVolume, pseudoRandomBytes } from '../helpers/fixture-volume.js';
import { addS3User, backup, storage, verify, type S3User } from '../helpers/lifeboat-runs.js';
import { runAction, type ActionRun } from '../helpers/run-action.js';
import { expectFailureReported } from '../helpers/step-failure.js';
import {
  createBucket,
  getBytes,
  getJson,
  listKeys,
  openMultipartUploads,
  s3Env,
  s3Server,
  testClient,
} from '../helpers/s3.js';
import { PutObjectCommand } from '@aws-sdk/client-s3';

const MiB = 1024 * 1024;

/** copy-snapshot from `bucket` (main user, keys in AWS_*) to `to` (a destination described by inputs). */
async function copy(bucket: string, to: Record<string, string>, extra: Record<string, string> = {}) {
  return runAction('copy-snapshot', {
    inputs: { target: 'my-app', ...storage(bucket), 'to-force-path-style': 'true', ...to, ...extra },
    env: s3Env(),
  });
}

function toUser(user: S3User, bucket: string, endpoint = s3Server().endpoint) {
  return {
    'to-bucket': bucket,
    'to-endpoint': endpoint,
    'to-access-key-id': user.accessKeyId,
    'to-secret-access-key': user.secretAccessKey,
  };
}

/** No secret in anything a person or a later step sees (the runner consumes ::add-mask:: lines). */
function expectNoSecrets(run: ActionRun, secrets: string[]) {
  const log = run.log
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  for (const s of secrets) {
    expect(log).not.toContain(s);
    expect(run.summary).not.toContain(s);
    expect(JSON.stringify(run.outputs)).not.toContain(s);
  }
}

const snap = (id: string) => `lifeboat/my-app/snapshots/${id}/`;

describe('copy-snapshot (dist bundle under Node 24, Ceph RGW)', () => {
  const proxies: FaultProxy[] = [];
  afterAll(async () => {
    for (const p of proxies) await p.close();
  });

  it('copies a verified snapshot to another user’s bucket; verify-restore there restores the same tree; a second run is a no-op', async () => {
    const source = await createBucket();
    const user = addS3User();
    const dest = await user.createBucket();
    const volume = makeFixtureVolume();
    const b = await backup(source, volume);
    const id = b['snapshot-id']!;
    const proof = await verify(source, { mode: 'stream' });
    expect(proof.code, proof.log).toBe(0);

    const run = await copy(source, toUser(user, dest));
    expect(run.code, run.log).toBe(0);
    expect(run.outputs).toEqual({
      'snapshot-id': id,
      copied: 'true',
      bytes: b['size-bytes'],
      sha256: b.sha256,
      'duration-seconds': expect.stringMatching(/^\d+\.\d$/),
    });
    expect(run.summary).toContain('streamed (GetObject -> upload, hashed on the way)');
    expect((await user.listKeys(dest)).sort()).toEqual(
      [
        'lifeboat/my-app/latest.json',
        `${snap(id)}${b['archive-key']!.split('/').pop()}`,
        `${snap(id)}manifest.json`,
        `${snap(id)}verification.json`,
        `${snap(id)}index.jsonl.gz`,
      ].sort(),
    );
    const manifest = (await user.getJson(dest, `${snap(id)}manifest.json`))!;
    expect(schemaErrors('manifest', manifest)).toEqual([]);
    const srcManifest = (await getJson(source, `${snap(id)}manifest.json`))!;
    expect(manifest.copiedFrom).toMatchObject({
      endpoint: s3Server().endpoint,
      bucket: source,
      key: b['archive-key'],
      versionId: b['version-id'],
    });
    const archive = manifest.archive as { versionId: string; sha256: string; size: number };
    expect(archive.sha256).toBe(b.sha256);
    expect(archive.versionId).toBeTruthy();
    expect(archive.versionId).not.toBe(b['version-id']);
    // the copy's manifest names the destination's own copy of the index (copy-snapshot-index.test.ts)
    expect({ ...manifest, archive: undefined, copiedFrom: undefined, index: undefined }).toEqual({
      ...srcManifest,
      archive: undefined,
      index: undefined,
    });
    const latest = (await user.getJson(dest, 'lifeboat/my-app/latest.json'))!;
    expect(latest).toMatchObject({ snapshotId: id, archiveVersionId: archive.versionId, sha256: b.sha256 });
    expect(await user.getJson(dest, `${snap(id)}verification.json`)).toEqual(
      await getJson(source, `${snap(id)}verification.json`),
    );

    // the destination is a standard lifeboat bucket: verify-restore works there unchanged
    const holding = join(mkdtempSync(join(tmpdir(), 'lb-copy-hold-')), 'restore');
    const restored = await verify(dest, { 'holding-dir': holding, 'min-entries': '10' }, user.env);
    expect(restored.code, restored.log).toBe(0);
    expect(restored.outputs).toMatchObject({ 'snapshot-id': id, verified: 'true' });
    expect(describeTree(holding)).toEqual(describeTree(volume));

    const again = await copy(source, toUser(user, dest));
    expect(again.code, again.log).toBe(0);
    expect(again.outputs).toMatchObject({ 'snapshot-id': id, copied: 'false', sha256: b.sha256 });
    expect(again.summary).toContain('already present with the same sha256');
    // nothing new was written: the archive still has one version
    const { ListObjectVersionsCommand } = await import('@aws-sdk/client-s3');
    const versions = await user.client.send(
      new ListObjectVersionsCommand({ Bucket: dest, Prefix: snap(id) }),
    );
    expect((versions.Versions ?? []).filter((v) => v.Key!.includes('/archive.')).length).toBe(1);

    for (const r of [run, again]) expectNoSecrets(r, [user.secretAccessKey, s3Server().secretAccessKey]);
    expect(run.log).toContain(`::add-mask::${user.secretAccessKey}`);
  });

  it('refuses a snapshot without a passing verification and writes nothing; require-verified: false copies it', async () => {
    const source = await createBucket();
    const dest = await createBucket();
    const b = await backup(source, makeFixtureVolume({ bigBytes: 1000 }));
    const id = b['snapshot-id']!;
    const to = { 'to-bucket': dest, 'to-endpoint': s3Server().endpoint };

    const refused = await copy(source, to);
    expect(refused.code).toBe(1);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toContain(`Snapshot ${id} of my-app has no passing verification`);
    expect(refused.errors[0]).toContain('verification.json does not exist');
    expect(refused.errors[0]).toContain('run verify-restore on it first');
    expect(refused.outputs).toMatchObject({ 'snapshot-id': '', copied: 'false', bytes: '0', sha256: '' });
    expectFailureReported(refused, 'copy-snapshot');

    // a failed drill is not a proof either
    const drill = await verify(source, { mode: 'stream', 'min-entries': '100000' });
    expect(drill.code).toBe(1);
    const stillRefused = await copy(source, to);
    expect(stillRefused.code).toBe(1);
    // a policy the drill failed (too few entries) is named as such: restorable, but not proven enough to copy
    expect(stillRefused.errors[0]).toMatch(
      /has no passing verification: the restore drill of .* found it restorable, but it has too few entries/,
    );
    expect(await listKeys(dest)).toEqual([]);
    expect(await openMultipartUploads(dest)).toEqual([]);

    const unproven = await copy(source, to, { 'require-verified': 'false' });
    expect(unproven.code, unproven.log).toBe(0);
    expect(unproven.outputs.copied).toBe('true');
    // the failed verification travels with the bytes it describes
    expect(((await getJson(dest, `${snap(id)}verification.json`)) as { verified: boolean }).verified).toBe(
      false,
    );
  });

  it('bytes that differ from the manifest are never completed at the destination', async () => {
    // an unversioned source: the copy reads the current object, which was changed after the backup
    const source = await createBucket({ versioned: false });
    const dest = await createBucket();
    const b = await backup(source, makeFixtureVolume({ bigBytes: 1000 }), { 'require-versioning': 'false' });
    const bytes = await getBytes(source, b['archive-key']!);
    bytes[bytes.length >> 1]! ^= 0x01;
    await testClient().send(new PutObjectCommand({ Bucket: source, Key: b['archive-key'], Body: bytes }));
    // another endpoint (a pass-through proxy) makes the copy stream through the runner
    const proxy = await startFaultProxy(Number(new URL(s3Server().endpoint).port));
    proxies.push(proxy);
    const run = await copy(
      source,
      { 'to-bucket': dest, 'to-endpoint': proxy.endpoint },
      { 'require-verified': 'false' },
    );
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain('do not match the manifest');
    expect(run.errors[0]).toContain('the upload was aborted');
    expect(await listKeys(dest)).toEqual([]);
    expect(await openMultipartUploads(dest)).toEqual([]);
  });

  it('a connection dropped mid-upload leaves the destination as it was; the re-run completes', async () => {
    const source = await createBucket();
    const user = addS3User();
    const dest = await user.createBucket();
    const volume = makeFixtureVolume({ bigBytes: 1000 });
    const first = await backup(source, volume);
    expect((await verify(source, { mode: 'stream' })).code).toBe(0);
    expect((await copy(source, toUser(user, dest))).code).toBe(0);
    const latestBefore = await user.getJson(dest, 'lifeboat/my-app/latest.json');
    expect(latestBefore).toMatchObject({ snapshotId: first['snapshot-id'] });

    // a second snapshot large enough for a multipart upload of two parts
    writeFileSync(join(volume, 'big.bin'), pseudoRandomBytes(24 * MiB, 5));
    const second = await backup(source, volume, { label: 'big', compression: 'gzip' });
    const id = second['snapshot-id']!;
    expect(Number(second['size-bytes'])).toBeGreaterThan(16 * MiB);
    expect((await verify(source, { mode: 'stream' })).code).toBe(0);

    const proxy = await startFaultProxy(Number(new URL(s3Server().endpoint).port));
    proxies.push(proxy);
    proxy.cutAfterBytes(MiB);
    const cut = await copy(source, toUser(user, dest, proxy.endpoint));
    expect(cut.code, cut.log).toBe(1);
    expect(proxy.stats.cuts).toBeGreaterThan(0);
    expect(proxy.stats.requestLines.some((l) => /^PUT .*partNumber=/.test(l))).toBe(true);
    expect(cut.errors[0]).toContain(`the copy of snapshot ${id} to`);
    expect(cut.errors[0]).toContain('nothing was published there');
    expect(cut.outputs).toMatchObject({ copied: 'false', 'snapshot-id': '' });
    expectFailureReported(cut, 'copy-snapshot');
    expect(await user.getJson(dest, 'lifeboat/my-app/latest.json')).toEqual(latestBefore);
    expect(await user.openMultipartUploads(dest)).toEqual([]);
    expect(await user.listKeys(dest, snap(id))).toEqual([]);
    expectNoSecrets(cut, [user.secretAccessKey, s3Server().secretAccessKey]);

    proxy.pass();
    const rerun = await copy(source, toUser(user, dest, proxy.endpoint));
    expect(rerun.code, rerun.log).toBe(0);
    expect(rerun.outputs).toMatchObject({ 'snapshot-id': id, copied: 'true', sha256: second.sha256 });
    expect(await user.getJson(dest, 'lifeboat/my-app/latest.json')).toMatchObject({ snapshotId: id });
    expect(await user.openMultipartUploads(dest)).toEqual([]);
    const drill = await verify(dest, { mode: 'stream' }, user.env);
    expect(drill.code, drill.log).toBe(0);
    expect(drill.outputs).toMatchObject({ 'snapshot-id': id, verified: 'true', bytes: second['size-bytes'] });
  });

  it('one provider, one set of keys: server-side copy; retention on the destination; latest moves only forward', async () => {
    const source = await createBucket();
    const dest = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 1000 });
    const ids: string[] = [];
    for (const label of ['a', 'b', 'c', 'd']) {
      ids.push((await backup(source, volume, { label }))['snapshot-id']!);
      // one second apart: planPrune never removes a snapshot as new as the newest one
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
    const to = { 'to-bucket': dest, 'to-endpoint': `${s3Server().endpoint}/` };
    const keep = { 'keep-last': '2', 'keep-daily': '0', 'keep-weekly': '0', 'keep-monthly': '0' };
    const folders = async () =>
      [...new Set((await listKeys(dest, 'lifeboat/my-app/snapshots/')).map((k) => k.split('/')[3]))].sort();

    for (const i of [0, 1, 3]) {
      const run = await copy(source, to, { snapshot: ids[i]!, 'require-verified': 'false', ...keep });
      expect(run.code, run.log).toBe(0);
      expect(run.summary).toContain('server-side CopyObject, read back');
    }
    expect(await folders()).toEqual([ids[1], ids[3]]);
    expect(await getJson(dest, 'lifeboat/my-app/latest.json')).toMatchObject({ snapshotId: ids[3] });

    const older = await copy(source, to, { snapshot: ids[2]!, 'require-verified': 'false', ...keep });
    expect(older.code, older.log).toBe(0);
    expect(older.summary).toContain(`latest.json stays at the newer ${ids[3]}`);
    expect(await folders()).toEqual([ids[2], ids[3]]);
    expect(await getJson(dest, 'lifeboat/my-app/latest.json')).toMatchObject({ snapshotId: ids[3] });
    expect(await openMultipartUploads(dest)).toEqual([]);

    const drill = await verify(dest, { mode: 'stream', snapshot: ids[2]! });
    expect(drill.code, drill.log).toBe(0);

    // an unversioned destination is refused before anything is written
    const plain = await createBucket({ versioned: false });
    const refused = await copy(
      source,
      { 'to-bucket': plain, 'to-endpoint': s3Server().endpoint },
      {
        'require-verified': 'false',
      },
    );
    expect(refused.code).toBe(1);
    expect(refused.errors[0]).toContain('Versioning is not enabled');
    expect(await listKeys(plain)).toEqual([]);
  });
});
