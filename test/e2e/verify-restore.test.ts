import { PutObjectCommand } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../../src/catalog/schemas.js';
import { describeTree, makeFixtureVolume, setTimes } from '../helpers/fixture-volume.js';
import { backup, flyEnv, verify } from '../helpers/lifeboat-runs.js';
import { putHandMadeSnapshot } from '../helpers/hand-made-snapshot.js';
import { tarOf, type Member as HandMember } from '../helpers/tar-members.js';
import { createBucket, getBytes, getJson, testClient } from '../helpers/s3.js';

function makeSqlite(path: string): void {
  execFileSync('sqlite3', [
    path,
    "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 3000) INSERT INTO t(v) SELECT printf('row-%06d-%s', i, hex(randomblob(20))) FROM n; CREATE INDEX tv ON t(v);",
  ]);
}

function listAround(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const r = `${rel}${e.name}`;
      out.push(r);
      if (e.isDirectory() && !e.isSymbolicLink()) walk(join(d, e.name), `${r}/`);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** Stores a hand-made gzip archive with a manifest and latest pointer that match it exactly. */
async function putSnapshot(bucket: string, target: string, id: string, tar: Buffer) {
  await putHandMadeSnapshot({ bucket, target, id, tar, stored: gzipSync(tar), compression: 'gzip' });
}

describe('verify-restore (dist bundle under Node 24, Ceph RGW)', () => {
  it('backup then verify in extract mode: the holding directory equals the volume, with modes, links, empty folders and mtimes', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();
    makeSqlite(join(volume, 'data.sqlite'));
    setTimes(volume);
    const b = await backup(bucket, volume);
    const holding = join(mkdtempSync(join(tmpdir(), 'lb-hold-')), 'restore');
    const run = await verify(bucket, {
      'holding-dir': holding,
      'required-paths': 'app.db\nuploads/**/*.jpg\nconfig/settings.json',
      sqlite: '*.sqlite',
      'min-entries': '10',
    });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs).toMatchObject({
      'snapshot-id': b['snapshot-id'],
      verified: 'true',
      entries: b.entries,
      bytes: b['size-bytes'],
      'report-key': `lifeboat/my-app/snapshots/${b['snapshot-id']}/verification.json`,
    });
    expect(Number(run.outputs['restore-seconds'])).toBeGreaterThan(0);
    expect(describeTree(holding)).toEqual(describeTree(volume));
    const report = (await getJson(bucket, run.outputs['report-key']!))!;
    expect(schemaErrors('verification', report)).toEqual([]);
    expect(report).toMatchObject({ verified: true, mode: 'extract', snapshotId: b['snapshot-id'] });
    const names = (report.checks as { name: string; ok: boolean }[]).map((c) => `${c.name}:${c.ok}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'sha256:true',
        'object version:true',
        'required path uploads/**/*.jpg:true',
        'sqlite data.sqlite:true',
        'min entries:true',
      ]),
    );
    expect(run.summary).toContain('sqlite data.sqlite');
    // the finished copy is the person's: a second run refuses it (it used to empty it), and a foreign one too
    const twice = await verify(bucket, { 'holding-dir': holding });
    expect(twice.code).toBe(1);
    expect(twice.errors[0]).toContain('is not empty and is not an unfinished attempt of snapshot');
    expect(existsSync(`${holding}.lifeboat-attempt`)).toBe(false);
    const foreign = mkdtempSync(join(tmpdir(), 'lb-foreign-'));
    writeFileSync(join(foreign, 'live.txt'), 'live data');
    const refused = await verify(bucket, { 'holding-dir': foreign });
    expect(refused.code).toBe(1);
    expect(refused.errors[0]).toContain('is not empty and is not an unfinished attempt of snapshot');
    expect(readFileSync(join(foreign, 'live.txt'), 'utf8')).toBe('live data');
  });

  // was: "sha256 mismatch" and "the archive object was replaced" for a snapshot whose version,
  // the one a restore reads, was intact (issue 20): verify read the key's current version
  it("one byte changed in S3 (a new object version): the manifest's version is proven, with a warning", async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();
    const b = await backup(bucket, volume);
    const bytes = await getBytes(bucket, b['archive-key']!);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    const put = await testClient().send(
      new PutObjectCommand({ Bucket: bucket, Key: b['archive-key'], Body: bytes }),
    );
    const intact = await verify(bucket, { mode: 'stream' });
    expect(intact.code, intact.log).toBe(0);
    expect(intact.outputs).toMatchObject({ verified: 'true', restorable: 'true' });
    expect(intact.warnings.join('\n')).toContain(
      `current version: another version (${put.VersionId}) is on top of ${b['archive-key']}`,
    );

    const report = (await getJson(
      bucket,
      `lifeboat/my-app/snapshots/${b['snapshot-id']}/verification.json`,
    ))!;
    expect(report).toMatchObject({
      verified: true,
      restorable: true,
      warnings: [{ name: 'current version' }],
    });
    // the bytes proven are the backup's, not the changed ones on top
    expect((report.archive as { actualSha256: string }).actualSha256).not.toBe(
      createHash('sha256').update(bytes).digest('hex'),
    );
  });

  it('hostile archives fail and nothing is written around the holding directory', async () => {
    const cases: {
      name: string;
      entries: HandMember[];
      message: RegExp;
    }[] = [
      {
        name: 'dotdot',
        entries: [
          { header: { name: './ok.txt' }, body: 'ok' },
          { header: { name: '../escape.txt' }, body: 'x' },
        ],
        message: /"\.\.\/escape\.txt" was refused: its name contains "\.\."/,
      },
      {
        name: 'absolute',
        entries: [{ header: { name: '/abs/path.txt' }, body: 'x' }],
        message: /"\/abs\/path\.txt" was refused: its name is an absolute path/,
      },
      {
        name: 'symlink-out',
        entries: [
          { header: { name: './evil', type: 'symlink', linkname: '../..' } },
          { header: { name: './evil/pwned.txt' }, body: 'pwned' },
        ],
        // the symlink itself is data (restored verbatim); writing through it is what is refused
        message: /"\.\/evil\/pwned\.txt" was refused: its path passes through the symlink "evil"/,
      },
      {
        name: 'symlink-in-then-through',
        entries: [
          { header: { name: './sub', type: 'directory' } },
          { header: { name: './link', type: 'symlink', linkname: 'sub' } },
          { header: { name: './link/file.txt' }, body: 'x' },
        ],
        message: /passes through the symlink "link"/,
      },
      {
        name: 'hardlink',
        entries: [{ header: { name: './passwd', type: 'link', linkname: '/etc/passwd' } }],
        message: /hardlink to "\/etc\/passwd", outside the holding directory/,
      },
      {
        name: 'device',
        entries: [{ header: { name: './null', type: 'character-device', devmajor: 1, devminor: 3 } }],
        message: /it is a character-device/,
      },
      // FIFOs are restored (test/e2e/round-trip.test.ts); device nodes of both kinds are not
      {
        name: 'block-device',
        entries: [{ header: { name: './sda', type: 'block-device', devmajor: 8, devminor: 0 } }],
        message: /it is a block-device/,
      },
    ];
    const bucket = await createBucket();
    for (const [i, c] of cases.entries()) {
      const target = `hostile-${c.name}`;
      await putSnapshot(bucket, target, `2026112${i % 10}T000000Z`, await tarOf(c.entries));
      const outer = mkdtempSync(join(tmpdir(), 'lb-outer-'));
      mkdirSync(join(outer, 'neighbour'));
      writeFileSync(join(outer, 'neighbour/keep.txt'), 'keep');
      const before = listAround(outer).filter((p) => !p.startsWith('holding'));
      const run = await verify(bucket, { target, 'holding-dir': join(outer, 'holding') });
      expect(run.code, `${c.name}: ${run.log}`).toBe(1);
      expect(run.errors[0], c.name).toMatch(c.message);
      expect(
        listAround(outer).filter((p) => !p.startsWith('holding')),
        c.name,
      ).toEqual(before);
      expect(existsSync('/abs/path.txt')).toBe(false);
      const report = (await getJson(
        bucket,
        `lifeboat/${target}/snapshots/2026112${i % 10}T000000Z/verification.json`,
      ))!;
      expect(report.verified, c.name).toBe(false);
    }
  });

  it('a member name that is HTML reaches the job summary as text: it opens no tag and closes no table', async () => {
    const bucket = await createBucket();
    const hostile = './</table><img src=x onerror=alert(1)>';
    await putSnapshot(
      bucket,
      'my-app',
      '20261120T000000Z',
      await tarOf([{ header: { name: hostile, type: 'block-device', devmajor: 8, devminor: 0 } }]),
    );
    const run = await verify(bucket);
    try {
      expect(run.code, run.log).toBe(1);
      // the name is in the annotation as it is, and in the summary only escaped
      expect(run.errors[0]).toContain(hostile);
      expect(run.summary).toContain('./&lt;/table>&lt;img src=x onerror=alert(1)>');
      expect(run.summary).not.toContain('<img');
      expect(run.summary.match(/<table>/g)?.length).toBe(run.summary.match(/<\/table>/g)?.length);
      // the failure section says what failed, escaped the same way
      expect(run.summary).toContain('<h3>❌ Failed</h3>');
    } finally {
      rmSync(dirname(run.runnerTemp), { recursive: true, force: true });
    }
  });

  it('a missing required path and a corrupted SQLite database fail, naming them', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 1000 });
    makeSqlite(join(volume, 'good.db'));
    makeSqlite(join(volume, 'bad.db'));
    const bad = readFileSync(join(volume, 'bad.db'));
    bad.fill(0x5a, 4096 * 2, 4096 * 3); // overwrite the third page of the table's b-tree
    writeFileSync(join(volume, 'bad.db'), bad);
    await backup(bucket, volume);
    // the path the snapshot index lacks fails before the download: the databases are not restored
    const missing = await verify(bucket, {
      'required-paths': 'app.db\nmissing/thing.txt',
      sqlite: 'good.db\nbad.db',
    });
    expect(missing.code).toBe(1);
    expect(missing.errors[0]).toContain(
      'required path missing/thing.txt: no entry matches missing/thing.txt',
    );
    expect(missing.errors[0]).not.toContain('sqlite');
    const run = await verify(bucket, { 'required-paths': 'app.db', sqlite: 'good.db\nbad.db' });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(/sqlite bad\.db: integrity_check failed: .+/);
    expect(run.errors[0]).not.toContain('good.db');
    expect(run.errors[0]).not.toContain('required path app.db');
  });

  // was: "restorable false" and a failed verification.json for a faithful archive: a hot rollback
  // journal refused by the read-only open ("attempt to write a readonly database"), and a `.db`
  // that is no SQLite database (attacker and newcomer, 2026-12-03)
  it('SQLite: a hot rollback journal is rolled back on a scratch copy and passes; a .db that is not SQLite fails as policy, restorable; an empty .db passes with a warning', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 1000 });
    // a copy taken mid-transaction: the database file already holds uncommitted pages, the
    // journal beside it the pages to roll back
    const { DatabaseSync } = await import('node:sqlite');
    const live = join(volume, '..', `${volume.split('/').pop()}-live.db`);
    const db = new DatabaseSync(live);
    db.exec('CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)');
    db.exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000) INSERT INTO t(v) SELECT printf('row-%06d', i) FROM n",
    );
    db.exec('PRAGMA cache_size=2');
    db.exec('BEGIN');
    db.exec('UPDATE t SET v = hex(randomblob(200))');
    writeFileSync(join(volume, 'app.db'), readFileSync(live));
    writeFileSync(join(volume, 'app.db-journal'), readFileSync(`${live}-journal`));
    db.exec('ROLLBACK');
    db.close();
    rmSync(live, { force: true });
    writeFileSync(
      join(volume, 'cache.db'),
      Buffer.concat([Buffer.from([0, 6, 21, 97]), Buffer.alloc(4092, 1)]),
    );
    writeFileSync(join(volume, 'empty.db'), '');
    await backup(bucket, volume);
    const run = await verify(bucket, { mode: 'extract', sqlite: '*.db' });
    expect(run.outputs.restorable, run.errors.join('\n')).toBe('true');
    expect(run.outputs.verified).toBe('false');
    expect(run.errors[0]).toContain(
      "is restorable, but sqlite cache.db: not a SQLite database (it does not start with the SQLite 3 header): the glob *.db matched another kind of file; narrow 'sqlite': it is not the backup that was asked for.",
    );
    expect(run.errors[0]).not.toContain('app.db');
    expect(run.stdout).toContain(
      'pass: sqlite app.db: integrity_check ok (after rolling back its hot journal, as the first open by the app does)',
    );
    expect(run.stdout).toMatch(/sqlite empty\.db: empty\.db is empty \(0 bytes\)/);
    rmSync(volume, { recursive: true, force: true });
  });

  it('max-age, before: and stream mode', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 1000 });
    const ids: string[] = [];
    for (const label of ['a', 'b', 'c']) {
      ids.push((await backup(bucket, volume, { label }))['snapshot-id']!);
      // `created` is the storage's clock, in whole seconds (its Date header): two backups within
      // one second are created at the same time, and neither is before the other
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
    const manifests = await Promise.all(
      ids.map((id) => getJson<{ created: string }>(bucket, `lifeboat/my-app/snapshots/${id}/manifest.json`)),
    );
    const picked = await verify(bucket, { snapshot: `before:${manifests[2]!.created}`, mode: 'stream' });
    expect(picked.code, picked.log).toBe(0);
    expect(picked.outputs['snapshot-id']).toBe(ids[1]);

    // an old snapshot: its manifest says it was made three hours ago
    const old = {
      ...(await getJson(bucket, `lifeboat/my-app/snapshots/${ids[0]}/manifest.json`))!,
      created: new Date(Date.now() - 3 * 3600e3).toISOString(),
    };
    await testClient().send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: `lifeboat/my-app/snapshots/${ids[0]}/manifest.json`,
        Body: JSON.stringify(old),
      }),
    );
    const tooOld = await verify(bucket, { snapshot: ids[0]!, 'max-age': '1h', mode: 'stream' });
    expect(tooOld.code).toBe(1);
    expect(tooOld.errors[0]).toMatch(/restorable, but it is too old \(snapshot is 3h old; the limit is 1h\)/);
    expect(Number(tooOld.outputs['age-seconds'])).toBeGreaterThanOrEqual(3 * 3600 - 5);

    const holding = join(mkdtempSync(join(tmpdir(), 'lb-stream-')), 'never');
    const stream = await verify(bucket, { mode: 'stream', 'holding-dir': holding });
    expect(stream.code, stream.log).toBe(0);
    expect(existsSync(holding)).toBe(false);
    expect(stream.outputs['snapshot-id']).toBe(ids[2]);

    const badInput = await verify(bucket, { snapshot: 'yesterday' });
    expect(badInput.code).toBe(1);
    expect(badInput.errors[0]).toContain('Input \'snapshot\' is "yesterday"');
  });

  it('restore-to-app writes only under <path>/.lifeboat-restore/<id>/ through flyctl', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();
    const b = await backup(bucket, volume);
    const before = describeTree(volume);
    writeFileSync(join(volume, 'written-after-backup.txt'), 'newer live data\n');
    const liveBefore = describeTree(volume);
    const run = await verify(
      bucket,
      { mode: 'stream', 'restore-to-app': 'my-app', 'restore-path': '/data' },
      flyEnv(volume),
    );
    expect(run.code, run.log).toBe(0);
    const holding = join(volume, '.lifeboat-restore', b['snapshot-id']!);
    expect(describeTree(holding)).toEqual(before);
    const live = describeTree(volume);
    for (const k of Object.keys(live)) if (k.startsWith('.lifeboat-restore')) delete live[k];
    expect(live).toEqual(liveBefore);
    expect(run.log).toContain('.lifeboat-pre-restore-');
    const report = (await getJson(bucket, run.outputs['report-key']!))!;
    expect(report.restoredTo).toBe(`/data/.lifeboat-restore/${b['snapshot-id']}`);
    // the next backup leaves lifeboat's own restore folder out
    const next = await backup(bucket, volume, { 'allow-shrink': 'true' });
    expect(Number(next.entries)).toBe(Number(b.entries) + 1);
  });
});
