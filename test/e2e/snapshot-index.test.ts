import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { cliTestNode } from '../helpers/cli-nodes.js';
import { runCli, storageFlags } from '../helpers/cli-run.js';
import { pseudoRandomBytes } from '../helpers/fixture-volume.js';
import { putHandMadeSnapshot } from '../helpers/hand-made-snapshot.js';
import { createBucket, getBytes, getJson, listKeys, testClient } from '../helpers/s3.js';
import { tarOf } from '../helpers/tar-members.js';

/**
 * The snapshot index through the shipped CLI against Ceph: written by every backup (each
 * compression, and age-encrypted), read by ls / find / diff without the archive, written later
 * for a snapshot made without one; and the wiped-volume guard's index rules.
 */

const node = cliTestNode();
const lifeboat = (args: string[], env: Record<string, string> = {}) => runCli(args, env, node.path);
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const LATIN1 = Buffer.from('caf\xe9.txt', 'latin1');

/** A volume as apps hold them: nested folders, a symlink, a hard link, odd names and a SQLite database. */
function oddVolume(): string {
  const root = mkdtempSync(join(tmpdir(), 'lifeboat-index-'));
  made.push(root);
  mkdirSync(join(root, 'a/b/c'), { recursive: true });
  writeFileSync(join(root, 'a/b/c/deep.txt'), 'deep\n');
  writeFileSync(join(root, 'name with spaces.txt'), 'spaces\n');
  writeFileSync(join(root, 'ünïcödé.txt'), 'unicode\n');
  writeFileSync(Buffer.concat([Buffer.from(`${root}/`), LATIN1]), 'latin-1\n');
  writeFileSync(join(root, 'big.bin'), pseudoRandomBytes(2 * 1024 * 1024, 7));
  symlinkSync('a/b/c/deep.txt', join(root, 'current'));
  linkSync(join(root, 'name with spaces.txt'), join(root, 'hard-link.txt'));
  execFileSync('sqlite3', [join(root, 'app.db'), 'CREATE TABLE t(x); INSERT INTO t VALUES (1);']);
  return root;
}

interface LsEntry {
  path: string;
  pathBase64?: string;
  type: string;
  size: number;
  mode: number;
  link?: string;
  sha256?: string;
}

async function ls(bucket: string, target: string, extra: string[] = [], env: Record<string, string> = {}) {
  const run = await lifeboat(['ls', '--target', target, ...storageFlags(bucket), '--json', ...extra], env);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { snapshotId: string; entries: LsEntry[] };
}

async function backup(bucket: string, target: string, volume: string, extra: string[] = []) {
  const run = await lifeboat([
    'backup',
    '--local',
    '--path',
    volume,
    '--target',
    target,
    ...storageFlags(bucket),
    '--json',
    ...extra,
  ]);
  return {
    ...run,
    result: run.code === 0 || run.code === 1 ? (JSON.parse(run.stdout) as Record<string, unknown>) : {},
  };
}

describe(`the snapshot index (dist/cli bundle under ${node.label})`, () => {
  it.each(['zstd', 'gzip', 'none'])(
    'a %s backup writes its index; ls lists every member without the archive',
    async (compression) => {
      const bucket = await createBucket();
      const volume = oddVolume();
      const b = await backup(bucket, 'box', volume, ['--compression', compression]);
      expect(b.code, b.stderr).toBe(0);
      const id = b.result.snapshotId as string;
      const manifest = await getJson<{
        index: { key: string; entries: number; sha256: string };
        entries: number;
        compression: string;
      }>(bucket, `lifeboat/box/snapshots/${id}/manifest.json`);
      if (!manifest) throw new Error('no manifest');
      expect(manifest.compression).toBe(compression);
      expect(manifest.index).toMatchObject({
        key: `lifeboat/box/snapshots/${id}/index.jsonl.gz`,
        entries: manifest.entries,
      });
      const listing = await ls(bucket, 'box');
      const byPath = new Map(listing.entries.map((e) => [e.path, e]));
      expect([...byPath.keys()]).toEqual(
        expect.arrayContaining([
          'a/b/c/deep.txt',
          'name with spaces.txt',
          'ünïcödé.txt',
          'current',
          'hard-link.txt',
          'app.db',
          'big.bin',
        ]),
      );
      expect(byPath.get('current')).toMatchObject({ type: 'symlink', link: 'a/b/c/deep.txt' });
      // GNU tar stores the second name of a hard link as a link to the first (which one is first is readdir's order)
      const links = listing.entries.filter((e) => e.type === 'link');
      expect(links).toHaveLength(1);
      expect(['name with spaces.txt', 'hard-link.txt']).toContain(links[0]!.link?.replace(/^\.\//, ''));
      const latin1 = listing.entries.find((e) => e.pathBase64 !== undefined)!;
      expect(Buffer.from(latin1.pathBase64!, 'base64').toString('latin1')).toBe('./caf\xe9.txt');
      expect(byPath.get('big.bin')).toMatchObject({ type: 'file', size: 2 * 1024 * 1024 });
      expect(byPath.get('big.bin')!.sha256).toMatch(/^[0-9a-f]{64}$/);

      // the long format; a folder lists what is below it; the Latin-1 name shown as its bytes
      const text = await lifeboat(['ls', '--target', 'box', ...storageFlags(bucket)]);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toMatch(
        /^lrwxrwxrwx +\d+\/\d+ +0 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d current -> a\/b\/c\/deep\.txt$/m,
      );
      expect(text.stdout).toMatch(/^-rw-r--r-- +\d+\/\d+ +7 .* name with spaces\.txt$/m);
      expect(text.stdout).toContain('"caf\\xe9.txt"');
      // a hard link names the other member as ls names members (was "=> ./name with spaces.txt")
      expect(text.stdout).toMatch(
        /^h[rw-]{9} .* (hard-link\.txt => name with spaces\.txt|name with spaces\.txt => hard-link\.txt)$/m,
      );
      const under = await ls(bucket, 'box', ['a/b']);
      expect(under.entries.map((e) => e.path)).toEqual(['a/b', 'a/b/c', 'a/b/c/deep.txt']);
      // nothing but the index was read: no GET of the archive (Ceph's usage log is not at hand, so
      // the archive is removed and ls still answers)
      const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
      const { testClient } = await import('../helpers/s3.js');
      const archiveKey = (await listKeys(bucket, `lifeboat/box/snapshots/${id}/`)).find((k) =>
        k.includes('archive.tar'),
      )!;
      await testClient().send(new DeleteObjectCommand({ Bucket: bucket, Key: archiveKey }));
      expect((await ls(bucket, 'box')).entries).toHaveLength(listing.entries.length);
    },
  );

  it('an encrypted backup has an age-encrypted index; ls needs the identity', async () => {
    const identity = execFileSync('age-keygen', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
    const recipient = execFileSync('age-keygen', ['-y'], { input: identity, encoding: 'utf8' }).trim();
    const bucket = await createBucket();
    const b = await backup(bucket, 'sealed', oddVolume(), ['--encryption-recipients', recipient]);
    expect(b.code, b.stderr).toBe(0);
    const key = `lifeboat/sealed/snapshots/${b.result.snapshotId as string}/index.jsonl.gz.age`;
    expect((await getBytes(bucket, key)).subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
    const refused = await lifeboat(['ls', '--target', 'sealed', ...storageFlags(bucket)]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "index.jsonl.gz.age is age-encrypted: reading it needs the identity of one of the snapshot's recipients; give it in the environment variable LIFEBOAT_DECRYPTION_IDENTITY",
    );
    const listing = await ls(bucket, 'sealed', [], { LIFEBOAT_DECRYPTION_IDENTITY: identity });
    expect(listing.entries.map((e) => e.path)).toContain('app.db');
  });

  it('find and diff across snapshots; the database that changed, the file removed, the mode changed', async () => {
    const bucket = await createBucket();
    const volume = oddVolume();
    const first = await backup(bucket, 'box', volume);
    expect(first.code, first.stderr).toBe(0);
    await new Promise((r) => setTimeout(r, 1100)); // the next snapshot id is the next second
    execFileSync('sqlite3', [join(volume, 'app.db'), 'INSERT INTO t VALUES (randomblob(100000));']);
    unlinkSync(join(volume, 'a/b/c/deep.txt'));
    chmodSync(join(volume, 'ünïcödé.txt'), 0o600);
    writeFileSync(join(volume, 'new file.txt'), 'new\n');
    const second = await backup(bucket, 'box', volume);
    expect(second.code, second.stderr).toBe(0);

    const d = await lifeboat(['diff', '--target', 'box', ...storageFlags(bucket)]);
    expect(d.code, d.stderr).toBe(0);
    const lines = d.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      `comparing ${first.result.snapshotId as string} with ${second.result.snapshotId as string}`,
    );
    // largest first: the database grew by ~100 KB
    expect(lines[1]).toMatch(/^M app\.db \(content\) \+\d+(\.\d+)? KiB$/);
    expect(lines).toContain('- a/b/c/deep.txt -5 B');
    expect(lines).toContain('+ new file.txt +4 B');
    expect(lines).toContain('M ünïcödé.txt (mode)');
    expect(lines.at(-1)).toMatch(/^1 added, 1 removed, \d+ changed, \d+ unchanged/);
    const json = await lifeboat([
      'diff',
      first.result.snapshotId as string,
      'latest',
      '--target',
      'box',
      ...storageFlags(bucket),
      '--json',
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      from: first.result.snapshotId,
      to: second.result.snapshotId,
      added: 1,
      removed: 1,
    });

    const f = await lifeboat(['find', '--target', 'box', ...storageFlags(bucket), 'deep.txt', '--json']);
    expect(f.code, f.stderr).toBe(0);
    const found = JSON.parse(f.stdout) as {
      matches: { snapshotId: string; path: string; size: number; mtime: string }[];
      searched: number;
    };
    expect(found.searched).toBe(2);
    expect(found.matches).toEqual([
      {
        snapshotId: first.result.snapshotId,
        path: 'a/b/c/deep.txt',
        type: 'file',
        size: 5,
        mtime: expect.any(String) as string,
      },
    ]);
    const dbs = await lifeboat(['find', '--target', 'box', ...storageFlags(bucket), '*.db']);
    expect(dbs.stdout.trim().split('\n').at(-1)).toBe('2 match(es) in 2 snapshot(s)');
  });

  it('an old snapshot (made without an index) is indexed by lifeboat index; ls says how before that', async () => {
    const bucket = await createBucket();
    const tar = await tarOf([
      { header: { name: './', type: 'directory', mode: 0o755 } },
      { header: { name: './notes.txt', mode: 0o644 }, body: 'old\n' },
    ]);
    const { gzipSync } = await import('node:zlib');
    const stored = gzipSync(tar);
    await putHandMadeSnapshot({
      bucket,
      target: 'old',
      id: '20261101T000000Z',
      tar,
      stored,
      compression: 'gzip',
    });
    const before = await lifeboat(['ls', '--target', 'old', ...storageFlags(bucket)]);
    expect(before.code).toBe(2);
    expect(before.stderr).toContain(
      'has no index (made before lifeboat wrote one): run `lifeboat index --snapshot 20261101T000000Z`',
    );
    const manifestBefore = await getBytes(bucket, 'lifeboat/old/snapshots/20261101T000000Z/manifest.json');
    const ix = await lifeboat(['index', '--target', 'old', ...storageFlags(bucket), '--json']);
    expect(ix.code, ix.stderr).toBe(0);
    expect(JSON.parse(ix.stdout)).toMatchObject({
      written: true,
      pointerKey: 'lifeboat/old/snapshots/20261101T000000Z/index.json',
    });
    expect(
      (await getBytes(bucket, 'lifeboat/old/snapshots/20261101T000000Z/manifest.json')).equals(
        manifestBefore,
      ),
    ).toBe(true);
    const listing = await ls(bucket, 'old');
    expect(listing.entries.map((e) => [e.path, e.type, e.size])).toEqual([
      ['.', 'directory', 0],
      ['notes.txt', 'file', 4],
    ]);
    const again = await lifeboat(['index', '--target', 'old', ...storageFlags(bucket)]);
    expect(again.stdout).toMatch(/written +no: the snapshot already had one/);
  });

  it('find skips a snapshot whose index is damaged, names it on stderr, lists the rest and exits 1', async () => {
    const bucket = await createBucket();
    const volume = oddVolume();
    const first = await backup(bucket, 'box', volume);
    expect(first.code, first.stderr).toBe(0);
    await new Promise((r) => setTimeout(r, 1100)); // the next snapshot id is the next second
    const second = await backup(bucket, 'box', volume);
    expect(second.code, second.stderr).toBe(0);
    const [older, newer] = [first.result.snapshotId as string, second.result.snapshotId as string];
    // the older manifest now records another sha256 for its index: the index read is not the one recorded
    const key = `lifeboat/box/snapshots/${older}/manifest.json`;
    const m = (await getJson<{ index: { sha256: string } }>(bucket, key))!;
    m.index.sha256 = '0'.repeat(64);
    await testClient().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(m) }));

    const f = await lifeboat(['find', '--target', 'box', ...storageFlags(bucket), 'deep.txt']);
    expect(f.code).toBe(1);
    expect(f.stderr).toMatch(
      new RegExp(
        `snapshot ${older} was skipped: its index is damaged \\(.*index\\.jsonl\\.gz is not the index recorded`,
      ),
    );
    const lines = f.stdout.trim().split('\n');
    expect(lines.slice(0, -1).map((l) => l.split('  ')[0])).toEqual([newer]);
    expect(lines.at(-1)).toBe('1 match(es) in 1 snapshot(s); 1 with a damaged index skipped');
    const json = await lifeboat(['find', '--target', 'box', ...storageFlags(bucket), 'deep.txt', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      searched: 1,
      matches: [{ snapshotId: newer, path: 'a/b/c/deep.txt' }],
      damaged: [{ snapshotId: older, error: expect.stringContaining('is not the index recorded') as string }],
    });
  });

  it('a wrong identity is a usage error (exit 2, one message), never a damaged index; a damaged one is still skipped', async () => {
    const keyOf = () => {
      const identity = execFileSync('age-keygen', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .split('\n')
        .find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
      return {
        identity,
        recipient: execFileSync('age-keygen', ['-y'], { input: identity, encoding: 'utf8' }).trim(),
      };
    };
    const [key, other] = [keyOf(), keyOf()];
    const bucket = await createBucket();
    const volume = oddVolume();
    const first = await backup(bucket, 'sealed', volume, ['--encryption-recipients', key.recipient]);
    expect(first.code, first.stderr).toBe(0);
    const id = first.result.snapshotId as string;
    const refusal = `The identity given (public key ${other.recipient}) is not one snapshot ${id} was encrypted for (${key.recipient}): pass the identity of one of those recipients.`;
    for (const args of [['ls'], ['find', 'deep.txt'], ['diff', id, id]]) {
      const run = await lifeboat([...args, '--target', 'sealed', ...storageFlags(bucket)], {
        LIFEBOAT_DECRYPTION_IDENTITY: other.identity,
      });
      expect(run.code, `${args[0]}: ${run.stderr}`).toBe(2);
      expect(run.stderr.split(refusal)).toHaveLength(2);
      expect(run.stderr).not.toContain('damaged');
      expect(run.stdout).toBe('');
    }
    // the right identity, and an index whose bytes are not gzip (its sha256 and size recorded as
    // theirs): not the recorded index, skipped by find with exit 1 as any damaged index
    await new Promise((r) => setTimeout(r, 1100)); // the next snapshot id is the next second
    const second = await backup(bucket, 'sealed', volume, ['--encryption-recipients', key.recipient]);
    expect(second.code, second.stderr).toBe(0);
    const manifestKey = `lifeboat/sealed/snapshots/${id}/manifest.json`;
    const m = (await getJson<{
      index: { key: string; sha256: string; size: number; versionId: string | null };
    }>(bucket, manifestKey))!;
    const garbage = execFileSync('age', ['-r', key.recipient], { input: 'not a gzip stream\n' });
    const put = await testClient().send(
      new PutObjectCommand({ Bucket: bucket, Key: m.index.key, Body: garbage }),
    );
    const { createHash } = await import('node:crypto');
    m.index.sha256 = createHash('sha256').update(garbage).digest('hex');
    m.index.size = garbage.length;
    m.index.versionId = put.VersionId ?? null;
    await testClient().send(
      new PutObjectCommand({ Bucket: bucket, Key: manifestKey, Body: JSON.stringify(m) }),
    );
    const f = await lifeboat(['find', '--target', 'sealed', ...storageFlags(bucket), 'deep.txt'], {
      LIFEBOAT_DECRYPTION_IDENTITY: key.identity,
    });
    expect(f.code, f.stderr).toBe(1);
    expect(f.stderr).toMatch(
      new RegExp(
        `snapshot ${id} was skipped: its index is damaged \\(.*index\\.jsonl\\.gz\\.age is not the index recorded`,
      ),
    );
    expect(f.stdout.trim().split('\n').at(-1)).toBe(
      '1 match(es) in 1 snapshot(s); 1 with a damaged index skipped',
    );
  });

  it('ls prints a symlink target that is not UTF-8 as its bytes, as it prints a name (never U+FFFD)', async () => {
    const bucket = await createBucket();
    const root = mkdtempSync(join(tmpdir(), 'lifeboat-index-'));
    made.push(root);
    writeFileSync(Buffer.concat([Buffer.from(`${root}/`), LATIN1]), 'latin-1\n');
    symlinkSync(LATIN1, Buffer.concat([Buffer.from(`${root}/`), Buffer.from('to-latin1')]));
    const b = await backup(bucket, 'box', root);
    expect(b.code, b.stderr).toBe(0);
    const text = await lifeboat(['ls', '--target', 'box', ...storageFlags(bucket), 'to-latin1']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^lrwxrwxrwx .* to-latin1 -> "caf\\xe9\.txt"$/m);
    expect(text.stdout).not.toContain('\uFFFD');
  });
});
