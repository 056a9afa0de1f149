import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliTestNode } from '../helpers/cli-nodes.js';
import { runCli } from '../helpers/cli-run.js';
import { pseudoRandomBytes } from '../helpers/fixture-volume.js';
import { describeTreeBytes, tempRoot, TreeWriter, type EntryDescription } from '../helpers/odd-tree.js';
import { STANDIN_BIN } from '../helpers/run-action.js';
import { createBucket, getJson, s3Server } from '../helpers/s3.js';

/**
 * What backup stores as ok, restore gives back byte for byte (issue 20 §5). Trees with every
 * member type, names that are bytes, folders past PATH_MAX and every shape of link go through the
 * shipped CLI: backed up by GNU tar (a Fly machine, through the flyctl stand-in) and by a minimal
 * busybox tar (Debian's busybox-static: no --exclude), restored with `restore --to` and
 * `verify --mode extract`, and the restored tree is compared with the source by name bytes, type,
 * mode, size, content sha256, link target, hard links and mtime.
 */

const node = cliTestNode();
const TIME = new Date('2026-10-01T12:34:56Z');
const BUSYBOX = '/bin/busybox';

const cleanup: string[] = [];
afterAll(() => {
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});
function temp(prefix: string): string {
  const d = tempRoot(prefix);
  cleanup.push(d);
  return d;
}

const lifeboat = (args: string[], env: Record<string, string> = {}) => runCli(args, env, node.path);

const storage = (bucket: string, target: string) => [
  '--target',
  target,
  '--bucket',
  bucket,
  '--endpoint',
  s3Server().endpoint,
  '--force-path-style',
];

const latin1 = (s: string) => Buffer.from(s, 'latin1');
/** 25 folders of 200 bytes: 5,025 bytes of path, past Linux's PATH_MAX of 4,096. */
const DEEP = Array.from({ length: 25 }, (_, i) => `${String(i).padStart(2, '0')}-${'d'.repeat(197)}`).join(
  '/',
);

/** One shape of what volumes hold; each is backed up alone and together with all the others. */
interface Shape {
  name: string;
  /** Past PATH_MAX: busybox tar cannot read it. */
  deep?: boolean;
  make(w: TreeWriter): void | Promise<void>;
}

const SHAPES: Shape[] = [
  {
    name: 'files, modes, empty files and folders',
    make(w) {
      w.file('plain.txt', 'hello\n');
      w.file('big.bin', pseudoRandomBytes(300_000, 5));
      w.file('empty', '');
      w.file('bin/run.sh', '#!/bin/sh\necho run\n', 0o755);
      w.file('bin/suid-tool', '#!/bin/sh\n', 0o4755); // setuid is dropped on restore (documented)
      w.file('secret.key', 'k3y\n', 0o600);
      w.file('read-only', 'ro\n', 0o444);
      w.dir('empty-dir');
      w.dir('nested-empty');
      w.dir('nested-empty/a', 0o700);
      w.dir('shared-tmp', 0o1777);
      w.dir('locked-dir', 0o555);
    },
  },
  {
    name: 'names that are bytes: Latin-1 beside UTF-8, two Latin-1 names that read as one UTF-8 string',
    make(w) {
      w.file(latin1('caf\xe9.txt'), 'latin-1 e acute\n');
      w.file(latin1('caf\xe8.txt'), 'latin-1 e grave\n');
      w.file('café.txt', 'utf-8 e acute\n');
      w.file(latin1('r\xe9sum\xe9/d\xe9j\xe0 vu.txt'), 'latin-1 folder and file\n');
      w.symlink(latin1('lien-\xe9'), latin1('r\xe9sum\xe9/d\xe9j\xe0 vu.txt'));
      w.file('uploads/文件 "quoted" $HOME.txt', 'unicode and shell characters\n');
    },
  },
  {
    name: 'symlinks out of the tree: absolute, and relative past the root (Capistrano)',
    make(w) {
      w.file('releases/20261001/app.rb', 'puts 1\n');
      w.symlink('current', 'releases/20261001');
      w.symlink('releases/20261001/config', '../../../shared/config');
      w.symlink('releases/20261001/log', '/var/log/app');
      w.symlink('hostname', '/etc/hostname');
    },
  },
  {
    name: 'symlink chains: dangling, through each other, lexically inside but physically outside',
    make(w) {
      w.file('target.txt', 'the end of the chain\n');
      w.symlink('dangling', 'does-not-exist');
      w.symlink('chain-a', 'chain-b');
      w.symlink('chain-b', 'target.txt');
      w.dir('d');
      w.symlink('d/up', '..');
      w.symlink('d/out', '../../..');
      w.symlink('via-up', 'd/up/../outside'); // lexically "outside" in the root, physically one level above it
    },
  },
  {
    name: 'hard links, in one folder and across folders',
    make(w) {
      w.file('hard/one', 'one inode, three names\n', 0o640);
      w.hardlink('hard/two', 'hard/one');
      w.hardlink('elsewhere/three', 'hard/one');
    },
  },
  {
    name: 'a FIFO, and a socket (tar leaves sockets out and says so)',
    async make(w) {
      w.fifo('run/app.fifo', 0o600);
      await w.socket('run/app.sock');
    },
  },
  {
    name: 'folders past PATH_MAX (5,025 bytes of path) holding files, links and an empty folder',
    deep: true,
    make(w) {
      w.file(`${DEEP}/leaf.txt`, 'past PATH_MAX\n', 0o640);
      w.file('near-root.txt', 'linked from deep down\n');
      w.symlink(`${DEEP}/back-to-root`, `${'../'.repeat(25)}near-root.txt`);
      w.hardlink(`${DEEP}/hard-deep`, 'near-root.txt');
      w.file(latin1(`${DEEP}/caf\xe9-deep.txt`), 'latin-1 past PATH_MAX\n');
      w.dir(`${DEEP}/empty-deep`, 0o750);
    },
  },
];

/** A volume made of `shapes`, every mtime fixed. */
async function makeTree(shapes: Shape[]): Promise<string> {
  const dir = temp('lb-rt-src-');
  const w = new TreeWriter(dir);
  try {
    for (const s of shapes) await s.make(w);
    w.setTimes(TIME);
  } finally {
    w.close();
  }
  return dir;
}

/** What a restore must give back: the source less its sockets, with setuid and setgid dropped. */
function expectedRestore(source: Record<string, EntryDescription>): Record<string, EntryDescription> {
  const out: Record<string, EntryDescription> = {};
  for (const [k, d] of Object.entries(source)) {
    if (d.type === 'socket') continue;
    out[k] = d.mode ? { ...d, mode: (parseInt(d.mode, 8) & 0o1777).toString(8) } : d;
  }
  return out;
}

/** A PATH whose tar is Debian's busybox-static applet (no --exclude, -X or -T); every other tool as usual. */
function busyboxTarPath(): string {
  if (!existsSync(BUSYBOX))
    throw new Error(`${BUSYBOX} is missing: run bash scripts/setup-system.sh (busybox-static)`);
  const bin = temp('lb-rt-busybox-');
  symlinkSync(BUSYBOX, join(bin, 'tar'));
  return `${bin}:${STANDIN_BIN}:${process.env.PATH}`;
}

/** restore --to and verify --mode extract of the latest snapshot, each into its own new folder. */
async function restoreBothWays(bucket: string, target: string) {
  const to = join(temp('lb-rt-to-'), 'restored');
  const r = await lifeboat(['restore', ...storage(bucket, target), '--to', to]);
  const holding = join(temp('lb-rt-hold-'), 'holding');
  const v = await lifeboat([
    'verify',
    ...storage(bucket, target),
    '--mode',
    'extract',
    '--holding-dir',
    holding,
  ]);
  return { restore: r, to, verify: v, holding };
}

/** A backup through the flyctl stand-in: the machine's tar is GNU tar 1.34. */
async function gnuBackup(bucket: string, volume: string) {
  return lifeboat(['backup', '--app', 'my-app', ...storage(bucket, 'my-app'), '--json'], {
    FLY_API_TOKEN: 'fo1_standin_token_value',
    FLY_STANDIN_VOLUME: volume,
    FLY_STANDIN_APP: 'my-app',
  });
}

/** A backup of a local folder by busybox-static's tar. */
async function busyboxBackup(bucket: string, volume: string) {
  return lifeboat(
    ['backup', '--local', '--path', volume, ...storage(bucket, 'box'), '--compression', 'gzip', '--json'],
    { PATH: busyboxTarPath() },
  );
}

/** Backs `shapes` up, restores them both ways and compares each restored tree with the source. */
async function roundTrip(shapes: Shape[], backup: typeof gnuBackup, target: string) {
  const volume = await makeTree(shapes);
  const source = describeTreeBytes(volume);
  const bucket = await createBucket();
  const b = await backup(bucket, volume);
  expect(b.code, b.stderr).toBe(0);
  expect(JSON.parse(b.stdout)).toMatchObject({ status: 'ok' });
  const { restore, to, verify, holding } = await restoreBothWays(bucket, target);
  expect(restore.code, restore.stderr).toBe(0);
  expect(describeTreeBytes(to)).toEqual(expectedRestore(source));
  expect(verify.code, verify.stderr).toBe(0);
  expect(describeTreeBytes(holding)).toEqual(expectedRestore(source));
  return { backup: b, bucket };
}

describe('round trip through the shipped CLI: restore = source, byte for byte', () => {
  it.each(SHAPES.map((s) => [s.name, s] as const))('GNU tar, one shape: %s', async (_name, shape) => {
    const { backup, bucket } = await roundTrip([shape], gnuBackup, 'my-app');
    if (shape.name.includes('socket')) {
      // tar leaves the socket out and says so; the manifest keeps it in writing
      expect(backup.stderr).toContain('app.sock: socket ignored');
      const { snapshotId } = JSON.parse(backup.stdout) as { snapshotId: string };
      const manifest = await getJson<{ warnings: string[] }>(
        bucket,
        `lifeboat/my-app/snapshots/${snapshotId}/manifest.json`,
      );
      expect(manifest?.warnings).toEqual([
        expect.stringMatching(/^tar left out 1 socket \(\.\/run\/app\.sock\)/),
      ]);
    }
  });

  it('GNU tar on a Fly machine (flyctl stand-in): every shape in one tree', async () => {
    await roundTrip(SHAPES, gnuBackup, 'my-app');
  });

  it('busybox tar (busybox-static, no --exclude): every shape below PATH_MAX in one tree', async () => {
    await roundTrip(
      SHAPES.filter((s) => !s.deep),
      busyboxBackup,
      'box',
    );
  });

  it("busybox tar and lifeboat's own folders on the volume: left out without --exclude; a user exclude is refused before tar runs", async () => {
    const volume = await makeTree([SHAPES[0]!]);
    const source = describeTreeBytes(volume);
    const w = new TreeWriter(volume);
    try {
      w.file('.lifeboat-restore/20261001T000000Z/staged.txt', 'a restore being staged\n');
      w.file('.lifeboat-pre-restore-20261001T000000Z/old.txt', 'what a swap moved aside\n');
    } finally {
      w.close();
    }
    const bucket = await createBucket();
    const b = await busyboxBackup(bucket, volume);
    expect(b.code, b.stderr).toBe(0);
    const to = join(temp('lb-rt-to-'), 'restored');
    const r = await lifeboat(['restore', ...storage(bucket, 'box'), '--to', to]);
    expect(r.code, r.stderr).toBe(0);
    // the top-level entries were archived one by one: there is no "./" member to give the root its mode
    const { '.': _root, ...restored } = describeTreeBytes(to);
    const { '.': _sourceRoot, ...expected } = expectedRestore(source);
    expect(restored).toEqual(expected);

    const refused = await lifeboat(
      ['backup', '--local', '--path', volume, ...storage(bucket, 'box'), '--exclude', './big.bin'],
      { PATH: busyboxTarPath() },
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('The tar on this machine cannot leave paths out: it has no --exclude');
  });

  it('busybox tar cannot read past PATH_MAX: the backup fails naming tar, instead of "ok" without those files', async () => {
    const volume = await makeTree(SHAPES);
    const bucket = await createBucket();
    const b = await busyboxBackup(bucket, volume);
    expect(b.stderr).toContain('File name too long');
    expect(b.stderr).toContain('tar failed on the source with exit status 1');
    expect(b.code).toBe(3); // the operation failed
    expect(await getJson(bucket, 'lifeboat/box/latest.json')).toBeUndefined();
  });

  it.runIf(process.getuid?.() === 0)(
    'a device node: the backup fails naming it, instead of storing as ok what every restore refuses',
    async () => {
      const volume = temp('lb-rt-dev-');
      const w = new TreeWriter(volume);
      try {
        w.file('app.db', 'data\n');
        mkdirSync(join(volume, 'chroot-dev'));
        w.device('chroot-dev/null');
      } finally {
        w.close();
      }
      const bucket = await createBucket();
      const b = await lifeboat(['backup', '--local', '--path', volume, ...storage(bucket, 'box')]);
      expect(b.code).toBe(3); // the operation failed
      expect(b.stderr).toContain('"./chroot-dev/null" was refused: it is a character-device');
      expect(b.stderr).toContain('nothing was published');
      expect(await getJson(bucket, 'lifeboat/box/latest.json')).toBeUndefined();
    },
  );
});
