import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/util/format.js';
import { cliTestNode } from '../helpers/cli-nodes.js';
import { runCli, storageFlags } from '../helpers/cli-run.js';
import { pseudoRandomBytes } from '../helpers/fixture-volume.js';
import { runAction, type ActionRun } from '../helpers/run-action.js';
import { createBucket, getBytes, getJson, s3Env, s3Server } from '../helpers/s3.js';
import { giveToTestUser, startSshd, type SshServer } from '../helpers/sshd.js';

/**
 * The wiped-volume guard's index rules end to end, through the shipped CLI bundle and the
 * fly-volume-backup / ssh-volume-backup bundles against Ceph: most of the previous snapshot's files
 * gone while the size stays (the size rule alone passes it), and a large SQLite database shrunk to
 * nearly nothing while other data keeps the size up. Either is stored as suspect, latest.json stays,
 * the run fails (exit 1, output status=suspect) naming the paths, counts and sizes; the thresholds
 * (flags, inputs) change the outcome.
 */

const node = cliTestNode();
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** The next snapshot id is the next second. */
const nextSecond = () => new Promise((r) => setTimeout(r, 1100));

const USERS = 20;

/**
 * An app's volume: a SQLite database of `db` bytes (random blobs: it does not compress, so it holds
 * the archive's size), `media` bytes of video, one avatar in each of `users` upload folders, config.
 */
function appVolume(o: { db: number; media?: number; users: number }): string {
  const root = mkdtempSync(join(tmpdir(), 'lifeboat-guard-'));
  made.push(root);
  execFileSync('sqlite3', [
    join(root, 'app.db'),
    `CREATE TABLE blobs(b); INSERT INTO blobs VALUES (randomblob(${o.db}));`,
  ]);
  mkdirSync(join(root, 'config'));
  writeFileSync(join(root, 'config/settings.json'), '{"feature": true}\n');
  writeFileSync(join(root, 'config/app.env'), 'MODE=production\n');
  if (o.media) {
    mkdirSync(join(root, 'media'));
    writeFileSync(join(root, 'media/intro.mp4'), pseudoRandomBytes(o.media, 5));
  }
  for (let i = 0; i < o.users; i++) {
    mkdirSync(join(root, `uploads/user-${i}`), { recursive: true });
    writeFileSync(join(root, `uploads/user-${i}/avatar.png`), pseudoRandomBytes(2048, 100 + i));
  }
  return root;
}

/** A cleanup job deleted every uploaded file (`find uploads -type f -delete`): the folders stay. */
function deleteUploads(root: string, users: number): void {
  for (let i = 0; i < users; i++) unlinkSync(join(root, `uploads/user-${i}/avatar.png`));
}

/** The app started on a database that was gone and made a new, empty one. */
function emptyDatabase(root: string): void {
  rmSync(join(root, 'app.db'));
  execFileSync('sqlite3', [join(root, 'app.db'), 'CREATE TABLE blobs(b);']);
}

const sizeOf = (p: string) => statSync(p).size;

/** The message of the files-gone rule for 20 uploads of 23 files. */
const filesGoneMessage = (since: string, ratio = 0.5) =>
  new RegExp(
    `Backup is suspect: ${USERS} of the ${USERS + 3} files of snapshot ${since} are gone \\(more than max-files-gone-ratio ${ratio}\\), ` +
      `among them "uploads/user-\\d+/avatar\\.png", "uploads/user-\\d+/avatar\\.png", "uploads/user-\\d+/avatar\\.png", ` +
      `"uploads/user-\\d+/avatar\\.png", "uploads/user-\\d+/avatar\\.png", and ${USERS - 5} more\\. Was the volume wiped\\?`,
  );

const truncatedMessage = (since: string, before: number, after: number) =>
  `Backup is suspect: a large file shrank to nearly nothing since snapshot ${since} (truncated?): ` +
  `"app.db" ${formatBytes(before)} -> ${formatBytes(after)} (truncated-file-ratio 0.1 of files from 1.00 MiB). Was the volume wiped?`;

interface CliBackup {
  code: number | null;
  stderr: string;
  result: { status: string; message: string; snapshotId: string; manifestKey: string };
}

function parseResult(stdout: string, stderr: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    throw new Error(`not JSON on stdout: ${JSON.stringify(stdout)}; stderr: ${stderr}`);
  }
}

async function cliBackup(bucket: string, volume: string, extra: string[] = []): Promise<CliBackup> {
  const run = await runCli(
    ['backup', '--local', '--path', volume, '--target', 'app', ...storageFlags(bucket), '--json', ...extra],
    {},
    node.path,
  );
  return {
    code: run.code,
    stderr: run.stderr,
    result: (run.code === 0 || run.code === 1
      ? parseResult(run.stdout, run.stderr)
      : {}) as CliBackup['result'],
  };
}

interface Manifest {
  status: string;
  statusReason?: string;
}

/** What a suspect run leaves: the snapshot stored as suspect with the reason, latest.json as it was. */
async function expectStoredSuspect(
  bucket: string,
  target: string,
  manifestKey: string,
  latestBefore: Buffer,
  reason: RegExp | string,
) {
  const manifest = (await getJson<Manifest>(bucket, manifestKey))!;
  expect(manifest.status).toBe('suspect');
  expect(manifest.statusReason).toMatch(reason);
  expect(manifest.statusReason).not.toContain('much smaller');
  expect(await getBytes(bucket, `lifeboat/${target}/latest.json`)).toEqual(latestBefore);
}

const latestId = async (bucket: string, target: string) =>
  (await getJson<{ snapshotId: string }>(bucket, `lifeboat/${target}/latest.json`))!.snapshotId;

describe(`the wiped-volume guard's index rules (dist/cli bundle under ${node.label}, Ceph RGW)`, () => {
  it('most files gone while the size stays: suspect with the paths and counts; --max-files-gone-ratio 0.9 accepts it', async () => {
    const bucket = await createBucket();
    const volume = appVolume({ db: 3 * 1024 * 1024, users: USERS });
    const good = await cliBackup(bucket, volume);
    expect(good.code, good.stderr).toBe(0);
    const latestBefore = await getBytes(bucket, 'lifeboat/app/latest.json');
    deleteUploads(volume, USERS);
    await nextSecond();

    const wiped = await cliBackup(bucket, volume);
    expect(wiped.code, wiped.stderr).toBe(1);
    expect(wiped.result.status).toBe('suspect');
    expect(wiped.result.message).toMatch(filesGoneMessage(good.result.snapshotId));
    // the size rule alone passes it: the database holds the size, and the folders the entry count
    expect(wiped.result.message).not.toContain('much smaller');
    await expectStoredSuspect(
      bucket,
      'app',
      wiped.result.manifestKey,
      latestBefore,
      /^20 of the 23 files of snapshot .* are gone/,
    );

    await nextSecond();
    const loose = await cliBackup(bucket, volume, ['--max-files-gone-ratio', '0.9']);
    expect(loose.code, loose.stderr).toBe(0);
    expect(loose.result.status).toBe('ok');
    expect(await latestId(bucket, 'app')).toBe(loose.result.snapshotId);
  });

  it('a large SQLite database made empty: suspect with the path and both sizes; a higher --truncated-file-min-size accepts it, a higher --truncated-file-ratio catches a halved one', async () => {
    const bucket = await createBucket();
    const volume = appVolume({ db: 2 * 1024 * 1024, media: 4 * 1024 * 1024, users: 3 });
    const before = sizeOf(join(volume, 'app.db'));
    const good = await cliBackup(bucket, volume);
    expect(good.code, good.stderr).toBe(0);
    const latestBefore = await getBytes(bucket, 'lifeboat/app/latest.json');
    emptyDatabase(volume);
    const after = sizeOf(join(volume, 'app.db'));
    expect(after).toBeLessThan(16 * 1024);
    await nextSecond();

    const truncated = await cliBackup(bucket, volume);
    expect(truncated.code, truncated.stderr).toBe(1);
    expect(truncated.result.status).toBe('suspect');
    expect(truncated.result.message).toContain(truncatedMessage(good.result.snapshotId, before, after));
    await expectStoredSuspect(
      bucket,
      'app',
      truncated.result.manifestKey,
      latestBefore,
      `"app.db" ${formatBytes(before)} -> ${formatBytes(after)}`,
    );

    // the database is below the size the rule looks at
    await nextSecond();
    const small = await cliBackup(bucket, volume, ['--truncated-file-min-size', String(4 * 1024 * 1024)]);
    expect(small.code, small.stderr).toBe(0);
    expect(small.result.status).toBe('ok');
    expect(await latestId(bucket, 'app')).toBe(small.result.snapshotId);

    // from the empty database to 2 MiB and back to half of it: fine by default, suspect at 0.6
    execFileSync('sqlite3', [join(volume, 'app.db'), 'INSERT INTO blobs VALUES (randomblob(2097152));']);
    await nextSecond();
    expect((await cliBackup(bucket, volume)).code).toBe(0);
    execFileSync('sqlite3', [
      join(volume, 'app.db'),
      'DELETE FROM blobs; INSERT INTO blobs VALUES (randomblob(1048576)); VACUUM;',
    ]);
    await nextSecond();
    const halved = await cliBackup(bucket, volume);
    expect(halved.code, halved.stderr).toBe(0);
    const halvedSize = sizeOf(join(volume, 'app.db'));
    execFileSync('sqlite3', [
      join(volume, 'app.db'),
      'DELETE FROM blobs; INSERT INTO blobs VALUES (randomblob(600000)); VACUUM;',
    ]);
    await nextSecond();
    const strict = await cliBackup(bucket, volume, ['--truncated-file-ratio', '0.6']);
    expect(strict.code, strict.stderr).toBe(1);
    expect(strict.result.message).toContain(
      `since snapshot ${halved.result.snapshotId} (truncated?): "app.db" ${formatBytes(halvedSize)} -> ` +
        `${formatBytes(sizeOf(join(volume, 'app.db')))} (truncated-file-ratio 0.6 of files from 1.00 MiB)`,
    );
  });
});

/** The outputs and bucket state of a suspect step, as the actions' READMEs document them. */
async function expectSuspectStep(run: ActionRun, bucket: string, target: string, latestBefore: Buffer) {
  expect(run.code, run.log).toBe(1);
  expect(run.outputs.status).toBe('suspect');
  expect(run.outputs['snapshot-id']).toMatch(/^\d{8}T\d{6}Z$/);
  expect(run.outputs['manifest-key']).toBe(
    `lifeboat/${target}/snapshots/${run.outputs['snapshot-id']}/manifest.json`,
  );
  expect(run.outputs.pruned).toBe('0');
  expect(run.errors).toHaveLength(1);
  expect((await getJson<Manifest>(bucket, run.outputs['manifest-key']!))!.status).toBe('suspect');
  expect(await getBytes(bucket, `lifeboat/${target}/latest.json`)).toEqual(latestBefore);
}

describe('the index rules in fly-volume-backup (dist bundle under Node 24, flyctl stand-in, Ceph RGW)', () => {
  async function flyBackup(bucket: string, volume: string, extra: Record<string, string> = {}) {
    const log = join(mkdtempSync(join(tmpdir(), 'flyctl-log-')), 'calls.jsonl');
    made.push(join(log, '..'));
    writeFileSync(log, '');
    return runAction('fly-volume-backup', {
      inputs: {
        app: 'my-app',
        bucket,
        endpoint: s3Server().endpoint,
        'force-path-style': 'true',
        ...extra,
      },
      env: {
        ...s3Env(),
        FLY_API_TOKEN: 'fo1_standin_token_value',
        FLY_STANDIN_APP: 'my-app',
        FLY_STANDIN_VOLUME: volume,
        FLY_STANDIN_REMOTE_PATH: '/data',
        FLY_STANDIN_LOG: log,
      },
    });
  }

  it('uploads deleted: suspect, step fails naming the files; max-files-gone-ratio 1 turns the rule off', async () => {
    const bucket = await createBucket();
    const volume = appVolume({ db: 3 * 1024 * 1024, users: USERS });
    const good = await flyBackup(bucket, volume);
    expect(good.code, good.log).toBe(0);
    const latestBefore = await getBytes(bucket, 'lifeboat/my-app/latest.json');
    deleteUploads(volume, USERS);
    await nextSecond();
    const wiped = await flyBackup(bucket, volume);
    await expectSuspectStep(wiped, bucket, 'my-app', latestBefore);
    expect(wiped.errors[0]).toMatch(filesGoneMessage(good.outputs['snapshot-id']!));

    await nextSecond();
    const off = await flyBackup(bucket, volume, { 'max-files-gone-ratio': '1' });
    expect(off.code, off.log).toBe(0);
    expect(off.outputs.status).toBe('ok');
    expect(await latestId(bucket, 'my-app')).toBe(off.outputs['snapshot-id']);
  });

  it('the database made empty: suspect naming it with both sizes; truncated-file-ratio 0 turns the rule off', async () => {
    const bucket = await createBucket();
    const volume = appVolume({ db: 2 * 1024 * 1024, media: 4 * 1024 * 1024, users: 3 });
    const before = sizeOf(join(volume, 'app.db'));
    const good = await flyBackup(bucket, volume);
    expect(good.code, good.log).toBe(0);
    const latestBefore = await getBytes(bucket, 'lifeboat/my-app/latest.json');
    emptyDatabase(volume);
    await nextSecond();
    const truncated = await flyBackup(bucket, volume);
    await expectSuspectStep(truncated, bucket, 'my-app', latestBefore);
    expect(truncated.errors[0]).toContain(
      truncatedMessage(good.outputs['snapshot-id']!, before, sizeOf(join(volume, 'app.db'))),
    );

    await nextSecond();
    const off = await flyBackup(bucket, volume, { 'truncated-file-ratio': '0' });
    expect(off.code, off.log).toBe(0);
    expect(off.outputs.status).toBe('ok');
  });
});

describe('the index rules in ssh-volume-backup (dist bundle under Node 24, real OpenSSH server, Ceph RGW)', () => {
  let server: SshServer;
  beforeAll(async () => {
    server = await startSshd();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function sshBackup(bucket: string, path: string, extra: Record<string, string> = {}) {
    return runAction('ssh-volume-backup', {
      inputs: {
        host: server.host,
        port: String(server.port),
        user: server.user,
        'ssh-key': server.clientKey.privateKey,
        'known-hosts': server.knownHosts,
        path,
        target: 'vps',
        bucket,
        endpoint: s3Server().endpoint,
        'force-path-style': 'true',
        ...extra,
      },
      env: s3Env(),
      standins: false,
    });
  }

  it('uploads deleted, then the database made empty: each suspect with its message; looser inputs accept them', async () => {
    const bucket = await createBucket();
    const path = giveToTestUser(
      appVolume({ db: 2 * 1024 * 1024, media: 4 * 1024 * 1024, users: USERS }),
      server.home,
      `guard-${process.pid}`,
    );
    made.push(path);
    const good = await sshBackup(bucket, path);
    expect(good.code, good.log).toBe(0);
    const latestBefore = await getBytes(bucket, 'lifeboat/vps/latest.json');
    deleteUploads(path, USERS);
    await nextSecond();
    const wiped = await sshBackup(bucket, path);
    await expectSuspectStep(wiped, bucket, 'vps', latestBefore);
    expect(wiped.errors[0]).toMatch(
      new RegExp(
        `Backup is suspect: ${USERS} of the ${USERS + 4} files of snapshot ${good.outputs['snapshot-id']} are gone \\(more than max-files-gone-ratio 0\\.5\\), among them "uploads/user-`,
      ),
    );
    await nextSecond();
    const accepted = await sshBackup(bucket, path, { 'max-files-gone-ratio': '0.9' });
    expect(accepted.code, accepted.log).toBe(0);
    const latestAccepted = await getBytes(bucket, 'lifeboat/vps/latest.json');

    const before = sizeOf(join(path, 'app.db'));
    emptyDatabase(path);
    const after = sizeOf(join(path, 'app.db'));
    await nextSecond();
    const truncated = await sshBackup(bucket, path);
    await expectSuspectStep(truncated, bucket, 'vps', latestAccepted);
    expect(truncated.errors[0]).toContain(truncatedMessage(accepted.outputs['snapshot-id']!, before, after));
    // 8 KiB of 2 MiB is 0.4%: above a ratio of 0.001
    await nextSecond();
    const loose = await sshBackup(bucket, path, { 'truncated-file-ratio': '0.001' });
    expect(loose.code, loose.log).toBe(0);
    expect(loose.outputs.status).toBe('ok');
  });
});
