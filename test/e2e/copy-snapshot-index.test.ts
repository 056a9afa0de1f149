import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaErrors } from '../../src/catalog/schemas.js';
import { runCli, storageFlags } from '../helpers/cli-run.js';
import { putHandMadeSnapshot } from '../helpers/hand-made-snapshot.js';
import { addS3User, storage } from '../helpers/lifeboat-runs.js';
import { runAction } from '../helpers/run-action.js';
import { createBucket, getBytes, getJson, s3Env, s3Server } from '../helpers/s3.js';
import { tarOf } from '../helpers/tar-members.js';

/**
 * Issue 17: copy-snapshot copies the snapshot's index with its archive (the action bundle under
 * Node 24, two Ceph buckets of two users), so that `lifeboat ls/find/diff` work at the destination
 * and list exactly what they list at the source. The oracle is the source's own `lifeboat ls`.
 */

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** Nested folders, a changed-size file, and a name that is not UTF-8. */
function volume(): string {
  const root = mkdtempSync(join(tmpdir(), 'lb-copy-index-'));
  made.push(root);
  mkdirSync(join(root, 'a/b'), { recursive: true });
  writeFileSync(join(root, 'a/b/deep.txt'), 'deep\n');
  writeFileSync(join(root, 'app.db'), 'database\n');
  writeFileSync(Buffer.concat([Buffer.from(`${root}/`), Buffer.from('caf\xe9.txt', 'latin1')]), 'latin-1\n');
  return root;
}

async function backupLocal(bucket: string, dir: string) {
  const run = await runCli([
    'backup',
    '--local',
    '--path',
    dir,
    '--target',
    'my-app',
    ...storageFlags(bucket),
    '--json',
  ]);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { snapshotId: string }).snapshotId;
}

const copy = (from: string, to: Record<string, string>) =>
  runAction('copy-snapshot', {
    inputs: {
      target: 'my-app',
      ...storage(from),
      'to-force-path-style': 'true',
      'require-verified': 'false',
      ...to,
    },
    env: s3Env(),
  });

const ls = (bucket: string, env: Record<string, string> = {}, extra: string[] = []) =>
  runCli(['ls', '--target', 'my-app', ...storageFlags(bucket), ...extra], env);

const snap = (id: string) => `lifeboat/my-app/snapshots/${id}/`;

describe('copy-snapshot copies the index (dist bundle, Ceph RGW)', () => {
  it('the destination manifest names its own copy of the index; ls there prints the same bytes as at the source', async () => {
    const source = await createBucket();
    const user = addS3User();
    const dest = await user.createBucket();
    const id = await backupLocal(source, volume());
    const to = {
      'to-bucket': dest,
      'to-endpoint': s3Server().endpoint,
      'to-access-key-id': user.accessKeyId,
      'to-secret-access-key': user.secretAccessKey,
    };
    const run = await copy(source, to);
    expect(run.code, run.log).toBe(0);
    expect(run.summary).toMatch(/copied the index \(\d+ entries; sha256 [0-9a-f]{64}\)/);

    const src = (await getJson<{ index: Record<string, unknown> }>(source, `${snap(id)}manifest.json`))!;
    const dm = (await user.getJson<{ index: Record<string, unknown> }>(dest, `${snap(id)}manifest.json`))!;
    expect(schemaErrors('manifest', dm)).toEqual([]);
    expect(dm.index).toEqual({
      ...src.index,
      key: `${snap(id)}index.jsonl.gz`,
      versionId: expect.any(String) as string,
      etag: expect.any(String) as string,
    });
    expect(dm.index.versionId).not.toBe(src.index.versionId);
    expect((await user.listKeys(dest)).sort()).toContain(`${snap(id)}index.jsonl.gz`);

    for (const extra of [[], ['--json']]) {
      const here = await ls(source, {}, extra);
      const there = await ls(dest, user.env, extra);
      expect(here.code, here.stderr).toBe(0);
      expect(there.code, there.stderr).toBe(0);
      expect(there.stdout).toBe(here.stdout);
    }
    // the non-UTF-8 name survived, as bytes
    const listing = JSON.parse((await ls(dest, user.env, ['--json'])).stdout) as {
      entries: { pathBase64?: string }[];
    };
    expect(listing.entries.map((e) => e.pathBase64).filter(Boolean)).toEqual([
      Buffer.from('./caf\xe9.txt', 'latin1').toString('base64'),
    ]);
    const diff = await runCli(['diff', '--target', 'my-app', ...storageFlags(dest), id, id], user.env);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toMatch(/0 added, 0 removed, 0 changed, \d+ unchanged/);
  });

  it('a source without an index is copied as before and says the destination has none; once indexed, a re-run copies the index (index.json)', async () => {
    const source = await createBucket();
    const dest = await createBucket();
    const tar = await tarOf([
      { header: { name: './', type: 'directory', mode: 0o755 } },
      { header: { name: './notes.txt', mode: 0o644 }, body: 'old\n' },
    ]);
    const id = '20261101T000000Z';
    await putHandMadeSnapshot({
      bucket: source,
      target: 'my-app',
      id,
      tar,
      stored: gzipSync(tar),
      compression: 'gzip',
    });
    const to = { 'to-bucket': dest, 'to-endpoint': s3Server().endpoint };

    const first = await copy(source, to);
    expect(first.code, first.log).toBe(0);
    expect(first.log).toContain(
      `the destination has no index either (snapshot ${id} has no index (made before lifeboat wrote one)`,
    );
    expect(first.log).toContain(
      `\`lifeboat index --target my-app --snapshot ${id}\` against the destination bucket makes one`,
    );
    const before = await ls(dest);
    expect(before.code).toBe(2);
    expect(before.stderr).toContain('has no index');

    // indexed later at the source (index.json), then copied again: the destination gets it too
    const ix = await runCli(['index', '--target', 'my-app', ...storageFlags(source)]);
    expect(ix.code, ix.stderr).toBe(0);
    const manifestBefore = await getBytes(dest, `${snap(id)}manifest.json`);
    const again = await copy(source, to);
    expect(again.code, again.log).toBe(0);
    expect(again.outputs.copied).toBe('false');
    expect(again.summary).toContain('copied the index (2 entries');
    // the destination's manifest is left as it was: index.json names the copy
    expect((await getBytes(dest, `${snap(id)}manifest.json`)).equals(manifestBefore)).toBe(true);
    expect(await getJson(dest, `${snap(id)}index.json`)).toMatchObject({
      snapshotId: id,
      index: { key: `${snap(id)}index.jsonl.gz`, entries: 2 },
    });
    const here = await ls(source);
    const there = await ls(dest);
    expect(there.code, there.stderr).toBe(0);
    expect(there.stdout).toBe(here.stdout);
    expect(there.stdout).toMatch(/notes\.txt$/m);

    const third = await copy(source, to);
    expect(third.code, third.log).toBe(0);
    expect(third.summary).toContain('the destination already has the index (2 entries)');
  });
});
