import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliTestNode } from '../helpers/cli-nodes.js';
import { flyStandin, runCli, sshFlags, storageFlags, type CliRun } from '../helpers/cli-run.js';
import { busyboxMachine, type BusyboxShape } from '../helpers/machine-shapes.js';
import { describeTreeBytes, tempRoot, TreeWriter, type EntryDescription } from '../helpers/odd-tree.js';
import { pseudoRandomBytes } from '../helpers/fixture-volume.js';
import { runAction } from '../helpers/run-action.js';
import { createBucket, getJson, listVersions, openMultipartUploads, s3Env, s3Server } from '../helpers/s3.js';
import { ensureTestUser, giveToTestUser, startSshd, type SshServer } from '../helpers/sshd.js';

/**
 * Every machine works, or says exactly why not (issue 18): each shape of machine that Fly apps
 * run on, made of real tools (GNU tar, Debian's busybox-static and its applets, a busybox tar
 * that lacks long options), reached through the flyctl stand-in or a real sshd, and backed up by
 * the shipped CLI bundle (and the fly-volume-backup action bundle). A backup that is ok restores
 * byte for byte; a machine that cannot make the archive ends in one message naming the missing
 * tool and the Dockerfile line that adds it, before any data moves.
 */

const node = cliTestNode();
const TIME = new Date('2026-10-01T12:34:56Z');
const NO_EOA = 'no end-of-archive blocks';

/** Folders this file made (temp ones and those given to the test user), removed after its tests. */
const made: string[] = [];
const cleanup = { push: (d: string) => made.push(d) };
const temp = (prefix: string): string => {
  const d = tempRoot(prefix);
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A small volume of every common member type, lifeboat's own folders at its top level. */
function makeVolume(opts: { lifeboatFolders?: boolean; onlyThem?: boolean } = {}): string {
  const dir = temp('lb-mach-vol-');
  const w = new TreeWriter(dir);
  try {
    if (opts.onlyThem) {
      w.file('.lifeboat-restore/20261001T000000Z/staged.txt', 'a restore being staged\n');
      w.setTimes(TIME);
      return dir;
    }
    w.file('app.db', pseudoRandomBytes(200_000, 7));
    w.file('uploads/a.txt', 'a\n');
    w.file('uploads/cache/big.bin', pseudoRandomBytes(50_000, 8));
    w.file('bin/run.sh', '#!/bin/sh\n', 0o755);
    w.symlink('current', 'uploads');
    w.hardlink('uploads/a-again.txt', 'uploads/a.txt');
    w.dir('empty');
    if (opts.lifeboatFolders) {
      w.file('.lifeboat-restore/20261001T000000Z/staged.txt', 'a restore being staged\n');
      w.file('.lifeboat-pre-restore-20261001T000000Z/old.txt', 'what a swap moved aside\n');
    }
    w.setTimes(TIME);
  } finally {
    w.close();
  }
  return dir;
}

/**
 * The tree less lifeboat's folders. The root's own entry stays: every tar archives it, a tar
 * without --exclude too (the first block of its `.`, remote-script.ts), so its mode and mtime
 * come back.
 */
function comparable(tree: Record<string, EntryDescription>): Record<string, EntryDescription> {
  return Object.fromEntries(
    Object.entries(tree).filter(
      ([k]) => !k.startsWith('.lifeboat-restore') && !k.startsWith('.lifeboat-pre-restore-'),
    ),
  );
}

const storage = (bucket: string) => ['--target', 'my-app', ...storageFlags(bucket)];

/** A backup of `volume` as /data of a Fly machine (the stand-in) whose tools `machine` sets. */
function flyBackup(bucket: string, volume: string, machine: Record<string, string>, extra: string[] = []) {
  return runCli(['backup', '--app', 'my-app', ...storage(bucket), '--json', ...extra], {
    ...flyStandin(volume),
    ...machine,
  });
}

/** restore --to of the latest snapshot into a new folder. */
async function restoreLatest(bucket: string): Promise<{ run: CliRun; to: string }> {
  const to = join(temp('lb-mach-to-'), 'restored');
  const run = await runCli(['restore', ...storage(bucket), '--to', to], {}, node.path);
  return { run, to };
}

/** Nothing of an archive exists in the bucket, and no upload was ever started. */
async function expectNothingMoved(bucket: string, run: CliRun) {
  expect((await listVersions(bucket)).versions.filter((v) => /archive\.tar/.test(v.Key ?? ''))).toEqual([]);
  expect(await openMultipartUploads(bucket)).toEqual([]);
  expect(await getJson(bucket, 'lifeboat/my-app/latest.json')).toBeUndefined();
  expect(run.stderr).not.toContain('uploading in parts of');
  expect(run.stderr).not.toContain(NO_EOA);
}

const pathOf = (shape: BusyboxShape, without: string[] = []) =>
  busyboxMachine(join(temp(`lb-mach-${shape}-`), 'bin'), shape, without);

interface OkShape {
  name: string;
  machine: () => Record<string, string>;
  compression: string;
  /** A warning the manifest must carry. */
  warning?: RegExp;
  /** A line the backup's log must hold. */
  log?: string;
}

const OK_SHAPES: OkShape[] = [
  {
    name: 'Debian slim: GNU tar, no zstd',
    machine: () => ({ FLY_STANDIN_HIDE: 'zstd' }),
    // plain tar from the machine, zstd on the runner (issue 18, the fastest path without zstd)
    compression: 'zstd',
  },
  {
    name: 'no zstd and no gzip: auto needs neither (plain tar, zstd on the runner)',
    machine: () => ({ FLY_STANDIN_HIDE: 'zstd,gzip' }),
    compression: 'zstd',
  },
  {
    name: "busybox-static's applets only (tar without --exclude, -X, -T)",
    machine: () => ({ FLY_STANDIN_PATH: pathOf('busybox-static') }),
    compression: 'zstd',
  },
  {
    name: 'a minimal busybox (tar without long options, --exclude, -X, -T)',
    machine: () => ({ FLY_STANDIN_PATH: pathOf('busybox-minimal') }),
    compression: 'zstd',
  },
  {
    name: "Alpine's busybox (tar with long options, -X, -T)",
    machine: () => ({ FLY_STANDIN_PATH: pathOf('busybox-alpine') }),
    compression: 'zstd',
  },
  {
    name: 'GNU tar, no du',
    machine: () => ({ FLY_STANDIN_HIDE: 'du' }),
    compression: 'zstd',
    warning: /^du is not installed on the Fly machine: .*RUN apk add --no-cache coreutils.*at most 78\.1 GiB/,
    // the size is unknown, not "the Fly machine's du reports 0 B in use"
    log: 'uploading in parts of 8.00 MiB (the Fly machine has no du: the space in use at /data is unknown)',
  },
  {
    name: 'a minimal busybox built without du and awk',
    machine: () => ({ FLY_STANDIN_PATH: pathOf('busybox-minimal', ['du', 'awk']) }),
    compression: 'zstd',
    warning: /^du is not installed on the Fly machine/,
    log: 'uploading in parts of 8.00 MiB (the Fly machine has no du: the space in use at /data is unknown)',
  },
];

describe('machine shapes that back up: ok, and restore gives the volume back', () => {
  it.each(OK_SHAPES.map((s) => [s.name, s] as const))('%s', async (_name, shape) => {
    const volume = makeVolume({ lifeboatFolders: true });
    const source = describeTreeBytes(volume);
    const bucket = await createBucket();
    const b = await flyBackup(bucket, volume, shape.machine());
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).not.toContain(NO_EOA);
    const result = JSON.parse(b.stdout) as { status: string; snapshotId: string };
    expect(result.status).toBe('ok');
    const manifest = (await getJson<{ compression: string; warnings: string[] }>(
      bucket,
      `lifeboat/my-app/snapshots/${result.snapshotId}/manifest.json`,
    ))!;
    expect(manifest.compression).toBe(shape.compression);
    if (shape.warning) expect(manifest.warnings).toEqual([expect.stringMatching(shape.warning)]);
    else expect(manifest.warnings).toEqual([]);
    if (shape.log) expect(b.stderr.split('\n')).toContain(shape.log);
    const { run, to } = await restoreLatest(bucket);
    expect(run.code, run.stderr).toBe(0);
    // lifeboat's own folders were left out, on every tar
    expect(existsSync(join(to, '.lifeboat-restore'))).toBe(false);
    expect(existsSync(join(to, '.lifeboat-pre-restore-20261001T000000Z'))).toBe(false);
    expect(comparable(describeTreeBytes(to))).toEqual(comparable(source));
  });
});

describe('a minimal busybox and a volume of nothing but a folder a restore left', () => {
  // was: `tar -cf - --no-recursion .`, which a busybox without long options refuses: "tar failed
  // on the source with exit status 1"
  it('ok: the archive holds the root entry alone, and restore gives back the root (its mode and mtime)', async () => {
    const volume = makeVolume({ onlyThem: true });
    const source = describeTreeBytes(volume);
    const bucket = await createBucket();
    const b = await flyBackup(bucket, volume, { FLY_STANDIN_PATH: pathOf('busybox-minimal') });
    expect(b.code, b.stderr).toBe(0);
    expect((JSON.parse(b.stdout) as { status: string; entries: number }).status).toBe('ok');
    const { run, to } = await restoreLatest(bucket);
    expect(run.code, run.stderr).toBe(0);
    expect(describeTreeBytes(to)).toEqual(comparable(source));
    expect(Object.keys(comparable(source))).toEqual(['.']);
  });
});

describe("Alpine's busybox tar and a user exclude", () => {
  it("the exclude is honoured by busybox --exclude, and so are lifeboat's own folders", async () => {
    const volume = makeVolume({ lifeboatFolders: true });
    const source = describeTreeBytes(volume);
    const bucket = await createBucket();
    const b = await flyBackup(bucket, volume, { FLY_STANDIN_PATH: pathOf('busybox-alpine') }, [
      '--exclude',
      './uploads/cache',
    ]);
    expect(b.code, b.stderr).toBe(0);
    const { run, to } = await restoreLatest(bucket);
    expect(run.code, run.stderr).toBe(0);
    const expected = Object.fromEntries(
      Object.entries(comparable(source)).filter(([k]) => !k.startsWith('uploads/cache')),
    );
    expect(comparable(describeTreeBytes(to))).toEqual(expected);
  });
});

describe('machine shapes that cannot: one message, before any data moves', () => {
  const missing: [string, () => Record<string, string>, RegExp][] = [
    [
      'distroless: no sh',
      () => ({ FLY_STANDIN_HIDE: 'sh,dash,bash' }),
      /^lifeboat backup: the Fly machine has no sh: lifeboat runs its archive script there as `sh -c '...'`, and the command was not found \(exit status 127; .*\)\. Nothing was read or sent\. To fix it, add a shell to the image .*`COPY --from=busybox:1\.36\.1-musl \/bin\/busybox \/bin\/busybox` and `RUN \["\/bin\/busybox", "--install", "-s", "\/bin"\]`\)\.$/m,
    ],
    [
      'no tar',
      () => ({ FLY_STANDIN_HIDE: 'tar' }),
      /^lifeboat backup: tar is not installed on the Fly machine: lifeboat archives the volume with the machine's tar\. To fix it, add it to the image with the Dockerfile line `RUN apt-get update && apt-get install -y --no-install-recommends tar` \(Debian, Ubuntu\) or `RUN apk add --no-cache tar` \(Alpine\)\. Nothing was read or sent\.$/m,
    ],
    [
      'a minimal busybox built without tar',
      () => ({ FLY_STANDIN_PATH: pathOf('busybox-minimal', ['tar']) }),
      /^lifeboat backup: tar is not installed on the Fly machine: /m,
    ],
    [
      'no zstd, gzip or cat (auto)',
      () => ({ FLY_STANDIN_HIDE: 'gzip,zstd,cat' }),
      /^lifeboat backup: cat is not installed on the Fly machine: compression none, and auto on a machine without zstd, pass the tar through cat\. .*`RUN apk add --no-cache coreutils` \(Alpine\)\. Nothing was read or sent\.$/m,
    ],
  ];
  it.each(missing)(
    '%s: exit 3 (the environment), the tool and its Dockerfile line named',
    async (_n, machine, message) => {
      const volume = makeVolume();
      const bucket = await createBucket();
      const marker = join(volume, 'pre-ran');
      const b = await flyBackup(bucket, volume, machine(), ['--pre-command', 'touch /data/pre-ran']);
      expect(b.stderr).toMatch(message);
      expect(b.code).toBe(3);
      await expectNothingMoved(bucket, b);
      expect(existsSync(marker)).toBe(false);
    },
  );

  const noExclude: [string, BusyboxShape][] = [
    ['busybox-static', 'busybox-static'],
    ['a minimal busybox', 'busybox-minimal'],
  ];
  it.each(noExclude)(
    '%s and a user exclude: refused (exit 2) before the pre-command and the stream, naming --exclude and GNU tar',
    async (_n, shape) => {
      const volume = makeVolume();
      const bucket = await createBucket();
      const b = await flyBackup(bucket, volume, { FLY_STANDIN_PATH: pathOf(shape) }, [
        '--exclude',
        './uploads/cache',
        '--pre-command',
        'touch /data/pre-ran',
      ]);
      expect(b.stderr).toMatch(
        /^lifeboat backup: The tar on the Fly machine cannot leave paths out: it has no --exclude, -X or -T .*nothing was read or sent and the pre-command did not run\. Remove --exclude, or install GNU tar there: add it to the image with the Dockerfile line `RUN apt-get update && apt-get install -y --no-install-recommends tar` \(Debian, Ubuntu\) or `RUN apk add --no-cache tar` \(Alpine\)\.$/m,
      );
      expect(b.code).toBe(2);
      await expectNothingMoved(bucket, b);
      expect(existsSync(join(volume, 'pre-ran'))).toBe(false);
    },
  );

  it('compression zstd on a machine without zstd: a configuration error (exit 2) naming auto and the line', async () => {
    const volume = makeVolume();
    const bucket = await createBucket();
    const b = await flyBackup(bucket, volume, { FLY_STANDIN_HIDE: 'zstd' }, ['--compression', 'zstd']);
    expect(b.stderr).toMatch(
      /^lifeboat backup: compression is zstd, but zstd is not installed on the Fly machine\. Set compression to auto \(plain tar from there, compressed with zstd on the runner\), or add it to the image with the Dockerfile line `RUN apt-get update && apt-get install -y --no-install-recommends zstd` \(Debian, Ubuntu\) or `RUN apk add --no-cache zstd` \(Alpine\)\. Nothing was read or sent\.$/m,
    );
    expect(b.code).toBe(2);
    await expectNothingMoved(bucket, b);
  });

  it('the fly-volume-backup action on a machine without sh: the step fails with the same message', async () => {
    const volume = makeVolume();
    const bucket = await createBucket();
    const run = await runAction('fly-volume-backup', {
      inputs: {
        app: 'my-app',
        bucket,
        endpoint: s3Server().endpoint,
        'force-path-style': 'true',
      },
      env: { ...flyStandin(volume), FLY_STANDIN_HIDE: 'sh,dash,bash', ...s3Env() },
    });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain('the Fly machine has no sh');
    expect(run.errors.join('\n')).toContain('RUN ["/bin/busybox", "--install", "-s", "/bin"]');
    expect(run.log).not.toContain(NO_EOA);
    expect((await listVersions(bucket)).versions.filter((v) => /archive\.tar/.test(v.Key ?? ''))).toEqual([]);
  });
});

describe('over OpenSSH: a ForceCommand whose PATH hides tools', () => {
  const servers: SshServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  /** An sshd whose ForceCommand runs the client's command with PATH = a minimal busybox less `without`. */
  async function hostWithout(without: string[]): Promise<SshServer> {
    // in the test user's home: the ForceCommand runs as that user
    const bin = join(ensureTestUser().home, `machine-bin-${process.pid}-${without.join('-')}`);
    rmSync(bin, { recursive: true, force: true });
    cleanup.push(bin);
    busyboxMachine(bin, 'busybox-minimal', without);
    const server = await startSshd({
      extraConfig: [`ForceCommand env PATH=${bin} /bin/sh -c "$SSH_ORIGINAL_COMMAND"`],
    });
    servers.push(server);
    return server;
  }

  it.each([
    [
      'tar',
      ['tar'],
      /^lifeboat backup: tar is not installed on the SSH host: .*`RUN apk add --no-cache tar` \(Alpine\)\./m,
    ],
    [
      'sh',
      ['sh'],
      /^lifeboat backup: the SSH host has no sh: .*not found \(exit status 127; .*\)\. Nothing was read or sent\. To fix it, add a shell to the image/m,
    ],
  ])('an SSH host without %s: exit 3, naming it and the Dockerfile lines', async (_n, without, message) => {
    const server = await hostWithout(without);
    const volume = giveToTestUser(makeVolume(), server.home, `vol-${process.pid}-${_n}`);
    cleanup.push(volume);
    const bucket = await createBucket();
    const ssh = sshFlags(server);
    try {
      const b = await runCli(['backup', ...ssh.flags, '--path', volume, ...storage(bucket)], {}, node.path);
      expect(b.stderr).toMatch(message);
      expect(b.code).toBe(3);
      await expectNothingMoved(bucket, b);
    } finally {
      ssh.remove();
    }
  });
});
