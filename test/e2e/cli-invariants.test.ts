import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { cliTestNode } from '../helpers/cli-nodes.js';
import { runCli, type CliOptions } from '../helpers/cli-run.js';
import { startHttpFaultProxy, type HttpFaultProxy } from '../helpers/fault-proxy.js';
import { makeFixtureVolume } from '../helpers/fixture-volume.js';
import {
  createBucket,
  getBytes,
  getJson,
  listKeys,
  listVersions,
  s3Server,
  testClient,
} from '../helpers/s3.js';

// the invariants of latest.json and retention (README "How a backup works"), through the shipped
// CLI bundle against Ceph: the storage's clock, a prune that never deletes what latest.json
// names, a dry run that writes nothing, and a signal once the archive is stored
const node = cliTestNode();
const TARGET = 'box';
/** Retention that keeps one snapshot (the CLI's defaults keep daily, weekly and monthly ones too). */
const KEEP_LAST_1 = ['--keep-last', '1', '--keep-daily', '0', '--keep-weekly', '0', '--keep-monthly', '0'];

/** The `faketime` of Debian's faketime package: a runner whose clock is off (scripts/setup-system.sh). */
const faketime = (() => {
  try {
    execFileSync('faketime', ['-f', '+0', 'true']);
    return true;
  } catch {
    return false;
  }
})();

describe(`lifeboat's invariants of latest.json and retention (dist/cli bundle under ${node.label})`, () => {
  let volume: string;
  let proxy: HttpFaultProxy;
  beforeAll(async () => {
    volume = makeFixtureVolume({ bigBytes: 100_000 });
    proxy = await startHttpFaultProxy(Number(new URL(s3Server().endpoint).port));
  });
  afterAll(async () => {
    await proxy?.close();
    if (volume) rmSync(volume, { recursive: true, force: true });
  });

  const storage = (bucket: string, endpoint = s3Server().endpoint) => [
    '--bucket',
    bucket,
    '--endpoint',
    endpoint,
    '--force-path-style',
  ];
  const lifeboat = (args: string[], o: CliOptions = {}) => runCli(args, {}, node.path, o);
  const backup = (bucket: string, extra: string[] = [], o: CliOptions = {}, endpoint?: string) =>
    lifeboat(
      ['backup', '--local', '--path', volume, '--target', TARGET, ...storage(bucket, endpoint), ...extra],
      o,
    );
  const backupOk = async (bucket: string, extra: string[] = []) => {
    const run = await backup(bucket, ['--json', ...extra]);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as { snapshotId: string; pruned: string[] };
  };
  /** Every version and delete marker in the bucket, as ListObjectVersions reports them. */
  const history = async (bucket: string) => {
    const { versions, deleteMarkers } = await listVersions(bucket);
    return [
      ...versions.map((v) => `${v.Key} ${v.VersionId} ${v.ETag}`),
      ...deleteMarkers.map((m) => `${m.Key} ${m.VersionId} (delete marker)`),
    ].sort();
  };
  const latestId = async (bucket: string) =>
    (await getJson(bucket, `lifeboat/${TARGET}/latest.json`))?.snapshotId as string | undefined;
  const snapshotFolders = async (bucket: string) => [
    ...new Set(
      (await listKeys(bucket, `lifeboat/${TARGET}/snapshots/`)).map((k) => k.split('/')[3] as string),
    ),
  ];

  it.skipIf(!faketime)(
    'a runner clock an hour behind the storage (faketime) is refused before anything is written; 3 minutes off is corrected',
    async () => {
      const bucket = await createBucket();
      const behind = await backup(bucket, [], { wrap: ['faketime', '-f', '-1h'] });
      expect(behind.code, behind.stderr).toBe(3);
      const errors = behind.stderr.split('\n').filter((l) => l.startsWith('lifeboat backup: '));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        /^lifeboat backup: This machine's clock is (1h|60m) behind the storage's \(s3:\/\/\S+ at http:\/\/127\.0\.0\.1:\d+ says \S+Z, this machine \S+Z\): lifeboat orders snapshots by the storage's time and refuses to write with a clock more than 5 minutes off\. Nothing was written\./,
      );
      expect(await history(bucket)).toEqual([]);

      // within the limit: the run goes by the storage's clock, not its own
      const skewed = await backup(bucket, ['--json'], { wrap: ['faketime', '-f', '-3m'] });
      expect(skewed.code, skewed.stderr).toBe(0);
      const id = (JSON.parse(skewed.stdout) as { snapshotId: string }).snapshotId;
      const idTime = Date.parse(
        id.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
      );
      expect(Math.abs(idTime - Date.now())).toBeLessThan(60_000);
      expect(await latestId(bucket)).toBe(id);
    },
  );

  // was a bug: a run killed after its manifest and before moving latest.json left a good snapshot
  // newer than latest; `prune --keep-last 1` kept that one and deleted the one latest.json named
  it('prune never deletes the snapshot latest.json names, nor anything newer (a run killed before moving latest)', async () => {
    const bucket = await createBucket();
    const first = await backupOk(bucket);
    const latestKey = `lifeboat/${TARGET}/latest.json`;
    const pointingAtFirst = await getBytes(bucket, latestKey);
    await new Promise((r) => setTimeout(r, 1100));
    const second = await backupOk(bucket);
    // as a second run killed after its manifest would have left it: latest.json still names the first
    await testClient().send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: latestKey,
        Body: pointingAtFirst,
        ContentType: 'application/json',
      }),
    );
    const prune = ['prune', '--target', TARGET, ...storage(bucket), ...KEEP_LAST_1, '--json'];
    const p = await lifeboat(prune);
    expect(p.code, p.stderr).toBe(0);
    expect(JSON.parse(p.stdout)).toMatchObject({
      dryRun: false,
      keep: [{ id: second.snapshotId, reasons: ['last'] }],
      spared: [{ id: first.snapshotId, reason: 'latest.json names it' }],
      pruned: [],
    });
    expect(await snapshotFolders(bucket)).toEqual([first.snapshotId, second.snapshotId]);

    // the next good backup moves latest.json on; then the older two go
    await new Promise((r) => setTimeout(r, 1100));
    const third = await backupOk(bucket);
    expect(await latestId(bucket)).toBe(third.snapshotId);
    // a dry run names what it would delete as backup --dry-run does: wouldPrune, and pruned empty
    const dry = await lifeboat([...prune, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dryRun: true,
      pruned: [],
      wouldPrune: [second.snapshotId, first.snapshotId],
    });
    expect(await snapshotFolders(bucket)).toEqual([first.snapshotId, second.snapshotId, third.snapshotId]);
    const after = await lifeboat(prune);
    expect(after.code, after.stderr).toBe(0);
    expect((JSON.parse(after.stdout) as { pruned: string[] }).pruned).toEqual([
      second.snapshotId,
      first.snapshotId,
    ]);
    expect(await snapshotFolders(bucket)).toEqual([third.snapshotId]);
  });

  // was a bug (issue 16): `backup --dry-run` uploaded a snapshot and moved latest.json
  it('backup --dry-run writes nothing to the bucket: every version and delete marker is as before', async () => {
    const bucket = await createBucket();
    const first = await backupOk(bucket);
    await new Promise((r) => setTimeout(r, 1100));
    const before = await history(bucket);
    const dry = await backup(bucket, ['--dry-run', ...KEEP_LAST_1, '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dryRun: true,
      status: 'ok',
      versionId: '',
      pruned: [],
      wouldPrune: [first.snapshotId],
    });
    expect(dry.stderr).toMatch(
      /dry run: would store s3:\/\/.*\/lifeboat\/box\/snapshots\/\d{8}T\d{6}Z\/archive\.tar\.\w+ \(/,
    );
    expect(await history(bucket)).toEqual(before);
    // and on an empty bucket, in the words a person reads
    const empty = await createBucket();
    const text = await backup(empty, ['--dry-run']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^dry run\s+nothing was written to the bucket$/m);
    expect(await history(empty)).toEqual([]);
  });

  // was a bug: a SIGTERM after the archive was stored let the run finish, retention included, and
  // exit 0, while the README promised exit 130 and latest.json unchanged
  it('SIGTERM while the manifest is written: the publish finishes, retention is skipped, exit 130 naming the snapshot', async () => {
    const bucket = await createBucket();
    const first = await backupOk(bucket);
    await new Promise((r) => setTimeout(r, 1100));
    let pid = 0;
    proxy.setRules([
      {
        match: (r) => r.method === 'PUT' && new URL(r.url, 'http://x').pathname.endsWith('/manifest.json'),
        before: () => {
          process.kill(pid, 'SIGTERM');
        },
        delayMs: 500,
        times: 1,
      },
    ]);
    const run = await backup(bucket, KEEP_LAST_1, { onStart: (p) => (pid = p) }, proxy.endpoint);
    proxy.setRules([]);
    expect(run.code, run.stderr).toBe(130);
    const id = /snapshot (\d{8}T\d{6}Z) was published/.exec(run.stderr)?.[1];
    expect(run.stderr).toContain(
      `lifeboat backup: the backup was interrupted by SIGTERM after its archive was stored: snapshot ${id} was published ` +
        '(its manifest was written and latest.json names it); retention was skipped (the next backup applies it).',
    );
    expect(await latestId(bucket)).toBe(id);
    expect(await snapshotFolders(bucket)).toEqual([first.snapshotId, id]);
  });

  // was a bug: latest.json naming `../../x` made a backup write claim keys outside the target's
  // folder, and a manifest was read whole whatever its size
  it('nothing read from the bucket is trusted unchecked: a hostile latest.json and a 2 MiB manifest are one clear error each', async () => {
    const bucket = await createBucket();
    const first = await backupOk(bucket);
    const latestKey = `lifeboat/${TARGET}/latest.json`;
    const pointer = (await getJson(bucket, latestKey))!;
    const put = (key: string, body: string | Buffer) =>
      testClient().send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json' }),
      );
    await put(latestKey, JSON.stringify({ ...pointer, snapshotId: '../../x' }));
    const before = await listKeys(bucket);
    const hostile = await backup(bucket);
    expect(hostile.code, hostile.stderr).toBe(3);
    const lines = hostile.stderr.split('\n').filter((l) => l.startsWith('lifeboat backup: '));
    expect(lines).toEqual([
      `lifeboat backup: s3://${bucket} at ${s3Server().endpoint}/${latestKey} names snapshot "../../x", which is not a snapshot id (such as 20261123T020000Z): it is not trusted and no key was built from it.`,
    ]);
    expect(await listKeys(bucket)).toEqual(before);

    await put(latestKey, JSON.stringify(pointer));
    const manifestKey = `lifeboat/${TARGET}/snapshots/${first.snapshotId}/manifest.json`;
    await put(manifestKey, Buffer.alloc(2 * 1024 * 1024, 0x20));
    // latest.json names the manifest's first version, which stays as it was; the snapshot by id
    // reads the current one
    const byId = [
      'verify',
      '--target',
      TARGET,
      ...storage(bucket),
      '--mode',
      'stream',
      '--snapshot',
      first.snapshotId,
    ];
    const verify = await lifeboat(byId);
    expect(verify.code, verify.stderr).toBe(3);
    expect(verify.stderr.split('\n').filter((l) => l.startsWith('lifeboat verify: '))).toEqual([
      `lifeboat verify: s3://${bucket} at ${s3Server().endpoint}/${manifestKey} is 2097152 bytes, more than the 1048576 allowed for it: it was not read. No verdict about target box was recorded.`,
    ]);
    const byLatest = await lifeboat(['verify', '--target', TARGET, ...storage(bucket), '--mode', 'stream']);
    expect(byLatest.code, byLatest.stderr).toBe(0);
  });

  // was: "no previous snapshot: this is the first", status ok for the wiped volume, latest.json moved
  // to it and keep-last 1 pruned the only real backup; then restore said "no good backup has been
  // made yet" (newcomer and attacker, 2026-12-03)
  it('latest.json deleted (a delete marker), then the volume wiped: the backup is suspect and prunes nothing; restore names the good snapshot', async () => {
    const bucket = await createBucket();
    const own = makeFixtureVolume({ bigBytes: 100_000 });
    try {
      const run = (args: string[]) => lifeboat([...args, '--target', 'wiped', ...storage(bucket)]);
      const first = await run(['backup', '--local', '--path', own, '--json', ...KEEP_LAST_1]);
      expect(first.code, first.stderr).toBe(0);
      const { snapshotId } = JSON.parse(first.stdout) as { snapshotId: string };
      await testClient().send(new DeleteObjectCommand({ Bucket: bucket, Key: 'lifeboat/wiped/latest.json' }));
      for (const name of readdirSync(own)) rmSync(join(own, name), { recursive: true, force: true });

      const wiped = await run(['backup', '--local', '--path', own, '--json', ...KEEP_LAST_1]);
      expect(wiped.code, wiped.stderr).toBe(1);
      expect(JSON.parse(wiped.stdout)).toMatchObject({ status: 'suspect', pruned: [] });
      expect(wiped.stderr).toContain(
        `lifeboat/wiped/latest.json is missing (deleted, or a delete marker on it), but the listing holds good snapshots: the wiped-volume guard compares with the newest, ${snapshotId}`,
      );
      expect(await listKeys(bucket, `lifeboat/wiped/snapshots/${snapshotId}/`)).toContain(
        `lifeboat/wiped/snapshots/${snapshotId}/manifest.json`,
      );

      const to = join(own, '..', `${own.split('/').pop()}-restored`);
      const refused = await run(['restore', '--to', to]);
      expect(refused.code, refused.stderr).toBe(2);
      expect(refused.stderr).toContain(
        `but 1 good snapshot is listed, the newest ${snapshotId}: pass --snapshot ${snapshotId} (\`lifeboat snapshots\` lists them)`,
      );
      const restored = await run(['restore', '--to', to, '--snapshot', snapshotId]);
      expect(restored.code, restored.stderr).toBe(0);
      expect(readdirSync(to).length).toBeGreaterThan(0);
      rmSync(to, { recursive: true, force: true });
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
