import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/util/format.js';
import { schemaErrors } from '../../src/catalog/schemas.js';
import { extractWithTar } from '../helpers/archive.js';
import { describeTree, makeFixtureVolume, setTimes } from '../helpers/fixture-volume.js';
import { runAction, type ActionRun } from '../helpers/run-action.js';
import { expectFailureReported } from '../helpers/step-failure.js';
import {
  createBucket,
  getBytes,
  getJson,
  listKeys,
  listVersions,
  openMultipartUploads,
  s3Env,
  s3Server,
} from '../helpers/s3.js';

const REMOTE = '/data';

function flyEnv(volume: string, extra: Record<string, string> = {}) {
  const log = join(mkdtempSync(join(tmpdir(), 'flyctl-log-')), 'calls.jsonl');
  writeFileSync(log, '');
  return {
    log,
    env: {
      ...s3Env(),
      FLY_API_TOKEN: 'fo1_standin_token_value',
      FLY_STANDIN_APP: 'my-app',
      FLY_STANDIN_VOLUME: volume,
      FLY_STANDIN_REMOTE_PATH: REMOTE,
      FLY_STANDIN_LOG: log,
      ...extra,
    },
  };
}

function inputs(bucket: string, extra: Record<string, string> = {}) {
  return {
    app: 'my-app',
    bucket,
    endpoint: s3Server().endpoint,
    'force-path-style': 'true',
    ...extra,
  };
}

function sshCalls(log: string): string[][] {
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { argv: string[] }).argv)
    .filter((a) => a[0] === 'ssh');
}

async function backup(
  bucket: string,
  volume: string,
  extra: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  const fly = flyEnv(volume, env);
  const run = await runAction('fly-volume-backup', { inputs: inputs(bucket, extra), env: fly.env });
  return { ...run, flyLog: fly.log };
}

describe('fly-volume-backup (dist bundle under Node 24, flyctl stand-in, Ceph RGW)', () => {
  it('streams the volume into the bucket: the object has the manifest sha256 and extracts byte-identical', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();
    const run = await backup(bucket, volume);
    expect(run.code, run.log).toBe(0);
    const o = run.outputs;
    expect(o.status).toBe('ok');
    expect(o['snapshot-id']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(o['archive-key']).toBe(`lifeboat/my-app/snapshots/${o['snapshot-id']}/archive.tar.zst`);
    expect(o['manifest-key']).toBe(`lifeboat/my-app/snapshots/${o['snapshot-id']}/manifest.json`);

    const bytes = await getBytes(bucket, o['archive-key']!);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(o.sha256).toBe(sha);
    expect(Number(o['size-bytes'])).toBe(bytes.length);

    const manifest = (await getJson(bucket, o['manifest-key']!))!;
    expect(schemaErrors('manifest', manifest)).toEqual([]);
    expect(manifest).toMatchObject({
      status: 'ok',
      target: 'my-app',
      compression: 'zstd',
      source: { kind: 'fly', app: 'my-app', machine: null, path: '/data' },
      archive: { sha256: sha, size: bytes.length, versionId: o['version-id'] },
      previous: null,
    });
    expect((manifest.tools as { flyctl: string }).flyctl).toBe('0.4.87');
    const versions = await listVersions(bucket, o['archive-key']);
    expect(versions.versions.map((v) => v.VersionId)).toEqual([o['version-id']]);

    const latest = (await getJson(bucket, 'lifeboat/my-app/latest.json'))!;
    expect(schemaErrors('latest', latest)).toEqual([]);
    expect(latest).toMatchObject({
      snapshotId: o['snapshot-id'],
      sha256: sha,
      archiveVersionId: o['version-id'],
    });

    const restored = extractWithTar(bytes, 'zstd');
    const expected = describeTree(volume);
    expect(describeTree(restored)).toEqual(expected);
    expect(Number(o.entries)).toBe(Object.keys(expected).length + 1); // + "./"
    expect(manifest.entries).toBe(Number(o.entries));
    expect(await openMultipartUploads(bucket)).toEqual([]);
    expect(run.summary).toContain(o['snapshot-id']);
    expect(run.summary).toContain(sha);
    // the stand-in received the one ssh call, quiet, with an sh -c script
    const calls = sshCalls(run.flyLog);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.slice(0, 5)).toEqual(['ssh', 'console', '-a', 'my-app', '-q']);
    expect(calls[0]![6]!.startsWith("sh -c '")).toBe(true);
    // the machine's `du -sk` of the path reached the header and sized the parts (6 MiB: far below 29 GiB)
    const usedKib = Number(execFileSync('du', ['-sk', volume], { encoding: 'utf8' }).split('\t')[0]);
    expect(usedKib).toBeGreaterThan(0);
    expect(run.log).toContain(
      `uploading in parts of 6.00 MiB (the Fly machine's du reports ${formatBytes(usedKib * 1024)} in use at /data)`,
    );
  });

  it('two runs make two snapshots; latest names the second; both manifests hold their VersionIds', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();
    const first = await backup(bucket, volume, { target: 'prod-db', label: 'one' });
    expect(first.code, first.log).toBe(0);
    writeFileSync(join(volume, 'new-file.txt'), 'added between runs\n');
    const second = await backup(bucket, volume, { target: 'prod-db', label: 'two' });
    expect(second.code, second.log).toBe(0);
    const ids = [first.outputs['snapshot-id']!, second.outputs['snapshot-id']!];
    expect(ids[0]).toMatch(/-one$/);
    expect(ids[1]).toMatch(/-two$/);
    const keys = await listKeys(bucket, 'lifeboat/prod-db/');
    expect(keys.filter((k) => k.endsWith('manifest.json'))).toHaveLength(2);
    const latest = (await getJson(bucket, 'lifeboat/prod-db/latest.json'))!;
    expect(latest.snapshotId).toBe(ids[1]);
    for (const run of [first, second]) {
      const m = (await getJson(bucket, run.outputs['manifest-key']!))!;
      const v = await listVersions(bucket, run.outputs['archive-key']);
      expect((m.archive as { versionId: string }).versionId).toBe(v.versions[0]!.VersionId);
      expect((m.archive as { versionId: string }).versionId).toBeTruthy();
    }
    const m2 = (await getJson(bucket, second.outputs['manifest-key']!))!;
    expect(m2.previous).toMatchObject({ snapshotId: ids[0] });
  });

  it('compression: gzip when asked, zstd on the runner under auto when the machine has no zstd, none', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 1000 });
    const gz = await backup(bucket, volume, { target: 'gz', compression: 'gzip' });
    expect(gz.code, gz.log).toBe(0);
    expect(gz.outputs['archive-key']).toMatch(/archive\.tar\.gz$/);
    const auto = await backup(bucket, volume, { target: 'auto' }, { FLY_STANDIN_HIDE: 'zstd' });
    expect(auto.code, auto.log).toBe(0);
    // plain tar over the link, compressed with zstd on the runner (test/e2e/runner-compression.test.ts)
    expect(auto.outputs['archive-key']).toMatch(/archive\.tar\.zst$/);
    expect((await getJson(bucket, auto.outputs['manifest-key']!))!).toMatchObject({
      compression: 'zstd',
      compressedOn: 'runner',
    });
    // gzip's XFL byte: 0 is its default level (gzip when asked)
    expect((await getBytes(bucket, gz.outputs['archive-key']!))[8]).toBe(0);
    const none = await backup(bucket, volume, { target: 'none', compression: 'none' });
    expect(none.code, none.log).toBe(0);
    expect(none.outputs['archive-key']).toMatch(/archive\.tar$/);
    for (const [run, c] of [
      [gz, 'gzip'],
      [auto, 'zstd'],
      [none, 'none'],
    ] as const) {
      const restored = extractWithTar(await getBytes(bucket, run.outputs['archive-key']!), c);
      expect(describeTree(restored)).toEqual(describeTree(volume));
    }
    const forced = await backup(
      bucket,
      volume,
      { target: 'forced', compression: 'zstd' },
      { FLY_STANDIN_HIDE: 'zstd' },
    );
    expect(forced.code).toBe(1);
    expect(forced.log).toContain('compression is zstd, but zstd is not installed on the Fly machine');
  });

  it('exclude patterns and a pre-command that runs first on the machine', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 1000 });
    const run = await backup(bucket, volume, {
      exclude: 'big.bin\nuploads/2026\n# a comment line',
      'pre-command': `echo "made by pre-command" > ${REMOTE}/pre.txt && echo pre-ran`,
    });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('pre-ran');
    const restored = extractWithTar(await getBytes(bucket, run.outputs['archive-key']!), 'zstd');
    expect(readFileSync(join(restored, 'pre.txt'), 'utf8')).toBe('made by pre-command\n');
    expect(existsSync(join(restored, 'big.bin'))).toBe(false);
    expect(existsSync(join(restored, 'uploads/2026'))).toBe(false);
    expect(existsSync(join(restored, 'app.db'))).toBe(true);
  });

  describe('failures leave latest.json unchanged and no multipart upload open', () => {
    async function withGoodBackup() {
      const bucket = await createBucket();
      const volume = makeFixtureVolume();
      const good = await backup(bucket, volume);
      expect(good.code, good.log).toBe(0);
      const latestBefore = await getBytes(bucket, 'lifeboat/my-app/latest.json');
      const keysBefore = await listKeys(bucket);
      const check = async (run: ActionRun) => {
        expect(run.code).toBe(1);
        expect(run.outputs.status).toBe('failed');
        expect(run.outputs['snapshot-id']).toBe('');
        // every output is set, and the summary says what failed and the fix, also in preflight
        expectFailureReported(run, 'fly-volume-backup');
        expect(await getBytes(bucket, 'lifeboat/my-app/latest.json')).toEqual(latestBefore);
        expect(await openMultipartUploads(bucket)).toEqual([]);
        expect(await listKeys(bucket)).toEqual(keysBefore);
      };
      return { bucket, volume, check };
    }

    it('remote failure mid-stream', async () => {
      const { bucket, volume, check } = await withGoodBackup();
      const run = await backup(bucket, volume, {}, { FLY_STANDIN_MODE: 'fail-mid:200000' });
      await check(run);
      expect(run.log).toContain('flyctl exited with status 1 before the archive was complete');
      expect(run.log).toContain('remote command exited without exit status');
    });

    it('stream cut short while flyctl exits 0', async () => {
      const { bucket, volume, check } = await withGoodBackup();
      const run = await backup(bucket, volume, {}, { FLY_STANDIN_MODE: 'truncate:150000' });
      await check(run);
      expect(run.log).toContain('incomplete although it exited with status 0');
    });

    it('pre-command failure aborts before anything is archived', async () => {
      const { bucket, volume, check } = await withGoodBackup();
      const run = await backup(bucket, volume, { 'pre-command': 'echo db locked >&2; exit 3' });
      await check(run);
      expect(run.log).toContain('pre-command failed on the source with exit status 3');
      expect(run.log).toContain('db locked');
    });

    it('path that does not exist on the machine', async () => {
      const { bucket, volume, check } = await withGoodBackup();
      const run = await backup(bucket, volume, { path: '/data/nope' });
      await check(run);
      expect(run.log).toContain('The path /data/nope does not exist on the source');
    });

    it('machine stopped', async () => {
      const { bucket, volume, check } = await withGoodBackup();
      const run = await backup(bucket, volume, {}, { FLY_STANDIN_MODE: 'stopped' });
      await check(run);
      expect(run.log).toContain('has no started VMs');
    });

    it('old flyctl, missing token, hostile values: refused before any ssh call', async () => {
      const { bucket, volume, check } = await withGoodBackup();
      const cases: { extra?: Record<string, string>; env?: Record<string, string>; message: string }[] = [
        {
          env: { FLY_STANDIN_VERSION: '0.4.79' },
          message: 'flyctl 0.4.79 is too old: lifeboat needs >= 0.4.80',
        },
        { env: { FLY_API_TOKEN: '' }, message: 'FLY_API_TOKEN is not set' },
        { extra: { app: 'x; rm -rf /' }, message: 'Input \'app\' is "x; rm -rf /"' },
        { extra: { path: '/data/bell\u0007' }, message: "Input 'path' contains a control character" },
        { extra: { path: '/data/../etc' }, message: "Input 'path' is" },
        { extra: { target: '../other' }, message: "Input 'target' is" },
        { extra: { label: 'a b' }, message: "Input 'label' is" },
        { extra: { exclude: 'ok\n$(reboot)' }, message: "Input 'exclude' is" },
        { extra: { 'keep-last': '-1' }, message: "Input 'keep-last' is" },
        { extra: { compression: 'xz' }, message: 'Input \'compression\' is "xz": choose one of' },
        {
          extra: { 'allow-shrink': 'maybe' },
          message: 'Input \'allow-shrink\' is "maybe": set it to true or false',
        },
      ];
      for (const c of cases) {
        const fly = flyEnv(volume, c.env);
        const run = await runAction('fly-volume-backup', { inputs: inputs(bucket, c.extra), env: fly.env });
        expect(run.log, JSON.stringify(c)).toContain(c.message);
        await check(run);
        expect(sshCalls(fly.log), JSON.stringify(c)).toEqual([]);
        // one error line, not a stack trace
        expect(run.stdout.match(/^::error::/gm)).toHaveLength(1);
      }
    });

    it('unversioned bucket is refused unless require-versioning is false', async () => {
      const bucket = await createBucket({ versioned: false });
      const volume = makeFixtureVolume({ bigBytes: 1000 });
      const refused = await backup(bucket, volume);
      expect(refused.code).toBe(1);
      expect(refused.log).toContain('Versioning is not enabled on s3://' + bucket);
      expect(await listKeys(bucket)).toEqual([]);
      const accepted = await backup(bucket, volume, { 'require-versioning': 'false' });
      expect(accepted.code, accepted.log).toBe(0);
    });

    it('a bucket that does not exist, and wrong credentials', async () => {
      const volume = makeFixtureVolume({ bigBytes: 1000 });
      const missing = await backup('no-such-bucket-here', volume);
      expect(missing.code).toBe(1);
      expect(missing.log).toContain('does not exist: create it');
      const bucket = await createBucket();
      const fly = flyEnv(volume, { AWS_SECRET_ACCESS_KEY: 'wrong-secret' });
      const denied = await runAction('fly-volume-backup', { inputs: inputs(bucket), env: fly.env });
      expect(denied.code).toBe(1);
      expect(denied.log).toMatch(/rejected the credentials|Access denied/);
      // ::add-mask:: lines are commands to the runner, which never shows them
      expect(denied.log.replace(/^::add-mask::.*$/gm, '')).not.toContain('wrong-secret');
    });
  });

  it('wiped volume after a good backup: suspect, step fails, latest unchanged, nothing pruned; allow-shrink accepts it', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();
    const retention = { 'keep-last': '1', 'keep-daily': '0', 'keep-weekly': '0', 'keep-monthly': '0' };
    const good = await backup(bucket, volume, retention);
    expect(good.code, good.log).toBe(0);
    const latestBefore = await getBytes(bucket, 'lifeboat/my-app/latest.json');
    // the deploy script wiped the volume: one small file is left
    for (const name of [
      'app.db',
      'uploads',
      'config',
      'bin',
      'deep',
      'big.bin',
      'empty-dir',
      'settings-link.json',
      'dangling-link',
      'empty-file',
    ]) {
      rmSync(join(volume, name), { recursive: true, force: true });
    }
    writeFileSync(join(volume, 'fresh.txt'), 'new empty app\n');
    setTimes(volume);
    const wiped = await backup(bucket, volume, retention);
    expect(wiped.code).toBe(1);
    expect(wiped.outputs.status).toBe('suspect');
    expect(wiped.errors).toHaveLength(1);
    expect(wiped.errors[0]).toContain('Backup is suspect');
    expect(wiped.errors[0]).toMatch(
      /size \d+ B is 0\.0% of the previous 2\.35 MiB and 2 entries is 6\.7% of the previous 30/,
    );
    expect(await getBytes(bucket, 'lifeboat/my-app/latest.json')).toEqual(latestBefore);
    // the backup's own summary, then what failed
    expect(wiped.summary).toContain('<h2>lifeboat backup of my-app</h2>');
    expectFailureReported(wiped, 'fly-volume-backup');
    const suspectManifest = (await getJson(bucket, wiped.outputs['manifest-key']!))!;
    expect(suspectManifest.status).toBe('suspect');
    expect(wiped.outputs.pruned).toBe('0');
    // the good snapshot is still there
    expect(await getJson(bucket, good.outputs['manifest-key']!)).toBeTruthy();

    const accepted = await backup(bucket, volume, { ...retention, 'allow-shrink': 'true' });
    expect(accepted.code, accepted.log).toBe(0);
    expect(accepted.outputs.status).toBe('ok');
    expect((await getJson(bucket, 'lifeboat/my-app/latest.json'))!.snapshotId).toBe(
      accepted.outputs['snapshot-id'],
    );
    // keep-last 1 now prunes the first good snapshot, never the suspect one
    expect(accepted.outputs.pruned).toBe('1');
    expect(await getJson(bucket, good.outputs['manifest-key']!)).toBeUndefined();
    expect(await getJson(bucket, wiped.outputs['manifest-key']!)).toBeTruthy();
  });
});
