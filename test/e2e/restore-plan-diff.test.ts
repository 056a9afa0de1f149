import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flyStandin, runCli, sshFlags, storageFlags } from '../helpers/cli-run.js';
import { putHandMadeSnapshot } from '../helpers/hand-made-snapshot.js';
import { busyboxMachine } from '../helpers/machine-shapes.js';
import { Folders } from '../helpers/restore-targets.js';
import { createBucket } from '../helpers/s3.js';
import { giveToTestUser, startSshd, type SshServer } from '../helpers/sshd.js';
import { tarOf } from '../helpers/tar-members.js';

/**
 * Issue 17: the restore plan for a machine (`restore --app/--host` without --apply) prints what
 * the swap would change: the machine's live tree (listed there by GNU find, or busybox's find and
 * stat) against the snapshot's index, in `lifeboat diff`'s words. Through the shipped CLI bundle,
 * the test Ceph, the flyctl stand-in and OpenSSH. The fixture: nested folders, a changed file, a
 * removed one, an added one, a name that is not UTF-8, a symlink.
 */

const folders = new Folders();
afterAll(() => folders.removeAll());

const LATIN1 = Buffer.from('caf\xe9.txt', 'latin1');
const T = new Date('2026-11-20T10:00:00Z');

/** The volume as the snapshot holds it. */
function snapshotVolume(): string {
  const v = join(folders.scratch('lb-plan-'), 'volume');
  mkdirSync(join(v, 'a/b/c'), { recursive: true });
  writeFileSync(join(v, 'a/b/c/deep.txt'), 'deep\n');
  writeFileSync(join(v, 'a/b/kept.txt'), 'kept\n');
  writeFileSync(join(v, 'app.db'), 'database\n');
  writeFileSync(Buffer.concat([Buffer.from(`${v}/`), LATIN1]), 'latin-1\n');
  symlinkSync('a/b/kept.txt', join(v, 'current'));
  for (const f of ['a/b/c/deep.txt', 'a/b/kept.txt', 'app.db']) utimesSync(join(v, f), T, T);
  utimesSync(Buffer.concat([Buffer.from(`${v}/`), LATIN1]), T, T);
  return v;
}

/** The machine now: app.db changed (longer), a/b/c/deep.txt gone, added.txt new, café.txt chmod 600. */
function liveFrom(snapshot: string, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  execFileSync('cp', ['-a', snapshot, dir]);
  writeFileSync(join(dir, 'app.db'), 'database, newer\n');
  unlinkSync(join(dir, 'a/b/c/deep.txt'));
  writeFileSync(join(dir, 'added.txt'), 'new live file, 27 bytes...\n');
  chmodSync(Buffer.concat([Buffer.from(`${dir}/`), LATIN1]), 0o600);
  // what is not data is left out: lifeboat's own folders
  mkdirSync(join(dir, '.lifeboat-pre-restore-20261101T000000Z'));
  writeFileSync(join(dir, '.lifeboat-pre-restore-20261101T000000Z/old.txt'), 'kept aside\n');
  return dir;
}

/** Every path of a tree with its type, mode, size and mtime, as bytes (names that are not UTF-8 included). */
const treeOf = (dir: string) => execFileSync('find', [dir, '-printf', '%y %m %s %T@ %p\\0']);

const CHANGES = [
  '- added.txt -27 B',
  'M app.db (content) -7 B',
  '+ a/b/c/deep.txt +5 B',
  'M "caf\\xe9.txt" (mode)', // the name's bytes, as ls shows them (never U+FFFD)
];
const COUNTS = '1 added, 1 removed, 2 changed, 5 unchanged (+5 B, -34 B)';

let bucket = '';
let id = '';
let snapshot = '';

beforeAll(async () => {
  bucket = await createBucket();
  snapshot = snapshotVolume();
  const b = await runCli([
    'backup',
    '--local',
    '--path',
    snapshot,
    '--target',
    'vol',
    ...storageFlags(bucket),
    '--json',
  ]);
  expect(b.code, b.stderr).toBe(0);
  id = (JSON.parse(b.stdout) as { snapshotId: string }).snapshotId;
});

const plan = (target: string, machine: string[], extra: string[] = [], env: Record<string, string> = {}) =>
  runCli(
    ['restore', '--target', target, ...storageFlags(bucket), ...machine, '--path', '/data', ...extra],
    env,
  );

/** The lines of the plan's diff, between its header and its counts. */
function diffLines(stdout: string, path = '/data'): string[] {
  const lines = stdout.split('\n');
  const start = lines.indexOf(`comparing live ${path} with ${id} (what the swap changes)`);
  expect(start, stdout).toBeGreaterThan(0);
  const end = lines.findIndex((l, i) => i > start && /^\d+ added, /.test(l));
  return lines.slice(start + 1, end + 1);
}

describe('the restore plan shows what the swap changes (flyctl stand-in)', () => {
  it('GNU find on the machine: added, removed, changed (content, mode), largest first; nothing changes', async () => {
    const machine = liveFrom(snapshot, join(folders.scratch('lb-plan-fly-'), 'volume'));
    const before = treeOf(machine);
    const run = await plan('vol', ['--app', 'my-app'], [], flyStandin(machine));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^dry run +nothing was changed$/m);
    expect(diffLines(run.stdout)).toEqual([...CHANGES, COUNTS]);
    expect(run.stdout).toMatch(/^would 1 +verify snapshot /m);
    expect(run.stdout).toContain(`--apply --confirm ${id}`);
    expect(treeOf(machine).equals(before)).toBe(true);

    const json = await plan('vol', ['--app', 'my-app'], ['--json'], flyStandin(machine));
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as {
      dryRun: boolean;
      diff: {
        from: string;
        to: string;
        added: number;
        removed: number;
        changed: number;
        unchanged: number;
        changes: { path: string; kind: string; aspects: string[]; sizeDelta: number }[];
      };
    };
    expect(out.dryRun).toBe(true);
    expect(out.diff).toMatchObject({ from: 'live', to: id, added: 1, removed: 1, changed: 2, unchanged: 5 });
    expect(out.diff.changes.map((c) => [c.kind, c.path, c.aspects, c.sizeDelta])).toEqual([
      ['removed', 'added.txt', [], -27],
      ['changed', 'app.db', ['content'], -7],
      ['added', 'a/b/c/deep.txt', [], 5],
      ['changed', 'caf\uFFFD.txt', ['mode'], 0],
    ]);
  });

  it("busybox-static's find and stat (no -printf): the same changes", async () => {
    const machine = liveFrom(snapshot, join(folders.scratch('lb-plan-bb-'), 'volume'));
    const bin = busyboxMachine(join(folders.scratch('lb-plan-bb-bin-'), 'bin'), 'busybox-static');
    const run = await plan('vol', ['--app', 'my-app'], [], { ...flyStandin(machine), FLY_STANDIN_PATH: bin });
    expect(run.code, run.stderr).toBe(0);
    expect(diffLines(run.stdout)).toEqual([...CHANGES, COUNTS]);
  });

  it('--include: only the selected paths are compared', async () => {
    const machine = liveFrom(snapshot, join(folders.scratch('lb-plan-inc-'), 'volume'));
    const run = await plan('vol', ['--app', 'my-app'], ['--include', 'a/**'], flyStandin(machine));
    expect(run.code, run.stderr).toBe(0);
    expect(diffLines(run.stdout)).toEqual([
      '+ a/b/c/deep.txt +5 B',
      '1 added, 0 removed, 0 changed, 4 unchanged (+5 B, -0 B)',
    ]);
  });

  it('a machine without find: the plan says so and goes on without the diff', async () => {
    const machine = liveFrom(snapshot, join(folders.scratch('lb-plan-nofind-'), 'volume'));
    const run = await plan('vol', ['--app', 'my-app'], [], {
      ...flyStandin(machine),
      FLY_STANDIN_HIDE: 'find',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^changes +no diff with the live tree: the live tree could not be listed \(the machine has no find, or neither GNU find \(-printf\) nor stat \(-c\): add findutils/m,
    );
    expect(run.stdout).toMatch(/^would 3 +move /m);
    expect(run.stdout).toContain(`--apply --confirm ${id}`);
  });

  it('a snapshot without an index: the plan says so and how to make one', async () => {
    const tar = await tarOf([
      { header: { name: './', type: 'directory', mode: 0o755 } },
      { header: { name: './notes.txt', mode: 0o644 }, body: 'old\n' },
    ]);
    await putHandMadeSnapshot({
      bucket,
      target: 'old',
      id: '20261101T000000Z',
      tar,
      stored: gzipSync(tar),
      compression: 'gzip',
    });
    const machine = liveFrom(snapshot, join(folders.scratch('lb-plan-old-'), 'volume'));
    const run = await plan('old', ['--app', 'my-app'], [], flyStandin(machine));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'no diff with the live tree: snapshot 20261101T000000Z has no index (made before lifeboat wrote one): run `lifeboat index --snapshot 20261101T000000Z`',
    );
    expect(run.stdout).toMatch(/^would 1 +verify snapshot 20261101T000000Z/m);
    const json = await plan('old', ['--app', 'my-app'], ['--json'], flyStandin(machine));
    expect(JSON.parse(json.stdout)).toMatchObject({
      diff: null,
      diffNote: expect.stringContaining('has no index') as string,
    });
  });
});

describe('the restore plan over OpenSSH', () => {
  let server: SshServer;
  let remote = '';
  beforeAll(async () => {
    server = await startSshd();
  });
  afterAll(async () => {
    await server?.stop();
    if (remote) rmSync(remote, { recursive: true, force: true });
  });

  it('the same diff of a host backed up over SSH', async () => {
    remote = giveToTestUser(snapshot, server.home, `plan-${process.pid}`);
    const cli = sshFlags(server);
    try {
      const b = await runCli([
        'backup',
        ...cli.flags,
        '--path',
        remote,
        '--target',
        'vps',
        ...storageFlags(bucket),
        '--json',
      ]);
      expect(b.code, b.stderr).toBe(0);
      id = (JSON.parse(b.stdout) as { snapshotId: string }).snapshotId;
      writeFileSync(join(remote, 'app.db'), 'database, newer\n');
      unlinkSync(join(remote, 'a/b/c/deep.txt'));
      writeFileSync(join(remote, 'added.txt'), 'new live file, 27 bytes...\n');
      execFileSync('chown', ['-h', `${server.user}:`, join(remote, 'added.txt')]);
      chmodSync(Buffer.concat([Buffer.from(`${remote}/`), LATIN1]), 0o600);
      const run = await runCli([
        'restore',
        '--target',
        'vps',
        ...storageFlags(bucket),
        ...cli.flags,
        '--path',
        remote,
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(diffLines(run.stdout, remote)).toEqual([...CHANGES, COUNTS]);
    } finally {
      cli.remove();
    }
  });
});
