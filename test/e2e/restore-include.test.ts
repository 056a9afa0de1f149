import { PutObjectCommand } from '@aws-sdk/client-s3';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flyStandin, runCli, storageFlags } from '../helpers/cli-run.js';
import { describeTree, setTimes, type TreeEntry } from '../helpers/fixture-volume.js';
import { NODE24 } from '../helpers/node24.js';
import { backedUp, Folders, restoredTree } from '../helpers/restore-targets.js';
import { STANDIN_BIN } from '../helpers/run-action.js';
import { getBytes, getJson, s3Env, testClient } from '../helpers/s3.js';

/**
 * Issue 17: `lifeboat restore --include/--exclude` and `lifeboat dump`, through the shipped CLI
 * bundle (Node 24) against the test Ceph, on a fixture with nested folders, symlinks, a hard link,
 * names with spaces, quotes and unicode, and a SQLite database. Oracles: the source tree itself
 * (describeTree: type, mode, mtime, size, sha256, link target) and GNU tar extracting the same
 * archive filtered the same way.
 */

const root = new URL('../..', import.meta.url).pathname;
const folders = new Folders();
afterAll(() => folders.removeAll());

let volume = '';
let source: Record<string, TreeEntry> = {};
let bucket = '';
let id = '';

/** The fixture volume, a SQLite database and a hard link added. */
function makeVolume(): string {
  const v = folders.fixture(300_000);
  mkdirSync(join(v, 'data'));
  execFileSync('sqlite3', [
    join(v, 'data/app.sqlite3'),
    "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000) INSERT INTO t(v) SELECT printf('row-%06d', i) FROM n;",
  ]);
  // a hard link inside uploads/ (both names selected by uploads/**) and one across folders
  linkSync(join(v, 'uploads/2026/11/photo one.jpg'), join(v, 'uploads/2026/11/photo link.jpg'));
  linkSync(join(v, 'config/settings.json'), join(v, 'data/settings copy.json'));
  setTimes(v);
  return v;
}

beforeAll(async () => {
  volume = makeVolume();
  source = describeTree(volume);
  ({ bucket, id } = await backedUp(volume));
});

const restore = (...flags: string[]) => ['restore', '--target', 'vol', ...storageFlags(bucket), ...flags];
const under = (tree: Record<string, unknown>, prefix: string) =>
  Object.fromEntries(Object.entries(tree).filter(([k]) => k === prefix || k.startsWith(`${prefix}/`)));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The snapshot's archive as stored (zstd, not encrypted). */
async function archiveBytes(b = bucket): Promise<Buffer> {
  const latest = (await getJson<{ manifestKey: string }>(b, 'lifeboat/vol/latest.json'))!;
  const m = (await getJson<{ archive: { key: string } }>(b, latest.manifestKey))!;
  return getBytes(b, m.archive.key);
}

/** GNU tar's extraction of the same archive, limited to the members named (tar's own selection). */
async function gnuTarExtract(members: string[]): Promise<string> {
  const dir = folders.scratch('lb-include-gnutar-');
  writeFileSync(join(dir, 'archive.tar.zst'), await archiveBytes());
  mkdirSync(join(dir, 'out'));
  execFileSync('sh', [
    '-c',
    'a="$1" d="$2"; shift 2; zstd -dc "$a" | tar -x -p -f - -C "$d" "$@"',
    'x',
    join(dir, 'archive.tar.zst'),
    join(dir, 'out'),
    ...members,
  ]);
  return join(dir, 'out');
}

describe('restore --include / --exclude --to DIR', () => {
  it("--include 'uploads/**' gives exactly uploads/, byte for byte, as GNU tar extracts ./uploads", async () => {
    const to = join(folders.scratch('lb-include-'), 'restored');
    const run = await runCli(restore('--include', 'uploads/**', '--to', to));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('restoring only what "uploads/**" match');
    const got = restoredTree(describeTree(to));
    expect(got).toEqual(under(source, 'uploads'));
    expect(readdirSync(to)).toEqual(['uploads']);
    // the hard link inside the selection is a hard link again
    expect(lstatSync(join(to, 'uploads/2026/11/photo link.jpg')).ino).toBe(
      lstatSync(join(to, 'uploads/2026/11/photo one.jpg')).ino,
    );
    // symlinks verbatim
    expect(got['uploads/db-link']).toMatchObject({ type: 'symlink', target: '../app.db' });
    const gnu = await gnuTarExtract(['./uploads']);
    expect(got).toEqual(describeTree(gnu));
  });

  it('--exclude leaves out what it matches (a folder with its contents), everything else is restored', async () => {
    const to = join(folders.scratch('lb-exclude-'), 'restored');
    const run = await runCli(restore('--exclude', 'uploads', '--exclude', '*.bin', '--to', to));
    expect(run.code, run.stderr).toBe(0);
    const expected = Object.fromEntries(
      Object.entries(source).filter(
        ([k]) => !(k === 'uploads' || k.startsWith('uploads/') || k === 'big.bin'),
      ),
    );
    expect(restoredTree(describeTree(to))).toEqual(expected);
  });

  it('one SQLite database, by its path: the same bytes, and it opens', async () => {
    const to = join(folders.scratch('lb-include-db-'), 'restored');
    const run = await runCli(restore('--include', 'data/app.sqlite3', '--to', to));
    expect(run.code, run.stderr).toBe(0);
    expect(restoredTree(describeTree(to))).toEqual({
      data: source.data,
      'data/app.sqlite3': source['data/app.sqlite3'],
    });
    expect(
      execFileSync(
        'sqlite3',
        [join(to, 'data/app.sqlite3'), 'PRAGMA integrity_check; SELECT count(*) FROM t;'],
        { encoding: 'utf8' },
      ),
    ).toBe('ok\n2000\n');
  });

  it('a name with spaces and unicode, given literally', async () => {
    const to = join(folders.scratch('lb-include-uni-'), 'restored');
    const run = await runCli(restore('--include', 'uploads/ünïcødé — 文件.txt', '--to', to));
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(to, 'uploads/ünïcødé — 文件.txt'), 'utf8')).toBe('unicode name\n');
  });

  it('an include that matches nothing exits 2 naming the pattern, and writes nothing', async () => {
    const parent = folders.scratch('lb-include-none-');
    const to = join(parent, 'restored');
    const run = await runCli(
      restore('--include', 'uploads/**', '--include', '/data/uploads/x.png', '--to', to),
    );
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`--include 'data/uploads/x.png' matched nothing in snapshot ${id}`);
    expect(run.stderr).not.toContain(`'uploads/**' matched`);
    expect(existsSync(to)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });

  // was: exit 0, "restored": true and the archive's entry count, into an empty directory (attacker, 2026-12-03)
  it('excludes that leave out everything the includes match exit 2, and write nothing', async () => {
    for (const flags of [
      ['--exclude', '**'],
      ['--include', 'uploads/**', '--exclude', 'uploads'],
    ]) {
      const parent = folders.scratch('lb-exclude-all-');
      const to = join(parent, 'restored');
      const run = await runCli(restore(...flags, '--to', to));
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`select no member of snapshot ${id}: the excludes leave out everything`);
      expect(readdirSync(parent)).toEqual([]);
    }
  });

  it('a hard link whose target is left out exits 2 naming both, and writes nothing', async () => {
    // which of the two names tar stored as the file depends on the order it read the folders in
    const listing = execFileSync('sh', ['-c', 'zstd -dc | tar -tvf -'], {
      input: await archiveBytes(),
      encoding: 'utf8',
    });
    const linkLine = listing.split('\n').find((l) => l.includes('settings') && l.includes(' link to '))!;
    const [linkName, targetName] = linkLine
      .slice(linkLine.indexOf('./'))
      .split(' link to ')
      .map((s) => s.replace(/^\.\//, ''));
    const parent = folders.scratch('lb-include-link-');
    const to = join(parent, 'restored');
    const run = await runCli(restore('--include', linkName!, '--to', to));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`"${linkName}" is a hard link to "${targetName}"`);
    expect(run.stderr).toContain(`--include '${targetName}'`);
    expect(readdirSync(parent)).toEqual([]);
    // selecting both restores both, linked
    const both = await runCli(restore('--include', linkName!, '--include', targetName!, '--to', to));
    expect(both.code, both.stderr).toBe(0);
    expect(lstatSync(join(to, linkName!)).ino).toBe(lstatSync(join(to, targetName!)).ino);
  });
});

describe('restore --include to a machine (flyctl stand-in)', () => {
  /** A machine's volume with live data: newer uploads, and files the restore must not touch. */
  function liveVolume(): string {
    const v = join(folders.scratch('lb-include-fly-'), 'volume');
    mkdirSync(join(v, 'uploads'), { recursive: true });
    writeFileSync(join(v, 'uploads/new since.txt'), 'uploaded after the snapshot\n');
    writeFileSync(join(v, 'live.db'), 'newer live data\n');
    writeFileSync(join(v, 'app.db'), 'the live database\n');
    return v;
  }

  it('without --apply: the plan says only the selected paths change, and nothing is changed', async () => {
    const machine = liveVolume();
    const before = describeTree(machine);
    const run = await runCli(
      restore('--include', 'uploads/**', '--app', 'my-app', '--path', '/data'),
      flyStandin(machine),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('every other name in /data stays as it is');
    expect(describeTree(machine)).toEqual(before);
  });

  it("the plan's 'to do it' command, run as printed, swaps in only the selected paths", async () => {
    // a name that only survives the printed command when it is quoted for sh
    const EXCLUDED = 'uploads/$HOME;rm -rf x.txt';
    const machine = liveVolume();
    const plan = await runCli(
      restore('--include', 'uploads/**', '--exclude', EXCLUDED, '--app', 'my-app', '--path', '/data'),
      flyStandin(machine),
    );
    expect(plan.code, plan.stderr).toBe(0);
    const todo = plan.stdout.split('\n').find((l) => l.startsWith('to do it'))!;
    const command = todo.replace(/^to do it\s+/, '');
    expect(command).toContain(`--include 'uploads/**' --exclude '${EXCLUDED}'`);
    // the line as a person copies it: `lifeboat` as docs/RECOVERY.md section 0's alias defines it
    const alias = `lifeboat() { "${NODE24}" "${join(root, 'dist/cli/index.js')}" "$@"; }`;
    const run = spawnSync('bash', ['-euo', 'pipefail', '-c', `${alias}\n${command}`], {
      encoding: 'utf8',
      env: {
        PATH: `${STANDIN_BIN}:${process.env.PATH}`,
        HOME: process.env.HOME ?? '/root',
        ...s3Env(),
        ...flyStandin(machine),
      },
    });
    expect(run.status, run.stderr).toBe(0);
    // only uploads/ (less the excluded name) came back; what was live and not selected is untouched
    const tree = describeTree(machine);
    const { [EXCLUDED]: excluded, ...selected } = under(source, 'uploads');
    expect(excluded).toBeDefined();
    expect(under(restoredTree(tree), 'uploads')).toEqual(selected);
    expect(readFileSync(join(machine, 'app.db'), 'utf8')).toBe('the live database\n');
    expect(readFileSync(join(machine, 'live.db'), 'utf8')).toBe('newer live data\n');
    expect(existsSync(join(machine, 'config'))).toBe(false);
  });

  it('--apply --confirm: only uploads/ is swapped in; the live uploads/ is kept aside; the rest stays', async () => {
    const machine = liveVolume();
    const run = await runCli(
      restore('--include', 'uploads/**', '--app', 'my-app', '--path', '/data', '--apply', '--confirm', id),
      flyStandin(machine),
    );
    expect(run.code, run.stderr).toBe(0);
    const tree = describeTree(machine);
    expect(under(restoredTree(tree), 'uploads')).toEqual(under(source, 'uploads'));
    // nothing else of the snapshot reached the machine; what was live and not selected is untouched
    expect(readFileSync(join(machine, 'app.db'), 'utf8')).toBe('the live database\n');
    expect(readFileSync(join(machine, 'live.db'), 'utf8')).toBe('newer live data\n');
    expect(existsSync(join(machine, 'config'))).toBe(false);
    const aside = readdirSync(machine).filter((n) => n.startsWith('.lifeboat-pre-restore-'));
    expect(aside).toHaveLength(1);
    expect(readdirSync(join(machine, aside[0]!))).toEqual(['uploads']);
    expect(readFileSync(join(machine, aside[0]!, 'uploads/new since.txt'), 'utf8')).toBe(
      'uploaded after the snapshot\n',
    );
    expect(existsSync(join(machine, '.lifeboat-restore'))).toBe(false);
    // the words say what the swap did: the selected paths, not the whole snapshot
    expect(run.stdout).toContain(
      `/data now holds snapshot ${id}'s selected paths; the rest of /data is unchanged`,
    );
    expect(run.stdout).toMatch(/^previous contents\s+\/data\/\.lifeboat-pre-restore-\S+\/ \(kept\)$/m);
  });

  it('an include that matches nothing exits 2, and the machine is not changed', async () => {
    const machine = liveVolume();
    const before = describeTree(machine);
    const run = await runCli(
      restore('--include', 'nope/**', '--app', 'my-app', '--path', '/data', '--apply', '--confirm', id),
      flyStandin(machine),
    );
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`--include 'nope/**' matched nothing`);
    expect(describeTree(machine)).toEqual(before);
  });

  // was: exit 0, the plan, an empty diff and "to do it"; only --apply said "matched nothing"
  // (newcomer, 2026-12-03: a typo in RECOVERY's "Get one file back")
  it('the plan of an include that matches nothing exits 2 as --apply does, naming the pattern', async () => {
    const machine = liveVolume();
    const run = await runCli(
      restore('--include', 'notes.tx', '--app', 'my-app', '--path', '/data', '--json'),
      flyStandin(machine),
    );
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`--include 'notes.tx' matched nothing in snapshot ${id}`);
    expect(run.stdout).not.toContain('"plan"');
  });
});

/** The CLI bundle with stdout kept as bytes (a dump is binary). */
function runDump(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: Buffer; stderr: string }>((resolve) => {
    const child = spawn(NODE24, [join(root, 'dist/cli/index.js'), 'dump', '--target', 'vol', ...args], {
      env: {
        PATH: `${STANDIN_BIN}:${process.env.PATH}`,
        HOME: process.env.HOME ?? '/root',
        ...s3Env(),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr }));
  });
}

describe('lifeboat dump PATH', () => {
  it('writes the file: its sha256 is the source file’s', async () => {
    const run = await runDump([...storageFlags(bucket), 'uploads/2026/11/photo one.jpg']);
    expect(run.code, run.stderr).toBe(0);
    expect(sha256(run.stdout)).toBe(source['uploads/2026/11/photo one.jpg']!.sha256);
    expect(run.stderr).toContain("the archive's sha256 matched");
  });

  it('both names of a hard link give the same bytes (the link: the archive is read again for them)', async () => {
    for (const name of ['uploads/2026/11/photo one.jpg', 'uploads/2026/11/photo link.jpg']) {
      const run = await runDump([...storageFlags(bucket), name]);
      expect(run.code, run.stderr).toBe(0);
      expect(sha256(run.stdout), name).toBe(source['uploads/2026/11/photo one.jpg']!.sha256);
    }
  });

  it('the SQLite database, by a path written as tar lists it (./data/...)', async () => {
    const run = await runDump([...storageFlags(bucket), '--snapshot', id, './data/app.sqlite3']);
    expect(run.code, run.stderr).toBe(0);
    expect(sha256(run.stdout)).toBe(source['data/app.sqlite3']!.sha256);
  });

  it('a missing path exits 2 with one line naming it; nothing on stdout', async () => {
    const run = await runDump([...storageFlags(bucket), 'uploads/gone.png']);
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBe(0);
    const lines = run.stderr.split('\n').filter((l) => l.includes('uploads/gone.png'));
    expect(lines).toEqual([
      expect.stringContaining(`lifeboat dump: snapshot ${id} holds no "uploads/gone.png"`),
    ]);
    // the index answered: nothing was downloaded, and the person is told how to look elsewhere
    expect(lines[0]).toContain(`(its index lists every member; the archive was not downloaded)`);
    expect(lines[0]).toContain(`lifeboat find 'uploads/gone.png' lists the snapshots that hold it`);
  });

  it('a folder is refused with what to run instead', async () => {
    const run = await runDump([...storageFlags(bucket), 'uploads/2026']);
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr).toContain(`"uploads/2026" is a folder in snapshot ${id}`);
    expect(run.stderr).toContain(`lifeboat restore --include 'uploads/2026' --to DIR`);
  });

  it('a reader that stops early (| head -c) ends the dump quietly, exit 0', () => {
    const out = execFileSync(
      'bash',
      [
        '-o',
        'pipefail',
        '-c',
        `"$0" "$1" dump --target vol --bucket "$2" --endpoint "$3" --force-path-style big.bin | head -c 100 | wc -c; echo "exit $?"`,
        NODE24,
        join(root, 'dist/cli/index.js'),
        bucket,
        storageFlags(bucket)[3]!,
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME ?? '/root', ...s3Env() } },
    );
    expect(out.trim().split('\n')).toEqual(['100', 'exit 0']);
  });

  it('an archive that fails its sha256 exits 1 and says the bytes on stdout must be discarded', async () => {
    // a second bucket whose latest manifest records another sha256 (the archive is as stored)
    const other = await backedUp(volume);
    const latest = (await getJson<{ manifestKey: string; manifestVersionId: string }>(
      other.bucket,
      'lifeboat/vol/latest.json',
    ))!;
    const manifest = (await getJson<{ archive: { sha256: string } }>(other.bucket, latest.manifestKey))!;
    manifest.archive.sha256 = '0'.repeat(64);
    const put = await putJson(other.bucket, latest.manifestKey, manifest);
    await putJson(other.bucket, 'lifeboat/vol/latest.json', { ...latest, manifestVersionId: put.VersionId });
    const run = await runDump([...storageFlags(other.bucket), 'config/settings.json']);
    expect(run.code, run.stderr).toBe(1);
    expect(sha256(run.stdout)).toBe(source['config/settings.json']!.sha256);
    expect(run.stderr).toContain('sha256 mismatch');
    expect(run.stderr).toContain('did not come from an intact archive: discard them');
  });

  it('an age-encrypted snapshot: decrypted with LIFEBOAT_DECRYPTION_IDENTITY, the same bytes', async () => {
    const identity = await generateIdentity();
    const enc = await backedUp(volume, ['--encryption-recipients', await identityToRecipient(identity)]);
    const without = await runDump([...storageFlags(enc.bucket), 'app.db']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('is encrypted with age');
    const run = await runDump([...storageFlags(enc.bucket), 'app.db'], {
      LIFEBOAT_DECRYPTION_IDENTITY: identity,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(sha256(run.stdout)).toBe(source['app.db']!.sha256);
    expect(run.stderr).not.toContain(identity);
  });
});

async function putJson(b: string, key: string, value: unknown) {
  return testClient().send(
    new PutObjectCommand({
      Bucket: b,
      Key: key,
      Body: JSON.stringify(value),
      ContentType: 'application/json',
    }),
  );
}
